module {
  func.func @forward(%arg0: tensor<2x2x6x6x6xf32>, %arg1: tensor<8x2x3x3x3xf32>, %arg2: tensor<8xf32>) -> tensor<2x8x4x4x4xf32> {
    %0 = tensor.empty() : tensor<2x8x4x4x4xf32>
    %broadcasted = linalg.broadcast ins(%arg2 : tensor<8xf32>) outs(%0 : tensor<2x8x4x4x4xf32>) dimensions = [0, 2, 3, 4] 
    %1 = linalg.conv_3d_ncdhw_fcdhw {dilations = dense<1> : vector<3xi64>, strides = dense<1> : vector<3xi64>} ins(%arg0, %arg1 : tensor<2x2x6x6x6xf32>, tensor<8x2x3x3x3xf32>) outs(%broadcasted : tensor<2x8x4x4x4xf32>) -> tensor<2x8x4x4x4xf32>
    return %1 : tensor<2x8x4x4x4xf32>
  }
}
