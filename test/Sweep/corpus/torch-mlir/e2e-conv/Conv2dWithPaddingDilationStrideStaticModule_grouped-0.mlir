module {
  func.func @forward(%arg0: tensor<5x4x10x20xf32>) -> tensor<5x4x5x10xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense_resource<torch_tensor_4_2_3_3_torch.float32> : tensor<4x2x3x3xf32>
    %padded = tensor.pad %arg0 low[0, 0, 3, 3] high[0, 0, 3, 3] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<5x4x10x20xf32> to tensor<5x4x16x26xf32>
    %0 = tensor.empty() : tensor<5x4x5x10xf32>
    %expanded = tensor.expand_shape %padded [[0], [1, 2], [3], [4]] output_shape [5, 2, 2, 16, 26] : tensor<5x4x16x26xf32> into tensor<5x2x2x16x26xf32>
    %expanded_1 = tensor.expand_shape %cst_0 [[0, 1], [2], [3], [4]] output_shape [2, 2, 2, 3, 3] : tensor<4x2x3x3xf32> into tensor<2x2x2x3x3xf32>
    %expanded_2 = tensor.expand_shape %0 [[0], [1, 2], [3], [4]] output_shape [5, 2, 2, 5, 10] : tensor<5x4x5x10xf32> into tensor<5x2x2x5x10xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%expanded_2 : tensor<5x2x2x5x10xf32>) -> tensor<5x2x2x5x10xf32>
    %2 = linalg.conv_2d_ngchw_gfchw {dilations = dense<3> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%expanded, %expanded_1 : tensor<5x2x2x16x26xf32>, tensor<2x2x2x3x3xf32>) outs(%1 : tensor<5x2x2x5x10xf32>) -> tensor<5x2x2x5x10xf32>
    %collapsed = tensor.collapse_shape %2 [[0], [1, 2], [3], [4]] : tensor<5x2x2x5x10xf32> into tensor<5x4x5x10xf32>
    return %collapsed : tensor<5x4x5x10xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_4_2_3_3_torch.float32: "0x040000002E4CE7BABE79013E42A646BE27A031BEC9EBB9BDC771813DE50699BB015F3F3E7D5AABBC74777F3D3EE291BD7AC53DBD029566BE0BD91FBED4FCC6BD880D0F3CE4D5BE3D2BD2103E94A023BEB234D2BDDF54AF3DF56B483EDFAF46BDA39C343EBF9C1BBD4750CC3C818B5A3ED6E65FBED9F117BE3B6A74BDDE29BCBDD388503EAE711CBE0936DEBD8D9F28BE2B0C62BE1EE40CBEC9784F3ED265D73DD5F5E93D62184B3C4F7BF7BD4A56233D115B61BEE0652EBE11DBF8BD5A48183E94830D3E4915D6BD4C570BBC225D1A3E6EF16F3E0F95BF3D6F6C023DF7D3213EE11C0EBE40E7333D86203BBE5C4827BE435DF9BDC06ADA3D5221C23D3DF80EBE25D5913DD97F043EAEB5F3BC8A72133C39B25F3DCABB153E69C0673E3DFF39BED1E6B0BD"
    }
  }
#-}
