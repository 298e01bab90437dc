#map = affine_map<(d0, d1, d2, d3, d4) -> (d1, d3, d4)>
#map1 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
#map2 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d2, d3, d4)>
module {
  func.func @forward(%arg0: tensor<4x1x6x7xf32>, %arg1: tensor<8x1x5x7x6xf32>) -> tensor<8x4x5x6x6xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<8x4x5x6x7xf32>
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2], [3]] : tensor<4x1x6x7xf32> into tensor<4x6x7xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%collapsed : tensor<4x6x7xf32>) outs(%0 : tensor<8x4x5x6x7xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x4x5x6x7xf32>
    %collapsed_0 = tensor.collapse_shape %1 [[0, 1, 2], [3], [4]] : tensor<8x4x5x6x7xf32> into tensor<160x6x7xf32>
    %2 = tensor.empty() : tensor<8x4x5x7x6xf32>
    %collapsed_1 = tensor.collapse_shape %arg1 [[0, 1], [2], [3], [4]] : tensor<8x1x5x7x6xf32> into tensor<8x5x7x6xf32>
    %3 = linalg.generic {indexing_maps = [#map2, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%collapsed_1 : tensor<8x5x7x6xf32>) outs(%2 : tensor<8x4x5x7x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<8x4x5x7x6xf32>
    %collapsed_2 = tensor.collapse_shape %3 [[0, 1, 2], [3], [4]] : tensor<8x4x5x7x6xf32> into tensor<160x7x6xf32>
    %4 = tensor.empty() : tensor<160x6x6xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<160x6x6xf32>) -> tensor<160x6x6xf32>
    %6 = linalg.batch_matmul ins(%collapsed_0, %collapsed_2 : tensor<160x6x7xf32>, tensor<160x7x6xf32>) outs(%5 : tensor<160x6x6xf32>) -> tensor<160x6x6xf32>
    %expanded = tensor.expand_shape %6 [[0, 1, 2], [3], [4]] output_shape [8, 4, 5, 6, 6] : tensor<160x6x6xf32> into tensor<8x4x5x6x6xf32>
    return %expanded : tensor<8x4x5x6x6xf32>
  }
}
