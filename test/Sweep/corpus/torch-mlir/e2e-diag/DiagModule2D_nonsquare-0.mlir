#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<3x5xf32>) -> tensor<3xf32> {
    %0 = tensor.empty() : tensor<3xf32>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<3xf32>) {
    ^bb0(%out: f32):
      %2 = linalg.index 0 : index
      %extracted = tensor.extract %arg0[%2, %2] : tensor<3x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<3xf32>
    return %1 : tensor<3xf32>
  }
}
