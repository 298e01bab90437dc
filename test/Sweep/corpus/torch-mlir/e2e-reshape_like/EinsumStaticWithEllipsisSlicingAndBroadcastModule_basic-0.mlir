module {
  func.func @forward(%arg0: tensor<2x6x4x5xf32>, %arg1: tensor<6x5xf32>) -> tensor<2x6x4xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<6x2x4x5xf32>
    %transposed = linalg.transpose ins(%arg0 : tensor<2x6x4x5xf32>) outs(%0 : tensor<6x2x4x5xf32>) permutation = [1, 0, 2, 3] 
    %collapsed = tensor.collapse_shape %transposed [[0], [1, 2], [3]] : tensor<6x2x4x5xf32> into tensor<6x8x5xf32>
    %expanded = tensor.expand_shape %arg1 [[0], [1, 2]] output_shape [6, 5, 1] : tensor<6x5xf32> into tensor<6x5x1xf32>
    %1 = tensor.empty() : tensor<6x8x1xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<6x8x1xf32>) -> tensor<6x8x1xf32>
    %3 = linalg.batch_matmul ins(%collapsed, %expanded : tensor<6x8x5xf32>, tensor<6x5x1xf32>) outs(%2 : tensor<6x8x1xf32>) -> tensor<6x8x1xf32>
    %expanded_0 = tensor.expand_shape %3 [[0], [1, 2], [3]] output_shape [6, 2, 4, 1] : tensor<6x8x1xf32> into tensor<6x2x4x1xf32>
    %4 = tensor.empty() : tensor<2x6x4x1xf32>
    %transposed_1 = linalg.transpose ins(%expanded_0 : tensor<6x2x4x1xf32>) outs(%4 : tensor<2x6x4x1xf32>) permutation = [1, 0, 2, 3] 
    %collapsed_2 = tensor.collapse_shape %transposed_1 [[0], [1], [2, 3]] : tensor<2x6x4x1xf32> into tensor<2x6x4xf32>
    return %collapsed_2 : tensor<2x6x4xf32>
  }
}
