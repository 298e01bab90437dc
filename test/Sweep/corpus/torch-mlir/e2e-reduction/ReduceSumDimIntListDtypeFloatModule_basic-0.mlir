#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d2)>
module {
  func.func @forward(%arg0: tensor<3x4x5xf64>) -> tensor<5xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<5xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<5xf32>) -> tensor<5xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction", "parallel"]} ins(%arg0 : tensor<3x4x5xf64>) outs(%1 : tensor<5xf32>) {
    ^bb0(%in: f64, %out: f32):
      %3 = arith.truncf %in : f64 to f32
      %4 = arith.addf %3, %out : f32
      linalg.yield %4 : f32
    } -> tensor<5xf32>
    return %2 : tensor<5xf32>
  }
}
