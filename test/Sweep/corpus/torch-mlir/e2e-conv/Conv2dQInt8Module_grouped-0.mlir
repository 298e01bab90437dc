#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<2x8x7x8xi8>, %arg1: tensor<6x4x3x2xi8>, %arg2: tensor<6xi32>) -> tensor<2x6x5x7xi32> {
    %c7_i64 = arith.constant 7 : i64
    %c3_i64 = arith.constant 3 : i64
    %cst = arith.constant 1.000000e-02 : f64
    %cst_0 = arith.constant -2.14748365E+9 : f32
    %cst_1 = arith.constant 2.14748365E+9 : f32
    %cst_2 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x8x7x8xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<2x8x7x8xi8>) outs(%0 : tensor<2x8x7x8xf32>) {
    ^bb0(%in: i8, %out: f32):
      %10 = arith.extsi %in : i8 to i64
      %11 = arith.subi %10, %c7_i64 : i64
      %12 = arith.truncf %cst : f64 to f32
      %13 = arith.sitofp %11 : i64 to f32
      %14 = arith.mulf %13, %12 : f32
      linalg.yield %14 : f32
    } -> tensor<2x8x7x8xf32>
    %2 = tensor.empty() : tensor<6x4x3x2xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg1 : tensor<6x4x3x2xi8>) outs(%2 : tensor<6x4x3x2xf32>) {
    ^bb0(%in: i8, %out: f32):
      %10 = arith.extsi %in : i8 to i64
      %11 = arith.subi %10, %c3_i64 : i64
      %12 = arith.truncf %cst : f64 to f32
      %13 = arith.sitofp %11 : i64 to f32
      %14 = arith.mulf %13, %12 : f32
      linalg.yield %14 : f32
    } -> tensor<6x4x3x2xf32>
    %4 = tensor.empty() : tensor<6xf32>
    %5 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel"]} ins(%arg2 : tensor<6xi32>) outs(%4 : tensor<6xf32>) {
    ^bb0(%in: i32, %out: f32):
      %10 = arith.sitofp %in : i32 to f32
      linalg.yield %10 : f32
    } -> tensor<6xf32>
    %6 = tensor.empty() : tensor<2x6x5x7xf32>
    %broadcasted = linalg.broadcast ins(%5 : tensor<6xf32>) outs(%6 : tensor<2x6x5x7xf32>) dimensions = [0, 2, 3] 
    %expanded = tensor.expand_shape %1 [[0], [1, 2], [3], [4]] output_shape [2, 2, 4, 7, 8] : tensor<2x8x7x8xf32> into tensor<2x2x4x7x8xf32>
    %expanded_3 = tensor.expand_shape %3 [[0, 1], [2], [3], [4]] output_shape [2, 3, 4, 3, 2] : tensor<6x4x3x2xf32> into tensor<2x3x4x3x2xf32>
    %expanded_4 = tensor.expand_shape %broadcasted [[0], [1, 2], [3], [4]] output_shape [2, 2, 3, 5, 7] : tensor<2x6x5x7xf32> into tensor<2x2x3x5x7xf32>
    %7 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%expanded, %expanded_3 : tensor<2x2x4x7x8xf32>, tensor<2x3x4x3x2xf32>) outs(%expanded_4 : tensor<2x2x3x5x7xf32>) -> tensor<2x2x3x5x7xf32>
    %collapsed = tensor.collapse_shape %7 [[0], [1, 2], [3], [4]] : tensor<2x2x3x5x7xf32> into tensor<2x6x5x7xf32>
    %8 = tensor.empty() : tensor<2x6x5x7xi32>
    %9 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%collapsed : tensor<2x6x5x7xf32>) outs(%8 : tensor<2x6x5x7xi32>) {
    ^bb0(%in: f32, %out: i32):
      %10 = math.roundeven %in : f32
      %11 = arith.addf %10, %cst_2 : f32
      %12 = arith.maximumf %11, %cst_0 : f32
      %13 = arith.minimumf %12, %cst_1 : f32
      %14 = arith.fptosi %13 : f32 to i32
      linalg.yield %14 : i32
    } -> tensor<2x6x5x7xi32>
    return %9 : tensor<2x6x5x7xi32>
  }
}
