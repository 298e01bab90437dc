#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<2x3xf32>) -> tensor<2x3xi1> {
    %cst = arith.constant 2.000000e+00 : f64
    %0 = tensor.empty() : tensor<2x3xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<2x3xf32>) outs(%0 : tensor<2x3xi1>) {
    ^bb0(%in: f32, %out: i1):
      %2 = arith.extf %in : f32 to f64
      %3 = arith.cmpf une, %2, %cst : f64
      linalg.yield %3 : i1
    } -> tensor<2x3xi1>
    return %1 : tensor<2x3xi1>
  }
}
