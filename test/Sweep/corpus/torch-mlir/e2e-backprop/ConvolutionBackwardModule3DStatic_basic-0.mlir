#map = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
#map1 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d0, d5, d2 + d6, d3 + d7, d4 + d8)>
#map2 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d5, d1, d6, d7, d8)>
#map3 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d0, d1, d2, d3, d4)>
#map4 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d5, d1, d2 + d6, d3 + d7, d4 + d8)>
#map5 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d5, d0, d6, d7, d8)>
#map6 = affine_map<(d0, d1, d2, d3, d4) -> (d1)>
module {
  func.func @forward(%arg0: tensor<1x4x64x64x64xf32>, %arg1: tensor<1x32x64x64x64xf32>, %arg2: tensor<4x32x3x1x3xf32>) -> (tensor<1x32x64x64x64xf32>, tensor<4x32x3x1x3xf32>, tensor<4xf32>) {
    %cst = arith.constant 0.000000e+00 : f32
    %c2 = arith.constant 2 : index
    %c0 = arith.constant 0 : index
    %0 = tensor.empty() : tensor<4x32x3x1x3xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<4x32x3x1x3xf32>) -> tensor<4x32x3x1x3xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%arg2 : tensor<4x32x3x1x3xf32>) outs(%1 : tensor<4x32x3x1x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = linalg.index 0 : index
      %11 = linalg.index 1 : index
      %12 = linalg.index 2 : index
      %13 = linalg.index 4 : index
      %14 = arith.subi %c2, %12 : index
      %15 = arith.subi %c2, %13 : index
      %extracted = tensor.extract %arg2[%10, %11, %14, %c0, %15] : tensor<4x32x3x1x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x32x3x1x3xf32>
    %padded = tensor.pad %arg0 low[0, 0, 1, 0, 1] high[0, 0, 1, 0, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst : f32
    } : tensor<1x4x64x64x64xf32> to tensor<1x4x66x64x66xf32>
    %3 = tensor.empty() : tensor<1x32x64x64x64xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<1x32x64x64x64xf32>) -> tensor<1x32x64x64x64xf32>
    %5 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%padded, %2 : tensor<1x4x66x64x66xf32>, tensor<4x32x3x1x3xf32>) outs(%4 : tensor<1x32x64x64x64xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %10 = arith.mulf %in, %in_1 : f32
      %11 = arith.addf %10, %out : f32
      linalg.yield %11 : f32
    } -> tensor<1x32x64x64x64xf32>
    %padded_0 = tensor.pad %arg1 low[0, 0, 1, 0, 1] high[0, 0, 1, 0, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index, %arg7: index):
      tensor.yield %cst : f32
    } : tensor<1x32x64x64x64xf32> to tensor<1x32x66x64x66xf32>
    %6 = linalg.generic {indexing_maps = [#map4, #map5, #map3], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%padded_0, %arg0 : tensor<1x32x66x64x66xf32>, tensor<1x4x64x64x64xf32>) outs(%1 : tensor<4x32x3x1x3xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %10 = arith.mulf %in, %in_1 : f32
      %11 = arith.addf %10, %out : f32
      linalg.yield %11 : f32
    } -> tensor<4x32x3x1x3xf32>
    %7 = tensor.empty() : tensor<4xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<4xf32>) -> tensor<4xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map6], iterator_types = ["reduction", "parallel", "reduction", "reduction", "reduction"]} ins(%arg0 : tensor<1x4x64x64x64xf32>) outs(%8 : tensor<4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = arith.addf %in, %out : f32
      linalg.yield %10 : f32
    } -> tensor<4xf32>
    return %5, %6, %9 : tensor<1x32x64x64x64xf32>, tensor<4x32x3x1x3xf32>, tensor<4xf32>
  }
}
