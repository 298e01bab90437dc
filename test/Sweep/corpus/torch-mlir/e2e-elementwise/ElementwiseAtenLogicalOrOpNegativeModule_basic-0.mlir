#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<2x3x4x5xi64>, %arg1: tensor<2x3x4x5xi64>) -> tensor<2x3x4x5xi1> {
    %c0_i64 = arith.constant 0 : i64
    %0 = tensor.empty() : tensor<2x3x4x5xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<2x3x4x5xi64>, tensor<2x3x4x5xi64>) outs(%0 : tensor<2x3x4x5xi1>) {
    ^bb0(%in: i64, %in_0: i64, %out: i1):
      %2 = arith.cmpi ne, %in, %c0_i64 : i64
      %3 = arith.cmpi ne, %in_0, %c0_i64 : i64
      %4 = arith.ori %2, %3 : i1
      linalg.yield %4 : i1
    } -> tensor<2x3x4x5xi1>
    return %1 : tensor<2x3x4x5xi1>
  }
}
