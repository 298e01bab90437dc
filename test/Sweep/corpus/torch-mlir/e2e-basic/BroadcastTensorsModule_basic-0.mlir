#map = affine_map<(d0, d1) -> (d1)>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
#map2 = affine_map<(d0, d1) -> (d0)>
module {
  func.func @forward(%arg0: tensor<1x3xf32>, %arg1: tensor<2x1xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
    %0 = tensor.empty() : tensor<2x3xf32>
    %collapsed = tensor.collapse_shape %arg0 [[0, 1]] : tensor<1x3xf32> into tensor<3xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel"]} ins(%collapsed : tensor<3xf32>) outs(%0 : tensor<2x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<2x3xf32>
    %collapsed_0 = tensor.collapse_shape %arg1 [[0, 1]] : tensor<2x1xf32> into tensor<2xf32>
    %2 = linalg.generic {indexing_maps = [#map2, #map1], iterator_types = ["parallel", "parallel"]} ins(%collapsed_0 : tensor<2xf32>) outs(%0 : tensor<2x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<2x3xf32>
    return %1, %2 : tensor<2x3xf32>, tensor<2x3xf32>
  }
}
