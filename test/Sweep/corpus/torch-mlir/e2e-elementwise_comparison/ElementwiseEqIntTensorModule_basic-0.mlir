#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @forward(%arg0: tensor<8x5xi64>, %arg1: tensor<5xi64>) -> tensor<8x5xi1> {
    %0 = tensor.empty() : tensor<8x5xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1 : tensor<8x5xi64>, tensor<5xi64>) outs(%0 : tensor<8x5xi1>) {
    ^bb0(%in: i64, %in_0: i64, %out: i1):
      %2 = arith.cmpi eq, %in, %in_0 : i64
      linalg.yield %2 : i1
    } -> tensor<8x5xi1>
    return %1 : tensor<8x5xi1>
  }
}
