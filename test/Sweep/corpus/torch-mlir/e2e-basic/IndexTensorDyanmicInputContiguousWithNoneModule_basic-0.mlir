#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, 0, 0, 0, 0, 0)>
#map2 = affine_map<(d0, d1, d2, d3, d4, d5) -> (0, d2, 0, 0, 0)>
#map3 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, 0, 0, 0)>
#map4 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, 0)>
#map5 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d5)>
#map6 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4, d5)>
module {
  func.func @forward(%arg0: tensor<2x3x4x5x32xf32>, %arg1: tensor<1x2x1xi64>, %arg2: tensor<2x1xi64>) -> tensor<2x1x2x1x5x32xf32> {
    %c2_i64 = arith.constant 2 : i64
    %c5_i64 = arith.constant 5 : i64
    %c32_i64 = arith.constant 32 : i64
    %c0_i64 = arith.constant 0 : i64
    %c3_i64 = arith.constant 3 : i64
    %c4_i64 = arith.constant 4 : i64
    %0 = tensor.empty() : tensor<32xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<32xi64>) {
    ^bb0(%out: i64):
      %8 = linalg.index 0 : index
      %9 = arith.index_cast %8 : index to i64
      linalg.yield %9 : i64
    } -> tensor<32xi64>
    %2 = tensor.empty() : tensor<5xi64>
    %3 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%2 : tensor<5xi64>) {
    ^bb0(%out: i64):
      %8 = linalg.index 0 : index
      %9 = arith.index_cast %8 : index to i64
      linalg.yield %9 : i64
    } -> tensor<5xi64>
    %expanded = tensor.expand_shape %3 [[0, 1]] output_shape [5, 1] : tensor<5xi64> into tensor<5x1xi64>
    %expanded_0 = tensor.expand_shape %arg2 [[0], [1, 2, 3]] output_shape [2, 1, 1, 1] : tensor<2x1xi64> into tensor<2x1x1x1xi64>
    %expanded_1 = tensor.expand_shape %arg1 [[0], [1], [2, 3, 4]] output_shape [1, 2, 1, 1, 1] : tensor<1x2x1xi64> into tensor<1x2x1x1x1xi64>
    %4 = tensor.empty() : tensor<2xi64>
    %5 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%4 : tensor<2xi64>) {
    ^bb0(%out: i64):
      %8 = linalg.index 0 : index
      %9 = arith.index_cast %8 : index to i64
      linalg.yield %9 : i64
    } -> tensor<2xi64>
    %expanded_2 = tensor.expand_shape %5 [[0, 1, 2, 3, 4, 5]] output_shape [2, 1, 1, 1, 1, 1] : tensor<2xi64> into tensor<2x1x1x1x1x1xi64>
    %6 = tensor.empty() : tensor<2x1x2x1x5x32xf32>
    %7 = linalg.generic {indexing_maps = [#map1, #map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%expanded_2, %expanded_1, %expanded_0, %expanded, %1 : tensor<2x1x1x1x1x1xi64>, tensor<1x2x1x1x1xi64>, tensor<2x1x1x1xi64>, tensor<5x1xi64>, tensor<32xi64>) outs(%6 : tensor<2x1x2x1x5x32xf32>) {
    ^bb0(%in: i64, %in_3: i64, %in_4: i64, %in_5: i64, %in_6: i64, %out: f32):
      %8 = arith.cmpi slt, %in, %c0_i64 : i64
      %9 = arith.addi %in, %c2_i64 : i64
      %10 = arith.select %8, %9, %in : i64
      %11 = arith.index_cast %10 : i64 to index
      %12 = arith.cmpi slt, %in_3, %c0_i64 : i64
      %13 = arith.addi %in_3, %c3_i64 : i64
      %14 = arith.select %12, %13, %in_3 : i64
      %15 = arith.index_cast %14 : i64 to index
      %16 = arith.cmpi slt, %in_4, %c0_i64 : i64
      %17 = arith.addi %in_4, %c4_i64 : i64
      %18 = arith.select %16, %17, %in_4 : i64
      %19 = arith.index_cast %18 : i64 to index
      %20 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %21 = arith.addi %in_5, %c5_i64 : i64
      %22 = arith.select %20, %21, %in_5 : i64
      %23 = arith.index_cast %22 : i64 to index
      %24 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %25 = arith.addi %in_6, %c32_i64 : i64
      %26 = arith.select %24, %25, %in_6 : i64
      %27 = arith.index_cast %26 : i64 to index
      %extracted = tensor.extract %arg0[%11, %15, %19, %23, %27] : tensor<2x3x4x5x32xf32>
      linalg.yield %extracted : f32
    } -> tensor<2x1x2x1x5x32xf32>
    return %7 : tensor<2x1x2x1x5x32xf32>
  }
}
