module {
  func.func @forward(%arg0: tensor<5x4x10x20xf32>) -> tensor<5x8x5x10xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense_resource<torch_tensor_8_1_3_3_torch.float32> : tensor<8x1x3x3xf32>
    %padded = tensor.pad %arg0 low[0, 0, 3, 3] high[0, 0, 3, 3] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<5x4x10x20xf32> to tensor<5x4x16x26xf32>
    %0 = tensor.empty() : tensor<5x8x5x10xf32>
    %expanded = tensor.expand_shape %padded [[0], [1, 2], [3], [4]] output_shape [5, 4, 1, 16, 26] : tensor<5x4x16x26xf32> into tensor<5x4x1x16x26xf32>
    %expanded_1 = tensor.expand_shape %cst_0 [[0, 1], [2], [3], [4]] output_shape [4, 2, 1, 3, 3] : tensor<8x1x3x3xf32> into tensor<4x2x1x3x3xf32>
    %expanded_2 = tensor.expand_shape %0 [[0], [1, 2], [3], [4]] output_shape [5, 4, 2, 5, 10] : tensor<5x8x5x10xf32> into tensor<5x4x2x5x10xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%expanded_2 : tensor<5x4x2x5x10xf32>) -> tensor<5x4x2x5x10xf32>
    %2 = linalg.conv_2d_ngchw_gfchw {dilations = dense<3> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%expanded, %expanded_1 : tensor<5x4x1x16x26xf32>, tensor<4x2x1x3x3xf32>) outs(%1 : tensor<5x4x2x5x10xf32>) -> tensor<5x4x2x5x10xf32>
    %collapsed = tensor.collapse_shape %2 [[0], [1, 2], [3], [4]] : tensor<5x4x2x5x10xf32> into tensor<5x8x5x10xf32>
    return %collapsed : tensor<5x8x5x10xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_8_1_3_3_torch.float32: "0x04000000568D23BB281B373E64778CBE56337BBE4E7703BEE60FB73DAB69D8BBDF51873E9654F2BC66A4B43D904FCEBD4B3086BDD00BA3BE180F62BE9BB40CBEAB4E4A3CEBF0063ECBCE4C3E666767BE53A314BECBF4F73D34B88D3E307E8CBD7B6C7F3EAB115CBDB678103DDC889A3E8A529EBEDEE156BED6D3ACBD3E0D05BEC674933ECE3E5DBE80201DBE23786EBEFAD69FBE064047BE6AB4923E284F183E566F253E2B9C8F3CF8FE2EBE56FE663DBF599FBECEA276BEB3F72FBE335C573E8821483E306117BED60E45BCAB4D5A3E57AAA93E1878073E6072383DFEDB643E56FA48BEF66B7E3D9E5184BECB926CBEC35330BEB3711A3E5045093E8E304ABE0B3DCE3DE8613B3E2B542CBDAB85503C562D9E3D56C1533E86DFA33E0F8583BE3B2DFABD"
    }
  }
#-}
