#map = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
module {
  func.func @forward(%arg0: tensor<1x1x3x4x7xf32>) -> tensor<1x1x2x2x3xf32> {
    %c3_i64 = arith.constant 3 : i64
    %c4_i64 = arith.constant 4 : i64
    %c7_i64 = arith.constant 7 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %c1_i64 = arith.constant 1 : i64
    %c2_i64 = arith.constant 2 : i64
    %c6_i64 = arith.constant 6 : i64
    %c10_i64 = arith.constant 10 : i64
    %c0_i64 = arith.constant 0 : i64
    %padded = tensor.pad %arg0 low[0, 0, 1, 2, 3] high[0, 0, 3, 5, 7] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x1x3x4x7xf32> to tensor<1x1x7x11x17xf32>
    %0 = tensor.empty() : tensor<3x4x7xf32>
    %1 = tensor.empty() : tensor<1x7x11x17x1xf32>
    %transposed = linalg.transpose ins(%padded : tensor<1x1x7x11x17xf32>) outs(%1 : tensor<1x7x11x17x1xf32>) permutation = [0, 2, 3, 4, 1] 
    %2 = tensor.empty() : tensor<1x2x2x3x1xf32>
    %3 = linalg.fill ins(%cst : f32) outs(%2 : tensor<1x2x2x3x1xf32>) -> tensor<1x2x2x3x1xf32>
    %4 = linalg.pooling_ndhwc_sum {dilations = dense<1> : vector<3xi64>, strides = dense<[2, 3, 4]> : vector<3xi64>} ins(%transposed, %0 : tensor<1x7x11x17x1xf32>, tensor<3x4x7xf32>) outs(%3 : tensor<1x2x2x3x1xf32>) -> tensor<1x2x2x3x1xf32>
    %5 = tensor.empty() : tensor<1x1x2x2x3xf32>
    %transposed_0 = linalg.transpose ins(%4 : tensor<1x2x2x3x1xf32>) outs(%5 : tensor<1x1x2x2x3xf32>) permutation = [0, 4, 1, 2, 3] 
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%transposed_0 : tensor<1x1x2x2x3xf32>) outs(%5 : tensor<1x1x2x2x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = linalg.index 2 : index
      %8 = arith.index_cast %7 : index to i64
      %9 = arith.muli %8, %c2_i64 : i64
      %10 = arith.subi %9, %c1_i64 : i64
      %11 = arith.addi %9, %c2_i64 : i64
      %12 = arith.minsi %11, %c4_i64 : i64
      %13 = arith.minsi %12, %c3_i64 : i64
      %14 = arith.subi %c1_i64, %9 : i64
      %15 = arith.maxsi %14, %c0_i64 : i64
      %16 = arith.subi %13, %10 : i64
      %17 = arith.subi %16, %15 : i64
      %18 = arith.maxsi %17, %c0_i64 : i64
      %19 = linalg.index 3 : index
      %20 = arith.index_cast %19 : index to i64
      %21 = arith.muli %20, %c3_i64 : i64
      %22 = arith.subi %21, %c2_i64 : i64
      %23 = arith.addi %21, %c2_i64 : i64
      %24 = arith.minsi %23, %c6_i64 : i64
      %25 = arith.minsi %24, %c4_i64 : i64
      %26 = arith.subi %c2_i64, %21 : i64
      %27 = arith.maxsi %26, %c0_i64 : i64
      %28 = arith.subi %25, %22 : i64
      %29 = arith.subi %28, %27 : i64
      %30 = arith.maxsi %29, %c0_i64 : i64
      %31 = arith.muli %18, %30 : i64
      %32 = linalg.index 4 : index
      %33 = arith.index_cast %32 : index to i64
      %34 = arith.muli %33, %c4_i64 : i64
      %35 = arith.subi %34, %c3_i64 : i64
      %36 = arith.addi %34, %c4_i64 : i64
      %37 = arith.minsi %36, %c10_i64 : i64
      %38 = arith.minsi %37, %c7_i64 : i64
      %39 = arith.subi %c3_i64, %34 : i64
      %40 = arith.maxsi %39, %c0_i64 : i64
      %41 = arith.subi %38, %35 : i64
      %42 = arith.subi %41, %40 : i64
      %43 = arith.maxsi %42, %c0_i64 : i64
      %44 = arith.muli %31, %43 : i64
      %45 = arith.sitofp %44 : i64 to f32
      %46 = arith.divf %in, %45 : f32
      linalg.yield %46 : f32
    } -> tensor<1x1x2x2x3xf32>
    return %6 : tensor<1x1x2x2x3xf32>
  }
}
