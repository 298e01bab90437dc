#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<4xi64>) -> tensor<4xi1> {
    %c1_i64 = arith.constant 1 : i64
    %0 = tensor.empty() : tensor<4xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%arg0 : tensor<4xi64>) outs(%0 : tensor<4xi1>) {
    ^bb0(%in: i64, %out: i1):
      %2 = arith.cmpi sle, %in, %c1_i64 : i64
      linalg.yield %2 : i1
    } -> tensor<4xi1>
    return %1 : tensor<4xi1>
  }
}
