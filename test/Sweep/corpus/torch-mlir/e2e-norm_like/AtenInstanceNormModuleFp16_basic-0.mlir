#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (0, d1, 0)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
#map3 = affine_map<(d0, d1, d2) -> (d1, 0)>
module {
  func.func @forward(%arg0: tensor<1x32x8388608xf16>, %arg1: tensor<32xf16>, %arg2: tensor<32xf16>) -> tensor<1x32x8388608xf16> {
    %cst = arith.constant 0.000000e+00 : f64
    %cst_0 = arith.constant 0.000000e+00 : f32
    %cst_1 = arith.constant 1.000000e-05 : f64
    %cst_2 = arith.constant 0x4160000000000000 : f64
    %cst_3 = arith.constant 0x4B000000 : f32
    %0 = tensor.empty() : tensor<1x32x8388608xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x32x8388608xf16>) outs(%0 : tensor<1x32x8388608xf32>) {
    ^bb0(%in: f16, %out: f32):
      %25 = arith.extf %in : f16 to f32
      linalg.yield %25 : f32
    } -> tensor<1x32x8388608xf32>
    %2 = tensor.empty() : tensor<1x32x8388608xf64>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%1 : tensor<1x32x8388608xf32>) outs(%2 : tensor<1x32x8388608xf64>) {
    ^bb0(%in: f32, %out: f64):
      %25 = arith.extf %in : f32 to f64
      linalg.yield %25 : f64
    } -> tensor<1x32x8388608xf64>
    %4 = tensor.empty() : tensor<1x32x1xf64>
    %5 = linalg.fill ins(%cst : f64) outs(%4 : tensor<1x32x1xf64>) -> tensor<1x32x1xf64>
    %6 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "parallel", "reduction"]} ins(%3 : tensor<1x32x8388608xf64>) outs(%5 : tensor<1x32x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %25 = arith.addf %in, %out : f64
      linalg.yield %25 : f64
    } -> tensor<1x32x1xf64>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%6 : tensor<1x32x1xf64>) outs(%4 : tensor<1x32x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %25 = arith.divf %in, %cst_2 : f64
      linalg.yield %25 : f64
    } -> tensor<1x32x1xf64>
    %8 = linalg.generic {indexing_maps = [#map, #map2, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%3, %7 : tensor<1x32x8388608xf64>, tensor<1x32x1xf64>) outs(%2 : tensor<1x32x8388608xf64>) {
    ^bb0(%in: f64, %in_5: f64, %out: f64):
      %25 = arith.subf %in, %in_5 : f64
      linalg.yield %25 : f64
    } -> tensor<1x32x8388608xf64>
    %9 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%8, %8 : tensor<1x32x8388608xf64>, tensor<1x32x8388608xf64>) outs(%2 : tensor<1x32x8388608xf64>) {
    ^bb0(%in: f64, %in_5: f64, %out: f64):
      %25 = arith.mulf %in, %in_5 : f64
      linalg.yield %25 : f64
    } -> tensor<1x32x8388608xf64>
    %10 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "parallel", "reduction"]} ins(%9 : tensor<1x32x8388608xf64>) outs(%5 : tensor<1x32x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %25 = arith.addf %in, %out : f64
      linalg.yield %25 : f64
    } -> tensor<1x32x1xf64>
    %11 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%10 : tensor<1x32x1xf64>) outs(%4 : tensor<1x32x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %25 = arith.divf %in, %cst_2 : f64
      linalg.yield %25 : f64
    } -> tensor<1x32x1xf64>
    %12 = tensor.empty() : tensor<1x32x1xf32>
    %13 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%11 : tensor<1x32x1xf64>) outs(%12 : tensor<1x32x1xf32>) {
    ^bb0(%in: f64, %out: f32):
      %25 = arith.truncf %in : f64 to f32
      linalg.yield %25 : f32
    } -> tensor<1x32x1xf32>
    %14 = linalg.fill ins(%cst_0 : f32) outs(%12 : tensor<1x32x1xf32>) -> tensor<1x32x1xf32>
    %15 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "parallel", "reduction"]} ins(%1 : tensor<1x32x8388608xf32>) outs(%14 : tensor<1x32x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = arith.addf %in, %out : f32
      linalg.yield %25 : f32
    } -> tensor<1x32x1xf32>
    %16 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%15 : tensor<1x32x1xf32>) outs(%12 : tensor<1x32x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = arith.divf %in, %cst_3 : f32
      linalg.yield %25 : f32
    } -> tensor<1x32x1xf32>
    %17 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%13 : tensor<1x32x1xf32>) outs(%12 : tensor<1x32x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = arith.truncf %cst_1 : f64 to f32
      %26 = arith.addf %in, %25 : f32
      linalg.yield %26 : f32
    } -> tensor<1x32x1xf32>
    %18 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%17 : tensor<1x32x1xf32>) outs(%12 : tensor<1x32x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = math.rsqrt %in : f32
      linalg.yield %25 : f32
    } -> tensor<1x32x1xf32>
    %19 = linalg.generic {indexing_maps = [#map, #map2, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %16 : tensor<1x32x8388608xf16>, tensor<1x32x1xf32>) outs(%0 : tensor<1x32x8388608xf32>) {
    ^bb0(%in: f16, %in_5: f32, %out: f32):
      %25 = arith.extf %in : f16 to f32
      %26 = arith.subf %25, %in_5 : f32
      linalg.yield %26 : f32
    } -> tensor<1x32x8388608xf32>
    %20 = linalg.generic {indexing_maps = [#map, #map2, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%19, %18 : tensor<1x32x8388608xf32>, tensor<1x32x1xf32>) outs(%0 : tensor<1x32x8388608xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %25 = arith.mulf %in, %in_5 : f32
      linalg.yield %25 : f32
    } -> tensor<1x32x8388608xf32>
    %expanded = tensor.expand_shape %arg1 [[0, 1]] output_shape [32, 1] : tensor<32xf16> into tensor<32x1xf16>
    %21 = linalg.generic {indexing_maps = [#map, #map3, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%20, %expanded : tensor<1x32x8388608xf32>, tensor<32x1xf16>) outs(%0 : tensor<1x32x8388608xf32>) {
    ^bb0(%in: f32, %in_5: f16, %out: f32):
      %25 = arith.extf %in_5 : f16 to f32
      %26 = arith.mulf %in, %25 : f32
      linalg.yield %26 : f32
    } -> tensor<1x32x8388608xf32>
    %expanded_4 = tensor.expand_shape %arg2 [[0, 1]] output_shape [32, 1] : tensor<32xf16> into tensor<32x1xf16>
    %22 = linalg.generic {indexing_maps = [#map, #map3, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%21, %expanded_4 : tensor<1x32x8388608xf32>, tensor<32x1xf16>) outs(%0 : tensor<1x32x8388608xf32>) {
    ^bb0(%in: f32, %in_5: f16, %out: f32):
      %25 = arith.extf %in_5 : f16 to f32
      %26 = arith.addf %in, %25 : f32
      linalg.yield %26 : f32
    } -> tensor<1x32x8388608xf32>
    %23 = tensor.empty() : tensor<1x32x8388608xf16>
    %24 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%22 : tensor<1x32x8388608xf32>) outs(%23 : tensor<1x32x8388608xf16>) {
    ^bb0(%in: f32, %out: f16):
      %25 = arith.truncf %in : f32 to f16
      linalg.yield %25 : f16
    } -> tensor<1x32x8388608xf16>
    return %24 : tensor<1x32x8388608xf16>
  }
}
