#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> ()>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d1)>
#map4 = affine_map<(d0, d1) -> (d0, d1)>
#map5 = affine_map<(d0, d1, d2, d3, d4, d5) -> (0, 0, 0, 0, 0, 0)>
#map6 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, 0, 0, 0, 0)>
#map7 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d3, 0, 0)>
#map8 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>
#map9 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4, d5)>
#map10 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d4)>
#map11 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<1x3x7x7xf32>) -> tensor<1x3x2x2xf32> {
    %c7_i64 = arith.constant 7 : i64
    %c0_i64 = arith.constant 0 : i64
    %c1_i64 = arith.constant 1 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.600000e+01 : f32
    %c3_i64 = arith.constant 3 : i64
    %cst_1 = arith.constant dense<2> : tensor<i64>
    %0 = tensor.empty() : tensor<2xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<2xi64>) {
    ^bb0(%out: i64):
      %18 = linalg.index 0 : index
      %19 = arith.index_cast %18 : index to i64
      linalg.yield %19 : i64
    } -> tensor<2xi64>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<2xi64>) outs(%0 : tensor<2xi64>) {
    ^bb0(%in: i64, %out: i64):
      %18 = arith.muli %in, %c7_i64 : i64
      linalg.yield %18 : i64
    } -> tensor<2xi64>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%2, %cst_1 : tensor<2xi64>, tensor<i64>) outs(%0 : tensor<2xi64>) {
    ^bb0(%in: i64, %in_5: i64, %out: i64):
      %18 = arith.divsi %in, %in_5 : i64
      linalg.yield %18 : i64
    } -> tensor<2xi64>
    %4 = tensor.empty() : tensor<4xi64>
    %5 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%4 : tensor<4xi64>) {
    ^bb0(%out: i64):
      %18 = linalg.index 0 : index
      %19 = arith.index_cast %18 : index to i64
      linalg.yield %19 : i64
    } -> tensor<4xi64>
    %expanded = tensor.expand_shape %3 [[0, 1]] output_shape [2, 1] : tensor<2xi64> into tensor<2x1xi64>
    %6 = tensor.empty() : tensor<2x4xi64>
    %7 = linalg.generic {indexing_maps = [#map2, #map3, #map4], iterator_types = ["parallel", "parallel"]} ins(%expanded, %5 : tensor<2x1xi64>, tensor<4xi64>) outs(%6 : tensor<2x4xi64>) {
    ^bb0(%in: i64, %in_5: i64, %out: i64):
      %18 = arith.addi %in, %in_5 : i64
      linalg.yield %18 : i64
    } -> tensor<2x4xi64>
    %expanded_2 = tensor.expand_shape %7 [[0], [1, 2, 3]] output_shape [2, 4, 1, 1] : tensor<2x4xi64> into tensor<2x4x1x1xi64>
    %8 = tensor.empty() : tensor<3xi64>
    %9 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%8 : tensor<3xi64>) {
    ^bb0(%out: i64):
      %18 = linalg.index 0 : index
      %19 = arith.index_cast %18 : index to i64
      linalg.yield %19 : i64
    } -> tensor<3xi64>
    %expanded_3 = tensor.expand_shape %9 [[0, 1, 2, 3, 4]] output_shape [3, 1, 1, 1, 1] : tensor<3xi64> into tensor<3x1x1x1x1xi64>
    %10 = tensor.empty() : tensor<1xi64>
    %11 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%10 : tensor<1xi64>) {
    ^bb0(%out: i64):
      linalg.yield %c0_i64 : i64
    } -> tensor<1xi64>
    %expanded_4 = tensor.expand_shape %11 [[0, 1, 2, 3, 4, 5]] output_shape [1, 1, 1, 1, 1, 1] : tensor<1xi64> into tensor<1x1x1x1x1x1xi64>
    %12 = tensor.empty() : tensor<1x3x2x4x2x4xf32>
    %13 = linalg.generic {indexing_maps = [#map5, #map6, #map7, #map8, #map9], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%expanded_4, %expanded_3, %expanded_2, %7 : tensor<1x1x1x1x1x1xi64>, tensor<3x1x1x1x1xi64>, tensor<2x4x1x1xi64>, tensor<2x4xi64>) outs(%12 : tensor<1x3x2x4x2x4xf32>) {
    ^bb0(%in: i64, %in_5: i64, %in_6: i64, %in_7: i64, %out: f32):
      %18 = arith.cmpi slt, %in, %c0_i64 : i64
      %19 = arith.addi %in, %c1_i64 : i64
      %20 = arith.select %18, %19, %in : i64
      %21 = arith.index_cast %20 : i64 to index
      %22 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %23 = arith.addi %in_5, %c3_i64 : i64
      %24 = arith.select %22, %23, %in_5 : i64
      %25 = arith.index_cast %24 : i64 to index
      %26 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %27 = arith.addi %in_6, %c7_i64 : i64
      %28 = arith.select %26, %27, %in_6 : i64
      %29 = arith.index_cast %28 : i64 to index
      %30 = arith.cmpi slt, %in_7, %c0_i64 : i64
      %31 = arith.addi %in_7, %c7_i64 : i64
      %32 = arith.select %30, %31, %in_7 : i64
      %33 = arith.index_cast %32 : i64 to index
      %extracted = tensor.extract %arg0[%21, %25, %29, %33] : tensor<1x3x7x7xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x3x2x4x2x4xf32>
    %14 = tensor.empty() : tensor<1x3x2x2xf32>
    %15 = linalg.fill ins(%cst : f32) outs(%14 : tensor<1x3x2x2xf32>) -> tensor<1x3x2x2xf32>
    %16 = linalg.generic {indexing_maps = [#map9, #map10], iterator_types = ["parallel", "parallel", "parallel", "reduction", "parallel", "reduction"]} ins(%13 : tensor<1x3x2x4x2x4xf32>) outs(%15 : tensor<1x3x2x2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %18 = arith.addf %in, %out : f32
      linalg.yield %18 : f32
    } -> tensor<1x3x2x2xf32>
    %17 = linalg.generic {indexing_maps = [#map11, #map11], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%16 : tensor<1x3x2x2xf32>) outs(%14 : tensor<1x3x2x2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %18 = arith.divf %in, %cst_0 : f32
      linalg.yield %18 : f32
    } -> tensor<1x3x2x2xf32>
    return %17 : tensor<1x3x2x2xf32>
  }
}
