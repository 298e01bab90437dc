#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> ()>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d1)>
#map4 = affine_map<(d0, d1) -> (d0, d1)>
#map5 = affine_map<(d0, d1) -> ()>
#map6 = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, 0, 0, 0)>
#map7 = affine_map<(d0, d1, d2, d3, d4) -> (d1, d2, 0, 0)>
#map8 = affine_map<(d0, d1, d2, d3, d4) -> (d3, d4)>
#map9 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
#map10 = affine_map<(d0, d1, d2, d3, d4) -> ()>
#map11 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map12 = affine_map<(d0, d1, d2) -> (d1, d2)>
module {
  func.func @forward(%arg0: tensor<512x10x16xf32>) -> tensor<512x7x13xf32> {
    %c16_i64 = arith.constant 16 : i64
    %c13_i64 = arith.constant 13 : i64
    %c10_i64 = arith.constant 10 : i64
    %c0_i64 = arith.constant 0 : i64
    %c7_i64 = arith.constant 7 : i64
    %c1_i64 = arith.constant 1 : i64
    %cst = arith.constant dense<0.000000e+00> : tensor<f32>
    %c512_i64 = arith.constant 512 : i64
    %cst_0 = arith.constant dense<15> : tensor<i64>
    %cst_1 = arith.constant dense<9> : tensor<i64>
    %cst_2 = arith.constant dense<13> : tensor<i64>
    %cst_3 = arith.constant dense<7> : tensor<i64>
    %0 = tensor.empty() : tensor<7xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<7xi64>) {
    ^bb0(%out: i64):
      %50 = linalg.index 0 : index
      %51 = arith.index_cast %50 : index to i64
      linalg.yield %51 : i64
    } -> tensor<7xi64>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<7xi64>) outs(%0 : tensor<7xi64>) {
    ^bb0(%in: i64, %out: i64):
      %50 = arith.muli %in, %c10_i64 : i64
      linalg.yield %50 : i64
    } -> tensor<7xi64>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%2, %cst_3 : tensor<7xi64>, tensor<i64>) outs(%0 : tensor<7xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.divsi %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<7xi64>
    %4 = tensor.empty() : tensor<3xi64>
    %5 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%4 : tensor<3xi64>) {
    ^bb0(%out: i64):
      %50 = linalg.index 0 : index
      %51 = arith.index_cast %50 : index to i64
      linalg.yield %51 : i64
    } -> tensor<3xi64>
    %expanded = tensor.expand_shape %3 [[0, 1]] output_shape [7, 1] : tensor<7xi64> into tensor<7x1xi64>
    %6 = tensor.empty() : tensor<7x3xi64>
    %7 = linalg.generic {indexing_maps = [#map2, #map3, #map4], iterator_types = ["parallel", "parallel"]} ins(%expanded, %5 : tensor<7x1xi64>, tensor<3xi64>) outs(%6 : tensor<7x3xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.addi %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<7x3xi64>
    %8 = linalg.generic {indexing_maps = [#map4, #map5, #map4], iterator_types = ["parallel", "parallel"]} ins(%7, %cst_1 : tensor<7x3xi64>, tensor<i64>) outs(%6 : tensor<7x3xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.minsi %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<7x3xi64>
    %9 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<7xi64>) outs(%0 : tensor<7xi64>) {
    ^bb0(%in: i64, %out: i64):
      %50 = arith.addi %in, %c1_i64 : i64
      linalg.yield %50 : i64
    } -> tensor<7xi64>
    %10 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%9 : tensor<7xi64>) outs(%0 : tensor<7xi64>) {
    ^bb0(%in: i64, %out: i64):
      %50 = arith.muli %in, %c10_i64 : i64
      linalg.yield %50 : i64
    } -> tensor<7xi64>
    %11 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%10 : tensor<7xi64>) outs(%0 : tensor<7xi64>) {
    ^bb0(%in: i64, %out: i64):
      %50 = arith.addi %in, %c7_i64 : i64
      linalg.yield %50 : i64
    } -> tensor<7xi64>
    %12 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%11 : tensor<7xi64>) outs(%0 : tensor<7xi64>) {
    ^bb0(%in: i64, %out: i64):
      %50 = arith.subi %in, %c1_i64 : i64
      linalg.yield %50 : i64
    } -> tensor<7xi64>
    %13 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%12, %cst_3 : tensor<7xi64>, tensor<i64>) outs(%0 : tensor<7xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.divsi %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<7xi64>
    %14 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%13, %3 : tensor<7xi64>, tensor<7xi64>) outs(%0 : tensor<7xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.subi %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<7xi64>
    %15 = tensor.empty() : tensor<13xi64>
    %16 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%15 : tensor<13xi64>) {
    ^bb0(%out: i64):
      %50 = linalg.index 0 : index
      %51 = arith.index_cast %50 : index to i64
      linalg.yield %51 : i64
    } -> tensor<13xi64>
    %17 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%16 : tensor<13xi64>) outs(%15 : tensor<13xi64>) {
    ^bb0(%in: i64, %out: i64):
      %50 = arith.muli %in, %c16_i64 : i64
      linalg.yield %50 : i64
    } -> tensor<13xi64>
    %18 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%17, %cst_2 : tensor<13xi64>, tensor<i64>) outs(%15 : tensor<13xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.divsi %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<13xi64>
    %expanded_4 = tensor.expand_shape %18 [[0, 1]] output_shape [13, 1] : tensor<13xi64> into tensor<13x1xi64>
    %19 = tensor.empty() : tensor<13x3xi64>
    %20 = linalg.generic {indexing_maps = [#map2, #map3, #map4], iterator_types = ["parallel", "parallel"]} ins(%expanded_4, %5 : tensor<13x1xi64>, tensor<3xi64>) outs(%19 : tensor<13x3xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.addi %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<13x3xi64>
    %21 = linalg.generic {indexing_maps = [#map4, #map5, #map4], iterator_types = ["parallel", "parallel"]} ins(%20, %cst_0 : tensor<13x3xi64>, tensor<i64>) outs(%19 : tensor<13x3xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.minsi %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<13x3xi64>
    %22 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%16 : tensor<13xi64>) outs(%15 : tensor<13xi64>) {
    ^bb0(%in: i64, %out: i64):
      %50 = arith.addi %in, %c1_i64 : i64
      linalg.yield %50 : i64
    } -> tensor<13xi64>
    %23 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%22 : tensor<13xi64>) outs(%15 : tensor<13xi64>) {
    ^bb0(%in: i64, %out: i64):
      %50 = arith.muli %in, %c16_i64 : i64
      linalg.yield %50 : i64
    } -> tensor<13xi64>
    %24 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%23 : tensor<13xi64>) outs(%15 : tensor<13xi64>) {
    ^bb0(%in: i64, %out: i64):
      %50 = arith.addi %in, %c13_i64 : i64
      linalg.yield %50 : i64
    } -> tensor<13xi64>
    %25 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%24 : tensor<13xi64>) outs(%15 : tensor<13xi64>) {
    ^bb0(%in: i64, %out: i64):
      %50 = arith.subi %in, %c1_i64 : i64
      linalg.yield %50 : i64
    } -> tensor<13xi64>
    %26 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%25, %cst_2 : tensor<13xi64>, tensor<i64>) outs(%15 : tensor<13xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.divsi %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<13xi64>
    %27 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%26, %18 : tensor<13xi64>, tensor<13xi64>) outs(%15 : tensor<13xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.subi %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<13xi64>
    %expanded_5 = tensor.expand_shape %8 [[0], [1, 2, 3]] output_shape [7, 3, 1, 1] : tensor<7x3xi64> into tensor<7x3x1x1xi64>
    %28 = tensor.empty() : tensor<512xi64>
    %29 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%28 : tensor<512xi64>) {
    ^bb0(%out: i64):
      %50 = linalg.index 0 : index
      %51 = arith.index_cast %50 : index to i64
      linalg.yield %51 : i64
    } -> tensor<512xi64>
    %expanded_6 = tensor.expand_shape %29 [[0, 1, 2, 3, 4]] output_shape [512, 1, 1, 1, 1] : tensor<512xi64> into tensor<512x1x1x1x1xi64>
    %30 = tensor.empty() : tensor<512x7x3x13x3xf32>
    %31 = linalg.generic {indexing_maps = [#map6, #map7, #map8, #map9], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%expanded_6, %expanded_5, %21 : tensor<512x1x1x1x1xi64>, tensor<7x3x1x1xi64>, tensor<13x3xi64>) outs(%30 : tensor<512x7x3x13x3xf32>) {
    ^bb0(%in: i64, %in_32: i64, %in_33: i64, %out: f32):
      %50 = arith.cmpi slt, %in, %c0_i64 : i64
      %51 = arith.addi %in, %c512_i64 : i64
      %52 = arith.select %50, %51, %in : i64
      %53 = arith.index_cast %52 : i64 to index
      %54 = arith.cmpi slt, %in_32, %c0_i64 : i64
      %55 = arith.addi %in_32, %c10_i64 : i64
      %56 = arith.select %54, %55, %in_32 : i64
      %57 = arith.index_cast %56 : i64 to index
      %58 = arith.cmpi slt, %in_33, %c0_i64 : i64
      %59 = arith.addi %in_33, %c16_i64 : i64
      %60 = arith.select %58, %59, %in_33 : i64
      %61 = arith.index_cast %60 : i64 to index
      %extracted = tensor.extract %arg0[%53, %57, %61] : tensor<512x10x16xf32>
      linalg.yield %extracted : f32
    } -> tensor<512x7x3x13x3xf32>
    %expanded_7 = tensor.expand_shape %14 [[0, 1]] output_shape [7, 1] : tensor<7xi64> into tensor<7x1xi64>
    %32 = tensor.empty() : tensor<7x3xi1>
    %33 = linalg.generic {indexing_maps = [#map3, #map2, #map4], iterator_types = ["parallel", "parallel"]} ins(%5, %expanded_7 : tensor<3xi64>, tensor<7x1xi64>) outs(%32 : tensor<7x3xi1>) {
    ^bb0(%in: i64, %in_32: i64, %out: i1):
      %50 = arith.cmpi sge, %in, %in_32 : i64
      linalg.yield %50 : i1
    } -> tensor<7x3xi1>
    %expanded_8 = tensor.expand_shape %33 [[0], [1, 2, 3]] output_shape [7, 3, 1, 1] : tensor<7x3xi1> into tensor<7x3x1x1xi1>
    %34 = linalg.generic {indexing_maps = [#map7, #map10, #map9, #map9], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%expanded_8, %cst, %31 : tensor<7x3x1x1xi1>, tensor<f32>, tensor<512x7x3x13x3xf32>) outs(%30 : tensor<512x7x3x13x3xf32>) {
    ^bb0(%in: i1, %in_32: f32, %in_33: f32, %out: f32):
      %50 = arith.select %in, %in_32, %in_33 : f32
      linalg.yield %50 : f32
    } -> tensor<512x7x3x13x3xf32>
    %expanded_9 = tensor.expand_shape %27 [[0, 1]] output_shape [13, 1] : tensor<13xi64> into tensor<13x1xi64>
    %35 = tensor.empty() : tensor<13x3xi1>
    %36 = linalg.generic {indexing_maps = [#map3, #map2, #map4], iterator_types = ["parallel", "parallel"]} ins(%5, %expanded_9 : tensor<3xi64>, tensor<13x1xi64>) outs(%35 : tensor<13x3xi1>) {
    ^bb0(%in: i64, %in_32: i64, %out: i1):
      %50 = arith.cmpi sge, %in, %in_32 : i64
      linalg.yield %50 : i1
    } -> tensor<13x3xi1>
    %37 = linalg.generic {indexing_maps = [#map8, #map10, #map9, #map9], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%36, %cst, %34 : tensor<13x3xi1>, tensor<f32>, tensor<512x7x3x13x3xf32>) outs(%30 : tensor<512x7x3x13x3xf32>) {
    ^bb0(%in: i1, %in_32: f32, %in_33: f32, %out: f32):
      %50 = arith.select %in, %in_32, %in_33 : f32
      linalg.yield %50 : f32
    } -> tensor<512x7x3x13x3xf32>
    %extracted_slice = tensor.extract_slice %37[0, 0, 0, 0, 0] [512, 7, 1, 13, 3] [1, 1, 1, 1, 1] : tensor<512x7x3x13x3xf32> to tensor<512x7x1x13x3xf32>
    %collapsed = tensor.collapse_shape %extracted_slice [[0], [1, 2], [3], [4]] : tensor<512x7x1x13x3xf32> into tensor<512x7x13x3xf32>
    %extracted_slice_10 = tensor.extract_slice %collapsed[0, 0, 0, 0] [512, 7, 13, 1] [1, 1, 1, 1] : tensor<512x7x13x3xf32> to tensor<512x7x13x1xf32>
    %collapsed_11 = tensor.collapse_shape %extracted_slice_10 [[0], [1], [2, 3]] : tensor<512x7x13x1xf32> into tensor<512x7x13xf32>
    %extracted_slice_12 = tensor.extract_slice %collapsed[0, 0, 0, 1] [512, 7, 13, 1] [1, 1, 1, 1] : tensor<512x7x13x3xf32> to tensor<512x7x13x1xf32>
    %collapsed_13 = tensor.collapse_shape %extracted_slice_12 [[0], [1], [2, 3]] : tensor<512x7x13x1xf32> into tensor<512x7x13xf32>
    %38 = tensor.empty() : tensor<512x7x13xf32>
    %39 = linalg.generic {indexing_maps = [#map11, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%collapsed_11, %collapsed_13 : tensor<512x7x13xf32>, tensor<512x7x13xf32>) outs(%38 : tensor<512x7x13xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %50 = arith.addf %in, %in_32 : f32
      linalg.yield %50 : f32
    } -> tensor<512x7x13xf32>
    %extracted_slice_14 = tensor.extract_slice %collapsed[0, 0, 0, 2] [512, 7, 13, 1] [1, 1, 1, 1] : tensor<512x7x13x3xf32> to tensor<512x7x13x1xf32>
    %collapsed_15 = tensor.collapse_shape %extracted_slice_14 [[0], [1], [2, 3]] : tensor<512x7x13x1xf32> into tensor<512x7x13xf32>
    %40 = linalg.generic {indexing_maps = [#map11, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%39, %collapsed_15 : tensor<512x7x13xf32>, tensor<512x7x13xf32>) outs(%38 : tensor<512x7x13xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %50 = arith.addf %in, %in_32 : f32
      linalg.yield %50 : f32
    } -> tensor<512x7x13xf32>
    %extracted_slice_16 = tensor.extract_slice %37[0, 0, 1, 0, 0] [512, 7, 1, 13, 3] [1, 1, 1, 1, 1] : tensor<512x7x3x13x3xf32> to tensor<512x7x1x13x3xf32>
    %collapsed_17 = tensor.collapse_shape %extracted_slice_16 [[0], [1, 2], [3], [4]] : tensor<512x7x1x13x3xf32> into tensor<512x7x13x3xf32>
    %extracted_slice_18 = tensor.extract_slice %collapsed_17[0, 0, 0, 0] [512, 7, 13, 1] [1, 1, 1, 1] : tensor<512x7x13x3xf32> to tensor<512x7x13x1xf32>
    %collapsed_19 = tensor.collapse_shape %extracted_slice_18 [[0], [1], [2, 3]] : tensor<512x7x13x1xf32> into tensor<512x7x13xf32>
    %41 = linalg.generic {indexing_maps = [#map11, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%40, %collapsed_19 : tensor<512x7x13xf32>, tensor<512x7x13xf32>) outs(%38 : tensor<512x7x13xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %50 = arith.addf %in, %in_32 : f32
      linalg.yield %50 : f32
    } -> tensor<512x7x13xf32>
    %extracted_slice_20 = tensor.extract_slice %collapsed_17[0, 0, 0, 1] [512, 7, 13, 1] [1, 1, 1, 1] : tensor<512x7x13x3xf32> to tensor<512x7x13x1xf32>
    %collapsed_21 = tensor.collapse_shape %extracted_slice_20 [[0], [1], [2, 3]] : tensor<512x7x13x1xf32> into tensor<512x7x13xf32>
    %42 = linalg.generic {indexing_maps = [#map11, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%41, %collapsed_21 : tensor<512x7x13xf32>, tensor<512x7x13xf32>) outs(%38 : tensor<512x7x13xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %50 = arith.addf %in, %in_32 : f32
      linalg.yield %50 : f32
    } -> tensor<512x7x13xf32>
    %extracted_slice_22 = tensor.extract_slice %collapsed_17[0, 0, 0, 2] [512, 7, 13, 1] [1, 1, 1, 1] : tensor<512x7x13x3xf32> to tensor<512x7x13x1xf32>
    %collapsed_23 = tensor.collapse_shape %extracted_slice_22 [[0], [1], [2, 3]] : tensor<512x7x13x1xf32> into tensor<512x7x13xf32>
    %43 = linalg.generic {indexing_maps = [#map11, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%42, %collapsed_23 : tensor<512x7x13xf32>, tensor<512x7x13xf32>) outs(%38 : tensor<512x7x13xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %50 = arith.addf %in, %in_32 : f32
      linalg.yield %50 : f32
    } -> tensor<512x7x13xf32>
    %extracted_slice_24 = tensor.extract_slice %37[0, 0, 2, 0, 0] [512, 7, 1, 13, 3] [1, 1, 1, 1, 1] : tensor<512x7x3x13x3xf32> to tensor<512x7x1x13x3xf32>
    %collapsed_25 = tensor.collapse_shape %extracted_slice_24 [[0], [1, 2], [3], [4]] : tensor<512x7x1x13x3xf32> into tensor<512x7x13x3xf32>
    %extracted_slice_26 = tensor.extract_slice %collapsed_25[0, 0, 0, 0] [512, 7, 13, 1] [1, 1, 1, 1] : tensor<512x7x13x3xf32> to tensor<512x7x13x1xf32>
    %collapsed_27 = tensor.collapse_shape %extracted_slice_26 [[0], [1], [2, 3]] : tensor<512x7x13x1xf32> into tensor<512x7x13xf32>
    %44 = linalg.generic {indexing_maps = [#map11, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%43, %collapsed_27 : tensor<512x7x13xf32>, tensor<512x7x13xf32>) outs(%38 : tensor<512x7x13xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %50 = arith.addf %in, %in_32 : f32
      linalg.yield %50 : f32
    } -> tensor<512x7x13xf32>
    %extracted_slice_28 = tensor.extract_slice %collapsed_25[0, 0, 0, 1] [512, 7, 13, 1] [1, 1, 1, 1] : tensor<512x7x13x3xf32> to tensor<512x7x13x1xf32>
    %collapsed_29 = tensor.collapse_shape %extracted_slice_28 [[0], [1], [2, 3]] : tensor<512x7x13x1xf32> into tensor<512x7x13xf32>
    %45 = linalg.generic {indexing_maps = [#map11, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%44, %collapsed_29 : tensor<512x7x13xf32>, tensor<512x7x13xf32>) outs(%38 : tensor<512x7x13xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %50 = arith.addf %in, %in_32 : f32
      linalg.yield %50 : f32
    } -> tensor<512x7x13xf32>
    %extracted_slice_30 = tensor.extract_slice %collapsed_25[0, 0, 0, 2] [512, 7, 13, 1] [1, 1, 1, 1] : tensor<512x7x13x3xf32> to tensor<512x7x13x1xf32>
    %collapsed_31 = tensor.collapse_shape %extracted_slice_30 [[0], [1], [2, 3]] : tensor<512x7x13x1xf32> into tensor<512x7x13xf32>
    %46 = linalg.generic {indexing_maps = [#map11, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%45, %collapsed_31 : tensor<512x7x13xf32>, tensor<512x7x13xf32>) outs(%38 : tensor<512x7x13xf32>) {
    ^bb0(%in: f32, %in_32: f32, %out: f32):
      %50 = arith.addf %in, %in_32 : f32
      linalg.yield %50 : f32
    } -> tensor<512x7x13xf32>
    %47 = tensor.empty() : tensor<7x13xi64>
    %48 = linalg.generic {indexing_maps = [#map2, #map3, #map4], iterator_types = ["parallel", "parallel"]} ins(%expanded_7, %27 : tensor<7x1xi64>, tensor<13xi64>) outs(%47 : tensor<7x13xi64>) {
    ^bb0(%in: i64, %in_32: i64, %out: i64):
      %50 = arith.muli %in, %in_32 : i64
      linalg.yield %50 : i64
    } -> tensor<7x13xi64>
    %49 = linalg.generic {indexing_maps = [#map11, #map12, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%46, %48 : tensor<512x7x13xf32>, tensor<7x13xi64>) outs(%38 : tensor<512x7x13xf32>) {
    ^bb0(%in: f32, %in_32: i64, %out: f32):
      %50 = arith.sitofp %in_32 : i64 to f32
      %51 = arith.divf %in, %50 : f32
      linalg.yield %51 : f32
    } -> tensor<512x7x13xf32>
    return %49 : tensor<512x7x13xf32>
  }
}
