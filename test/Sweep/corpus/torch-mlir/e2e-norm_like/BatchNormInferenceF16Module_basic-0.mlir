#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2) -> (d1, 0)>
module {
  func.func @forward(%arg0: tensor<2x2x3xf16>, %arg1: tensor<2xf16>, %arg2: tensor<2xf16>, %arg3: tensor<2xf16>, %arg4: tensor<2xf16>) -> tensor<2x2x3xf16> {
    %cst = arith.constant 5.000000e-01 : f32
    %0 = tensor.empty() : tensor<2xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%arg3 : tensor<2xf16>) outs(%0 : tensor<2xf32>) {
    ^bb0(%in: f16, %out: f32):
      %12 = arith.extf %in : f16 to f32
      linalg.yield %12 : f32
    } -> tensor<2xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%arg4 : tensor<2xf16>) outs(%0 : tensor<2xf32>) {
    ^bb0(%in: f16, %out: f32):
      %12 = arith.extf %in : f16 to f32
      linalg.yield %12 : f32
    } -> tensor<2xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%2 : tensor<2xf32>) outs(%0 : tensor<2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = arith.addf %in, %cst : f32
      linalg.yield %12 : f32
    } -> tensor<2xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%3 : tensor<2xf32>) outs(%0 : tensor<2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = math.rsqrt %in : f32
      linalg.yield %12 : f32
    } -> tensor<2xf32>
    %expanded = tensor.expand_shape %1 [[0, 1]] output_shape [2, 1] : tensor<2xf32> into tensor<2x1xf32>
    %expanded_0 = tensor.expand_shape %4 [[0, 1]] output_shape [2, 1] : tensor<2xf32> into tensor<2x1xf32>
    %5 = tensor.empty() : tensor<2x2x3xf32>
    %6 = linalg.generic {indexing_maps = [#map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %expanded : tensor<2x2x3xf16>, tensor<2x1xf32>) outs(%5 : tensor<2x2x3xf32>) {
    ^bb0(%in: f16, %in_3: f32, %out: f32):
      %12 = arith.extf %in : f16 to f32
      %13 = arith.subf %12, %in_3 : f32
      linalg.yield %13 : f32
    } -> tensor<2x2x3xf32>
    %7 = linalg.generic {indexing_maps = [#map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%6, %expanded_0 : tensor<2x2x3xf32>, tensor<2x1xf32>) outs(%5 : tensor<2x2x3xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %12 = arith.mulf %in, %in_3 : f32
      linalg.yield %12 : f32
    } -> tensor<2x2x3xf32>
    %expanded_1 = tensor.expand_shape %arg1 [[0, 1]] output_shape [2, 1] : tensor<2xf16> into tensor<2x1xf16>
    %8 = linalg.generic {indexing_maps = [#map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%7, %expanded_1 : tensor<2x2x3xf32>, tensor<2x1xf16>) outs(%5 : tensor<2x2x3xf32>) {
    ^bb0(%in: f32, %in_3: f16, %out: f32):
      %12 = arith.extf %in_3 : f16 to f32
      %13 = arith.mulf %in, %12 : f32
      linalg.yield %13 : f32
    } -> tensor<2x2x3xf32>
    %expanded_2 = tensor.expand_shape %arg2 [[0, 1]] output_shape [2, 1] : tensor<2xf16> into tensor<2x1xf16>
    %9 = linalg.generic {indexing_maps = [#map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%8, %expanded_2 : tensor<2x2x3xf32>, tensor<2x1xf16>) outs(%5 : tensor<2x2x3xf32>) {
    ^bb0(%in: f32, %in_3: f16, %out: f32):
      %12 = arith.extf %in_3 : f16 to f32
      %13 = arith.addf %in, %12 : f32
      linalg.yield %13 : f32
    } -> tensor<2x2x3xf32>
    %10 = tensor.empty() : tensor<2x2x3xf16>
    %11 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%9 : tensor<2x2x3xf32>) outs(%10 : tensor<2x2x3xf16>) {
    ^bb0(%in: f32, %out: f16):
      %12 = arith.truncf %in : f32 to f16
      linalg.yield %12 : f16
    } -> tensor<2x2x3xf16>
    return %11 : tensor<2x2x3xf16>
  }
}
