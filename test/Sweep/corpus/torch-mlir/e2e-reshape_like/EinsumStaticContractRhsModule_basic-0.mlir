module {
  func.func @forward(%arg0: tensor<3x4x5xf32>, %arg1: tensor<4x5xf32>) -> tensor<3xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %expanded = tensor.expand_shape %arg1 [[0], [1, 2]] output_shape [4, 5, 1] : tensor<4x5xf32> into tensor<4x5x1xf32>
    %collapsed = tensor.collapse_shape %arg0 [[0], [1, 2]] : tensor<3x4x5xf32> into tensor<3x20xf32>
    %expanded_0 = tensor.expand_shape %collapsed [[0, 1], [2]] output_shape [1, 3, 20] : tensor<3x20xf32> into tensor<1x3x20xf32>
    %collapsed_1 = tensor.collapse_shape %expanded [[0, 1], [2]] : tensor<4x5x1xf32> into tensor<20x1xf32>
    %expanded_2 = tensor.expand_shape %collapsed_1 [[0, 1], [2]] output_shape [1, 20, 1] : tensor<20x1xf32> into tensor<1x20x1xf32>
    %0 = tensor.empty() : tensor<1x3x1xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x3x1xf32>) -> tensor<1x3x1xf32>
    %2 = linalg.batch_matmul ins(%expanded_0, %expanded_2 : tensor<1x3x20xf32>, tensor<1x20x1xf32>) outs(%1 : tensor<1x3x1xf32>) -> tensor<1x3x1xf32>
    %collapsed_3 = tensor.collapse_shape %2 [[0, 1, 2]] : tensor<1x3x1xf32> into tensor<3xf32>
    return %collapsed_3 : tensor<3xf32>
  }
}
