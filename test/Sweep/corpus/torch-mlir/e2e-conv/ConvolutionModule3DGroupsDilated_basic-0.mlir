#map = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d0, d1, d6, d3 + d7 * 2, d4 + d8 * 2, d5 + d9 * 2)>
#map1 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d1, d2, d6, d7, d8, d9)>
#map2 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d0, d1, d2, d3, d4, d5)>
module {
  func.func @forward(%arg0: tensor<2x4x8x8x8xf32>, %arg1: tensor<8x2x3x3x3xf32>) -> tensor<2x8x8x8x8xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %padded = tensor.pad %arg0 low[0, 0, 2, 2, 2] high[0, 0, 2, 2, 2] {
    ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<2x4x8x8x8xf32> to tensor<2x4x12x12x12xf32>
    %0 = tensor.empty() : tensor<2x8x8x8x8xf32>
    %expanded = tensor.expand_shape %padded [[0], [1, 2], [3], [4], [5]] output_shape [2, 2, 2, 12, 12, 12] : tensor<2x4x12x12x12xf32> into tensor<2x2x2x12x12x12xf32>
    %expanded_0 = tensor.expand_shape %arg1 [[0, 1], [2], [3], [4], [5]] output_shape [2, 4, 2, 3, 3, 3] : tensor<8x2x3x3x3xf32> into tensor<2x4x2x3x3x3xf32>
    %expanded_1 = tensor.expand_shape %0 [[0], [1, 2], [3], [4], [5]] output_shape [2, 2, 4, 8, 8, 8] : tensor<2x8x8x8x8xf32> into tensor<2x2x4x8x8x8xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%expanded_1 : tensor<2x2x4x8x8x8xf32>) -> tensor<2x2x4x8x8x8xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%expanded, %expanded_0 : tensor<2x2x2x12x12x12xf32>, tensor<2x4x2x3x3x3xf32>) outs(%1 : tensor<2x2x4x8x8x8xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %3 = arith.mulf %in, %in_2 : f32
      %4 = arith.addf %3, %out : f32
      linalg.yield %4 : f32
    } -> tensor<2x2x4x8x8x8xf32>
    %collapsed = tensor.collapse_shape %2 [[0], [1, 2], [3], [4], [5]] : tensor<2x2x4x8x8x8xf32> into tensor<2x8x8x8x8xf32>
    return %collapsed : tensor<2x8x8x8x8xf32>
  }
}
