#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  ml_program.global private mutable @global_seed(dense<0> : tensor<i64>) : tensor<i64>
  func.func @forward(%arg0: tensor<4x8xf64>) -> tensor<4x8xf64> {
    %c8_i64 = arith.constant 8 : i64
    %c32_i64 = arith.constant 32 : i64
    %cst = arith.constant 0.000000e+00 : f64
    %cst_0 = arith.constant 5.4210107999999998E-20 : f64
    %c6364136223846793005_i64 = arith.constant 6364136223846793005 : i64
    %c1442695040888963407_i64 = arith.constant 1442695040888963407 : i64
    %global_seed = ml_program.global_load @global_seed : tensor<i64>
    %extracted = tensor.extract %global_seed[] : tensor<i64>
    %0 = arith.muli %extracted, %c6364136223846793005_i64 : i64
    %1 = arith.addi %0, %c1442695040888963407_i64 : i64
    %inserted = tensor.insert %1 into %global_seed[] : tensor<i64>
    ml_program.global_store @global_seed = %inserted : tensor<i64>
    %2 = tensor.empty() : tensor<4x8xf32>
    %3 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%2 : tensor<4x8xf32>) {
    ^bb0(%out: f32):
      %8 = linalg.index 0 : index
      %9 = arith.index_cast %8 : index to i64
      %10 = linalg.index 1 : index
      %11 = arith.index_cast %10 : index to i64
      %12 = arith.muli %9, %c8_i64 : i64
      %13 = arith.addi %12, %11 : i64
      %14 = arith.muli %13, %1 : i64
      %15 = arith.addi %14, %1 : i64
      %16 = arith.muli %14, %14 : i64
      %17 = arith.addi %16, %14 : i64
      %18 = arith.shli %17, %c32_i64 : i64
      %19 = arith.shrui %17, %c32_i64 : i64
      %20 = arith.ori %18, %19 : i64
      %21 = arith.muli %20, %20 : i64
      %22 = arith.addi %21, %15 : i64
      %23 = arith.shli %22, %c32_i64 : i64
      %24 = arith.shrui %22, %c32_i64 : i64
      %25 = arith.ori %23, %24 : i64
      %26 = arith.muli %25, %25 : i64
      %27 = arith.addi %26, %14 : i64
      %28 = arith.shli %27, %c32_i64 : i64
      %29 = arith.shrui %27, %c32_i64 : i64
      %30 = arith.ori %28, %29 : i64
      %31 = arith.muli %30, %30 : i64
      %32 = arith.addi %31, %15 : i64
      %33 = arith.shli %32, %c32_i64 : i64
      %34 = arith.shrui %32, %c32_i64 : i64
      %35 = arith.ori %33, %34 : i64
      %36 = arith.muli %35, %35 : i64
      %37 = arith.addi %36, %14 : i64
      %38 = arith.shrui %37, %c32_i64 : i64
      %39 = arith.xori %32, %38 : i64
      %40 = arith.uitofp %39 : i64 to f64
      %41 = arith.mulf %40, %cst_0 : f64
      %42 = arith.addf %41, %cst : f64
      %43 = arith.truncf %42 : f64 to f32
      linalg.yield %43 : f32
    } -> tensor<4x8xf32>
    %4 = tensor.empty() : tensor<4x8xi1>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%3, %arg0 : tensor<4x8xf32>, tensor<4x8xf64>) outs(%4 : tensor<4x8xi1>) {
    ^bb0(%in: f32, %in_1: f64, %out: i1):
      %8 = arith.extf %in : f32 to f64
      %9 = arith.cmpf olt, %8, %in_1 : f64
      linalg.yield %9 : i1
    } -> tensor<4x8xi1>
    %6 = tensor.empty() : tensor<4x8xf64>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%5 : tensor<4x8xi1>) outs(%6 : tensor<4x8xf64>) {
    ^bb0(%in: i1, %out: f64):
      %8 = arith.uitofp %in : i1 to f64
      linalg.yield %8 : f64
    } -> tensor<4x8xf64>
    return %7 : tensor<4x8xf64>
  }
}
