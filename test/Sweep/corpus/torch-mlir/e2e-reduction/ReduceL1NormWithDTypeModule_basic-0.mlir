#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d1, d2)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<3x4x5xf32>) -> tensor<4x5xf64> {
    %cst = arith.constant 0.000000e+00 : f64
    %cst_0 = arith.constant 1.000000e+00 : f64
    %0 = tensor.empty() : tensor<4x5xf64>
    %1 = linalg.fill ins(%cst : f64) outs(%0 : tensor<4x5xf64>) -> tensor<4x5xf64>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "parallel", "parallel"]} ins(%arg0 : tensor<3x4x5xf32>) outs(%1 : tensor<4x5xf64>) {
    ^bb0(%in: f32, %out: f64):
      %4 = arith.extf %in : f32 to f64
      %5 = math.absf %4 : f64
      %6 = math.powf %5, %cst_0 : f64
      %7 = arith.addf %6, %out : f64
      linalg.yield %7 : f64
    } -> tensor<4x5xf64>
    %3 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%2 : tensor<4x5xf64>) outs(%0 : tensor<4x5xf64>) {
    ^bb0(%in: f64, %out: f64):
      %4 = math.powf %in, %cst_0 : f64
      linalg.yield %4 : f64
    } -> tensor<4x5xf64>
    return %3 : tensor<4x5xf64>
  }
}
