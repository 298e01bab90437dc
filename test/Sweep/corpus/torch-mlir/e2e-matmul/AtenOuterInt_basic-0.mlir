#map = affine_map<(d0, d1) -> (d0, 0)>
#map1 = affine_map<(d0, d1) -> (d1)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<4xi64>, %arg1: tensor<3xi64>) -> tensor<4x3xi64> {
    %expanded = tensor.expand_shape %arg0 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
    %0 = tensor.empty() : tensor<4x3xi64>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "parallel"]} ins(%expanded, %arg1 : tensor<4x1xi64>, tensor<3xi64>) outs(%0 : tensor<4x3xi64>) {
    ^bb0(%in: i64, %in_0: i64, %out: i64):
      %2 = arith.muli %in, %in_0 : i64
      linalg.yield %2 : i64
    } -> tensor<4x3xi64>
    return %1 : tensor<4x3xi64>
  }
}
