#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<3x4xi64>) -> tensor<3x4xi1> {
    %c0_i64 = arith.constant 0 : i64
    %0 = tensor.empty() : tensor<3x4xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x4xi64>) outs(%0 : tensor<3x4xi1>) {
    ^bb0(%in: i64, %out: i1):
      %2 = arith.cmpi slt, %in, %c0_i64 : i64
      linalg.yield %2 : i1
    } -> tensor<3x4xi1>
    return %1 : tensor<3x4xi1>
  }
}
