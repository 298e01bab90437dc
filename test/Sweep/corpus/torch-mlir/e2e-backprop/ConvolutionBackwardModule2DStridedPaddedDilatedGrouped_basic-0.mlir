#map = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
#map1 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d5, d6 * 4 + d3, d7 * 4 + d4)>
#map2 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d1, d5, d2, d6, d7)>
#map3 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>
#map4 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d0, d2, d3 * 4 + d6 * 2, d4 * 4 + d7 * 2)>
#map5 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d0, d1, d6, d7)>
#map6 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map7 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @forward(%arg0: tensor<2x16x32x32xf32>, %arg1: tensor<2x128x64x64xf32>, %arg2: tensor<16x32x2x2xf32>) -> (tensor<2x128x64x64xf32>, tensor<16x32x2x2xf32>, tensor<16xf32>) {
    %cst = arith.constant 0.000000e+00 : f32
    %c1 = arith.constant 1 : index
    %expanded = tensor.expand_shape %arg0 [[0], [1, 2], [3], [4]] output_shape [2, 4, 4, 32, 32] : tensor<2x16x32x32xf32> into tensor<2x4x4x32x32xf32>
    %expanded_0 = tensor.expand_shape %arg2 [[0, 1], [2], [3], [4]] output_shape [4, 4, 32, 2, 2] : tensor<16x32x2x2xf32> into tensor<4x4x32x2x2xf32>
    %0 = tensor.empty() : tensor<4x4x32x2x2xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<4x4x32x2x2xf32>) -> tensor<4x4x32x2x2xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%expanded_0 : tensor<4x4x32x2x2xf32>) outs(%1 : tensor<4x4x32x2x2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = linalg.index 0 : index
      %13 = linalg.index 1 : index
      %14 = linalg.index 2 : index
      %15 = linalg.index 3 : index
      %16 = linalg.index 4 : index
      %17 = arith.subi %c1, %15 : index
      %18 = arith.subi %c1, %16 : index
      %extracted = tensor.extract %expanded_0[%12, %13, %14, %17, %18] : tensor<4x4x32x2x2xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x4x32x2x2xf32>
    %3 = tensor.empty() : tensor<2x4x4x68x68xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<2x4x4x68x68xf32>) -> tensor<2x4x4x68x68xf32>
    %inserted_slice = tensor.insert_slice %expanded into %4[0, 0, 0, 2, 2] [2, 4, 4, 32, 32] [1, 1, 1, 2, 2] : tensor<2x4x4x32x32xf32> into tensor<2x4x4x68x68xf32>
    %5 = tensor.empty() : tensor<2x4x32x64x64xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<2x4x32x64x64xf32>) -> tensor<2x4x32x64x64xf32>
    %7 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%inserted_slice, %2 : tensor<2x4x4x68x68xf32>, tensor<4x4x32x2x2xf32>) outs(%6 : tensor<2x4x32x64x64xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %12 = arith.mulf %in, %in_3 : f32
      %13 = arith.addf %12, %out : f32
      linalg.yield %13 : f32
    } -> tensor<2x4x32x64x64xf32>
    %collapsed = tensor.collapse_shape %7 [[0], [1, 2], [3], [4]] : tensor<2x4x32x64x64xf32> into tensor<2x128x64x64xf32>
    %expanded_1 = tensor.expand_shape %arg1 [[0], [1, 2], [3], [4]] output_shape [2, 4, 32, 64, 64] : tensor<2x128x64x64xf32> into tensor<2x4x32x64x64xf32>
    %padded = tensor.pad %expanded_1 low[0, 0, 0, 2, 2] high[0, 0, 0, 2, 2] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst : f32
    } : tensor<2x4x32x64x64xf32> to tensor<2x4x32x68x68xf32>
    %8 = linalg.generic {indexing_maps = [#map4, #map5, #map3], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%padded, %expanded : tensor<2x4x32x68x68xf32>, tensor<2x4x4x32x32xf32>) outs(%1 : tensor<4x4x32x2x2xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %12 = arith.mulf %in, %in_3 : f32
      %13 = arith.addf %12, %out : f32
      linalg.yield %13 : f32
    } -> tensor<4x4x32x2x2xf32>
    %collapsed_2 = tensor.collapse_shape %8 [[0, 1], [2], [3], [4]] : tensor<4x4x32x2x2xf32> into tensor<16x32x2x2xf32>
    %9 = tensor.empty() : tensor<16xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<16xf32>) -> tensor<16xf32>
    %11 = linalg.generic {indexing_maps = [#map6, #map7], iterator_types = ["reduction", "parallel", "reduction", "reduction"]} ins(%arg0 : tensor<2x16x32x32xf32>) outs(%10 : tensor<16xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = arith.addf %in, %out : f32
      linalg.yield %12 : f32
    } -> tensor<16xf32>
    return %collapsed, %collapsed_2, %11 : tensor<2x128x64x64xf32>, tensor<16x32x2x2xf32>, tensor<16xf32>
  }
}
