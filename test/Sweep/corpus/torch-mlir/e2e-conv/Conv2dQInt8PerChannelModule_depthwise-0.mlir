#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0)>
module {
  func.func @forward(%arg0: tensor<2x3x12x12xi8>, %arg1: tensor<3x1x5x3xi8>, %arg2: tensor<3xf32>, %arg3: tensor<3xi8>, %arg4: tensor<3xf32>) -> tensor<2x3x8x10xi32> {
    %c7_i64 = arith.constant 7 : i64
    %cst = arith.constant 1.000000e-02 : f64
    %cst_0 = arith.constant -2.14748365E+9 : f32
    %cst_1 = arith.constant 2.14748365E+9 : f32
    %cst_2 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x3x12x12xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<2x3x12x12xi8>) outs(%0 : tensor<2x3x12x12xf32>) {
    ^bb0(%in: i8, %out: f32):
      %8 = arith.extsi %in : i8 to i64
      %9 = arith.subi %8, %c7_i64 : i64
      %10 = arith.truncf %cst : f64 to f32
      %11 = arith.sitofp %9 : i64 to f32
      %12 = arith.mulf %11, %10 : f32
      linalg.yield %12 : f32
    } -> tensor<2x3x12x12xf32>
    %2 = tensor.empty() : tensor<3x1x5x3xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map1, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg1, %arg2, %arg3 : tensor<3x1x5x3xi8>, tensor<3xf32>, tensor<3xi8>) outs(%2 : tensor<3x1x5x3xf32>) {
    ^bb0(%in: i8, %in_3: f32, %in_4: i8, %out: f32):
      %8 = arith.extsi %in_4 : i8 to i16
      %9 = arith.extsi %in : i8 to i16
      %10 = arith.subi %9, %8 : i16
      %11 = arith.sitofp %10 : i16 to f32
      %12 = arith.mulf %11, %in_3 : f32
      linalg.yield %12 : f32
    } -> tensor<3x1x5x3xf32>
    %4 = tensor.empty() : tensor<2x3x8x10xf32>
    %broadcasted = linalg.broadcast ins(%arg4 : tensor<3xf32>) outs(%4 : tensor<2x3x8x10xf32>) dimensions = [0, 2, 3] 
    %collapsed = tensor.collapse_shape %3 [[0, 1], [2], [3]] : tensor<3x1x5x3xf32> into tensor<3x5x3xf32>
    %5 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%1, %collapsed : tensor<2x3x12x12xf32>, tensor<3x5x3xf32>) outs(%broadcasted : tensor<2x3x8x10xf32>) -> tensor<2x3x8x10xf32>
    %6 = tensor.empty() : tensor<2x3x8x10xi32>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%5 : tensor<2x3x8x10xf32>) outs(%6 : tensor<2x3x8x10xi32>) {
    ^bb0(%in: f32, %out: i32):
      %8 = math.roundeven %in : f32
      %9 = arith.addf %8, %cst_2 : f32
      %10 = arith.maximumf %9, %cst_0 : f32
      %11 = arith.minimumf %10, %cst_1 : f32
      %12 = arith.fptosi %11 : f32 to i32
      linalg.yield %12 : i32
    } -> tensor<2x3x8x10xi32>
    return %7 : tensor<2x3x8x10xi32>
  }
}
