#map = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> ()>
#map2 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<1x1x5x5xi1>, %arg1: tensor<i64>, %arg2: tensor<1x12x5x5xi32>) -> tensor<1x12x5x5xi32> {
    %0 = tensor.empty() : tensor<1x12x5x5xi32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map2, #map2], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0, %arg1, %arg2 : tensor<1x1x5x5xi1>, tensor<i64>, tensor<1x12x5x5xi32>) outs(%0 : tensor<1x12x5x5xi32>) {
    ^bb0(%in: i1, %in_0: i64, %in_1: i32, %out: i32):
      %2 = arith.trunci %in_0 : i64 to i32
      %3 = arith.select %in, %2, %in_1 : i32
      linalg.yield %3 : i32
    } -> tensor<1x12x5x5xi32>
    return %1 : tensor<1x12x5x5xi32>
  }
}
