#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward() -> tensor<5xi64> {
    %c10_i64 = arith.constant 10 : i64
    %c-2_i64 = arith.constant -2 : i64
    %0 = tensor.empty() : tensor<5xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<5xi64>) {
    ^bb0(%out: i64):
      %2 = linalg.index 0 : index
      %3 = arith.index_cast %2 : index to i64
      %4 = arith.muli %3, %c-2_i64 : i64
      %5 = arith.addi %4, %c10_i64 : i64
      linalg.yield %5 : i64
    } -> tensor<5xi64>
    return %1 : tensor<5xi64>
  }
}
