#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> ()>
#map2 = affine_map<() -> ()>
#map3 = affine_map<(d0, d1) -> (0, 0)>
module {
  ml_program.global private mutable @global_seed(dense<0> : tensor<i64>) : tensor<i64>
  func.func @forward(%arg0: tensor<512x512xf64>, %arg1: tensor<512x512xf64>) -> (tensor<512x512xf64>, tensor<f64>, tensor<f64>) {
    %c512_i64 = arith.constant 512 : i64
    %c32_i64 = arith.constant 32 : i64
    %cst = arith.constant 0.000000e+00 : f64
    %cst_0 = arith.constant 2.621430e+05 : f64
    %cst_1 = arith.constant 5.4210107999999998E-20 : f64
    %cst_2 = arith.constant 2.621440e+05 : f64
    %c6364136223846793005_i64 = arith.constant 6364136223846793005 : i64
    %c1442695040888963407_i64 = arith.constant 1442695040888963407 : i64
    %global_seed = ml_program.global_load @global_seed : tensor<i64>
    %extracted = tensor.extract %global_seed[] : tensor<i64>
    %0 = arith.muli %extracted, %c6364136223846793005_i64 : i64
    %1 = arith.addi %0, %c1442695040888963407_i64 : i64
    %inserted = tensor.insert %1 into %global_seed[] : tensor<i64>
    ml_program.global_store @global_seed = %inserted : tensor<i64>
    %2 = tensor.empty() : tensor<512x512xf64>
    %3 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%2 : tensor<512x512xf64>) {
    ^bb0(%out: f64):
      %20 = linalg.index 0 : index
      %21 = arith.index_cast %20 : index to i64
      %22 = linalg.index 1 : index
      %23 = arith.index_cast %22 : index to i64
      %24 = arith.muli %21, %c512_i64 : i64
      %25 = arith.addi %24, %23 : i64
      %26 = arith.muli %25, %1 : i64
      %27 = arith.addi %26, %1 : i64
      %28 = arith.muli %26, %26 : i64
      %29 = arith.addi %28, %26 : i64
      %30 = arith.shli %29, %c32_i64 : i64
      %31 = arith.shrui %29, %c32_i64 : i64
      %32 = arith.ori %30, %31 : i64
      %33 = arith.muli %32, %32 : i64
      %34 = arith.addi %33, %27 : i64
      %35 = arith.shli %34, %c32_i64 : i64
      %36 = arith.shrui %34, %c32_i64 : i64
      %37 = arith.ori %35, %36 : i64
      %38 = arith.muli %37, %37 : i64
      %39 = arith.addi %38, %26 : i64
      %40 = arith.shli %39, %c32_i64 : i64
      %41 = arith.shrui %39, %c32_i64 : i64
      %42 = arith.ori %40, %41 : i64
      %43 = arith.muli %42, %42 : i64
      %44 = arith.addi %43, %27 : i64
      %45 = arith.shli %44, %c32_i64 : i64
      %46 = arith.shrui %44, %c32_i64 : i64
      %47 = arith.ori %45, %46 : i64
      %48 = arith.muli %47, %47 : i64
      %49 = arith.addi %48, %26 : i64
      %50 = arith.shrui %49, %c32_i64 : i64
      %51 = arith.xori %44, %50 : i64
      %52 = arith.uitofp %51 : i64 to f64
      %53 = arith.mulf %52, %cst_1 : f64
      %54 = arith.addf %53, %cst : f64
      linalg.yield %54 : f64
    } -> tensor<512x512xf64>
    %4 = tensor.empty() : tensor<512x512xi1>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%3, %arg1 : tensor<512x512xf64>, tensor<512x512xf64>) outs(%4 : tensor<512x512xi1>) {
    ^bb0(%in: f64, %in_3: f64, %out: i1):
      %20 = arith.cmpf olt, %in, %in_3 : f64
      linalg.yield %20 : i1
    } -> tensor<512x512xi1>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%5 : tensor<512x512xi1>) outs(%2 : tensor<512x512xf64>) {
    ^bb0(%in: i1, %out: f64):
      %20 = arith.uitofp %in : i1 to f64
      linalg.yield %20 : f64
    } -> tensor<512x512xf64>
    %7 = tensor.empty() : tensor<f64>
    %8 = linalg.fill ins(%cst : f64) outs(%7 : tensor<f64>) -> tensor<f64>
    %9 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction"]} ins(%6 : tensor<512x512xf64>) outs(%8 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %20 = arith.addf %in, %out : f64
      linalg.yield %20 : f64
    } -> tensor<f64>
    %10 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%9 : tensor<f64>) outs(%7 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %20 = arith.divf %in, %cst_2 : f64
      linalg.yield %20 : f64
    } -> tensor<f64>
    %11 = tensor.empty() : tensor<1x1xf64>
    %12 = linalg.fill ins(%cst : f64) outs(%11 : tensor<1x1xf64>) -> tensor<1x1xf64>
    %13 = linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["reduction", "reduction"]} ins(%6 : tensor<512x512xf64>) outs(%12 : tensor<1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %20 = arith.addf %in, %out : f64
      linalg.yield %20 : f64
    } -> tensor<1x1xf64>
    %14 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%13 : tensor<1x1xf64>) outs(%11 : tensor<1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %20 = arith.divf %in, %cst_2 : f64
      linalg.yield %20 : f64
    } -> tensor<1x1xf64>
    %15 = linalg.generic {indexing_maps = [#map, #map3, #map], iterator_types = ["parallel", "parallel"]} ins(%6, %14 : tensor<512x512xf64>, tensor<1x1xf64>) outs(%2 : tensor<512x512xf64>) {
    ^bb0(%in: f64, %in_3: f64, %out: f64):
      %20 = arith.subf %in, %in_3 : f64
      linalg.yield %20 : f64
    } -> tensor<512x512xf64>
    %16 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%15, %15 : tensor<512x512xf64>, tensor<512x512xf64>) outs(%2 : tensor<512x512xf64>) {
    ^bb0(%in: f64, %in_3: f64, %out: f64):
      %20 = arith.mulf %in, %in_3 : f64
      linalg.yield %20 : f64
    } -> tensor<512x512xf64>
    %17 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction"]} ins(%16 : tensor<512x512xf64>) outs(%8 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %20 = arith.addf %in, %out : f64
      linalg.yield %20 : f64
    } -> tensor<f64>
    %18 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%17 : tensor<f64>) outs(%7 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %20 = arith.divf %in, %cst_0 : f64
      linalg.yield %20 : f64
    } -> tensor<f64>
    %19 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%18 : tensor<f64>) outs(%7 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %20 = math.sqrt %in : f64
      linalg.yield %20 : f64
    } -> tensor<f64>
    return %6, %10, %19 : tensor<512x512xf64>, tensor<f64>, tensor<f64>
  }
}
