#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map2 = affine_map<(d0, d1, d2, d3) -> ()>
#map3 = affine_map<(d0, d1, d2, d3) -> (0, 0, 0, 0)>
#map4 = affine_map<(d0, d1, d2, d3) -> (0, 0, 0, d3)>
module {
  func.func @forward(%arg0: tensor<1x1x4x4xf32>, %arg1: tensor<1x1x3x2xf32>) -> tensor<1x1x1x3xf32> {
    %c4_i64 = arith.constant 4 : i64
    %c0_i64 = arith.constant 0 : i64
    %c1_i64 = arith.constant 1 : i64
    %cst = arith.constant 2.000000e+00 : f32
    %cst_0 = arith.constant 1.500000e+00 : f32
    %cst_1 = arith.constant 0.000000e+00 : f32
    %cst_2 = arith.constant 4.000000e+00 : f32
    %cst_3 = arith.constant dense<1> : tensor<i64>
    %cst_4 = arith.constant dense<0> : tensor<i64>
    %expanded = tensor.expand_shape %arg1 [[0], [1], [2, 3], [4]] output_shape [1, 1, 1, 3, 2] : tensor<1x1x3x2xf32> into tensor<1x1x1x3x2xf32>
    %0 = tensor.empty() : tensor<1xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<1xi64>) {
    ^bb0(%out: i64):
      linalg.yield %c0_i64 : i64
    } -> tensor<1xi64>
    %expanded_5 = tensor.expand_shape %1 [[0, 1, 2, 3]] output_shape [1, 1, 1, 1] : tensor<1xi64> into tensor<1x1x1x1xi64>
    %extracted_slice = tensor.extract_slice %expanded[0, 0, 0, 0, 0] [1, 1, 1, 3, 1] [1, 1, 1, 1, 1] : tensor<1x1x1x3x2xf32> to tensor<1x1x1x3x1xf32>
    %collapsed = tensor.collapse_shape %extracted_slice [[0], [1], [2], [3, 4]] : tensor<1x1x1x3x1xf32> into tensor<1x1x1x3xf32>
    %extracted_slice_6 = tensor.extract_slice %expanded[0, 0, 0, 0, 1] [1, 1, 1, 3, 1] [1, 1, 1, 1, 1] : tensor<1x1x1x3x2xf32> to tensor<1x1x1x3x1xf32>
    %collapsed_7 = tensor.collapse_shape %extracted_slice_6 [[0], [1], [2], [3, 4]] : tensor<1x1x1x3x1xf32> into tensor<1x1x1x3xf32>
    %2 = tensor.empty() : tensor<1x1x1x3xf32>
    %3 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%collapsed : tensor<1x1x1x3xf32>) outs(%2 : tensor<1x1x1x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = arith.mulf %in, %cst : f32
      linalg.yield %25 : f32
    } -> tensor<1x1x1x3xf32>
    %4 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x1x1x3xf32>) outs(%2 : tensor<1x1x1x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = arith.addf %in, %cst_0 : f32
      linalg.yield %25 : f32
    } -> tensor<1x1x1x3xf32>
    %5 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%collapsed_7 : tensor<1x1x1x3xf32>) outs(%2 : tensor<1x1x1x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = arith.mulf %in, %cst : f32
      linalg.yield %25 : f32
    } -> tensor<1x1x1x3xf32>
    %6 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%5 : tensor<1x1x1x3xf32>) outs(%2 : tensor<1x1x1x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = arith.addf %in, %cst_0 : f32
      linalg.yield %25 : f32
    } -> tensor<1x1x1x3xf32>
    %7 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4 : tensor<1x1x1x3xf32>) outs(%2 : tensor<1x1x1x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = math.roundeven %in : f32
      linalg.yield %25 : f32
    } -> tensor<1x1x1x3xf32>
    %8 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6 : tensor<1x1x1x3xf32>) outs(%2 : tensor<1x1x1x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %25 = math.roundeven %in : f32
      linalg.yield %25 : f32
    } -> tensor<1x1x1x3xf32>
    %9 = tensor.empty() : tensor<1x1x1x3xi1>
    %10 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%7 : tensor<1x1x1x3xf32>) outs(%9 : tensor<1x1x1x3xi1>) {
    ^bb0(%in: f32, %out: i1):
      %25 = arith.cmpf oge, %in, %cst_1 : f32
      linalg.yield %25 : i1
    } -> tensor<1x1x1x3xi1>
    %11 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%7 : tensor<1x1x1x3xf32>) outs(%9 : tensor<1x1x1x3xi1>) {
    ^bb0(%in: f32, %out: i1):
      %25 = arith.cmpf olt, %in, %cst_2 : f32
      linalg.yield %25 : i1
    } -> tensor<1x1x1x3xi1>
    %12 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%8 : tensor<1x1x1x3xf32>) outs(%9 : tensor<1x1x1x3xi1>) {
    ^bb0(%in: f32, %out: i1):
      %25 = arith.cmpf oge, %in, %cst_1 : f32
      linalg.yield %25 : i1
    } -> tensor<1x1x1x3xi1>
    %13 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%8 : tensor<1x1x1x3xf32>) outs(%9 : tensor<1x1x1x3xi1>) {
    ^bb0(%in: f32, %out: i1):
      %25 = arith.cmpf olt, %in, %cst_2 : f32
      linalg.yield %25 : i1
    } -> tensor<1x1x1x3xi1>
    %14 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%12, %13 : tensor<1x1x1x3xi1>, tensor<1x1x1x3xi1>) outs(%9 : tensor<1x1x1x3xi1>) {
    ^bb0(%in: i1, %in_8: i1, %out: i1):
      %25 = arith.andi %in, %in_8 : i1
      linalg.yield %25 : i1
    } -> tensor<1x1x1x3xi1>
    %15 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%11, %14 : tensor<1x1x1x3xi1>, tensor<1x1x1x3xi1>) outs(%9 : tensor<1x1x1x3xi1>) {
    ^bb0(%in: i1, %in_8: i1, %out: i1):
      %25 = arith.andi %in, %in_8 : i1
      linalg.yield %25 : i1
    } -> tensor<1x1x1x3xi1>
    %16 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%10, %15 : tensor<1x1x1x3xi1>, tensor<1x1x1x3xi1>) outs(%9 : tensor<1x1x1x3xi1>) {
    ^bb0(%in: i1, %in_8: i1, %out: i1):
      %25 = arith.andi %in, %in_8 : i1
      linalg.yield %25 : i1
    } -> tensor<1x1x1x3xi1>
    %17 = tensor.empty() : tensor<1x1x1x3xi64>
    %18 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%7 : tensor<1x1x1x3xf32>) outs(%17 : tensor<1x1x1x3xi64>) {
    ^bb0(%in: f32, %out: i64):
      %25 = arith.fptosi %in : f32 to i64
      linalg.yield %25 : i64
    } -> tensor<1x1x1x3xi64>
    %19 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%8 : tensor<1x1x1x3xf32>) outs(%17 : tensor<1x1x1x3xi64>) {
    ^bb0(%in: f32, %out: i64):
      %25 = arith.fptosi %in : f32 to i64
      linalg.yield %25 : i64
    } -> tensor<1x1x1x3xi64>
    %20 = linalg.generic {indexing_maps = [#map1, #map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%16, %18, %cst_4 : tensor<1x1x1x3xi1>, tensor<1x1x1x3xi64>, tensor<i64>) outs(%17 : tensor<1x1x1x3xi64>) {
    ^bb0(%in: i1, %in_8: i64, %in_9: i64, %out: i64):
      %25 = arith.select %in, %in_8, %in_9 : i64
      linalg.yield %25 : i64
    } -> tensor<1x1x1x3xi64>
    %21 = linalg.generic {indexing_maps = [#map1, #map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%16, %19, %cst_4 : tensor<1x1x1x3xi1>, tensor<1x1x1x3xi64>, tensor<i64>) outs(%17 : tensor<1x1x1x3xi64>) {
    ^bb0(%in: i1, %in_8: i64, %in_9: i64, %out: i64):
      %25 = arith.select %in, %in_8, %in_9 : i64
      linalg.yield %25 : i64
    } -> tensor<1x1x1x3xi64>
    %22 = linalg.generic {indexing_maps = [#map1, #map2, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%16, %cst_3, %cst_4 : tensor<1x1x1x3xi1>, tensor<i64>, tensor<i64>) outs(%17 : tensor<1x1x1x3xi64>) {
    ^bb0(%in: i1, %in_8: i64, %in_9: i64, %out: i64):
      %25 = arith.select %in, %in_8, %in_9 : i64
      linalg.yield %25 : i64
    } -> tensor<1x1x1x3xi64>
    %23 = linalg.generic {indexing_maps = [#map3, #map3, #map4, #map4, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_5, %expanded_5, %21, %20 : tensor<1x1x1x1xi64>, tensor<1x1x1x1xi64>, tensor<1x1x1x3xi64>, tensor<1x1x1x3xi64>) outs(%2 : tensor<1x1x1x3xf32>) {
    ^bb0(%in: i64, %in_8: i64, %in_9: i64, %in_10: i64, %out: f32):
      %25 = arith.cmpi slt, %in, %c0_i64 : i64
      %26 = arith.addi %in, %c1_i64 : i64
      %27 = arith.select %25, %26, %in : i64
      %28 = arith.index_cast %27 : i64 to index
      %29 = arith.cmpi slt, %in_8, %c0_i64 : i64
      %30 = arith.addi %in_8, %c1_i64 : i64
      %31 = arith.select %29, %30, %in_8 : i64
      %32 = arith.index_cast %31 : i64 to index
      %33 = arith.cmpi slt, %in_9, %c0_i64 : i64
      %34 = arith.addi %in_9, %c4_i64 : i64
      %35 = arith.select %33, %34, %in_9 : i64
      %36 = arith.index_cast %35 : i64 to index
      %37 = arith.cmpi slt, %in_10, %c0_i64 : i64
      %38 = arith.addi %in_10, %c4_i64 : i64
      %39 = arith.select %37, %38, %in_10 : i64
      %40 = arith.index_cast %39 : i64 to index
      %extracted = tensor.extract %arg0[%28, %32, %36, %40] : tensor<1x1x4x4xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x1x3xf32>
    %24 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%23, %22 : tensor<1x1x1x3xf32>, tensor<1x1x1x3xi64>) outs(%2 : tensor<1x1x1x3xf32>) {
    ^bb0(%in: f32, %in_8: i64, %out: f32):
      %25 = arith.sitofp %in_8 : i64 to f32
      %26 = arith.mulf %in, %25 : f32
      linalg.yield %26 : f32
    } -> tensor<1x1x1x3xf32>
    return %24 : tensor<1x1x1x3xf32>
  }
}
