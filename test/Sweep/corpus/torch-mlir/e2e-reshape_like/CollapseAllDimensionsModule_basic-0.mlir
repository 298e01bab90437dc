module {
  func.func @forward(%arg0: tensor<2x2x2x2xf32>) -> tensor<16xf32> {
    %collapsed = tensor.collapse_shape %arg0 [[0, 1, 2, 3]] : tensor<2x2x2x2xf32> into tensor<16xf32>
    return %collapsed : tensor<16xf32>
  }
}
