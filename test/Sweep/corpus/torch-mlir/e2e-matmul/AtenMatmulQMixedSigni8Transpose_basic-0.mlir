#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map2 = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<7x2x3x4xi8>, %arg1: tensor<2x6x4xi8>) -> tensor<7x2x3x6xf32> {
    %c-66_i64 = arith.constant -66 : i64
    %c160_i64 = arith.constant 160 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 3.000000e-02 : f64
    %cst_1 = arith.constant 2.500000e-02 : f64
    %0 = tensor.empty() : tensor<7x2x3x4xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<7x2x3x4xi8>) outs(%0 : tensor<7x2x3x4xf32>) {
    ^bb0(%in: i8, %out: f32):
      %10 = arith.extsi %in : i8 to i64
      %11 = arith.subi %10, %c-66_i64 : i64
      %12 = arith.truncf %cst_0 : f64 to f32
      %13 = arith.sitofp %11 : i64 to f32
      %14 = arith.mulf %13, %12 : f32
      linalg.yield %14 : f32
    } -> tensor<7x2x3x4xf32>
    %2 = tensor.empty() : tensor<2x6x4xf32>
    %3 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1 : tensor<2x6x4xi8>) outs(%2 : tensor<2x6x4xf32>) {
    ^bb0(%in: i8, %out: f32):
      %10 = arith.extui %in : i8 to i64
      %11 = arith.subi %10, %c160_i64 : i64
      %12 = arith.truncf %cst_1 : f64 to f32
      %13 = arith.sitofp %11 : i64 to f32
      %14 = arith.mulf %13, %12 : f32
      linalg.yield %14 : f32
    } -> tensor<2x6x4xf32>
    %4 = tensor.empty() : tensor<2x4x6xf32>
    %transposed = linalg.transpose ins(%3 : tensor<2x6x4xf32>) outs(%4 : tensor<2x4x6xf32>) permutation = [0, 2, 1] 
    %collapsed = tensor.collapse_shape %1 [[0, 1], [2], [3]] : tensor<7x2x3x4xf32> into tensor<14x3x4xf32>
    %5 = tensor.empty() : tensor<7x2x4x6xf32>
    %6 = linalg.generic {indexing_maps = [#map2, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%transposed : tensor<2x4x6xf32>) outs(%5 : tensor<7x2x4x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<7x2x4x6xf32>
    %collapsed_2 = tensor.collapse_shape %6 [[0, 1], [2], [3]] : tensor<7x2x4x6xf32> into tensor<14x4x6xf32>
    %7 = tensor.empty() : tensor<14x3x6xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<14x3x6xf32>) -> tensor<14x3x6xf32>
    %9 = linalg.batch_matmul ins(%collapsed, %collapsed_2 : tensor<14x3x4xf32>, tensor<14x4x6xf32>) outs(%8 : tensor<14x3x6xf32>) -> tensor<14x3x6xf32>
    %expanded = tensor.expand_shape %9 [[0, 1], [2], [3]] output_shape [7, 2, 3, 6] : tensor<14x3x6xf32> into tensor<7x2x3x6xf32>
    return %expanded : tensor<7x2x3x6xf32>
  }
}
