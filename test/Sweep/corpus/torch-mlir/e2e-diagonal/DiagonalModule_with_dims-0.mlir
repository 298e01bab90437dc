#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<3x4x5xf32>) -> tensor<5x3xf32> {
    %0 = tensor.empty() : tensor<5x3xf32>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%0 : tensor<5x3xf32>) {
    ^bb0(%out: f32):
      %2 = linalg.index 1 : index
      %3 = linalg.index 0 : index
      %extracted = tensor.extract %arg0[%2, %2, %3] : tensor<3x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<5x3xf32>
    return %1 : tensor<5x3xf32>
  }
}
