#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
#map2 = affine_map<(d0, d1, d2, d3) -> (0, 0, 0, 0)>
#map3 = affine_map<(d0, d1, d2, d3) -> (0, 0, 0)>
#map4 = affine_map<(d0, d1, d2, d3) -> (0, 0)>
#map5 = affine_map<(d0, d1, d2, d3) -> (d3)>
#map6 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map7 = affine_map<(d0, d1, d2, d3) -> (d2, 0)>
module {
  func.func @forward(%arg0: tensor<1x1x4x5xf32>) -> tensor<1x1x1x2xf32> {
    %c3_i64 = arith.constant 3 : i64
    %c4_i64 = arith.constant 4 : i64
    %c0_i64 = arith.constant 0 : i64
    %c1_i64 = arith.constant 1 : i64
    %c5_i64 = arith.constant 5 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 4.000000e+00 : f32
    %cst_1 = arith.constant 1.000000e+00 : f32
    %0 = tensor.empty() : tensor<1xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<1xi64>) {
    ^bb0(%out: i64):
      linalg.yield %c0_i64 : i64
    } -> tensor<1xi64>
    %2 = tensor.empty() : tensor<1xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<1xi64>) outs(%2 : tensor<1xf32>) {
    ^bb0(%in: i64, %out: f32):
      %38 = arith.sitofp %in : i64 to f32
      linalg.yield %38 : f32
    } -> tensor<1xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%3 : tensor<1xf32>) outs(%2 : tensor<1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %38 = arith.mulf %in, %cst : f32
      linalg.yield %38 : f32
    } -> tensor<1xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%4 : tensor<1xf32>) outs(%2 : tensor<1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %38 = arith.cmpf ult, %in, %cst : f32
      %39 = arith.select %38, %cst, %in : f32
      linalg.yield %39 : f32
    } -> tensor<1xf32>
    %expanded = tensor.expand_shape %5 [[0, 1]] output_shape [1, 1] : tensor<1xf32> into tensor<1x1xf32>
    %6 = tensor.empty() : tensor<1x1xi64>
    %7 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%expanded : tensor<1x1xf32>) outs(%6 : tensor<1x1xi64>) {
    ^bb0(%in: f32, %out: i64):
      %38 = arith.fptosi %in : f32 to i64
      linalg.yield %38 : i64
    } -> tensor<1x1xi64>
    %8 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%7 : tensor<1x1xi64>) outs(%6 : tensor<1x1xi64>) {
    ^bb0(%in: i64, %out: i64):
      %38 = arith.addi %in, %c1_i64 : i64
      linalg.yield %38 : i64
    } -> tensor<1x1xi64>
    %9 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%8 : tensor<1x1xi64>) outs(%6 : tensor<1x1xi64>) {
    ^bb0(%in: i64, %out: i64):
      %38 = arith.minsi %in, %c3_i64 : i64
      linalg.yield %38 : i64
    } -> tensor<1x1xi64>
    %10 = tensor.empty() : tensor<2xi64>
    %11 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%10 : tensor<2xi64>) {
    ^bb0(%out: i64):
      %38 = linalg.index 0 : index
      %39 = arith.index_cast %38 : index to i64
      linalg.yield %39 : i64
    } -> tensor<2xi64>
    %12 = tensor.empty() : tensor<2xf32>
    %13 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%11 : tensor<2xi64>) outs(%12 : tensor<2xf32>) {
    ^bb0(%in: i64, %out: f32):
      %38 = arith.sitofp %in : i64 to f32
      linalg.yield %38 : f32
    } -> tensor<2xf32>
    %14 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%13 : tensor<2xf32>) outs(%12 : tensor<2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %38 = arith.mulf %in, %cst_0 : f32
      linalg.yield %38 : f32
    } -> tensor<2xf32>
    %15 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%14 : tensor<2xf32>) outs(%12 : tensor<2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %38 = arith.cmpf ult, %in, %cst : f32
      %39 = arith.select %38, %cst, %in : f32
      linalg.yield %39 : f32
    } -> tensor<2xf32>
    %16 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%15 : tensor<2xf32>) outs(%10 : tensor<2xi64>) {
    ^bb0(%in: f32, %out: i64):
      %38 = arith.fptosi %in : f32 to i64
      linalg.yield %38 : i64
    } -> tensor<2xi64>
    %17 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%16 : tensor<2xi64>) outs(%10 : tensor<2xi64>) {
    ^bb0(%in: i64, %out: i64):
      %38 = arith.addi %in, %c1_i64 : i64
      linalg.yield %38 : i64
    } -> tensor<2xi64>
    %18 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%17 : tensor<2xi64>) outs(%10 : tensor<2xi64>) {
    ^bb0(%in: i64, %out: i64):
      %38 = arith.minsi %in, %c4_i64 : i64
      linalg.yield %38 : i64
    } -> tensor<2xi64>
    %expanded_2 = tensor.expand_shape %1 [[0, 1, 2]] output_shape [1, 1, 1] : tensor<1xi64> into tensor<1x1x1xi64>
    %expanded_3 = tensor.expand_shape %1 [[0, 1, 2, 3]] output_shape [1, 1, 1, 1] : tensor<1xi64> into tensor<1x1x1x1xi64>
    %19 = tensor.empty() : tensor<1x1x1x2xf32>
    %20 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_3, %expanded_2, %7, %16 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<1x1xi64>, tensor<2xi64>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: i64, %in_4: i64, %in_5: i64, %in_6: i64, %out: f32):
      %38 = arith.cmpi slt, %in, %c0_i64 : i64
      %39 = arith.addi %in, %c1_i64 : i64
      %40 = arith.select %38, %39, %in : i64
      %41 = arith.index_cast %40 : i64 to index
      %42 = arith.cmpi slt, %in_4, %c0_i64 : i64
      %43 = arith.addi %in_4, %c1_i64 : i64
      %44 = arith.select %42, %43, %in_4 : i64
      %45 = arith.index_cast %44 : i64 to index
      %46 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %47 = arith.addi %in_5, %c4_i64 : i64
      %48 = arith.select %46, %47, %in_5 : i64
      %49 = arith.index_cast %48 : i64 to index
      %50 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %51 = arith.addi %in_6, %c5_i64 : i64
      %52 = arith.select %50, %51, %in_6 : i64
      %53 = arith.index_cast %52 : i64 to index
      %extracted = tensor.extract %arg0[%41, %45, %49, %53] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x1x2xf32>
    %21 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_3, %expanded_2, %7, %18 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<1x1xi64>, tensor<2xi64>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: i64, %in_4: i64, %in_5: i64, %in_6: i64, %out: f32):
      %38 = arith.cmpi slt, %in, %c0_i64 : i64
      %39 = arith.addi %in, %c1_i64 : i64
      %40 = arith.select %38, %39, %in : i64
      %41 = arith.index_cast %40 : i64 to index
      %42 = arith.cmpi slt, %in_4, %c0_i64 : i64
      %43 = arith.addi %in_4, %c1_i64 : i64
      %44 = arith.select %42, %43, %in_4 : i64
      %45 = arith.index_cast %44 : i64 to index
      %46 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %47 = arith.addi %in_5, %c4_i64 : i64
      %48 = arith.select %46, %47, %in_5 : i64
      %49 = arith.index_cast %48 : i64 to index
      %50 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %51 = arith.addi %in_6, %c5_i64 : i64
      %52 = arith.select %50, %51, %in_6 : i64
      %53 = arith.index_cast %52 : i64 to index
      %extracted = tensor.extract %arg0[%41, %45, %49, %53] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x1x2xf32>
    %22 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_3, %expanded_2, %9, %16 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<1x1xi64>, tensor<2xi64>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: i64, %in_4: i64, %in_5: i64, %in_6: i64, %out: f32):
      %38 = arith.cmpi slt, %in, %c0_i64 : i64
      %39 = arith.addi %in, %c1_i64 : i64
      %40 = arith.select %38, %39, %in : i64
      %41 = arith.index_cast %40 : i64 to index
      %42 = arith.cmpi slt, %in_4, %c0_i64 : i64
      %43 = arith.addi %in_4, %c1_i64 : i64
      %44 = arith.select %42, %43, %in_4 : i64
      %45 = arith.index_cast %44 : i64 to index
      %46 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %47 = arith.addi %in_5, %c4_i64 : i64
      %48 = arith.select %46, %47, %in_5 : i64
      %49 = arith.index_cast %48 : i64 to index
      %50 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %51 = arith.addi %in_6, %c5_i64 : i64
      %52 = arith.select %50, %51, %in_6 : i64
      %53 = arith.index_cast %52 : i64 to index
      %extracted = tensor.extract %arg0[%41, %45, %49, %53] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x1x2xf32>
    %23 = linalg.generic {indexing_maps = [#map2, #map3, #map4, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_3, %expanded_2, %9, %18 : tensor<1x1x1x1xi64>, tensor<1x1x1xi64>, tensor<1x1xi64>, tensor<2xi64>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: i64, %in_4: i64, %in_5: i64, %in_6: i64, %out: f32):
      %38 = arith.cmpi slt, %in, %c0_i64 : i64
      %39 = arith.addi %in, %c1_i64 : i64
      %40 = arith.select %38, %39, %in : i64
      %41 = arith.index_cast %40 : i64 to index
      %42 = arith.cmpi slt, %in_4, %c0_i64 : i64
      %43 = arith.addi %in_4, %c1_i64 : i64
      %44 = arith.select %42, %43, %in_4 : i64
      %45 = arith.index_cast %44 : i64 to index
      %46 = arith.cmpi slt, %in_5, %c0_i64 : i64
      %47 = arith.addi %in_5, %c4_i64 : i64
      %48 = arith.select %46, %47, %in_5 : i64
      %49 = arith.index_cast %48 : i64 to index
      %50 = arith.cmpi slt, %in_6, %c0_i64 : i64
      %51 = arith.addi %in_6, %c5_i64 : i64
      %52 = arith.select %50, %51, %in_6 : i64
      %53 = arith.index_cast %52 : i64 to index
      %extracted = tensor.extract %arg0[%41, %45, %49, %53] : tensor<1x1x4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<1x1x1x2xf32>
    %24 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%15, %16 : tensor<2xf32>, tensor<2xi64>) outs(%12 : tensor<2xf32>) {
    ^bb0(%in: f32, %in_4: i64, %out: f32):
      %38 = arith.sitofp %in_4 : i64 to f32
      %39 = arith.subf %in, %38 : f32
      linalg.yield %39 : f32
    } -> tensor<2xf32>
    %25 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%24 : tensor<2xf32>) outs(%12 : tensor<2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %38 = arith.cmpf ult, %in, %cst : f32
      %39 = arith.select %38, %cst, %in : f32
      %40 = arith.cmpf ugt, %39, %cst_1 : f32
      %41 = arith.select %40, %cst_1, %39 : f32
      linalg.yield %41 : f32
    } -> tensor<2xf32>
    %26 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%21, %20 : tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %38 = arith.subf %in, %in_4 : f32
      linalg.yield %38 : f32
    } -> tensor<1x1x1x2xf32>
    %27 = linalg.generic {indexing_maps = [#map6, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%26, %25 : tensor<1x1x1x2xf32>, tensor<2xf32>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %38 = arith.mulf %in, %in_4 : f32
      linalg.yield %38 : f32
    } -> tensor<1x1x1x2xf32>
    %28 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%20, %27 : tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %38 = arith.addf %in, %in_4 : f32
      linalg.yield %38 : f32
    } -> tensor<1x1x1x2xf32>
    %29 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%23, %22 : tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %38 = arith.subf %in, %in_4 : f32
      linalg.yield %38 : f32
    } -> tensor<1x1x1x2xf32>
    %30 = linalg.generic {indexing_maps = [#map6, #map5, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%29, %25 : tensor<1x1x1x2xf32>, tensor<2xf32>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %38 = arith.mulf %in, %in_4 : f32
      linalg.yield %38 : f32
    } -> tensor<1x1x1x2xf32>
    %31 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%22, %30 : tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %38 = arith.addf %in, %in_4 : f32
      linalg.yield %38 : f32
    } -> tensor<1x1x1x2xf32>
    %32 = tensor.empty() : tensor<1x1xf32>
    %33 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%expanded, %7 : tensor<1x1xf32>, tensor<1x1xi64>) outs(%32 : tensor<1x1xf32>) {
    ^bb0(%in: f32, %in_4: i64, %out: f32):
      %38 = arith.sitofp %in_4 : i64 to f32
      %39 = arith.subf %in, %38 : f32
      linalg.yield %39 : f32
    } -> tensor<1x1xf32>
    %34 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%33 : tensor<1x1xf32>) outs(%32 : tensor<1x1xf32>) {
    ^bb0(%in: f32, %out: f32):
      %38 = arith.cmpf ult, %in, %cst : f32
      %39 = arith.select %38, %cst, %in : f32
      %40 = arith.cmpf ugt, %39, %cst_1 : f32
      %41 = arith.select %40, %cst_1, %39 : f32
      linalg.yield %41 : f32
    } -> tensor<1x1xf32>
    %35 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%31, %28 : tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %38 = arith.subf %in, %in_4 : f32
      linalg.yield %38 : f32
    } -> tensor<1x1x1x2xf32>
    %36 = linalg.generic {indexing_maps = [#map6, #map7, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%35, %34 : tensor<1x1x1x2xf32>, tensor<1x1xf32>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %38 = arith.mulf %in, %in_4 : f32
      linalg.yield %38 : f32
    } -> tensor<1x1x1x2xf32>
    %37 = linalg.generic {indexing_maps = [#map6, #map6, #map6], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%28, %36 : tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>) outs(%19 : tensor<1x1x1x2xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %38 = arith.addf %in, %in_4 : f32
      linalg.yield %38 : f32
    } -> tensor<1x1x1x2xf32>
    return %37 : tensor<1x1x1x2xf32>
  }
}
