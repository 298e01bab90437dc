#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> ()>
module {
  func.func @forward(%arg0: tensor<3x4x5xi64>) -> tensor<i64> {
    %c-9223372036854775808_i64 = arith.constant -9223372036854775808 : i64
    %0 = tensor.empty() : tensor<i64>
    %1 = linalg.fill ins(%c-9223372036854775808_i64 : i64) outs(%0 : tensor<i64>) -> tensor<i64>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction", "reduction"]} ins(%arg0 : tensor<3x4x5xi64>) outs(%1 : tensor<i64>) {
    ^bb0(%in: i64, %out: i64):
      %3 = arith.maxsi %in, %out : i64
      linalg.yield %3 : i64
    } -> tensor<i64>
    return %2 : tensor<i64>
  }
}
