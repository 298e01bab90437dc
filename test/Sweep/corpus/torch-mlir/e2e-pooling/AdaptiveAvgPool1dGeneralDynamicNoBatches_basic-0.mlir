#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> ()>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
#map3 = affine_map<(d0, d1) -> (d1)>
#map4 = affine_map<(d0, d1) -> (d0, 0)>
#map5 = affine_map<(d0, d1) -> ()>
#map6 = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, 0, 0, 0)>
#map7 = affine_map<(d0, d1, d2, d3, d4) -> (0, 0, 0, 0)>
#map8 = affine_map<(d0, d1, d2, d3, d4) -> (d3, d4)>
#map9 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
#map10 = affine_map<(d0, d1, d2, d3, d4) -> ()>
#map11 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map12 = affine_map<(d0, d1, d2) -> (d2)>
module {
  func.func @forward(%arg0: tensor<512x10xf32>) -> tensor<512x7xf32> {
    %c10_i64 = arith.constant 10 : i64
    %c7_i64 = arith.constant 7 : i64
    %c1_i64 = arith.constant 1 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant dense<0.000000e+00> : tensor<f32>
    %c512_i64 = arith.constant 512 : i64
    %cst_0 = arith.constant dense<9> : tensor<i64>
    %cst_1 = arith.constant dense<7> : tensor<i64>
    %cst_2 = arith.constant dense<1> : tensor<i64>
    %expanded = tensor.expand_shape %arg0 [[0], [1, 2]] output_shape [512, 1, 10] : tensor<512x10xf32> into tensor<512x1x10xf32>
    %0 = tensor.empty() : tensor<1xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<1xi64>) {
    ^bb0(%out: i64):
      linalg.yield %c0_i64 : i64
    } -> tensor<1xi64>
    %2 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%1, %cst_2 : tensor<1xi64>, tensor<i64>) outs(%0 : tensor<1xi64>) {
    ^bb0(%in: i64, %in_14: i64, %out: i64):
      %31 = arith.divsi %in, %in_14 : i64
      linalg.yield %31 : i64
    } -> tensor<1xi64>
    %expanded_3 = tensor.expand_shape %2 [[0, 1]] output_shape [1, 1] : tensor<1xi64> into tensor<1x1xi64>
    %3 = tensor.empty() : tensor<1x1xi64>
    %4 = linalg.generic {indexing_maps = [#map2, #map3, #map2], iterator_types = ["parallel", "parallel"]} ins(%expanded_3, %1 : tensor<1x1xi64>, tensor<1xi64>) outs(%3 : tensor<1x1xi64>) {
    ^bb0(%in: i64, %in_14: i64, %out: i64):
      %31 = arith.addi %in, %in_14 : i64
      linalg.yield %31 : i64
    } -> tensor<1x1xi64>
    %5 = tensor.empty() : tensor<7xi64>
    %6 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%5 : tensor<7xi64>) {
    ^bb0(%out: i64):
      %31 = linalg.index 0 : index
      %32 = arith.index_cast %31 : index to i64
      linalg.yield %32 : i64
    } -> tensor<7xi64>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%6 : tensor<7xi64>) outs(%5 : tensor<7xi64>) {
    ^bb0(%in: i64, %out: i64):
      %31 = arith.muli %in, %c10_i64 : i64
      linalg.yield %31 : i64
    } -> tensor<7xi64>
    %8 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%7, %cst_1 : tensor<7xi64>, tensor<i64>) outs(%5 : tensor<7xi64>) {
    ^bb0(%in: i64, %in_14: i64, %out: i64):
      %31 = arith.divsi %in, %in_14 : i64
      linalg.yield %31 : i64
    } -> tensor<7xi64>
    %9 = tensor.empty() : tensor<3xi64>
    %10 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%9 : tensor<3xi64>) {
    ^bb0(%out: i64):
      %31 = linalg.index 0 : index
      %32 = arith.index_cast %31 : index to i64
      linalg.yield %32 : i64
    } -> tensor<3xi64>
    %expanded_4 = tensor.expand_shape %8 [[0, 1]] output_shape [7, 1] : tensor<7xi64> into tensor<7x1xi64>
    %11 = tensor.empty() : tensor<7x3xi64>
    %12 = linalg.generic {indexing_maps = [#map4, #map3, #map2], iterator_types = ["parallel", "parallel"]} ins(%expanded_4, %10 : tensor<7x1xi64>, tensor<3xi64>) outs(%11 : tensor<7x3xi64>) {
    ^bb0(%in: i64, %in_14: i64, %out: i64):
      %31 = arith.addi %in, %in_14 : i64
      linalg.yield %31 : i64
    } -> tensor<7x3xi64>
    %13 = linalg.generic {indexing_maps = [#map2, #map5, #map2], iterator_types = ["parallel", "parallel"]} ins(%12, %cst_0 : tensor<7x3xi64>, tensor<i64>) outs(%11 : tensor<7x3xi64>) {
    ^bb0(%in: i64, %in_14: i64, %out: i64):
      %31 = arith.minsi %in, %in_14 : i64
      linalg.yield %31 : i64
    } -> tensor<7x3xi64>
    %14 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%6 : tensor<7xi64>) outs(%5 : tensor<7xi64>) {
    ^bb0(%in: i64, %out: i64):
      %31 = arith.addi %in, %c1_i64 : i64
      linalg.yield %31 : i64
    } -> tensor<7xi64>
    %15 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%14 : tensor<7xi64>) outs(%5 : tensor<7xi64>) {
    ^bb0(%in: i64, %out: i64):
      %31 = arith.muli %in, %c10_i64 : i64
      linalg.yield %31 : i64
    } -> tensor<7xi64>
    %16 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%15 : tensor<7xi64>) outs(%5 : tensor<7xi64>) {
    ^bb0(%in: i64, %out: i64):
      %31 = arith.addi %in, %c7_i64 : i64
      linalg.yield %31 : i64
    } -> tensor<7xi64>
    %17 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%16 : tensor<7xi64>) outs(%5 : tensor<7xi64>) {
    ^bb0(%in: i64, %out: i64):
      %31 = arith.subi %in, %c1_i64 : i64
      linalg.yield %31 : i64
    } -> tensor<7xi64>
    %18 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%17, %cst_1 : tensor<7xi64>, tensor<i64>) outs(%5 : tensor<7xi64>) {
    ^bb0(%in: i64, %in_14: i64, %out: i64):
      %31 = arith.divsi %in, %in_14 : i64
      linalg.yield %31 : i64
    } -> tensor<7xi64>
    %19 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%18, %8 : tensor<7xi64>, tensor<7xi64>) outs(%5 : tensor<7xi64>) {
    ^bb0(%in: i64, %in_14: i64, %out: i64):
      %31 = arith.subi %in, %in_14 : i64
      linalg.yield %31 : i64
    } -> tensor<7xi64>
    %expanded_5 = tensor.expand_shape %4 [[0], [1, 2, 3]] output_shape [1, 1, 1, 1] : tensor<1x1xi64> into tensor<1x1x1x1xi64>
    %20 = tensor.empty() : tensor<512xi64>
    %21 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%20 : tensor<512xi64>) {
    ^bb0(%out: i64):
      %31 = linalg.index 0 : index
      %32 = arith.index_cast %31 : index to i64
      linalg.yield %32 : i64
    } -> tensor<512xi64>
    %expanded_6 = tensor.expand_shape %21 [[0, 1, 2, 3, 4]] output_shape [512, 1, 1, 1, 1] : tensor<512xi64> into tensor<512x1x1x1x1xi64>
    %22 = tensor.empty() : tensor<512x1x1x7x3xf32>
    %23 = linalg.generic {indexing_maps = [#map6, #map7, #map8, #map9], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%expanded_6, %expanded_5, %13 : tensor<512x1x1x1x1xi64>, tensor<1x1x1x1xi64>, tensor<7x3xi64>) outs(%22 : tensor<512x1x1x7x3xf32>) {
    ^bb0(%in: i64, %in_14: i64, %in_15: i64, %out: f32):
      %31 = arith.cmpi slt, %in, %c0_i64 : i64
      %32 = arith.addi %in, %c512_i64 : i64
      %33 = arith.select %31, %32, %in : i64
      %34 = arith.index_cast %33 : i64 to index
      %35 = arith.cmpi slt, %in_14, %c0_i64 : i64
      %36 = arith.addi %in_14, %c1_i64 : i64
      %37 = arith.select %35, %36, %in_14 : i64
      %38 = arith.index_cast %37 : i64 to index
      %39 = arith.cmpi slt, %in_15, %c0_i64 : i64
      %40 = arith.addi %in_15, %c10_i64 : i64
      %41 = arith.select %39, %40, %in_15 : i64
      %42 = arith.index_cast %41 : i64 to index
      %extracted = tensor.extract %expanded[%34, %38, %42] : tensor<512x1x10xf32>
      linalg.yield %extracted : f32
    } -> tensor<512x1x1x7x3xf32>
    %expanded_7 = tensor.expand_shape %19 [[0, 1]] output_shape [7, 1] : tensor<7xi64> into tensor<7x1xi64>
    %24 = tensor.empty() : tensor<7x3xi1>
    %25 = linalg.generic {indexing_maps = [#map3, #map4, #map2], iterator_types = ["parallel", "parallel"]} ins(%10, %expanded_7 : tensor<3xi64>, tensor<7x1xi64>) outs(%24 : tensor<7x3xi1>) {
    ^bb0(%in: i64, %in_14: i64, %out: i1):
      %31 = arith.cmpi sge, %in, %in_14 : i64
      linalg.yield %31 : i1
    } -> tensor<7x3xi1>
    %26 = linalg.generic {indexing_maps = [#map8, #map10, #map9, #map9], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%25, %cst, %23 : tensor<7x3xi1>, tensor<f32>, tensor<512x1x1x7x3xf32>) outs(%22 : tensor<512x1x1x7x3xf32>) {
    ^bb0(%in: i1, %in_14: f32, %in_15: f32, %out: f32):
      %31 = arith.select %in, %in_14, %in_15 : f32
      linalg.yield %31 : f32
    } -> tensor<512x1x1x7x3xf32>
    %collapsed = tensor.collapse_shape %26 [[0], [1, 2], [3], [4]] : tensor<512x1x1x7x3xf32> into tensor<512x1x7x3xf32>
    %extracted_slice = tensor.extract_slice %collapsed[0, 0, 0, 0] [512, 1, 7, 1] [1, 1, 1, 1] : tensor<512x1x7x3xf32> to tensor<512x1x7x1xf32>
    %collapsed_8 = tensor.collapse_shape %extracted_slice [[0], [1], [2, 3]] : tensor<512x1x7x1xf32> into tensor<512x1x7xf32>
    %extracted_slice_9 = tensor.extract_slice %collapsed[0, 0, 0, 1] [512, 1, 7, 1] [1, 1, 1, 1] : tensor<512x1x7x3xf32> to tensor<512x1x7x1xf32>
    %collapsed_10 = tensor.collapse_shape %extracted_slice_9 [[0], [1], [2, 3]] : tensor<512x1x7x1xf32> into tensor<512x1x7xf32>
    %27 = tensor.empty() : tensor<512x1x7xf32>
    %28 = linalg.generic {indexing_maps = [#map11, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%collapsed_8, %collapsed_10 : tensor<512x1x7xf32>, tensor<512x1x7xf32>) outs(%27 : tensor<512x1x7xf32>) {
    ^bb0(%in: f32, %in_14: f32, %out: f32):
      %31 = arith.addf %in, %in_14 : f32
      linalg.yield %31 : f32
    } -> tensor<512x1x7xf32>
    %extracted_slice_11 = tensor.extract_slice %collapsed[0, 0, 0, 2] [512, 1, 7, 1] [1, 1, 1, 1] : tensor<512x1x7x3xf32> to tensor<512x1x7x1xf32>
    %collapsed_12 = tensor.collapse_shape %extracted_slice_11 [[0], [1], [2, 3]] : tensor<512x1x7x1xf32> into tensor<512x1x7xf32>
    %29 = linalg.generic {indexing_maps = [#map11, #map11, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%28, %collapsed_12 : tensor<512x1x7xf32>, tensor<512x1x7xf32>) outs(%27 : tensor<512x1x7xf32>) {
    ^bb0(%in: f32, %in_14: f32, %out: f32):
      %31 = arith.addf %in, %in_14 : f32
      linalg.yield %31 : f32
    } -> tensor<512x1x7xf32>
    %30 = linalg.generic {indexing_maps = [#map11, #map12, #map11], iterator_types = ["parallel", "parallel", "parallel"]} ins(%29, %19 : tensor<512x1x7xf32>, tensor<7xi64>) outs(%27 : tensor<512x1x7xf32>) {
    ^bb0(%in: f32, %in_14: i64, %out: f32):
      %31 = arith.sitofp %in_14 : i64 to f32
      %32 = arith.divf %in, %31 : f32
      linalg.yield %32 : f32
    } -> tensor<512x1x7xf32>
    %collapsed_13 = tensor.collapse_shape %30 [[0, 1], [2]] : tensor<512x1x7xf32> into tensor<512x7xf32>
    return %collapsed_13 : tensor<512x7xf32>
  }
}
