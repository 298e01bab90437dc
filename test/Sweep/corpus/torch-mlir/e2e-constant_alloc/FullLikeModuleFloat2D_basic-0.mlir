module {
  func.func @forward(%arg0: tensor<3x4xf32>) -> tensor<3x4xf32> {
    %cst = arith.constant dense<1.000000e+01> : tensor<3x4xf32>
    return %cst : tensor<3x4xf32>
  }
}
