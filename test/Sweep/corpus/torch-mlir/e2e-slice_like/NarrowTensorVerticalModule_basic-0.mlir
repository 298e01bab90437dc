module {
  func.func @forward(%arg0: tensor<6x4xf32>) -> tensor<6x2xf32> {
    %extracted_slice = tensor.extract_slice %arg0[0, 1] [6, 2] [1, 1] : tensor<6x4xf32> to tensor<6x2xf32>
    return %extracted_slice : tensor<6x2xf32>
  }
}
