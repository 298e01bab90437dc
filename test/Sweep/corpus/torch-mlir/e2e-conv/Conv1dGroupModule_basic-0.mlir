module {
  func.func @forward(%arg0: tensor<2x4x6xf32>, %arg1: tensor<8x2x3xf32>, %arg2: tensor<8xf32>) -> tensor<2x8x4xf32> {
    %0 = tensor.empty() : tensor<2x8x4x1xf32>
    %broadcasted = linalg.broadcast ins(%arg2 : tensor<8xf32>) outs(%0 : tensor<2x8x4x1xf32>) dimensions = [0, 2, 3] 
    %expanded = tensor.expand_shape %arg0 [[0], [1, 2], [3, 4]] output_shape [2, 2, 2, 6, 1] : tensor<2x4x6xf32> into tensor<2x2x2x6x1xf32>
    %expanded_0 = tensor.expand_shape %arg1 [[0, 1], [2], [3, 4]] output_shape [2, 4, 2, 3, 1] : tensor<8x2x3xf32> into tensor<2x4x2x3x1xf32>
    %expanded_1 = tensor.expand_shape %broadcasted [[0], [1, 2], [3], [4]] output_shape [2, 2, 4, 4, 1] : tensor<2x8x4x1xf32> into tensor<2x2x4x4x1xf32>
    %1 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%expanded, %expanded_0 : tensor<2x2x2x6x1xf32>, tensor<2x4x2x3x1xf32>) outs(%expanded_1 : tensor<2x2x4x4x1xf32>) -> tensor<2x2x4x4x1xf32>
    %collapsed = tensor.collapse_shape %1 [[0], [1, 2], [3, 4]] : tensor<2x2x4x4x1xf32> into tensor<2x8x4xf32>
    return %collapsed : tensor<2x8x4xf32>
  }
}
