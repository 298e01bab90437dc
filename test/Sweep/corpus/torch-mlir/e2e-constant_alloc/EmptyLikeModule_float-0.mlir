module {
  func.func @forward(%arg0: tensor<4x5xf32>) -> tensor<4x5xf32> {
    %cst = arith.constant dense<0.000000e+00> : tensor<4x5xf32>
    return %cst : tensor<4x5xf32>
  }
}
