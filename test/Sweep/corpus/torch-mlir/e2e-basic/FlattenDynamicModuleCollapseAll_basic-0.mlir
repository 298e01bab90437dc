module {
  func.func @forward(%arg0: tensor<10x3x8x9x3x4xf32>) -> tensor<25920xf32> {
    %collapsed = tensor.collapse_shape %arg0 [[0, 1, 2, 3, 4, 5]] : tensor<10x3x8x9x3x4xf32> into tensor<25920xf32>
    return %collapsed : tensor<25920xf32>
  }
}
