module {
  func.func @forward(%arg0: tensor<2x13x2xf32>) -> (tensor<2x3x2xf32>, tensor<2x3x2xf32>, tensor<2x3x2xf32>, tensor<2x3x2xf32>, tensor<2x1x2xf32>) {
    %extracted_slice = tensor.extract_slice %arg0[0, 0, 0] [2, 3, 2] [1, 1, 1] : tensor<2x13x2xf32> to tensor<2x3x2xf32>
    %extracted_slice_0 = tensor.extract_slice %arg0[0, 3, 0] [2, 3, 2] [1, 1, 1] : tensor<2x13x2xf32> to tensor<2x3x2xf32>
    %extracted_slice_1 = tensor.extract_slice %arg0[0, 6, 0] [2, 3, 2] [1, 1, 1] : tensor<2x13x2xf32> to tensor<2x3x2xf32>
    %extracted_slice_2 = tensor.extract_slice %arg0[0, 9, 0] [2, 3, 2] [1, 1, 1] : tensor<2x13x2xf32> to tensor<2x3x2xf32>
    %extracted_slice_3 = tensor.extract_slice %arg0[0, 12, 0] [2, 1, 2] [1, 1, 1] : tensor<2x13x2xf32> to tensor<2x1x2xf32>
    return %extracted_slice, %extracted_slice_0, %extracted_slice_1, %extracted_slice_2, %extracted_slice_3 : tensor<2x3x2xf32>, tensor<2x3x2xf32>, tensor<2x3x2xf32>, tensor<2x3x2xf32>, tensor<2x1x2xf32>
  }
}
