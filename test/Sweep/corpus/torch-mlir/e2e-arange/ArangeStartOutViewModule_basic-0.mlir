#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<3x4xi64>) -> (tensor<12xi64>, tensor<12xi64>) {
    %c1_i64 = arith.constant 1 : i64
    %0 = tensor.empty() : tensor<12xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<12xi64>) {
    ^bb0(%out: i64):
      %2 = linalg.index 0 : index
      %3 = arith.index_cast %2 : index to i64
      %4 = arith.addi %3, %c1_i64 : i64
      linalg.yield %4 : i64
    } -> tensor<12xi64>
    return %1, %1 : tensor<12xi64>, tensor<12xi64>
  }
}
