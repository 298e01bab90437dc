#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
#map2 = affine_map<(d0, d1, d2, d3) -> (0, 0, 0, 0)>
#map3 = affine_map<(d0, d1, d2, d3) -> (0, 0, 0)>
#map4 = affine_map<(d0, d1, d2, d3) -> (d2, 0)>
#map5 = affine_map<(d0, d1, d2, d3) -> (d3)>
#map6 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<1x1x4x5xf32>) -> tensor<1x1x7x12xf32> {
    %c3_i64 = arith.constant 3 : i64
    %c4_i64 = arith.constant 4 : i64
    %c0_i64 = arith.constant 0 : i64
    %c1_i64 = arith.constant 1 : i64
    %c5_i64 = arith.constant 5 : i64
    %cst = arith.constant 0.41666666666666669 : f64
    %cst_0 = arith.constant 0.5714285714285714 : f64
    %cst_1 = arith.constant 5.000000e-01 : f32
    %cst_2 = arith.constant 0.000000e+00 : f32
    %cst_3 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<7xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<7xi64>) {
    ^bb0(%out: i64):
      %44 = linalg.index 0 : index
      %45 = arith.index_cast %44 : index to i64
      linalg.yield %45 : i64
    } -> tensor<7xi64>
    %2 = tensor.empty() : tensor<7xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<7xi64>) outs(%2 : tensor<7xf32>) {
    ^bb0(%in: i64, %out: f32):
      %44 = arith.sitofp %in : i64 to f32
      linalg.yield %44 : f32
    } -> tensor<7xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%3 : tensor<7xf32>) outs(%2 : tensor<7xf32>) {
    ^bb0(%in: f32, %out: f32):
      %44 = arith.addf %in, %cst_1 : f32
      linalg.yield %44 : f32
    } -> tensor<7xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%4 : tensor<7xf32>) outs(%2 : tensor<7xf32>) {
    ^bb0(%in: f32, %out: f32):
      %44 = arith.truncf %cst_0 : f64 to f32
      %45 = arith.mulf %in, %44 : f32
      linalg.yield %45 : f32
    } -> tensor<7xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%5 : tensor<7xf32>) outs(%2 : tensor<7xf32>) {
    ^bb0(%in: f32, %out: f32):
      %44 = arith.subf %in, %cst_1 : f32
      linalg.yield %44 : f32
    } -> tensor<7xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%6 : tensor<7xf32>) outs(%2 : tensor<7xf32>) {
    ^bb0(%in: f32, %out: f32):
      %44 = arith.cmpf ult, %in, %cst_2 : f32
      %45 = arith.select %44, %cst_2, %in : f32
      linalg.yield %45 : f32
    } -> tensor<7xf32>
    %expanded = tensor.expand_shape %7 [[0, 1]] output_shape [7, 1] : tensor<7xf32> into tensor<7x1xf32>
    %8 = tensor.empty() : tensor<7x1xi64>
    %9 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%expanded : tensor<7x1xf32>) outs(%8 : tensor<7x1xi64>) {
    ^bb0(%in: f32, %out: i64):
      %44 = arith.fptosi %in : f32 to i64
      linalg.yield %44 : i64
    } -> tensor<7x1xi64>
    %10 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%9 : tensor<7x1xi64>) outs(%8 : tensor<7x1xi64>) {
    ^bb0(%in: i64, %out: i64):
      %44 = arith.addi %in, %c1_i64 : i64
      linalg.yield %44 : i64
    } -> tensor<7x1xi64>
    %11 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%10 : tensor<7x1xi64>) outs(%8 : tensor<7x1xi64>) {
    ^bb0(%in: i64, %out: i64):
      %44 = arith.minsi %in, %c3_i64 : i64
      linalg.yield %44 : i64
    } -> tensor<7x1xi64>
    %12 = tensor.empty() : tensor<12xi64>
    %13 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%12 : tensor<12xi64>) {
    ^bb0(%out: i64):
      %44 = linalg.index 0 : index
      %45 = arith.index_cast %44 : index to i64
      linalg.yield %45 : i64
    } -> tensor<12xi64>
    %14 = tensor.empty() : tensor<12xf32>
    %15 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%13 : tensor<12xi64>) outs(%14 : tensor<12xf32>) {
    ^bb0(%in: i64, %out: f32):
      %44 = arith.sitofp %in : i64 to f32
      linalg.yield %44 : f32
    } -> tensor<12xf32>
    %16 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%15 : tensor<12xf32>) outs(%14 : tensor<12xf32>) {
    ^bb0(%in: f32, %out: f32):
      %44 = arith.addf %in, %cst_1 : f32
      linalg.yield %44 : f32
    } -> tensor<12xf32>
    %17 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%16 : tensor<12xf32>) outs(%14 : tensor<12xf32>) {
    ^bb0(%in: f32, %out: f32):
      %44 = arith.truncf %cst : f64 to f32
      %45 = arith.mulf %in, %44 : f32
      linalg.yield %45 : f32
    } -> tensor<12xf32>
    %18 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%17 : tensor<12xf32>) outs(%14 : tensor<12xf32>) {
    ^bb0(%in: f32, %out: f32):
      %44 = arith.subf %in, %cst_1 : f32
      linalg.yield %44 : f32
    } -> tensor<12xf32>
    %19 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%18 : tensor<12xf32>) outs(%14 : tensor<12xf32>) {
    ^bb0(%in: f32, %out: f32):
      %44 = arith.cmpf ult, %in, %cst_2 : f32
      %45 = arith.select %44, %cst_2, %in : f32
      linalg.yield %45 : f32
    } -> tensor<12xf32>
    %20 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%19 : tensor<12xf32>) outs(%12 : tensor<12xi64>) {
    ^bb0(%in: f32, %out: i64):
      %44 = arith.fptosi %in : f32 to i64
      linalg.yield %44 : i64
    } -> tensor<12xi64>
    %21 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%20 : tensor<12xi64>) outs(%12 : tensor<12xi64>) {
    ^bb0(%in: i64, %out: i64):
      %44 = arith.addi %in, %c1_i64 : i64
      linalg.yield %44 : i64
    } -> tensor<12xi64>
    %22 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%21 : tensor<12xi64>) outs(%12 : tensor<12xi64>) {
    ^bb0(%in: i64, %out: i64):
      %44 = arith.minsi %in, %c4_i64 : i64
      linalg.yield %44 : i64
    } -> tensor<12xi64>
    %23 = tensor.empty() : tensor<1xi64>
    %24 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%23 : tensor<1xi64>) {
    ^bb0(%out: i64):
      linalg.yield %c0_i64 : i64
    } -> tensor<1xi64>
    %expanded_4 = tensor.expand_shape %24 [[0, 1, 2]] output_shape [1, 1, 1] : tensor<1xi64> into tensor<1x1x1xi64>
    %expanded_5 = tensor.expand_shape %24 [[0, 1, 2, 3]] output_shape [1, 1, 1, 1] : tensor<1xi64> into tensor<1x1x1x1xi64>
    %25 = tensor.empty() : tensor<1x1x7x12xf32>
    %26 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_5, %expanded_4, %9, %20 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<7x1xi64>, tensor<12xi64>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: i64, %in_6: i64, %in_7: i64, %in_8: i64, %out: f32):
      %44 = arith.cmpi slt, %in, %c0_i64 : i64
      %45 = arith.addi %in, %c1_i64 : i64
      %46 = arith.select %44, %45, %in : i64
      %47 = arith.index_cast %46 : i64 to index
      %48 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %49 = arith.addi %in_6, %c1_i64 : i64
      %50 = arith.select %48, %49, %in_6 : i64
      %51 = arith.index_cast %50 : i64 to index
      %52 = arith.cmpi slt, %in_7, %c0_i64 : i64
      %53 = arith.addi %in_7, %c4_i64 : i64
      %54 = arith.select %52, %53, %in_7 : i64
      %55 = arith.index_cast %54 : i64 to index
      %56 = arith.cmpi slt, %in_8, %c0_i64 : i64
      %57 = arith.addi %in_8, %c5_i64 : i64
      %58 = arith.select %56, %57, %in_8 : i64
      %59 = arith.index_cast %58 : i64 to index
      %extracted = tensor.extract %arg0[%47, %51, %55, %59] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x7x12xf32>
    %27 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_5, %expanded_4, %9, %22 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<7x1xi64>, tensor<12xi64>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: i64, %in_6: i64, %in_7: i64, %in_8: i64, %out: f32):
      %44 = arith.cmpi slt, %in, %c0_i64 : i64
      %45 = arith.addi %in, %c1_i64 : i64
      %46 = arith.select %44, %45, %in : i64
      %47 = arith.index_cast %46 : i64 to index
      %48 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %49 = arith.addi %in_6, %c1_i64 : i64
      %50 = arith.select %48, %49, %in_6 : i64
      %51 = arith.index_cast %50 : i64 to index
      %52 = arith.cmpi slt, %in_7, %c0_i64 : i64
      %53 = arith.addi %in_7, %c4_i64 : i64
      %54 = arith.select %52, %53, %in_7 : i64
      %55 = arith.index_cast %54 : i64 to index
      %56 = arith.cmpi slt, %in_8, %c0_i64 : i64
      %57 = arith.addi %in_8, %c5_i64 : i64
      %58 = arith.select %56, %57, %in_8 : i64
      %59 = arith.index_cast %58 : i64 to index
      %extracted = tensor.extract %arg0[%47, %51, %55, %59] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x7x12xf32>
    %28 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_5, %expanded_4, %11, %20 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<7x1xi64>, tensor<12xi64>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: i64, %in_6: i64, %in_7: i64, %in_8: i64, %out: f32):
      %44 = arith.cmpi slt, %in, %c0_i64 : i64
      %45 = arith.addi %in, %c1_i64 : i64
      %46 = arith.select %44, %45, %in : i64
      %47 = arith.index_cast %46 : i64 to index
      %48 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %49 = arith.addi %in_6, %c1_i64 : i64
      %50 = arith.select %48, %49, %in_6 : i64
      %51 = arith.index_cast %50 : i64 to index
      %52 = arith.cmpi slt, %in_7, %c0_i64 : i64
      %53 = arith.addi %in_7, %c4_i64 : i64
      %54 = arith.select %52, %53, %in_7 : i64
      %55 = arith.index_cast %54 : i64 to index
      %56 = arith.cmpi slt, %in_8, %c0_i64 : i64
      %57 = arith.addi %in_8, %c5_i64 : i64
      %58 = arith.select %56, %57, %in_8 : i64
      %59 = arith.index_cast %58 : i64 to index
      %extracted = tensor.extract %arg0[%47, %51, %55, %59] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x7x12xf32>
    %29 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_5, %expanded_4, %11, %22 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<7x1xi64>, tensor<12xi64>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: i64, %in_6: i64, %in_7: i64, %in_8: i64, %out: f32):
      %44 = arith.cmpi slt, %in, %c0_i64 : i64
      %45 = arith.addi %in, %c1_i64 : i64
      %46 = arith.select %44, %45, %in : i64
      %47 = arith.index_cast %46 : i64 to index
      %48 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %49 = arith.addi %in_6, %c1_i64 : i64
      %50 = arith.select %48, %49, %in_6 : i64
      %51 = arith.index_cast %50 : i64 to index
      %52 = arith.cmpi slt, %in_7, %c0_i64 : i64
      %53 = arith.addi %in_7, %c4_i64 : i64
      %54 = arith.select %52, %53, %in_7 : i64
      %55 = arith.index_cast %54 : i64 to index
      %56 = arith.cmpi slt, %in_8, %c0_i64 : i64
      %57 = arith.addi %in_8, %c5_i64 : i64
      %58 = arith.select %56, %57, %in_8 : i64
      %59 = arith.index_cast %58 : i64 to index
      %extracted = tensor.extract %arg0[%47, %51, %55, %59] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x7x12xf32>
    %30 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%19, %20 : tensor<12xf32>, tensor<12xi64>) outs(%14 : tensor<12xf32>) {
    ^bb0(%in: f32, %in_6: i64, %out: f32):
      %44 = arith.sitofp %in_6 : i64 to f32
      %45 = arith.subf %in, %44 : f32
      linalg.yield %45 : f32
    } -> tensor<12xf32>
    %31 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%30 : tensor<12xf32>) outs(%14 : tensor<12xf32>) {
    ^bb0(%in: f32, %out: f32):
      %44 = arith.cmpf ult, %in, %cst_2 : f32
      %45 = arith.select %44, %cst_2, %in : f32
      %46 = arith.cmpf ugt, %45, %cst_3 : f32
      %47 = arith.select %46, %cst_3, %45 : f32
      linalg.yield %47 : f32
    } -> tensor<12xf32>
    %32 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%27, %26 : tensor<1x1x7x12xf32>, tensor<1x1x7x12xf32>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: f32, %in_6: f32, %out: f32):
      %44 = arith.subf %in, %in_6 : f32
      linalg.yield %44 : f32
    } -> tensor<1x1x7x12xf32>
    %33 = linalg.generic {indexing_maps = [#map6, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%32, %31 : tensor<1x1x7x12xf32>, tensor<12xf32>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: f32, %in_6: f32, %out: f32):
      %44 = arith.mulf %in, %in_6 : f32
      linalg.yield %44 : f32
    } -> tensor<1x1x7x12xf32>
    %34 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%26, %33 : tensor<1x1x7x12xf32>, tensor<1x1x7x12xf32>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: f32, %in_6: f32, %out: f32):
      %44 = arith.addf %in, %in_6 : f32
      linalg.yield %44 : f32
    } -> tensor<1x1x7x12xf32>
    %35 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%29, %28 : tensor<1x1x7x12xf32>, tensor<1x1x7x12xf32>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: f32, %in_6: f32, %out: f32):
      %44 = arith.subf %in, %in_6 : f32
      linalg.yield %44 : f32
    } -> tensor<1x1x7x12xf32>
    %36 = linalg.generic {indexing_maps = [#map6, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%35, %31 : tensor<1x1x7x12xf32>, tensor<12xf32>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: f32, %in_6: f32, %out: f32):
      %44 = arith.mulf %in, %in_6 : f32
      linalg.yield %44 : f32
    } -> tensor<1x1x7x12xf32>
    %37 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%28, %36 : tensor<1x1x7x12xf32>, tensor<1x1x7x12xf32>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: f32, %in_6: f32, %out: f32):
      %44 = arith.addf %in, %in_6 : f32
      linalg.yield %44 : f32
    } -> tensor<1x1x7x12xf32>
    %38 = tensor.empty() : tensor<7x1xf32>
    %39 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%expanded, %9 : tensor<7x1xf32>, tensor<7x1xi64>) outs(%38 : tensor<7x1xf32>) {
    ^bb0(%in: f32, %in_6: i64, %out: f32):
      %44 = arith.sitofp %in_6 : i64 to f32
      %45 = arith.subf %in, %44 : f32
      linalg.yield %45 : f32
    } -> tensor<7x1xf32>
    %40 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%39 : tensor<7x1xf32>) outs(%38 : tensor<7x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %44 = arith.cmpf ult, %in, %cst_2 : f32
      %45 = arith.select %44, %cst_2, %in : f32
      %46 = arith.cmpf ugt, %45, %cst_3 : f32
      %47 = arith.select %46, %cst_3, %45 : f32
      linalg.yield %47 : f32
    } -> tensor<7x1xf32>
    %41 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%37, %34 : tensor<1x1x7x12xf32>, tensor<1x1x7x12xf32>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: f32, %in_6: f32, %out: f32):
      %44 = arith.subf %in, %in_6 : f32
      linalg.yield %44 : f32
    } -> tensor<1x1x7x12xf32>
    %42 = linalg.generic {indexing_maps = [#map6, #map4, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%41, %40 : tensor<1x1x7x12xf32>, tensor<7x1xf32>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: f32, %in_6: f32, %out: f32):
      %44 = arith.mulf %in, %in_6 : f32
      linalg.yield %44 : f32
    } -> tensor<1x1x7x12xf32>
    %43 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%34, %42 : tensor<1x1x7x12xf32>, tensor<1x1x7x12xf32>) outs(%25 : tensor<1x1x7x12xf32>) {
    ^bb0(%in: f32, %in_6: f32, %out: f32):
      %44 = arith.addf %in, %in_6 : f32
      linalg.yield %44 : f32
    } -> tensor<1x1x7x12xf32>
    return %43 : tensor<1x1x7x12xf32>
  }
}
