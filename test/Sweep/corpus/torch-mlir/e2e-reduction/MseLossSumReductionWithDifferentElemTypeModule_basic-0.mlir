#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> ()>
module {
  func.func @forward(%arg0: tensor<2x4xf32>, %arg1: tensor<2x4xf64>) -> tensor<f64> {
    %c2_i64 = arith.constant 2 : i64
    %cst = arith.constant 0.000000e+00 : f64
    %0 = tensor.empty() : tensor<2x4xf64>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<2x4xf32>) outs(%0 : tensor<2x4xf64>) {
    ^bb0(%in: f32, %out: f64):
      %7 = arith.extf %in : f32 to f64
      linalg.yield %7 : f64
    } -> tensor<2x4xf64>
    %2 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%1, %arg1 : tensor<2x4xf64>, tensor<2x4xf64>) outs(%0 : tensor<2x4xf64>) {
    ^bb0(%in: f64, %in_0: f64, %out: f64):
      %7 = arith.subf %in, %in_0 : f64
      linalg.yield %7 : f64
    } -> tensor<2x4xf64>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%2 : tensor<2x4xf64>) outs(%0 : tensor<2x4xf64>) {
    ^bb0(%in: f64, %out: f64):
      %7 = math.fpowi %in, %c2_i64 : f64, i64
      linalg.yield %7 : f64
    } -> tensor<2x4xf64>
    %4 = tensor.empty() : tensor<f64>
    %5 = linalg.fill ins(%cst : f64) outs(%4 : tensor<f64>) -> tensor<f64>
    %6 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction"]} ins(%3 : tensor<2x4xf64>) outs(%5 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %7 = arith.addf %in, %out : f64
      linalg.yield %7 : f64
    } -> tensor<f64>
    return %6 : tensor<f64>
  }
}
