module {
  func.func @forward(%arg0: tensor<2x3x5xf32>) -> tensor<6x5xf32> {
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<2x3x5xf32> into tensor<6x5xf32>
    return %collapsed : tensor<6x5xf32>
  }
}
