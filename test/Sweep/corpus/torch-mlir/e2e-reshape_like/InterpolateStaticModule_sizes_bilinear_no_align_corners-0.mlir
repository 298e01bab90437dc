#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
#map2 = affine_map<(d0, d1, d2, d3) -> (0, 0, 0, 0)>
#map3 = affine_map<(d0, d1, d2, d3) -> (0, 0, 0)>
#map4 = affine_map<(d0, d1, d2, d3) -> (d2, 0)>
#map5 = affine_map<(d0, d1, d2, d3) -> (d3)>
#map6 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<1x1x4x5xf32>) -> tensor<1x1x3x5xf32> {
    %c5_i64 = arith.constant 5 : i64
    %c4_i64 = arith.constant 4 : i64
    %c0_i64 = arith.constant 0 : i64
    %c3_i64 = arith.constant 3 : i64
    %c1_i64 = arith.constant 1 : i64
    %cst = arith.constant 1.3333333333333333 : f64
    %cst_0 = arith.constant 5.000000e-01 : f32
    %cst_1 = arith.constant 0.000000e+00 : f32
    %cst_2 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<3xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<3xi64>) {
    ^bb0(%out: i64):
      %43 = linalg.index 0 : index
      %44 = arith.index_cast %43 : index to i64
      linalg.yield %44 : i64
    } -> tensor<3xi64>
    %2 = tensor.empty() : tensor<3xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<3xi64>) outs(%2 : tensor<3xf32>) {
    ^bb0(%in: i64, %out: f32):
      %43 = arith.sitofp %in : i64 to f32
      linalg.yield %43 : f32
    } -> tensor<3xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%3 : tensor<3xf32>) outs(%2 : tensor<3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %43 = arith.addf %in, %cst_0 : f32
      linalg.yield %43 : f32
    } -> tensor<3xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%4 : tensor<3xf32>) outs(%2 : tensor<3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %43 = arith.truncf %cst : f64 to f32
      %44 = arith.mulf %in, %43 : f32
      linalg.yield %44 : f32
    } -> tensor<3xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%5 : tensor<3xf32>) outs(%2 : tensor<3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %43 = arith.subf %in, %cst_0 : f32
      linalg.yield %43 : f32
    } -> tensor<3xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%6 : tensor<3xf32>) outs(%2 : tensor<3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %43 = arith.cmpf ult, %in, %cst_1 : f32
      %44 = arith.select %43, %cst_1, %in : f32
      linalg.yield %44 : f32
    } -> tensor<3xf32>
    %expanded = tensor.expand_shape %7 [[0, 1]] output_shape [3, 1] : tensor<3xf32> into tensor<3x1xf32>
    %8 = tensor.empty() : tensor<3x1xi64>
    %9 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%expanded : tensor<3x1xf32>) outs(%8 : tensor<3x1xi64>) {
    ^bb0(%in: f32, %out: i64):
      %43 = arith.fptosi %in : f32 to i64
      linalg.yield %43 : i64
    } -> tensor<3x1xi64>
    %10 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%9 : tensor<3x1xi64>) outs(%8 : tensor<3x1xi64>) {
    ^bb0(%in: i64, %out: i64):
      %43 = arith.addi %in, %c1_i64 : i64
      linalg.yield %43 : i64
    } -> tensor<3x1xi64>
    %11 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%10 : tensor<3x1xi64>) outs(%8 : tensor<3x1xi64>) {
    ^bb0(%in: i64, %out: i64):
      %43 = arith.minsi %in, %c3_i64 : i64
      linalg.yield %43 : i64
    } -> tensor<3x1xi64>
    %12 = tensor.empty() : tensor<5xi64>
    %13 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%12 : tensor<5xi64>) {
    ^bb0(%out: i64):
      %43 = linalg.index 0 : index
      %44 = arith.index_cast %43 : index to i64
      linalg.yield %44 : i64
    } -> tensor<5xi64>
    %14 = tensor.empty() : tensor<5xf32>
    %15 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%13 : tensor<5xi64>) outs(%14 : tensor<5xf32>) {
    ^bb0(%in: i64, %out: f32):
      %43 = arith.sitofp %in : i64 to f32
      linalg.yield %43 : f32
    } -> tensor<5xf32>
    %16 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%15 : tensor<5xf32>) outs(%14 : tensor<5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %43 = arith.addf %in, %cst_0 : f32
      linalg.yield %43 : f32
    } -> tensor<5xf32>
    %17 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%16 : tensor<5xf32>) outs(%14 : tensor<5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %43 = arith.subf %in, %cst_0 : f32
      linalg.yield %43 : f32
    } -> tensor<5xf32>
    %18 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%17 : tensor<5xf32>) outs(%14 : tensor<5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %43 = arith.cmpf ult, %in, %cst_1 : f32
      %44 = arith.select %43, %cst_1, %in : f32
      linalg.yield %44 : f32
    } -> tensor<5xf32>
    %19 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%18 : tensor<5xf32>) outs(%12 : tensor<5xi64>) {
    ^bb0(%in: f32, %out: i64):
      %43 = arith.fptosi %in : f32 to i64
      linalg.yield %43 : i64
    } -> tensor<5xi64>
    %20 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%19 : tensor<5xi64>) outs(%12 : tensor<5xi64>) {
    ^bb0(%in: i64, %out: i64):
      %43 = arith.addi %in, %c1_i64 : i64
      linalg.yield %43 : i64
    } -> tensor<5xi64>
    %21 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%20 : tensor<5xi64>) outs(%12 : tensor<5xi64>) {
    ^bb0(%in: i64, %out: i64):
      %43 = arith.minsi %in, %c4_i64 : i64
      linalg.yield %43 : i64
    } -> tensor<5xi64>
    %22 = tensor.empty() : tensor<1xi64>
    %23 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%22 : tensor<1xi64>) {
    ^bb0(%out: i64):
      linalg.yield %c0_i64 : i64
    } -> tensor<1xi64>
    %expanded_3 = tensor.expand_shape %23 [[0, 1, 2]] output_shape [1, 1, 1] : tensor<1xi64> into tensor<1x1x1xi64>
    %expanded_4 = tensor.expand_shape %23 [[0, 1, 2, 3]] output_shape [1, 1, 1, 1] : tensor<1xi64> into tensor<1x1x1x1xi64>
    %24 = tensor.empty() : tensor<1x1x3x5xf32>
    %25 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_4, %expanded_3, %9, %19 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<3x1xi64>, tensor<5xi64>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: i64, %in_5: i64, %in_6: i64, %in_7: i64, %out: f32):
      %43 = arith.cmpi slt, %in, %c0_i64 : i64
      %44 = arith.addi %in, %c1_i64 : i64
      %45 = arith.select %43, %44, %in : i64
      %46 = arith.index_cast %45 : i64 to index
      %47 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %48 = arith.addi %in_5, %c1_i64 : i64
      %49 = arith.select %47, %48, %in_5 : i64
      %50 = arith.index_cast %49 : i64 to index
      %51 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %52 = arith.addi %in_6, %c4_i64 : i64
      %53 = arith.select %51, %52, %in_6 : i64
      %54 = arith.index_cast %53 : i64 to index
      %55 = arith.cmpi slt, %in_7, %c0_i64 : i64
      %56 = arith.addi %in_7, %c5_i64 : i64
      %57 = arith.select %55, %56, %in_7 : i64
      %58 = arith.index_cast %57 : i64 to index
      %extracted = tensor.extract %arg0[%46, %50, %54, %58] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x3x5xf32>
    %26 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_4, %expanded_3, %9, %21 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<3x1xi64>, tensor<5xi64>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: i64, %in_5: i64, %in_6: i64, %in_7: i64, %out: f32):
      %43 = arith.cmpi slt, %in, %c0_i64 : i64
      %44 = arith.addi %in, %c1_i64 : i64
      %45 = arith.select %43, %44, %in : i64
      %46 = arith.index_cast %45 : i64 to index
      %47 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %48 = arith.addi %in_5, %c1_i64 : i64
      %49 = arith.select %47, %48, %in_5 : i64
      %50 = arith.index_cast %49 : i64 to index
      %51 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %52 = arith.addi %in_6, %c4_i64 : i64
      %53 = arith.select %51, %52, %in_6 : i64
      %54 = arith.index_cast %53 : i64 to index
      %55 = arith.cmpi slt, %in_7, %c0_i64 : i64
      %56 = arith.addi %in_7, %c5_i64 : i64
      %57 = arith.select %55, %56, %in_7 : i64
      %58 = arith.index_cast %57 : i64 to index
      %extracted = tensor.extract %arg0[%46, %50, %54, %58] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x3x5xf32>
    %27 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_4, %expanded_3, %11, %19 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<3x1xi64>, tensor<5xi64>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: i64, %in_5: i64, %in_6: i64, %in_7: i64, %out: f32):
      %43 = arith.cmpi slt, %in, %c0_i64 : i64
      %44 = arith.addi %in, %c1_i64 : i64
      %45 = arith.select %43, %44, %in : i64
      %46 = arith.index_cast %45 : i64 to index
      %47 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %48 = arith.addi %in_5, %c1_i64 : i64
      %49 = arith.select %47, %48, %in_5 : i64
      %50 = arith.index_cast %49 : i64 to index
      %51 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %52 = arith.addi %in_6, %c4_i64 : i64
      %53 = arith.select %51, %52, %in_6 : i64
      %54 = arith.index_cast %53 : i64 to index
      %55 = arith.cmpi slt, %in_7, %c0_i64 : i64
      %56 = arith.addi %in_7, %c5_i64 : i64
      %57 = arith.select %55, %56, %in_7 : i64
      %58 = arith.index_cast %57 : i64 to index
      %extracted = tensor.extract %arg0[%46, %50, %54, %58] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x3x5xf32>
    %28 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_4, %expanded_3, %11, %21 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<3x1xi64>, tensor<5xi64>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: i64, %in_5: i64, %in_6: i64, %in_7: i64, %out: f32):
      %43 = arith.cmpi slt, %in, %c0_i64 : i64
      %44 = arith.addi %in, %c1_i64 : i64
      %45 = arith.select %43, %44, %in : i64
      %46 = arith.index_cast %45 : i64 to index
      %47 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %48 = arith.addi %in_5, %c1_i64 : i64
      %49 = arith.select %47, %48, %in_5 : i64
      %50 = arith.index_cast %49 : i64 to index
      %51 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %52 = arith.addi %in_6, %c4_i64 : i64
      %53 = arith.select %51, %52, %in_6 : i64
      %54 = arith.index_cast %53 : i64 to index
      %55 = arith.cmpi slt, %in_7, %c0_i64 : i64
      %56 = arith.addi %in_7, %c5_i64 : i64
      %57 = arith.select %55, %56, %in_7 : i64
      %58 = arith.index_cast %57 : i64 to index
      %extracted = tensor.extract %arg0[%46, %50, %54, %58] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x3x5xf32>
    %29 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%18, %19 : tensor<5xf32>, tensor<5xi64>) outs(%14 : tensor<5xf32>) {
    ^bb0(%in: f32, %in_5: i64, %out: f32):
      %43 = arith.sitofp %in_5 : i64 to f32
      %44 = arith.subf %in, %43 : f32
      linalg.yield %44 : f32
    } -> tensor<5xf32>
    %30 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%29 : tensor<5xf32>) outs(%14 : tensor<5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %43 = arith.cmpf ult, %in, %cst_1 : f32
      %44 = arith.select %43, %cst_1, %in : f32
      %45 = arith.cmpf ugt, %44, %cst_2 : f32
      %46 = arith.select %45, %cst_2, %44 : f32
      linalg.yield %46 : f32
    } -> tensor<5xf32>
    %31 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%26, %25 : tensor<1x1x3x5xf32>, tensor<1x1x3x5xf32>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %43 = arith.subf %in, %in_5 : f32
      linalg.yield %43 : f32
    } -> tensor<1x1x3x5xf32>
    %32 = linalg.generic {indexing_maps = [#map6, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%31, %30 : tensor<1x1x3x5xf32>, tensor<5xf32>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %43 = arith.mulf %in, %in_5 : f32
      linalg.yield %43 : f32
    } -> tensor<1x1x3x5xf32>
    %33 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%25, %32 : tensor<1x1x3x5xf32>, tensor<1x1x3x5xf32>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %43 = arith.addf %in, %in_5 : f32
      linalg.yield %43 : f32
    } -> tensor<1x1x3x5xf32>
    %34 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%28, %27 : tensor<1x1x3x5xf32>, tensor<1x1x3x5xf32>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %43 = arith.subf %in, %in_5 : f32
      linalg.yield %43 : f32
    } -> tensor<1x1x3x5xf32>
    %35 = linalg.generic {indexing_maps = [#map6, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%34, %30 : tensor<1x1x3x5xf32>, tensor<5xf32>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %43 = arith.mulf %in, %in_5 : f32
      linalg.yield %43 : f32
    } -> tensor<1x1x3x5xf32>
    %36 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%27, %35 : tensor<1x1x3x5xf32>, tensor<1x1x3x5xf32>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %43 = arith.addf %in, %in_5 : f32
      linalg.yield %43 : f32
    } -> tensor<1x1x3x5xf32>
    %37 = tensor.empty() : tensor<3x1xf32>
    %38 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%expanded, %9 : tensor<3x1xf32>, tensor<3x1xi64>) outs(%37 : tensor<3x1xf32>) {
    ^bb0(%in: f32, %in_5: i64, %out: f32):
      %43 = arith.sitofp %in_5 : i64 to f32
      %44 = arith.subf %in, %43 : f32
      linalg.yield %44 : f32
    } -> tensor<3x1xf32>
    %39 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%38 : tensor<3x1xf32>) outs(%37 : tensor<3x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %43 = arith.cmpf ult, %in, %cst_1 : f32
      %44 = arith.select %43, %cst_1, %in : f32
      %45 = arith.cmpf ugt, %44, %cst_2 : f32
      %46 = arith.select %45, %cst_2, %44 : f32
      linalg.yield %46 : f32
    } -> tensor<3x1xf32>
    %40 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%36, %33 : tensor<1x1x3x5xf32>, tensor<1x1x3x5xf32>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %43 = arith.subf %in, %in_5 : f32
      linalg.yield %43 : f32
    } -> tensor<1x1x3x5xf32>
    %41 = linalg.generic {indexing_maps = [#map6, #map4, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%40, %39 : tensor<1x1x3x5xf32>, tensor<3x1xf32>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %43 = arith.mulf %in, %in_5 : f32
      linalg.yield %43 : f32
    } -> tensor<1x1x3x5xf32>
    %42 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%33, %41 : tensor<1x1x3x5xf32>, tensor<1x1x3x5xf32>) outs(%24 : tensor<1x1x3x5xf32>) {
    ^bb0(%in: f32, %in_5: f32, %out: f32):
      %43 = arith.addf %in, %in_5 : f32
      linalg.yield %43 : f32
    } -> tensor<1x1x3x5xf32>
    return %42 : tensor<1x1x3x5xf32>
  }
}
