#map = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
module {
  func.func @forward(%arg0: tensor<3x3x12x12x12xf32>) -> tensor<3x3x12x12x12xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %c1_i64 = arith.constant 1 : i64
    %c12_i64 = arith.constant 12 : i64
    %c0_i64 = arith.constant 0 : i64
    %c13_i64 = arith.constant 13 : i64
    %c2_i64 = arith.constant 2 : i64
    %padded = tensor.pad %arg0 low[0, 0, 1, 1, 1] high[0, 0, 1, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<3x3x12x12x12xf32> to tensor<3x3x14x14x14xf32>
    %0 = tensor.empty() : tensor<3x3x3xf32>
    %1 = tensor.empty() : tensor<3x14x14x14x3xf32>
    %transposed = linalg.transpose ins(%padded : tensor<3x3x14x14x14xf32>) outs(%1 : tensor<3x14x14x14x3xf32>) permutation = [0, 2, 3, 4, 1] 
    %2 = tensor.empty() : tensor<3x12x12x12x3xf32>
    %3 = linalg.fill ins(%cst : f32) outs(%2 : tensor<3x12x12x12x3xf32>) -> tensor<3x12x12x12x3xf32>
    %4 = linalg.pooling_ndhwc_sum {dilations = dense<1> : vector<3xi64>, strides = dense<1> : vector<3xi64>} ins(%transposed, %0 : tensor<3x14x14x14x3xf32>, tensor<3x3x3xf32>) outs(%3 : tensor<3x12x12x12x3xf32>) -> tensor<3x12x12x12x3xf32>
    %5 = tensor.empty() : tensor<3x3x12x12x12xf32>
    %transposed_0 = linalg.transpose ins(%4 : tensor<3x12x12x12x3xf32>) outs(%5 : tensor<3x3x12x12x12xf32>) permutation = [0, 4, 1, 2, 3] 
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%transposed_0 : tensor<3x3x12x12x12xf32>) outs(%5 : tensor<3x3x12x12x12xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = linalg.index 2 : index
      %8 = arith.index_cast %7 : index to i64
      %9 = arith.subi %8, %c1_i64 : i64
      %10 = arith.addi %8, %c2_i64 : i64
      %11 = arith.minsi %10, %c13_i64 : i64
      %12 = arith.minsi %11, %c12_i64 : i64
      %13 = arith.subi %c1_i64, %8 : i64
      %14 = arith.maxsi %13, %c0_i64 : i64
      %15 = arith.subi %12, %9 : i64
      %16 = arith.subi %15, %14 : i64
      %17 = arith.maxsi %16, %c0_i64 : i64
      %18 = linalg.index 3 : index
      %19 = arith.index_cast %18 : index to i64
      %20 = arith.subi %19, %c1_i64 : i64
      %21 = arith.addi %19, %c2_i64 : i64
      %22 = arith.minsi %21, %c13_i64 : i64
      %23 = arith.minsi %22, %c12_i64 : i64
      %24 = arith.subi %c1_i64, %19 : i64
      %25 = arith.maxsi %24, %c0_i64 : i64
      %26 = arith.subi %23, %20 : i64
      %27 = arith.subi %26, %25 : i64
      %28 = arith.maxsi %27, %c0_i64 : i64
      %29 = arith.muli %17, %28 : i64
      %30 = linalg.index 4 : index
      %31 = arith.index_cast %30 : index to i64
      %32 = arith.subi %31, %c1_i64 : i64
      %33 = arith.addi %31, %c2_i64 : i64
      %34 = arith.minsi %33, %c13_i64 : i64
      %35 = arith.minsi %34, %c12_i64 : i64
      %36 = arith.subi %c1_i64, %31 : i64
      %37 = arith.maxsi %36, %c0_i64 : i64
      %38 = arith.subi %35, %32 : i64
      %39 = arith.subi %38, %37 : i64
      %40 = arith.maxsi %39, %c0_i64 : i64
      %41 = arith.muli %29, %40 : i64
      %42 = arith.sitofp %41 : i64 to f32
      %43 = arith.divf %in, %42 : f32
      linalg.yield %43 : f32
    } -> tensor<3x3x12x12x12xf32>
    return %6 : tensor<3x3x12x12x12xf32>
  }
}
