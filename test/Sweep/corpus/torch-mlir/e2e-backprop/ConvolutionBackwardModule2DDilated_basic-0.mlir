#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d5 * 2 + d2, d6 * 2 + d3)>
#map2 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d1, d5, d6)>
#map3 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
#map4 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d1, d2 * 2 + d5, d3 * 2 + d6)>
#map5 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d0, d5, d6)>
#map6 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @forward(%arg0: tensor<1x2x6x6xf32>, %arg1: tensor<1x4x8x8xf32>, %arg2: tensor<2x4x3x3xf32>) -> (tensor<1x4x8x8xf32>, tensor<2x4x3x3xf32>, tensor<2xf32>) {
    %cst = arith.constant 0.000000e+00 : f32
    %c2 = arith.constant 2 : index
    %0 = tensor.empty() : tensor<2x4x3x3xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x4x3x3xf32>) -> tensor<2x4x3x3xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg2 : tensor<2x4x3x3xf32>) outs(%1 : tensor<2x4x3x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = linalg.index 0 : index
      %11 = linalg.index 1 : index
      %12 = linalg.index 2 : index
      %13 = linalg.index 3 : index
      %14 = arith.subi %c2, %12 : index
      %15 = arith.subi %c2, %13 : index
      %extracted = tensor.extract %arg2[%10, %11, %14, %15] : tensor<2x4x3x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<2x4x3x3xf32>
    %padded = tensor.pad %arg0 low[0, 0, 3, 3] high[0, 0, 3, 3] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x2x6x6xf32> to tensor<1x2x12x12xf32>
    %3 = tensor.empty() : tensor<1x4x8x8xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
    %5 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%padded, %2 : tensor<1x2x12x12xf32>, tensor<2x4x3x3xf32>) outs(%4 : tensor<1x4x8x8xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %10 = arith.mulf %in, %in_1 : f32
      %11 = arith.addf %10, %out : f32
      linalg.yield %11 : f32
    } -> tensor<1x4x8x8xf32>
    %padded_0 = tensor.pad %arg1 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x4x8x8xf32> to tensor<1x4x10x10xf32>
    %6 = linalg.generic {indexing_maps = [#map4, #map5, #map3], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%padded_0, %arg0 : tensor<1x4x10x10xf32>, tensor<1x2x6x6xf32>) outs(%1 : tensor<2x4x3x3xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %10 = arith.mulf %in, %in_1 : f32
      %11 = arith.addf %10, %out : f32
      linalg.yield %11 : f32
    } -> tensor<2x4x3x3xf32>
    %7 = tensor.empty() : tensor<2xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<2xf32>) -> tensor<2xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map6], iterator_types = ["reduction", "parallel", "reduction", "reduction"]} ins(%arg0 : tensor<1x2x6x6xf32>) outs(%8 : tensor<2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.addf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<2xf32>
    return %5, %6, %9 : tensor<1x4x8x8xf32>, tensor<2x4x3x3xf32>, tensor<2xf32>
  }
}
