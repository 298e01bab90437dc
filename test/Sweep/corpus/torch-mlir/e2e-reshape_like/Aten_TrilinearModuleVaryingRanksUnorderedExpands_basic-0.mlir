#map = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (0, 0, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (d0, d1)>
#map5 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @forward(%arg0: tensor<2x6xf32>, %arg1: tensor<2x3x6xf32>, %arg2: tensor<6xf32>) -> tensor<3xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %expanded = tensor.expand_shape %arg0 [[0], [1, 2]] output_shape [2, 1, 6] : tensor<2x6xf32> into tensor<2x1x6xf32>
    %expanded_0 = tensor.expand_shape %arg2 [[0, 1, 2]] output_shape [1, 1, 6] : tensor<6xf32> into tensor<1x1x6xf32>
    %0 = tensor.empty() : tensor<2x3x6xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%expanded, %arg1 : tensor<2x1x6xf32>, tensor<2x3x6xf32>) outs(%0 : tensor<2x3x6xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %9 = arith.mulf %in, %in_1 : f32
      linalg.yield %9 : f32
    } -> tensor<2x3x6xf32>
    %2 = linalg.generic {indexing_maps = [#map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%1, %expanded_0 : tensor<2x3x6xf32>, tensor<1x1x6xf32>) outs(%0 : tensor<2x3x6xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %9 = arith.mulf %in, %in_1 : f32
      linalg.yield %9 : f32
    } -> tensor<2x3x6xf32>
    %3 = tensor.empty() : tensor<2x3xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<2x3xf32>) -> tensor<2x3xf32>
    %5 = linalg.generic {indexing_maps = [#map1, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%2 : tensor<2x3x6xf32>) outs(%4 : tensor<2x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.addf %in, %out : f32
      linalg.yield %9 : f32
    } -> tensor<2x3xf32>
    %6 = tensor.empty() : tensor<3xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<3xf32>) -> tensor<3xf32>
    %8 = linalg.generic {indexing_maps = [#map4, #map5], iterator_types = ["reduction", "parallel"]} ins(%5 : tensor<2x3xf32>) outs(%7 : tensor<3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = arith.addf %in, %out : f32
      linalg.yield %9 : f32
    } -> tensor<3xf32>
    return %8 : tensor<3xf32>
  }
}
