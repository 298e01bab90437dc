#map = affine_map<() -> ()>
module {
  func.func @forward(%arg0: tensor<f32>) -> tensor<f64> {
    %cst = arith.constant 0.000000e+00 : f64
    %0 = tensor.empty() : tensor<f64>
    %1 = linalg.fill ins(%cst : f64) outs(%0 : tensor<f64>) -> tensor<f64>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = []} ins(%arg0 : tensor<f32>) outs(%1 : tensor<f64>) {
    ^bb0(%in: f32, %out: f64):
      %3 = arith.extf %in : f32 to f64
      %4 = arith.addf %3, %out : f64
      linalg.yield %4 : f64
    } -> tensor<f64>
    return %2 : tensor<f64>
  }
}
