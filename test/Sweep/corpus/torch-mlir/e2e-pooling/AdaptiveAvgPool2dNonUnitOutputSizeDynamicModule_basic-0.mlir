module {
  func.func @forward(%arg0: tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<1x512x7x7xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32>
    %2 = tensor.empty() : tensor<1x1xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %2 : tensor<1x512x7x7xf32>, tensor<1x1xf32>) outs(%1 : tensor<1x512x7x7xf32>) -> tensor<1x512x7x7xf32>
    return %3 : tensor<1x512x7x7xf32>
  }
}
