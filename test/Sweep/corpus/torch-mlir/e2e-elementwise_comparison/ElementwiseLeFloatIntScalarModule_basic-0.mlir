#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<3x5xf32>) -> tensor<3x5xi1> {
    %cst = arith.constant 7.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x5xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x5xf32>) outs(%0 : tensor<3x5xi1>) {
    ^bb0(%in: f32, %out: i1):
      %2 = arith.cmpf ole, %in, %cst : f32
      linalg.yield %2 : i1
    } -> tensor<3x5xi1>
    return %1 : tensor<3x5xi1>
  }
}
