module {
  func.func @forward(%arg0: tensor<6x4x3xf32>) -> tensor<2x4x3xf32> {
    %extracted_slice = tensor.extract_slice %arg0[0, 0, 0] [2, 4, 3] [1, 1, 1] : tensor<6x4x3xf32> to tensor<2x4x3xf32>
    return %extracted_slice : tensor<2x4x3xf32>
  }
}
