module {
  func.func @forward(%arg0: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
    %collapsed = tensor.collapse_shape %arg0 [[0], [1, 2]] : tensor<2x3x4xf32> into tensor<2x12xf32>
    return %collapsed : tensor<2x12xf32>
  }
}
