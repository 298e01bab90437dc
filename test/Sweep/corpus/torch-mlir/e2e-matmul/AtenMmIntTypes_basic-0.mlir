module {
  func.func @forward(%arg0: tensor<16x4xi64>, %arg1: tensor<4x16xi64>) -> tensor<16x16xi64> {
    %c0_i64 = arith.constant 0 : i64
    %0 = tensor.empty() : tensor<16x16xi64>
    %1 = linalg.fill ins(%c0_i64 : i64) outs(%0 : tensor<16x16xi64>) -> tensor<16x16xi64>
    %2 = linalg.matmul ins(%arg0, %arg1 : tensor<16x4xi64>, tensor<4x16xi64>) outs(%1 : tensor<16x16xi64>) -> tensor<16x16xi64>
    return %2 : tensor<16x16xi64>
  }
}
