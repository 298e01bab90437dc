module {
  func.func @forward(%arg0: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
    %expanded = tensor.expand_shape %arg0 [[0], [1, 2], [3], [4]] output_shape [1, 4, 2, 4, 4] : tensor<1x8x4x4xf32> into tensor<1x4x2x4x4xf32>
    %0 = tensor.empty() : tensor<1x2x4x4x4xf32>
    %transposed = linalg.transpose ins(%expanded : tensor<1x4x2x4x4xf32>) outs(%0 : tensor<1x2x4x4x4xf32>) permutation = [0, 2, 1, 3, 4] 
    %collapsed = tensor.collapse_shape %transposed [[0], [1, 2], [3], [4]] : tensor<1x2x4x4x4xf32> into tensor<1x8x4x4xf32>
    return %collapsed : tensor<1x8x4x4xf32>
  }
}
