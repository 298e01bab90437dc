module {
  func.func @forward(%arg0: tensor<3x4x5x6xf32>, %arg1: tensor<3x7x5x6xf32>) -> tensor<3x4x5x7xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %expanded = tensor.expand_shape %arg0 [[0], [1], [2], [3, 4]] output_shape [3, 4, 5, 6, 1] : tensor<3x4x5x6xf32> into tensor<3x4x5x6x1xf32>
    %expanded_0 = tensor.expand_shape %arg1 [[0], [1], [2], [3, 4]] output_shape [3, 7, 5, 6, 1] : tensor<3x7x5x6xf32> into tensor<3x7x5x6x1xf32>
    %0 = tensor.empty() : tensor<3x5x4x6x1xf32>
    %transposed = linalg.transpose ins(%expanded : tensor<3x4x5x6x1xf32>) outs(%0 : tensor<3x5x4x6x1xf32>) permutation = [0, 2, 1, 3, 4] 
    %collapsed = tensor.collapse_shape %transposed [[0, 1], [2], [3, 4]] : tensor<3x5x4x6x1xf32> into tensor<15x4x6xf32>
    %1 = tensor.empty() : tensor<3x5x6x7x1xf32>
    %transposed_1 = linalg.transpose ins(%expanded_0 : tensor<3x7x5x6x1xf32>) outs(%1 : tensor<3x5x6x7x1xf32>) permutation = [0, 2, 3, 1, 4] 
    %collapsed_2 = tensor.collapse_shape %transposed_1 [[0, 1], [2], [3, 4]] : tensor<3x5x6x7x1xf32> into tensor<15x6x7xf32>
    %2 = tensor.empty() : tensor<15x4x7xf32>
    %3 = linalg.fill ins(%cst : f32) outs(%2 : tensor<15x4x7xf32>) -> tensor<15x4x7xf32>
    %4 = linalg.batch_matmul ins(%collapsed, %collapsed_2 : tensor<15x4x6xf32>, tensor<15x6x7xf32>) outs(%3 : tensor<15x4x7xf32>) -> tensor<15x4x7xf32>
    %expanded_3 = tensor.expand_shape %4 [[0, 1], [2], [3, 4]] output_shape [3, 5, 4, 1, 7] : tensor<15x4x7xf32> into tensor<3x5x4x1x7xf32>
    %5 = tensor.empty() : tensor<3x4x5x7x1xf32>
    %transposed_4 = linalg.transpose ins(%expanded_3 : tensor<3x5x4x1x7xf32>) outs(%5 : tensor<3x4x5x7x1xf32>) permutation = [0, 2, 1, 4, 3] 
    %collapsed_5 = tensor.collapse_shape %transposed_4 [[0], [1], [2], [3, 4]] : tensor<3x4x5x7x1xf32> into tensor<3x4x5x7xf32>
    return %collapsed_5 : tensor<3x4x5x7xf32>
  }
}
