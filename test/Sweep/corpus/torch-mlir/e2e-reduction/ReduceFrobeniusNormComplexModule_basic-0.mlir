#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d2)>
#map2 = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<3x4x5xcomplex<f64>>) -> tensor<5xf64> {
    %cst = arith.constant 0.000000e+00 : f64
    %cst_0 = arith.constant 2.000000e+00 : f64
    %cst_1 = arith.constant 5.000000e-01 : f64
    %0 = tensor.empty() : tensor<5xf64>
    %1 = linalg.fill ins(%cst : f64) outs(%0 : tensor<5xf64>) -> tensor<5xf64>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction", "parallel"]} ins(%arg0 : tensor<3x4x5xcomplex<f64>>) outs(%1 : tensor<5xf64>) {
    ^bb0(%in: complex<f64>, %out: f64):
      %4 = complex.abs %in : complex<f64>
      %5 = math.powf %4, %cst_0 : f64
      %6 = arith.addf %5, %out : f64
      linalg.yield %6 : f64
    } -> tensor<5xf64>
    %3 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%2 : tensor<5xf64>) outs(%0 : tensor<5xf64>) {
    ^bb0(%in: f64, %out: f64):
      %4 = math.powf %in, %cst_1 : f64
      linalg.yield %4 : f64
    } -> tensor<5xf64>
    return %3 : tensor<5xf64>
  }
}
