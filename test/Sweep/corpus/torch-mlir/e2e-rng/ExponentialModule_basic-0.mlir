#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> ()>
#map2 = affine_map<() -> ()>
#map3 = affine_map<(d0, d1, d2) -> (0, 0, 0)>
module {
  ml_program.global private mutable @global_seed(dense<0> : tensor<i64>) : tensor<i64>
  func.func @forward(%arg0: tensor<1024x1024x16xf64>) -> (tensor<f64>, tensor<f64>) {
    %c1442695040888963407_i64 = arith.constant 1442695040888963407 : i64
    %c6364136223846793005_i64 = arith.constant 6364136223846793005 : i64
    %cst = arith.constant 0x4170000000000000 : f64
    %cst_0 = arith.constant 5.4210107999999998E-20 : f64
    %cst_1 = arith.constant 0.000000e+00 : f64
    %c32_i64 = arith.constant 32 : i64
    %c16_i64 = arith.constant 16 : i64
    %c1024_i64 = arith.constant 1024 : i64
    %cst_2 = arith.constant 0x416FFFFFE0000000 : f64
    %cst_3 = arith.constant -3.000000e+00 : f64
    %cst_4 = arith.constant 1.000000e+00 : f64
    %global_seed = ml_program.global_load @global_seed : tensor<i64>
    %extracted = tensor.extract %global_seed[] : tensor<i64>
    %0 = arith.muli %extracted, %c6364136223846793005_i64 : i64
    %1 = arith.addi %0, %c1442695040888963407_i64 : i64
    %inserted = tensor.insert %1 into %global_seed[] : tensor<i64>
    ml_program.global_store @global_seed = %inserted : tensor<i64>
    %2 = tensor.empty() : tensor<1024x1024x16xf64>
    %3 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel", "parallel"]} outs(%2 : tensor<1024x1024x16xf64>) {
    ^bb0(%out: f64):
      %21 = linalg.index 0 : index
      %22 = arith.index_cast %21 : index to i64
      %23 = linalg.index 1 : index
      %24 = arith.index_cast %23 : index to i64
      %25 = linalg.index 2 : index
      %26 = arith.index_cast %25 : index to i64
      %27 = arith.muli %22, %c1024_i64 : i64
      %28 = arith.addi %27, %24 : i64
      %29 = arith.muli %28, %c16_i64 : i64
      %30 = arith.addi %29, %26 : i64
      %31 = arith.muli %30, %1 : i64
      %32 = arith.addi %31, %1 : i64
      %33 = arith.muli %31, %31 : i64
      %34 = arith.addi %33, %31 : i64
      %35 = arith.shli %34, %c32_i64 : i64
      %36 = arith.shrui %34, %c32_i64 : i64
      %37 = arith.ori %35, %36 : i64
      %38 = arith.muli %37, %37 : i64
      %39 = arith.addi %38, %32 : i64
      %40 = arith.shli %39, %c32_i64 : i64
      %41 = arith.shrui %39, %c32_i64 : i64
      %42 = arith.ori %40, %41 : i64
      %43 = arith.muli %42, %42 : i64
      %44 = arith.addi %43, %31 : i64
      %45 = arith.shli %44, %c32_i64 : i64
      %46 = arith.shrui %44, %c32_i64 : i64
      %47 = arith.ori %45, %46 : i64
      %48 = arith.muli %47, %47 : i64
      %49 = arith.addi %48, %32 : i64
      %50 = arith.shli %49, %c32_i64 : i64
      %51 = arith.shrui %49, %c32_i64 : i64
      %52 = arith.ori %50, %51 : i64
      %53 = arith.muli %52, %52 : i64
      %54 = arith.addi %53, %31 : i64
      %55 = arith.shrui %54, %c32_i64 : i64
      %56 = arith.xori %49, %55 : i64
      %57 = arith.uitofp %56 : i64 to f64
      %58 = arith.mulf %57, %cst_0 : f64
      %59 = arith.addf %58, %cst_1 : f64
      linalg.yield %59 : f64
    } -> tensor<1024x1024x16xf64>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%3 : tensor<1024x1024x16xf64>) outs(%2 : tensor<1024x1024x16xf64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = arith.negf %in : f64
      linalg.yield %21 : f64
    } -> tensor<1024x1024x16xf64>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%4 : tensor<1024x1024x16xf64>) outs(%2 : tensor<1024x1024x16xf64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = arith.addf %in, %cst_4 : f64
      linalg.yield %21 : f64
    } -> tensor<1024x1024x16xf64>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%5 : tensor<1024x1024x16xf64>) outs(%2 : tensor<1024x1024x16xf64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = math.log %in : f64
      linalg.yield %21 : f64
    } -> tensor<1024x1024x16xf64>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%6 : tensor<1024x1024x16xf64>) outs(%2 : tensor<1024x1024x16xf64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = arith.divf %in, %cst_3 : f64
      linalg.yield %21 : f64
    } -> tensor<1024x1024x16xf64>
    %8 = tensor.empty() : tensor<f64>
    %9 = linalg.fill ins(%cst_1 : f64) outs(%8 : tensor<f64>) -> tensor<f64>
    %10 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction", "reduction"]} ins(%7 : tensor<1024x1024x16xf64>) outs(%9 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = arith.addf %in, %out : f64
      linalg.yield %21 : f64
    } -> tensor<f64>
    %11 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%10 : tensor<f64>) outs(%8 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = arith.divf %in, %cst : f64
      linalg.yield %21 : f64
    } -> tensor<f64>
    %12 = tensor.empty() : tensor<1x1x1xf64>
    %13 = linalg.fill ins(%cst_1 : f64) outs(%12 : tensor<1x1x1xf64>) -> tensor<1x1x1xf64>
    %14 = linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["reduction", "reduction", "reduction"]} ins(%7 : tensor<1024x1024x16xf64>) outs(%13 : tensor<1x1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = arith.addf %in, %out : f64
      linalg.yield %21 : f64
    } -> tensor<1x1x1xf64>
    %15 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%14 : tensor<1x1x1xf64>) outs(%12 : tensor<1x1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = arith.divf %in, %cst : f64
      linalg.yield %21 : f64
    } -> tensor<1x1x1xf64>
    %16 = linalg.generic {indexing_maps = [#map, #map3, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%7, %15 : tensor<1024x1024x16xf64>, tensor<1x1x1xf64>) outs(%2 : tensor<1024x1024x16xf64>) {
    ^bb0(%in: f64, %in_5: f64, %out: f64):
      %21 = arith.subf %in, %in_5 : f64
      linalg.yield %21 : f64
    } -> tensor<1024x1024x16xf64>
    %17 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%16, %16 : tensor<1024x1024x16xf64>, tensor<1024x1024x16xf64>) outs(%2 : tensor<1024x1024x16xf64>) {
    ^bb0(%in: f64, %in_5: f64, %out: f64):
      %21 = arith.mulf %in, %in_5 : f64
      linalg.yield %21 : f64
    } -> tensor<1024x1024x16xf64>
    %18 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction", "reduction"]} ins(%17 : tensor<1024x1024x16xf64>) outs(%9 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = arith.addf %in, %out : f64
      linalg.yield %21 : f64
    } -> tensor<f64>
    %19 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%18 : tensor<f64>) outs(%8 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = arith.divf %in, %cst_2 : f64
      linalg.yield %21 : f64
    } -> tensor<f64>
    %20 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%19 : tensor<f64>) outs(%8 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %21 = math.sqrt %in : f64
      linalg.yield %21 : f64
    } -> tensor<f64>
    return %11, %20 : tensor<f64>, tensor<f64>
  }
}
