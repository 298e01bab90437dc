#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> ()>
#map2 = affine_map<() -> ()>
#map3 = affine_map<(d0, d1) -> (0, 0)>
module {
  ml_program.global private mutable @global_seed(dense<0> : tensor<i64>) : tensor<i64>
  func.func @forward(%arg0: tensor<1024x1536xf32>) -> (tensor<f32>, tensor<f32>) {
    %c1536_i64 = arith.constant 1536 : i64
    %c32_i64 = arith.constant 32 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 0.000000e+00 : f64
    %cst_1 = arith.constant 0x4137FFFF00000000 : f64
    %cst_2 = arith.constant 0.69999999999999996 : f64
    %cst_3 = arith.constant dense<0.69999999999999996> : tensor<f64>
    %cst_4 = arith.constant 5.4210107999999998E-20 : f64
    %cst_5 = arith.constant 0x49C00000 : f32
    %cst_6 = arith.constant 0x4138000000000000 : f64
    %c6364136223846793005_i64 = arith.constant 6364136223846793005 : i64
    %c1442695040888963407_i64 = arith.constant 1442695040888963407 : i64
    %global_seed = ml_program.global_load @global_seed : tensor<i64>
    %extracted = tensor.extract %global_seed[] : tensor<i64>
    %0 = arith.muli %extracted, %c6364136223846793005_i64 : i64
    %1 = arith.addi %0, %c1442695040888963407_i64 : i64
    %inserted = tensor.insert %1 into %global_seed[] : tensor<i64>
    ml_program.global_store @global_seed = %inserted : tensor<i64>
    %2 = tensor.empty() : tensor<1024x1536xf64>
    %3 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%2 : tensor<1024x1536xf64>) {
    ^bb0(%out: f64):
      %27 = linalg.index 0 : index
      %28 = arith.index_cast %27 : index to i64
      %29 = linalg.index 1 : index
      %30 = arith.index_cast %29 : index to i64
      %31 = arith.muli %28, %c1536_i64 : i64
      %32 = arith.addi %31, %30 : i64
      %33 = arith.muli %32, %1 : i64
      %34 = arith.addi %33, %1 : i64
      %35 = arith.muli %33, %33 : i64
      %36 = arith.addi %35, %33 : i64
      %37 = arith.shli %36, %c32_i64 : i64
      %38 = arith.shrui %36, %c32_i64 : i64
      %39 = arith.ori %37, %38 : i64
      %40 = arith.muli %39, %39 : i64
      %41 = arith.addi %40, %34 : i64
      %42 = arith.shli %41, %c32_i64 : i64
      %43 = arith.shrui %41, %c32_i64 : i64
      %44 = arith.ori %42, %43 : i64
      %45 = arith.muli %44, %44 : i64
      %46 = arith.addi %45, %33 : i64
      %47 = arith.shli %46, %c32_i64 : i64
      %48 = arith.shrui %46, %c32_i64 : i64
      %49 = arith.ori %47, %48 : i64
      %50 = arith.muli %49, %49 : i64
      %51 = arith.addi %50, %34 : i64
      %52 = arith.shli %51, %c32_i64 : i64
      %53 = arith.shrui %51, %c32_i64 : i64
      %54 = arith.ori %52, %53 : i64
      %55 = arith.muli %54, %54 : i64
      %56 = arith.addi %55, %33 : i64
      %57 = arith.shrui %56, %c32_i64 : i64
      %58 = arith.xori %51, %57 : i64
      %59 = arith.uitofp %58 : i64 to f64
      %60 = arith.mulf %59, %cst_4 : f64
      %61 = arith.addf %60, %cst_0 : f64
      linalg.yield %61 : f64
    } -> tensor<1024x1536xf64>
    %4 = tensor.empty() : tensor<1024x1536xi1>
    %5 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%3, %cst_3 : tensor<1024x1536xf64>, tensor<f64>) outs(%4 : tensor<1024x1536xi1>) {
    ^bb0(%in: f64, %in_7: f64, %out: i1):
      %27 = arith.cmpf olt, %in, %in_7 : f64
      linalg.yield %27 : i1
    } -> tensor<1024x1536xi1>
    %6 = tensor.empty() : tensor<1024x1536xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%5 : tensor<1024x1536xi1>) outs(%6 : tensor<1024x1536xf32>) {
    ^bb0(%in: i1, %out: f32):
      %27 = arith.uitofp %in : i1 to f32
      linalg.yield %27 : f32
    } -> tensor<1024x1536xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%7, %arg0 : tensor<1024x1536xf32>, tensor<1024x1536xf32>) outs(%6 : tensor<1024x1536xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %27 = arith.mulf %in, %in_7 : f32
      linalg.yield %27 : f32
    } -> tensor<1024x1536xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%8 : tensor<1024x1536xf32>) outs(%6 : tensor<1024x1536xf32>) {
    ^bb0(%in: f32, %out: f32):
      %27 = arith.truncf %cst_2 : f64 to f32
      %28 = arith.divf %in, %27 : f32
      linalg.yield %28 : f32
    } -> tensor<1024x1536xf32>
    %10 = tensor.empty() : tensor<f32>
    %11 = linalg.fill ins(%cst : f32) outs(%10 : tensor<f32>) -> tensor<f32>
    %12 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction"]} ins(%9 : tensor<1024x1536xf32>) outs(%11 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %27 = arith.addf %in, %out : f32
      linalg.yield %27 : f32
    } -> tensor<f32>
    %13 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%12 : tensor<f32>) outs(%10 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %27 = arith.divf %in, %cst_5 : f32
      linalg.yield %27 : f32
    } -> tensor<f32>
    %14 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%9 : tensor<1024x1536xf32>) outs(%2 : tensor<1024x1536xf64>) {
    ^bb0(%in: f32, %out: f64):
      %27 = arith.extf %in : f32 to f64
      linalg.yield %27 : f64
    } -> tensor<1024x1536xf64>
    %15 = tensor.empty() : tensor<1x1xf64>
    %16 = linalg.fill ins(%cst_0 : f64) outs(%15 : tensor<1x1xf64>) -> tensor<1x1xf64>
    %17 = linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["reduction", "reduction"]} ins(%14 : tensor<1024x1536xf64>) outs(%16 : tensor<1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %27 = arith.addf %in, %out : f64
      linalg.yield %27 : f64
    } -> tensor<1x1xf64>
    %18 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%17 : tensor<1x1xf64>) outs(%15 : tensor<1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %27 = arith.divf %in, %cst_6 : f64
      linalg.yield %27 : f64
    } -> tensor<1x1xf64>
    %19 = linalg.generic {indexing_maps = [#map, #map3, #map], iterator_types = ["parallel", "parallel"]} ins(%14, %18 : tensor<1024x1536xf64>, tensor<1x1xf64>) outs(%2 : tensor<1024x1536xf64>) {
    ^bb0(%in: f64, %in_7: f64, %out: f64):
      %27 = arith.subf %in, %in_7 : f64
      linalg.yield %27 : f64
    } -> tensor<1024x1536xf64>
    %20 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%19, %19 : tensor<1024x1536xf64>, tensor<1024x1536xf64>) outs(%2 : tensor<1024x1536xf64>) {
    ^bb0(%in: f64, %in_7: f64, %out: f64):
      %27 = arith.mulf %in, %in_7 : f64
      linalg.yield %27 : f64
    } -> tensor<1024x1536xf64>
    %21 = tensor.empty() : tensor<f64>
    %22 = linalg.fill ins(%cst_0 : f64) outs(%21 : tensor<f64>) -> tensor<f64>
    %23 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction"]} ins(%20 : tensor<1024x1536xf64>) outs(%22 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %27 = arith.addf %in, %out : f64
      linalg.yield %27 : f64
    } -> tensor<f64>
    %24 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%23 : tensor<f64>) outs(%21 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %27 = arith.divf %in, %cst_1 : f64
      linalg.yield %27 : f64
    } -> tensor<f64>
    %25 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%24 : tensor<f64>) outs(%10 : tensor<f32>) {
    ^bb0(%in: f64, %out: f32):
      %27 = arith.truncf %in : f64 to f32
      linalg.yield %27 : f32
    } -> tensor<f32>
    %26 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%25 : tensor<f32>) outs(%10 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %27 = math.sqrt %in : f32
      linalg.yield %27 : f32
    } -> tensor<f32>
    return %13, %26 : tensor<f32>, tensor<f32>
  }
}
