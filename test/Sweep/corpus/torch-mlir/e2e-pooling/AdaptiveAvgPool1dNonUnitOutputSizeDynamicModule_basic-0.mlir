module {
  func.func @forward(%arg0: tensor<1x512x7xf32>) -> tensor<1x512x7xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %expanded = tensor.expand_shape %arg0 [[0], [1], [2, 3]] output_shape [1, 512, 1, 7] : tensor<1x512x7xf32> into tensor<1x512x1x7xf32>
    %0 = tensor.empty() : tensor<1x512x1x7xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x512x1x7xf32>) -> tensor<1x512x1x7xf32>
    %2 = tensor.empty() : tensor<1x1xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%expanded, %2 : tensor<1x512x1x7xf32>, tensor<1x1xf32>) outs(%1 : tensor<1x512x1x7xf32>) -> tensor<1x512x1x7xf32>
    %collapsed = tensor.collapse_shape %3 [[0], [1, 2], [3]] : tensor<1x512x1x7xf32> into tensor<1x512x7xf32>
    return %collapsed : tensor<1x512x7xf32>
  }
}
