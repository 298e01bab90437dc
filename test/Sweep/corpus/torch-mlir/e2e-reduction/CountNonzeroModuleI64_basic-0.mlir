#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<2x3x4xi64>) -> tensor<2x3xi64> {
    %c0_i64 = arith.constant 0 : i64
    %0 = tensor.empty() : tensor<2x3x4xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<2x3x4xi64>) outs(%0 : tensor<2x3x4xi1>) {
    ^bb0(%in: i64, %out: i1):
      %5 = arith.cmpi ne, %in, %c0_i64 : i64
      linalg.yield %5 : i1
    } -> tensor<2x3x4xi1>
    %2 = tensor.empty() : tensor<2x3xi64>
    %3 = linalg.fill ins(%c0_i64 : i64) outs(%2 : tensor<2x3xi64>) -> tensor<2x3xi64>
    %4 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "reduction"]} ins(%1 : tensor<2x3x4xi1>) outs(%3 : tensor<2x3xi64>) {
    ^bb0(%in: i1, %out: i64):
      %5 = arith.extui %in : i1 to i64
      %6 = arith.addi %5, %out : i64
      linalg.yield %6 : i64
    } -> tensor<2x3xi64>
    return %4 : tensor<2x3xi64>
  }
}
