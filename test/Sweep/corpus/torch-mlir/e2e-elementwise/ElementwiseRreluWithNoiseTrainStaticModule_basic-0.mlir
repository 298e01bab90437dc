#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> ()>
#map2 = affine_map<() -> ()>
#map3 = affine_map<(d0, d1) -> (0, 0)>
module {
  ml_program.global private mutable @global_seed(dense<0> : tensor<i64>) : tensor<i64>
  func.func @forward(%arg0: tensor<256x256xf32>, %arg1: tensor<256x256xf32>) -> (tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>) {
    %c256_i64 = arith.constant 256 : i64
    %c32_i64 = arith.constant 32 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0.000000e+00 : f64
    %cst_1 = arith.constant 6.553500e+04 : f64
    %cst_2 = arith.constant dense<1.000000e+00> : tensor<f32>
    %cst_3 = arith.constant dense<0.000000e+00> : tensor<f32>
    %cst_4 = arith.constant 4.000000e-01 : f64
    %cst_5 = arith.constant 1.0842021599999998E-20 : f64
    %cst_6 = arith.constant 6.553600e+04 : f32
    %cst_7 = arith.constant 6.553600e+04 : f64
    %c6364136223846793005_i64 = arith.constant 6364136223846793005 : i64
    %c1442695040888963407_i64 = arith.constant 1442695040888963407 : i64
    %global_seed = ml_program.global_load @global_seed : tensor<i64>
    %extracted = tensor.extract %global_seed[] : tensor<i64>
    %0 = arith.muli %extracted, %c6364136223846793005_i64 : i64
    %1 = arith.addi %0, %c1442695040888963407_i64 : i64
    %inserted = tensor.insert %1 into %global_seed[] : tensor<i64>
    ml_program.global_store @global_seed = %inserted : tensor<i64>
    %2 = tensor.empty() : tensor<256x256xf32>
    %3 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%2 : tensor<256x256xf32>) {
    ^bb0(%out: f32):
      %40 = linalg.index 0 : index
      %41 = arith.index_cast %40 : index to i64
      %42 = linalg.index 1 : index
      %43 = arith.index_cast %42 : index to i64
      %44 = arith.muli %41, %c256_i64 : i64
      %45 = arith.addi %44, %43 : i64
      %46 = arith.muli %45, %1 : i64
      %47 = arith.addi %46, %1 : i64
      %48 = arith.muli %46, %46 : i64
      %49 = arith.addi %48, %46 : i64
      %50 = arith.shli %49, %c32_i64 : i64
      %51 = arith.shrui %49, %c32_i64 : i64
      %52 = arith.ori %50, %51 : i64
      %53 = arith.muli %52, %52 : i64
      %54 = arith.addi %53, %47 : i64
      %55 = arith.shli %54, %c32_i64 : i64
      %56 = arith.shrui %54, %c32_i64 : i64
      %57 = arith.ori %55, %56 : i64
      %58 = arith.muli %57, %57 : i64
      %59 = arith.addi %58, %46 : i64
      %60 = arith.shli %59, %c32_i64 : i64
      %61 = arith.shrui %59, %c32_i64 : i64
      %62 = arith.ori %60, %61 : i64
      %63 = arith.muli %62, %62 : i64
      %64 = arith.addi %63, %47 : i64
      %65 = arith.shli %64, %c32_i64 : i64
      %66 = arith.shrui %64, %c32_i64 : i64
      %67 = arith.ori %65, %66 : i64
      %68 = arith.muli %67, %67 : i64
      %69 = arith.addi %68, %46 : i64
      %70 = arith.shrui %69, %c32_i64 : i64
      %71 = arith.xori %64, %70 : i64
      %72 = arith.uitofp %71 : i64 to f64
      %73 = arith.mulf %72, %cst_5 : f64
      %74 = arith.addf %73, %cst_4 : f64
      %75 = arith.truncf %74 : f64 to f32
      linalg.yield %75 : f32
    } -> tensor<256x256xf32>
    %4 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%cst_3, %arg0 : tensor<f32>, tensor<256x256xf32>) outs(%2 : tensor<256x256xf32>) {
    ^bb0(%in: f32, %in_8: f32, %out: f32):
      %40 = arith.cmpf ogt, %in, %in_8 : f32
      %41 = arith.select %40, %in, %in_8 : f32
      linalg.yield %41 : f32
    } -> tensor<256x256xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %3 : tensor<256x256xf32>, tensor<256x256xf32>) outs(%2 : tensor<256x256xf32>) {
    ^bb0(%in: f32, %in_8: f32, %out: f32):
      %40 = arith.mulf %in, %in_8 : f32
      linalg.yield %40 : f32
    } -> tensor<256x256xf32>
    %6 = tensor.empty() : tensor<256x256xi1>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<256x256xf32>) outs(%6 : tensor<256x256xi1>) {
    ^bb0(%in: f32, %out: i1):
      %40 = arith.extf %in : f32 to f64
      %41 = arith.cmpf ole, %40, %cst_0 : f64
      linalg.yield %41 : i1
    } -> tensor<256x256xi1>
    %8 = linalg.generic {indexing_maps = [#map, #map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%7, %3, %cst_2 : tensor<256x256xi1>, tensor<256x256xf32>, tensor<f32>) outs(%2 : tensor<256x256xf32>) {
    ^bb0(%in: i1, %in_8: f32, %in_9: f32, %out: f32):
      %40 = arith.select %in, %in_8, %in_9 : f32
      linalg.yield %40 : f32
    } -> tensor<256x256xf32>
    %9 = linalg.generic {indexing_maps = [#map1, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%cst_3, %5 : tensor<f32>, tensor<256x256xf32>) outs(%2 : tensor<256x256xf32>) {
    ^bb0(%in: f32, %in_8: f32, %out: f32):
      %40 = arith.cmpf olt, %in, %in_8 : f32
      %41 = arith.select %40, %in, %in_8 : f32
      linalg.yield %41 : f32
    } -> tensor<256x256xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%4, %9 : tensor<256x256xf32>, tensor<256x256xf32>) outs(%2 : tensor<256x256xf32>) {
    ^bb0(%in: f32, %in_8: f32, %out: f32):
      %40 = arith.addf %in, %in_8 : f32
      linalg.yield %40 : f32
    } -> tensor<256x256xf32>
    %11 = tensor.empty() : tensor<f32>
    %12 = linalg.fill ins(%cst : f32) outs(%11 : tensor<f32>) -> tensor<f32>
    %13 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction"]} ins(%10 : tensor<256x256xf32>) outs(%12 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %40 = arith.addf %in, %out : f32
      linalg.yield %40 : f32
    } -> tensor<f32>
    %14 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%13 : tensor<f32>) outs(%11 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %40 = arith.divf %in, %cst_6 : f32
      linalg.yield %40 : f32
    } -> tensor<f32>
    %15 = tensor.empty() : tensor<256x256xf64>
    %16 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%10 : tensor<256x256xf32>) outs(%15 : tensor<256x256xf64>) {
    ^bb0(%in: f32, %out: f64):
      %40 = arith.extf %in : f32 to f64
      linalg.yield %40 : f64
    } -> tensor<256x256xf64>
    %17 = tensor.empty() : tensor<1x1xf64>
    %18 = linalg.fill ins(%cst_0 : f64) outs(%17 : tensor<1x1xf64>) -> tensor<1x1xf64>
    %19 = linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["reduction", "reduction"]} ins(%16 : tensor<256x256xf64>) outs(%18 : tensor<1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %40 = arith.addf %in, %out : f64
      linalg.yield %40 : f64
    } -> tensor<1x1xf64>
    %20 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%19 : tensor<1x1xf64>) outs(%17 : tensor<1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %40 = arith.divf %in, %cst_7 : f64
      linalg.yield %40 : f64
    } -> tensor<1x1xf64>
    %21 = linalg.generic {indexing_maps = [#map, #map3, #map], iterator_types = ["parallel", "parallel"]} ins(%16, %20 : tensor<256x256xf64>, tensor<1x1xf64>) outs(%15 : tensor<256x256xf64>) {
    ^bb0(%in: f64, %in_8: f64, %out: f64):
      %40 = arith.subf %in, %in_8 : f64
      linalg.yield %40 : f64
    } -> tensor<256x256xf64>
    %22 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%21, %21 : tensor<256x256xf64>, tensor<256x256xf64>) outs(%15 : tensor<256x256xf64>) {
    ^bb0(%in: f64, %in_8: f64, %out: f64):
      %40 = arith.mulf %in, %in_8 : f64
      linalg.yield %40 : f64
    } -> tensor<256x256xf64>
    %23 = tensor.empty() : tensor<f64>
    %24 = linalg.fill ins(%cst_0 : f64) outs(%23 : tensor<f64>) -> tensor<f64>
    %25 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction"]} ins(%22 : tensor<256x256xf64>) outs(%24 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %40 = arith.addf %in, %out : f64
      linalg.yield %40 : f64
    } -> tensor<f64>
    %26 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%25 : tensor<f64>) outs(%23 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %40 = arith.divf %in, %cst_1 : f64
      linalg.yield %40 : f64
    } -> tensor<f64>
    %27 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%26 : tensor<f64>) outs(%11 : tensor<f32>) {
    ^bb0(%in: f64, %out: f32):
      %40 = arith.truncf %in : f64 to f32
      linalg.yield %40 : f32
    } -> tensor<f32>
    %28 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%27 : tensor<f32>) outs(%11 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %40 = math.sqrt %in : f32
      linalg.yield %40 : f32
    } -> tensor<f32>
    %29 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction"]} ins(%8 : tensor<256x256xf32>) outs(%12 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %40 = arith.addf %in, %out : f32
      linalg.yield %40 : f32
    } -> tensor<f32>
    %30 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%29 : tensor<f32>) outs(%11 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %40 = arith.divf %in, %cst_6 : f32
      linalg.yield %40 : f32
    } -> tensor<f32>
    %31 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%8 : tensor<256x256xf32>) outs(%15 : tensor<256x256xf64>) {
    ^bb0(%in: f32, %out: f64):
      %40 = arith.extf %in : f32 to f64
      linalg.yield %40 : f64
    } -> tensor<256x256xf64>
    %32 = linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["reduction", "reduction"]} ins(%31 : tensor<256x256xf64>) outs(%18 : tensor<1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %40 = arith.addf %in, %out : f64
      linalg.yield %40 : f64
    } -> tensor<1x1xf64>
    %33 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%32 : tensor<1x1xf64>) outs(%17 : tensor<1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %40 = arith.divf %in, %cst_7 : f64
      linalg.yield %40 : f64
    } -> tensor<1x1xf64>
    %34 = linalg.generic {indexing_maps = [#map, #map3, #map], iterator_types = ["parallel", "parallel"]} ins(%31, %33 : tensor<256x256xf64>, tensor<1x1xf64>) outs(%15 : tensor<256x256xf64>) {
    ^bb0(%in: f64, %in_8: f64, %out: f64):
      %40 = arith.subf %in, %in_8 : f64
      linalg.yield %40 : f64
    } -> tensor<256x256xf64>
    %35 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%34, %34 : tensor<256x256xf64>, tensor<256x256xf64>) outs(%15 : tensor<256x256xf64>) {
    ^bb0(%in: f64, %in_8: f64, %out: f64):
      %40 = arith.mulf %in, %in_8 : f64
      linalg.yield %40 : f64
    } -> tensor<256x256xf64>
    %36 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction"]} ins(%35 : tensor<256x256xf64>) outs(%24 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %40 = arith.addf %in, %out : f64
      linalg.yield %40 : f64
    } -> tensor<f64>
    %37 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%36 : tensor<f64>) outs(%23 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %40 = arith.divf %in, %cst_1 : f64
      linalg.yield %40 : f64
    } -> tensor<f64>
    %38 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%37 : tensor<f64>) outs(%11 : tensor<f32>) {
    ^bb0(%in: f64, %out: f32):
      %40 = arith.truncf %in : f64 to f32
      linalg.yield %40 : f32
    } -> tensor<f32>
    %39 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%38 : tensor<f32>) outs(%11 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %40 = math.sqrt %in : f32
      linalg.yield %40 : f32
    } -> tensor<f32>
    return %14, %28, %30, %39 : tensor<f32>, tensor<f32>, tensor<f32>, tensor<f32>
  }
}
