#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<5x5x4x4xf32>, %arg1: tensor<5x4x5x4xf32>) -> tensor<4x5xf32> {
    %0 = tensor.empty() : tensor<4x4x5xf32>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel", "parallel"]} outs(%0 : tensor<4x4x5xf32>) {
    ^bb0(%out: f32):
      %9 = linalg.index 2 : index
      %10 = linalg.index 0 : index
      %11 = linalg.index 1 : index
      %extracted = tensor.extract %arg0[%9, %9, %10, %11] : tensor<5x5x4x4xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x4x5xf32>
    %2 = tensor.empty() : tensor<5x4x4xf32>
    %transposed = linalg.transpose ins(%1 : tensor<4x4x5xf32>) outs(%2 : tensor<5x4x4xf32>) permutation = [2, 0, 1] 
    %3 = tensor.empty() : tensor<5x4xf32>
    %4 = linalg.generic {indexing_maps = [#map1], iterator_types = ["parallel", "parallel"]} outs(%3 : tensor<5x4xf32>) {
    ^bb0(%out: f32):
      %9 = linalg.index 1 : index
      %10 = linalg.index 0 : index
      %extracted = tensor.extract %transposed[%10, %9, %9] : tensor<5x4x4xf32>
      linalg.yield %extracted : f32
    } -> tensor<5x4xf32>
    %5 = tensor.empty() : tensor<4x5xf32>
    %transposed_0 = linalg.transpose ins(%4 : tensor<5x4xf32>) outs(%5 : tensor<4x5xf32>) permutation = [1, 0] 
    %6 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel", "parallel"]} outs(%0 : tensor<4x4x5xf32>) {
    ^bb0(%out: f32):
      %9 = linalg.index 2 : index
      %10 = linalg.index 0 : index
      %11 = linalg.index 1 : index
      %extracted = tensor.extract %arg1[%9, %10, %9, %11] : tensor<5x4x5x4xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x4x5xf32>
    %transposed_1 = linalg.transpose ins(%6 : tensor<4x4x5xf32>) outs(%2 : tensor<5x4x4xf32>) permutation = [2, 0, 1] 
    %7 = linalg.generic {indexing_maps = [#map1], iterator_types = ["parallel", "parallel"]} outs(%3 : tensor<5x4xf32>) {
    ^bb0(%out: f32):
      %9 = linalg.index 1 : index
      %10 = linalg.index 0 : index
      %extracted = tensor.extract %transposed_1[%10, %9, %9] : tensor<5x4x4xf32>
      linalg.yield %extracted : f32
    } -> tensor<5x4xf32>
    %transposed_2 = linalg.transpose ins(%7 : tensor<5x4xf32>) outs(%5 : tensor<4x5xf32>) permutation = [1, 0] 
    %8 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%transposed_0, %transposed_2 : tensor<4x5xf32>, tensor<4x5xf32>) outs(%5 : tensor<4x5xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %9 = arith.mulf %in, %in_3 : f32
      linalg.yield %9 : f32
    } -> tensor<4x5xf32>
    return %8 : tensor<4x5xf32>
  }
}
