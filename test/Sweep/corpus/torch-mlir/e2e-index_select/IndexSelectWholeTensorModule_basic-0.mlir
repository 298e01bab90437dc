#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<3xf32>, %arg1: tensor<3xi64>) -> tensor<3xf32> {
    %0 = tensor.empty() : tensor<3xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%arg1 : tensor<3xi64>) outs(%0 : tensor<3xf32>) {
    ^bb0(%in: i64, %out: f32):
      %2 = arith.index_cast %in : i64 to index
      %extracted = tensor.extract %arg0[%2] : tensor<3xf32>
      linalg.yield %extracted : f32
    } -> tensor<3xf32>
    return %1 : tensor<3xf32>
  }
}
