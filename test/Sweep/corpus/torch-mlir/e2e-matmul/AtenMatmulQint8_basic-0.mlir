#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<4x7x3x4xi8>, %arg1: tensor<7x4x3xi8>) -> tensor<4x7x3x3xf32> {
    %c-25_i64 = arith.constant -25 : i64
    %c18_i64 = arith.constant 18 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 2.150000e-02 : f64
    %cst_1 = arith.constant 1.760000e-02 : f64
    %0 = tensor.empty() : tensor<4x7x3x4xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<4x7x3x4xi8>) outs(%0 : tensor<4x7x3x4xf32>) {
    ^bb0(%in: i8, %out: f32):
      %9 = arith.extsi %in : i8 to i64
      %10 = arith.subi %9, %c-25_i64 : i64
      %11 = arith.truncf %cst_0 : f64 to f32
      %12 = arith.sitofp %10 : i64 to f32
      %13 = arith.mulf %12, %11 : f32
      linalg.yield %13 : f32
    } -> tensor<4x7x3x4xf32>
    %2 = tensor.empty() : tensor<7x4x3xf32>
    %3 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1 : tensor<7x4x3xi8>) outs(%2 : tensor<7x4x3xf32>) {
    ^bb0(%in: i8, %out: f32):
      %9 = arith.extsi %in : i8 to i64
      %10 = arith.subi %9, %c18_i64 : i64
      %11 = arith.truncf %cst_1 : f64 to f32
      %12 = arith.sitofp %10 : i64 to f32
      %13 = arith.mulf %12, %11 : f32
      linalg.yield %13 : f32
    } -> tensor<7x4x3xf32>
    %collapsed = tensor.collapse_shape %1 [[0, 1], [2], [3]] : tensor<4x7x3x4xf32> into tensor<28x3x4xf32>
    %4 = tensor.empty() : tensor<4x7x4x3xf32>
    %5 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<7x4x3xf32>) outs(%4 : tensor<4x7x4x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<4x7x4x3xf32>
    %collapsed_2 = tensor.collapse_shape %5 [[0, 1], [2], [3]] : tensor<4x7x4x3xf32> into tensor<28x4x3xf32>
    %6 = tensor.empty() : tensor<28x3x3xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<28x3x3xf32>) -> tensor<28x3x3xf32>
    %8 = linalg.batch_matmul ins(%collapsed, %collapsed_2 : tensor<28x3x4xf32>, tensor<28x4x3xf32>) outs(%7 : tensor<28x3x3xf32>) -> tensor<28x3x3xf32>
    %expanded = tensor.expand_shape %8 [[0, 1], [2], [3]] output_shape [4, 7, 3, 3] : tensor<28x3x3xf32> into tensor<4x7x3x3xf32>
    return %expanded : tensor<4x7x3x3xf32>
  }
}
