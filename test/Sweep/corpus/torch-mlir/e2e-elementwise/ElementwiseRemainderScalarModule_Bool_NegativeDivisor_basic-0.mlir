#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<5xi1>) -> tensor<5xi64> {
    %c-3_i64 = arith.constant -3 : i64
    %c0_i64 = arith.constant 0 : i64
    %0 = tensor.empty() : tensor<5xi64>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%arg0 : tensor<5xi1>) outs(%0 : tensor<5xi64>) {
    ^bb0(%in: i1, %out: i64):
      %2 = arith.extui %in : i1 to i64
      %3 = arith.remsi %2, %c-3_i64 : i64
      %4 = arith.cmpi ne, %3, %c0_i64 : i64
      %5 = arith.cmpi sge, %3, %c0_i64 : i64
      %6 = arith.andi %4, %5 : i1
      %7 = arith.addi %3, %c-3_i64 : i64
      %8 = arith.select %6, %7, %3 : i64
      linalg.yield %8 : i64
    } -> tensor<5xi64>
    return %1 : tensor<5xi64>
  }
}
