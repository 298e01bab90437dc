module {
  func.func @forward(%arg0: tensor<4x3x4xf32>) -> tensor<4x3x4xf32> {
    return %arg0 : tensor<4x3x4xf32>
  }
}
