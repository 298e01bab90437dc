#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
    %c3_i64 = arith.constant 3 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %c2_i64 = arith.constant 2 : i64
    %c0_i64 = arith.constant 0 : i64
    %c4_i64 = arith.constant 4 : i64
    %padded = tensor.pad %arg0 low[0, 0, 0, 0] high[0, 0, 2, 2] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x1x4x4xf32> to tensor<1x1x6x6xf32>
    %0 = tensor.empty() : tensor<1x1x2x2xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    %2 = tensor.empty() : tensor<3x3xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %2 : tensor<1x1x6x6xf32>, tensor<3x3xf32>) outs(%1 : tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x1x2x2xf32>) outs(%0 : tensor<1x1x2x2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = linalg.index 2 : index
      %6 = arith.index_cast %5 : index to i64
      %7 = arith.muli %6, %c2_i64 : i64
      %8 = arith.addi %7, %c3_i64 : i64
      %9 = arith.minsi %8, %c4_i64 : i64
      %10 = arith.subi %9, %7 : i64
      %11 = arith.maxsi %10, %c0_i64 : i64
      %12 = linalg.index 3 : index
      %13 = arith.index_cast %12 : index to i64
      %14 = arith.muli %13, %c2_i64 : i64
      %15 = arith.addi %14, %c3_i64 : i64
      %16 = arith.minsi %15, %c4_i64 : i64
      %17 = arith.subi %16, %14 : i64
      %18 = arith.maxsi %17, %c0_i64 : i64
      %19 = arith.muli %11, %18 : i64
      %20 = arith.sitofp %19 : i64 to f32
      %21 = arith.divf %in, %20 : f32
      linalg.yield %21 : f32
    } -> tensor<1x1x2x2xf32>
    return %4 : tensor<1x1x2x2xf32>
  }
}
