#map = affine_map<(d0, d1, d2) -> (d1)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @forward(%arg0: tensor<4x5x6xf32>, %arg1: tensor<i64>) -> tensor<4x1x6xf32> {
    %expanded = tensor.expand_shape %arg1 [] output_shape [1] : tensor<i64> into tensor<1xi64>
    %0 = tensor.empty() : tensor<4x1x6xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%expanded : tensor<1xi64>) outs(%0 : tensor<4x1x6xf32>) {
    ^bb0(%in: i64, %out: f32):
      %2 = arith.index_cast %in : i64 to index
      %3 = linalg.index 0 : index
      %4 = linalg.index 2 : index
      %extracted = tensor.extract %arg0[%3, %2, %4] : tensor<4x5x6xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x1x6xf32>
    return %1 : tensor<4x1x6xf32>
  }
}
