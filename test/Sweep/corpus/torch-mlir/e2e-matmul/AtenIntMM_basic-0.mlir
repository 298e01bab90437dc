module {
  func.func @forward(%arg0: tensor<3x4xi8>, %arg1: tensor<4x3xi8>) -> tensor<3x3xi32> {
    %c0_i32 = arith.constant 0 : i32
    %0 = tensor.empty() : tensor<3x3xi32>
    %1 = linalg.fill ins(%c0_i32 : i32) outs(%0 : tensor<3x3xi32>) -> tensor<3x3xi32>
    %2 = linalg.matmul ins(%arg0, %arg1 : tensor<3x4xi8>, tensor<4x3xi8>) outs(%1 : tensor<3x3xi32>) -> tensor<3x3xi32>
    return %2 : tensor<3x3xi32>
  }
}
