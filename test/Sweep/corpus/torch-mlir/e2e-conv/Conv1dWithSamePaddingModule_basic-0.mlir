module {
  func.func @forward(%arg0: tensor<5x2x10xf32>) -> tensor<5x10x10xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense_resource<torch_tensor_10_2_3_torch.float32> : tensor<10x2x3xf32>
    %padded = tensor.pad %arg0 low[0, 0, 1] high[0, 0, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index):
      tensor.yield %cst : f32
    } : tensor<5x2x10xf32> to tensor<5x2x12xf32>
    %0 = tensor.empty() : tensor<5x10x10xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<5x10x10xf32>) -> tensor<5x10x10xf32>
    %2 = linalg.conv_1d_ncw_fcw {dilations = dense<1> : vector<1xi64>, strides = dense<1> : vector<1xi64>} ins(%padded, %cst_0 : tensor<5x2x12xf32>, tensor<10x2x3xf32>) outs(%1 : tensor<5x10x10xf32>) -> tensor<5x10x10xf32>
    return %2 : tensor<5x10x10xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_10_2_3_torch.float32: "0x04000000414F48BB1C42603E1509ACBE0AD499BE290321BE5134E03D748604BC74BBA53E7F6514BD973DDD3D97ADFCBDCB58A4BDA0B0C7BEAA6E8ABE0D542CBE5BC6773CB644253E58D67A3E93B48DBE2A0B36BE70D7173EFF91AD3E6811ACBD1B6A9C3EA3C386BDD5F0303DF643BD3E92E7C1BE879683BE69ABD3BD54F422BE9D98B43E0B7C87BEC07040BE320892BE4EC3C3BED00774BE06ADB33E388A3A3E959D4A3EBAE2AF3C4F5356BE3D748D3DEE29C3BE770897BEF08357BE71E1833E021C753EC56639BE815871BCD8AE853EFCCBCF3E45EA253E77E6613DAC258C3E892576BE04CD9B3D8A0EA2BEFCDE90BEB1F457BE"
    }
  }
#-}
