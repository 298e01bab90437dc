#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<3x4xi32>) -> tensor<3x4xi1> {
    %c2_i64 = arith.constant 2 : i64
    %0 = tensor.empty() : tensor<3x4xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x4xi32>) outs(%0 : tensor<3x4xi1>) {
    ^bb0(%in: i32, %out: i1):
      %2 = arith.extsi %in : i32 to i64
      %3 = arith.cmpi slt, %2, %c2_i64 : i64
      linalg.yield %3 : i1
    } -> tensor<3x4xi1>
    return %1 : tensor<3x4xi1>
  }
}
