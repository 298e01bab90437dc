#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, 0, 0, 0)>
#map2 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, 0, 0, 0, 0, 0)>
#map3 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d2, 0, 0, 0)>
#map4 = affine_map<(d0, d1, d2, d3, d4, d5) -> (0, 0, 0)>
#map5 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, 0)>
#map6 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d5)>
#map7 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4, d5)>
module {
  func.func @forward(%arg0: tensor<1x2x4x4x5x3xf32>, %arg1: tensor<8x4x2xi64>, %arg2: tensor<8x1x1xi64>, %arg3: tensor<4x2xi64>) -> tensor<8x4x2x1x2x4xf32> {
    %c2_i64 = arith.constant 2 : i64
    %c4_i64 = arith.constant 4 : i64
    %c0_i64 = arith.constant 0 : i64
    %c1_i64 = arith.constant 1 : i64
    %c5_i64 = arith.constant 5 : i64
    %c3_i64 = arith.constant 3 : i64
    %0 = tensor.empty() : tensor<4x5x3x1x2x4xf32>
    %transposed = linalg.transpose ins(%arg0 : tensor<1x2x4x4x5x3xf32>) outs(%0 : tensor<4x5x3x1x2x4xf32>) permutation = [2, 4, 5, 0, 1, 3] 
    %1 = tensor.empty() : tensor<4xi64>
    %2 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%1 : tensor<4xi64>) {
    ^bb0(%out: i64):
      %9 = linalg.index 0 : index
      %10 = arith.index_cast %9 : index to i64
      linalg.yield %10 : i64
    } -> tensor<4xi64>
    %3 = tensor.empty() : tensor<2xi64>
    %4 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%3 : tensor<2xi64>) {
    ^bb0(%out: i64):
      %9 = linalg.index 0 : index
      %10 = arith.index_cast %9 : index to i64
      linalg.yield %10 : i64
    } -> tensor<2xi64>
    %expanded = tensor.expand_shape %4 [[0, 1]] output_shape [2, 1] : tensor<2xi64> into tensor<2x1xi64>
    %5 = tensor.empty() : tensor<1xi64>
    %6 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%5 : tensor<1xi64>) {
    ^bb0(%out: i64):
      linalg.yield %c0_i64 : i64
    } -> tensor<1xi64>
    %expanded_0 = tensor.expand_shape %6 [[0, 1, 2]] output_shape [1, 1, 1] : tensor<1xi64> into tensor<1x1x1xi64>
    %expanded_1 = tensor.expand_shape %arg3 [[0], [1, 2, 3, 4]] output_shape [4, 2, 1, 1, 1] : tensor<4x2xi64> into tensor<4x2x1x1x1xi64>
    %expanded_2 = tensor.expand_shape %arg2 [[0], [1], [2, 3, 4, 5]] output_shape [8, 1, 1, 1, 1, 1] : tensor<8x1x1xi64> into tensor<8x1x1x1x1x1xi64>
    %expanded_3 = tensor.expand_shape %arg1 [[0], [1], [2, 3, 4, 5]] output_shape [8, 4, 2, 1, 1, 1] : tensor<8x4x2xi64> into tensor<8x4x2x1x1x1xi64>
    %7 = tensor.empty() : tensor<8x4x2x1x2x4xf32>
    %8 = linalg.generic {indexing_maps = [#map1, #map2, #map3, #map4, #map5, #map6, #map7], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%expanded_3, %expanded_2, %expanded_1, %expanded_0, %expanded, %2 : tensor<8x4x2x1x1x1xi64>, tensor<8x1x1x1x1x1xi64>, tensor<4x2x1x1x1xi64>, tensor<1x1x1xi64>, tensor<2x1xi64>, tensor<4xi64>) outs(%7 : tensor<8x4x2x1x2x4xf32>) {
    ^bb0(%in: i64, %in_4: i64, %in_5: i64, %in_6: i64, %in_7: i64, %in_8: i64, %out: f32):
      %9 = arith.cmpi slt, %in, %c0_i64 : i64
      %10 = arith.addi %in, %c4_i64 : i64
      %11 = arith.select %9, %10, %in : i64
      %12 = arith.index_cast %11 : i64 to index
      %13 = arith.cmpi slt, %in_4, %c0_i64 : i64
      %14 = arith.addi %in_4, %c5_i64 : i64
      %15 = arith.select %13, %14, %in_4 : i64
      %16 = arith.index_cast %15 : i64 to index
      %17 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %18 = arith.addi %in_5, %c3_i64 : i64
      %19 = arith.select %17, %18, %in_5 : i64
      %20 = arith.index_cast %19 : i64 to index
      %21 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %22 = arith.addi %in_6, %c1_i64 : i64
      %23 = arith.select %21, %22, %in_6 : i64
      %24 = arith.index_cast %23 : i64 to index
      %25 = arith.cmpi slt, %in_7, %c0_i64 : i64
      %26 = arith.addi %in_7, %c2_i64 : i64
      %27 = arith.select %25, %26, %in_7 : i64
      %28 = arith.index_cast %27 : i64 to index
      %29 = arith.cmpi slt, %in_8, %c0_i64 : i64
      %30 = arith.addi %in_8, %c4_i64 : i64
      %31 = arith.select %29, %30, %in_8 : i64
      %32 = arith.index_cast %31 : i64 to index
      %extracted = tensor.extract %transposed[%12, %16, %20, %24, %28, %32] : tensor<4x5x3x1x2x4xf32>
      linalg.yield %extracted : f32
    } -> tensor<8x4x2x1x2x4xf32>
    return %8 : tensor<8x4x2x1x2x4xf32>
  }
}
