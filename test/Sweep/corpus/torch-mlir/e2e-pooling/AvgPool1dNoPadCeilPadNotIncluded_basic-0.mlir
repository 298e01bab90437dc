#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<1x1x5xf32>) -> tensor<1x1x3xf32> {
    %c1_i64 = arith.constant 1 : i64
    %c2_i64 = arith.constant 2 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %c5_i64 = arith.constant 5 : i64
    %c6_i64 = arith.constant 6 : i64
    %c0_i64 = arith.constant 0 : i64
    %expanded = tensor.expand_shape %arg0 [[0], [1], [2, 3]] output_shape [1, 1, 1, 5] : tensor<1x1x5xf32> into tensor<1x1x1x5xf32>
    %padded = tensor.pad %expanded low[0, 0, 0, 1] high[0, 0, 1, 3] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x1x1x5xf32> to tensor<1x1x2x9xf32>
    %0 = tensor.empty() : tensor<1x1x1x3xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x1x1x3xf32>) -> tensor<1x1x1x3xf32>
    %2 = tensor.empty() : tensor<1x2xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<[1, 2]> : vector<2xi64>} ins(%padded, %2 : tensor<1x1x2x9xf32>, tensor<1x2xf32>) outs(%1 : tensor<1x1x1x3xf32>) -> tensor<1x1x1x3xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x1x1x3xf32>) outs(%0 : tensor<1x1x1x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = linalg.index 3 : index
      %6 = arith.index_cast %5 : index to i64
      %7 = arith.muli %6, %c2_i64 : i64
      %8 = arith.subi %7, %c1_i64 : i64
      %9 = arith.addi %7, %c1_i64 : i64
      %10 = arith.minsi %9, %c6_i64 : i64
      %11 = arith.minsi %10, %c5_i64 : i64
      %12 = arith.subi %c1_i64, %7 : i64
      %13 = arith.maxsi %12, %c0_i64 : i64
      %14 = arith.subi %11, %8 : i64
      %15 = arith.subi %14, %13 : i64
      %16 = arith.maxsi %15, %c0_i64 : i64
      %17 = arith.sitofp %16 : i64 to f32
      %18 = arith.divf %in, %17 : f32
      linalg.yield %18 : f32
    } -> tensor<1x1x1x3xf32>
    %collapsed = tensor.collapse_shape %4 [[0], [1, 2], [3]] : tensor<1x1x1x3xf32> into tensor<1x1x3xf32>
    return %collapsed : tensor<1x1x3xf32>
  }
}
