module {
  func.func @forward(%arg0: tensor<5x4x3x2x1xf32>) -> tensor<20x3x2x1xf32> {
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2], [3], [4]] : tensor<5x4x3x2x1xf32> into tensor<20x3x2x1xf32>
    return %collapsed : tensor<20x3x2x1xf32>
  }
}
