module {
  func.func @forward(%arg0: tensor<3x4x6xf32>, %arg1: tensor<3x6x5xf32>) -> tensor<3x4x5xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x4x5xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<3x4x5xf32>) -> tensor<3x4x5xf32>
    %2 = linalg.batch_matmul ins(%arg0, %arg1 : tensor<3x4x6xf32>, tensor<3x6x5xf32>) outs(%1 : tensor<3x4x5xf32>) -> tensor<3x4x5xf32>
    %expanded = tensor.expand_shape %2 [[0], [1], [2, 3]] output_shape [3, 4, 1, 5] : tensor<3x4x5xf32> into tensor<3x4x1x5xf32>
    %3 = tensor.empty() : tensor<3x4x5x1xf32>
    %transposed = linalg.transpose ins(%expanded : tensor<3x4x1x5xf32>) outs(%3 : tensor<3x4x5x1xf32>) permutation = [0, 1, 3, 2] 
    %collapsed = tensor.collapse_shape %transposed [[0], [1], [2, 3]] : tensor<3x4x5x1xf32> into tensor<3x4x5xf32>
    return %collapsed : tensor<3x4x5xf32>
  }
}
