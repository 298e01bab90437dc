#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @forward(%arg0: tensor<3x5xf32>, %arg1: tensor<5xf32>) -> tensor<3x5xi1> {
    %0 = tensor.empty() : tensor<3x5xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<3x5xf32>, tensor<5xf32>) outs(%0 : tensor<3x5xi1>) {
    ^bb0(%in: f32, %in_0: f32, %out: i1):
      %2 = arith.cmpf ole, %in, %in_0 : f32
      linalg.yield %2 : i1
    } -> tensor<3x5xi1>
    return %1 : tensor<3x5xi1>
  }
}
