module {
  func.func @forward(%arg0: tensor<5x4x10x20xf32>) -> tensor<5x4x5x10xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense_resource<torch_tensor_4_1_3_3_torch.float32> : tensor<4x1x3x3xf32>
    %padded = tensor.pad %arg0 low[0, 0, 3, 3] high[0, 0, 3, 3] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<5x4x10x20xf32> to tensor<5x4x16x26xf32>
    %0 = tensor.empty() : tensor<5x4x5x10xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<5x4x5x10xf32>) -> tensor<5x4x5x10xf32>
    %collapsed = tensor.collapse_shape %cst_0 [[0, 1], [2], [3]] : tensor<4x1x3x3xf32> into tensor<4x3x3xf32>
    %2 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<3> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %collapsed : tensor<5x4x16x26xf32>, tensor<4x3x3xf32>) outs(%1 : tensor<5x4x5x10xf32>) -> tensor<5x4x5x10xf32>
    return %2 : tensor<5x4x5x10xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_4_1_3_3_torch.float32: "0x04000000568D23BB281B373E64778CBE56337BBE4E7703BEE60FB73DAB69D8BBDF51873E9654F2BC66A4B43D904FCEBD4B3086BDD00BA3BE180F62BE9BB40CBEAB4E4A3CEBF0063ECBCE4C3E666767BE53A314BECBF4F73D34B88D3E307E8CBD7B6C7F3EAB115CBDB678103DDC889A3E8A529EBEDEE156BED6D3ACBD3E0D05BEC674933ECE3E5DBE80201DBE23786EBEFAD69FBE"
    }
  }
#-}
