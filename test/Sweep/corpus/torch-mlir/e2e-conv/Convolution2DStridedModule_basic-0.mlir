module {
  func.func @forward(%arg0: tensor<3x3x10x10xf32>, %arg1: tensor<3x3x2x2xf32>) -> tensor<3x3x5x5xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 2, 2] high[0, 0, 2, 2] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<3x3x10x10xf32> to tensor<3x3x14x14xf32>
    %0 = tensor.empty() : tensor<3x3x5x5xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<3x3x5x5xf32>) -> tensor<3x3x5x5xf32>
    %2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<3> : vector<2xi64>} ins(%padded, %arg1 : tensor<3x3x14x14xf32>, tensor<3x3x2x2xf32>) outs(%1 : tensor<3x3x5x5xf32>) -> tensor<3x3x5x5xf32>
    return %2 : tensor<3x3x5x5xf32>
  }
}
