#map = affine_map<(d0, d1, d2) -> (d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @forward(%arg0: tensor<4x8x5xf32>, %arg1: tensor<1x5x6xf32>) -> tensor<4x8x6xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<4x5x6xf32>
    %collapsed = tensor.collapse_shape %arg1 [[0, 1], [2]] : tensor<1x5x6xf32> into tensor<5x6xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%collapsed : tensor<5x6xf32>) outs(%0 : tensor<4x5x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<4x5x6xf32>
    %2 = tensor.empty() : tensor<4x8x6xf32>
    %3 = linalg.fill ins(%cst : f32) outs(%2 : tensor<4x8x6xf32>) -> tensor<4x8x6xf32>
    %4 = linalg.batch_matmul ins(%arg0, %1 : tensor<4x8x5xf32>, tensor<4x5x6xf32>) outs(%3 : tensor<4x8x6xf32>) -> tensor<4x8x6xf32>
    return %4 : tensor<4x8x6xf32>
  }
}
