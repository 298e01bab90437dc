#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> ()>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
#map3 = affine_map<(d0, d1) -> (d1)>
#map4 = affine_map<(d0, d1) -> (d0, 0)>
#map5 = affine_map<(d0, d1) -> ()>
#map6 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, 0, 0, 0, 0, 0)>
#map7 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, 0, 0, 0, 0)>
#map8 = affine_map<(d0, d1, d2, d3, d4, d5) -> (0, 0, 0, 0)>
#map9 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>
#map10 = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4, d5)>
#map11 = affine_map<(d0, d1, d2, d3, d4, d5) -> ()>
#map12 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map13 = affine_map<(d0, d1, d2, d3) -> (d3)>
module {
  func.func @forward(%arg0: tensor<5x512x7xf32>) -> tensor<5x512x13xf32> {
    %c7_i64 = arith.constant 7 : i64
    %c13_i64 = arith.constant 13 : i64
    %c1_i64 = arith.constant 1 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant dense<0.000000e+00> : tensor<f32>
    %c512_i64 = arith.constant 512 : i64
    %c5_i64 = arith.constant 5 : i64
    %cst_0 = arith.constant dense<6> : tensor<i64>
    %cst_1 = arith.constant dense<13> : tensor<i64>
    %cst_2 = arith.constant dense<1> : tensor<i64>
    %expanded = tensor.expand_shape %arg0 [[0], [1], [2, 3]] output_shape [5, 512, 1, 7] : tensor<5x512x7xf32> into tensor<5x512x1x7xf32>
    %0 = tensor.empty() : tensor<1xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<1xi64>) {
    ^bb0(%out: i64):
      linalg.yield %c0_i64 : i64
    } -> tensor<1xi64>
    %2 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%1, %cst_2 : tensor<1xi64>, tensor<i64>) outs(%0 : tensor<1xi64>) {
    ^bb0(%in: i64, %in_13: i64, %out: i64):
      %32 = arith.divsi %in, %in_13 : i64
      linalg.yield %32 : i64
    } -> tensor<1xi64>
    %expanded_3 = tensor.expand_shape %2 [[0, 1]] output_shape [1, 1] : tensor<1xi64> into tensor<1x1xi64>
    %3 = tensor.empty() : tensor<1x1xi64>
    %4 = linalg.generic {indexing_maps = [#map2, #map3, #map2], iterator_types = ["parallel", "parallel"]} ins(%expanded_3, %1 : tensor<1x1xi64>, tensor<1xi64>) outs(%3 : tensor<1x1xi64>) {
    ^bb0(%in: i64, %in_13: i64, %out: i64):
      %32 = arith.addi %in, %in_13 : i64
      linalg.yield %32 : i64
    } -> tensor<1x1xi64>
    %5 = tensor.empty() : tensor<13xi64>
    %6 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%5 : tensor<13xi64>) {
    ^bb0(%out: i64):
      %32 = linalg.index 0 : index
      %33 = arith.index_cast %32 : index to i64
      linalg.yield %33 : i64
    } -> tensor<13xi64>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%6 : tensor<13xi64>) outs(%5 : tensor<13xi64>) {
    ^bb0(%in: i64, %out: i64):
      %32 = arith.muli %in, %c7_i64 : i64
      linalg.yield %32 : i64
    } -> tensor<13xi64>
    %8 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%7, %cst_1 : tensor<13xi64>, tensor<i64>) outs(%5 : tensor<13xi64>) {
    ^bb0(%in: i64, %in_13: i64, %out: i64):
      %32 = arith.divsi %in, %in_13 : i64
      linalg.yield %32 : i64
    } -> tensor<13xi64>
    %9 = tensor.empty() : tensor<2xi64>
    %10 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%9 : tensor<2xi64>) {
    ^bb0(%out: i64):
      %32 = linalg.index 0 : index
      %33 = arith.index_cast %32 : index to i64
      linalg.yield %33 : i64
    } -> tensor<2xi64>
    %expanded_4 = tensor.expand_shape %8 [[0, 1]] output_shape [13, 1] : tensor<13xi64> into tensor<13x1xi64>
    %11 = tensor.empty() : tensor<13x2xi64>
    %12 = linalg.generic {indexing_maps = [#map4, #map3, #map2], iterator_types = ["parallel", "parallel"]} ins(%expanded_4, %10 : tensor<13x1xi64>, tensor<2xi64>) outs(%11 : tensor<13x2xi64>) {
    ^bb0(%in: i64, %in_13: i64, %out: i64):
      %32 = arith.addi %in, %in_13 : i64
      linalg.yield %32 : i64
    } -> tensor<13x2xi64>
    %13 = linalg.generic {indexing_maps = [#map2, #map5, #map2], iterator_types = ["parallel", "parallel"]} ins(%12, %cst_0 : tensor<13x2xi64>, tensor<i64>) outs(%11 : tensor<13x2xi64>) {
    ^bb0(%in: i64, %in_13: i64, %out: i64):
      %32 = arith.minsi %in, %in_13 : i64
      linalg.yield %32 : i64
    } -> tensor<13x2xi64>
    %14 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%6 : tensor<13xi64>) outs(%5 : tensor<13xi64>) {
    ^bb0(%in: i64, %out: i64):
      %32 = arith.addi %in, %c1_i64 : i64
      linalg.yield %32 : i64
    } -> tensor<13xi64>
    %15 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%14 : tensor<13xi64>) outs(%5 : tensor<13xi64>) {
    ^bb0(%in: i64, %out: i64):
      %32 = arith.muli %in, %c7_i64 : i64
      linalg.yield %32 : i64
    } -> tensor<13xi64>
    %16 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%15 : tensor<13xi64>) outs(%5 : tensor<13xi64>) {
    ^bb0(%in: i64, %out: i64):
      %32 = arith.addi %in, %c13_i64 : i64
      linalg.yield %32 : i64
    } -> tensor<13xi64>
    %17 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%16 : tensor<13xi64>) outs(%5 : tensor<13xi64>) {
    ^bb0(%in: i64, %out: i64):
      %32 = arith.subi %in, %c1_i64 : i64
      linalg.yield %32 : i64
    } -> tensor<13xi64>
    %18 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%17, %cst_1 : tensor<13xi64>, tensor<i64>) outs(%5 : tensor<13xi64>) {
    ^bb0(%in: i64, %in_13: i64, %out: i64):
      %32 = arith.divsi %in, %in_13 : i64
      linalg.yield %32 : i64
    } -> tensor<13xi64>
    %19 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%18, %8 : tensor<13xi64>, tensor<13xi64>) outs(%5 : tensor<13xi64>) {
    ^bb0(%in: i64, %in_13: i64, %out: i64):
      %32 = arith.subi %in, %in_13 : i64
      linalg.yield %32 : i64
    } -> tensor<13xi64>
    %expanded_5 = tensor.expand_shape %4 [[0], [1, 2, 3]] output_shape [1, 1, 1, 1] : tensor<1x1xi64> into tensor<1x1x1x1xi64>
    %20 = tensor.empty() : tensor<512xi64>
    %21 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%20 : tensor<512xi64>) {
    ^bb0(%out: i64):
      %32 = linalg.index 0 : index
      %33 = arith.index_cast %32 : index to i64
      linalg.yield %33 : i64
    } -> tensor<512xi64>
    %expanded_6 = tensor.expand_shape %21 [[0, 1, 2, 3, 4]] output_shape [512, 1, 1, 1, 1] : tensor<512xi64> into tensor<512x1x1x1x1xi64>
    %22 = tensor.empty() : tensor<5xi64>
    %23 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%22 : tensor<5xi64>) {
    ^bb0(%out: i64):
      %32 = linalg.index 0 : index
      %33 = arith.index_cast %32 : index to i64
      linalg.yield %33 : i64
    } -> tensor<5xi64>
    %expanded_7 = tensor.expand_shape %23 [[0, 1, 2, 3, 4, 5]] output_shape [5, 1, 1, 1, 1, 1] : tensor<5xi64> into tensor<5x1x1x1x1x1xi64>
    %24 = tensor.empty() : tensor<5x512x1x1x13x2xf32>
    %25 = linalg.generic {indexing_maps = [#map6, #map7, #map8, #map9, #map10], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%expanded_7, %expanded_6, %expanded_5, %13 : tensor<5x1x1x1x1x1xi64>, tensor<512x1x1x1x1xi64>, tensor<1x1x1x1xi64>, tensor<13x2xi64>) outs(%24 : tensor<5x512x1x1x13x2xf32>) {
    ^bb0(%in: i64, %in_13: i64, %in_14: i64, %in_15: i64, %out: f32):
      %32 = arith.cmpi slt, %in, %c0_i64 : i64
      %33 = arith.addi %in, %c5_i64 : i64
      %34 = arith.select %32, %33, %in : i64
      %35 = arith.index_cast %34 : i64 to index
      %36 = arith.cmpi slt, %in_13, %c0_i64 : i64
      %37 = arith.addi %in_13, %c512_i64 : i64
      %38 = arith.select %36, %37, %in_13 : i64
      %39 = arith.index_cast %38 : i64 to index
      %40 = arith.cmpi slt, %in_14, %c0_i64 : i64
      %41 = arith.addi %in_14, %c1_i64 : i64
      %42 = arith.select %40, %41, %in_14 : i64
      %43 = arith.index_cast %42 : i64 to index
      %44 = arith.cmpi slt, %in_15, %c0_i64 : i64
      %45 = arith.addi %in_15, %c7_i64 : i64
      %46 = arith.select %44, %45, %in_15 : i64
      %47 = arith.index_cast %46 : i64 to index
      %extracted = tensor.extract %expanded[%35, %39, %43, %47] : tensor<5x512x1x7xf32>
      linalg.yield %extracted : f32
    } -> tensor<5x512x1x1x13x2xf32>
    %expanded_8 = tensor.expand_shape %19 [[0, 1]] output_shape [13, 1] : tensor<13xi64> into tensor<13x1xi64>
    %26 = tensor.empty() : tensor<13x2xi1>
    %27 = linalg.generic {indexing_maps = [#map3, #map4, #map2], iterator_types = ["parallel", "parallel"]} ins(%10, %expanded_8 : tensor<2xi64>, tensor<13x1xi64>) outs(%26 : tensor<13x2xi1>) {
    ^bb0(%in: i64, %in_13: i64, %out: i1):
      %32 = arith.cmpi sge, %in, %in_13 : i64
      linalg.yield %32 : i1
    } -> tensor<13x2xi1>
    %28 = linalg.generic {indexing_maps = [#map9, #map11, #map10, #map10], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%27, %cst, %25 : tensor<13x2xi1>, tensor<f32>, tensor<5x512x1x1x13x2xf32>) outs(%24 : tensor<5x512x1x1x13x2xf32>) {
    ^bb0(%in: i1, %in_13: f32, %in_14: f32, %out: f32):
      %32 = arith.select %in, %in_13, %in_14 : f32
      linalg.yield %32 : f32
    } -> tensor<5x512x1x1x13x2xf32>
    %collapsed = tensor.collapse_shape %28 [[0], [1], [2, 3], [4], [5]] : tensor<5x512x1x1x13x2xf32> into tensor<5x512x1x13x2xf32>
    %extracted_slice = tensor.extract_slice %collapsed[0, 0, 0, 0, 0] [5, 512, 1, 13, 1] [1, 1, 1, 1, 1] : tensor<5x512x1x13x2xf32> to tensor<5x512x1x13x1xf32>
    %collapsed_9 = tensor.collapse_shape %extracted_slice [[0], [1], [2], [3, 4]] : tensor<5x512x1x13x1xf32> into tensor<5x512x1x13xf32>
    %extracted_slice_10 = tensor.extract_slice %collapsed[0, 0, 0, 0, 1] [5, 512, 1, 13, 1] [1, 1, 1, 1, 1] : tensor<5x512x1x13x2xf32> to tensor<5x512x1x13x1xf32>
    %collapsed_11 = tensor.collapse_shape %extracted_slice_10 [[0], [1], [2], [3, 4]] : tensor<5x512x1x13x1xf32> into tensor<5x512x1x13xf32>
    %29 = tensor.empty() : tensor<5x512x1x13xf32>
    %30 = linalg.generic {indexing_maps = [#map12, #map12, #map12], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%collapsed_9, %collapsed_11 : tensor<5x512x1x13xf32>, tensor<5x512x1x13xf32>) outs(%29 : tensor<5x512x1x13xf32>) {
    ^bb0(%in: f32, %in_13: f32, %out: f32):
      %32 = arith.addf %in, %in_13 : f32
      linalg.yield %32 : f32
    } -> tensor<5x512x1x13xf32>
    %31 = linalg.generic {indexing_maps = [#map12, #map13, #map12], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%30, %19 : tensor<5x512x1x13xf32>, tensor<13xi64>) outs(%29 : tensor<5x512x1x13xf32>) {
    ^bb0(%in: f32, %in_13: i64, %out: f32):
      %32 = arith.sitofp %in_13 : i64 to f32
      %33 = arith.divf %in, %32 : f32
      linalg.yield %33 : f32
    } -> tensor<5x512x1x13xf32>
    %collapsed_12 = tensor.collapse_shape %31 [[0], [1, 2], [3]] : tensor<5x512x1x13xf32> into tensor<5x512x13xf32>
    return %collapsed_12 : tensor<5x512x13xf32>
  }
}
