#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @forward(%arg0: tensor<2x12x2xf32>) -> tensor<2x4x2xf32> {
    %extracted_slice = tensor.extract_slice %arg0[0, 0, 0] [2, 4, 2] [1, 1, 1] : tensor<2x12x2xf32> to tensor<2x4x2xf32>
    %extracted_slice_0 = tensor.extract_slice %arg0[0, 4, 0] [2, 4, 2] [1, 1, 1] : tensor<2x12x2xf32> to tensor<2x4x2xf32>
    %extracted_slice_1 = tensor.extract_slice %arg0[0, 8, 0] [2, 4, 2] [1, 1, 1] : tensor<2x12x2xf32> to tensor<2x4x2xf32>
    %0 = tensor.empty() : tensor<2x4x2xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%extracted_slice, %extracted_slice_0 : tensor<2x4x2xf32>, tensor<2x4x2xf32>) outs(%0 : tensor<2x4x2xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %3 = arith.addf %in, %in_2 : f32
      linalg.yield %3 : f32
    } -> tensor<2x4x2xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%1, %extracted_slice_1 : tensor<2x4x2xf32>, tensor<2x4x2xf32>) outs(%0 : tensor<2x4x2xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %3 = arith.addf %in, %in_2 : f32
      linalg.yield %3 : f32
    } -> tensor<2x4x2xf32>
    return %2 : tensor<2x4x2xf32>
  }
}
