#map = affine_map<(d0, d1, d2) -> (d0)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @forward(%arg0: tensor<4x5x6xf32>, %arg1: tensor<4xi64>) -> tensor<4x5x6xf32> {
    %0 = tensor.empty() : tensor<4x5x6xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1 : tensor<4xi64>) outs(%0 : tensor<4x5x6xf32>) {
    ^bb0(%in: i64, %out: f32):
      %2 = arith.index_cast %in : i64 to index
      %3 = linalg.index 1 : index
      %4 = linalg.index 2 : index
      %extracted = tensor.extract %arg0[%2, %3, %4] : tensor<4x5x6xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x5x6xf32>
    return %1 : tensor<4x5x6xf32>
  }
}
