#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<2x4x7x8xi16>, %arg1: tensor<3x4x3x2xi16>, %arg2: tensor<3xi32>) -> tensor<2x3x5x7xi32> {
    %cst = arith.constant 1.000000e-02 : f64
    %cst_0 = arith.constant 1.000000e-04 : f64
    %cst_1 = arith.constant -2.14748365E+9 : f32
    %cst_2 = arith.constant 2.14748365E+9 : f32
    %cst_3 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<2x4x7x8xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<2x4x7x8xi16>) outs(%0 : tensor<2x4x7x8xf32>) {
    ^bb0(%in: i16, %out: f32):
      %10 = arith.truncf %cst : f64 to f32
      %11 = arith.sitofp %in : i16 to f32
      %12 = arith.mulf %11, %10 : f32
      linalg.yield %12 : f32
    } -> tensor<2x4x7x8xf32>
    %2 = tensor.empty() : tensor<3x4x3x2xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg1 : tensor<3x4x3x2xi16>) outs(%2 : tensor<3x4x3x2xf32>) {
    ^bb0(%in: i16, %out: f32):
      %10 = arith.truncf %cst : f64 to f32
      %11 = arith.sitofp %in : i16 to f32
      %12 = arith.mulf %11, %10 : f32
      linalg.yield %12 : f32
    } -> tensor<3x4x3x2xf32>
    %4 = tensor.empty() : tensor<3xf32>
    %5 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel"]} ins(%arg2 : tensor<3xi32>) outs(%4 : tensor<3xf32>) {
    ^bb0(%in: i32, %out: f32):
      %10 = arith.truncf %cst_0 : f64 to f32
      %11 = arith.sitofp %in : i32 to f32
      %12 = arith.mulf %11, %10 : f32
      linalg.yield %12 : f32
    } -> tensor<3xf32>
    %6 = tensor.empty() : tensor<2x3x5x7xf32>
    %broadcasted = linalg.broadcast ins(%5 : tensor<3xf32>) outs(%6 : tensor<2x3x5x7xf32>) dimensions = [0, 2, 3] 
    %7 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%1, %3 : tensor<2x4x7x8xf32>, tensor<3x4x3x2xf32>) outs(%broadcasted : tensor<2x3x5x7xf32>) -> tensor<2x3x5x7xf32>
    %8 = tensor.empty() : tensor<2x3x5x7xi32>
    %9 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%7 : tensor<2x3x5x7xf32>) outs(%8 : tensor<2x3x5x7xi32>) {
    ^bb0(%in: f32, %out: i32):
      %10 = arith.truncf %cst_0 : f64 to f32
      %11 = arith.divf %in, %10 : f32
      %12 = math.roundeven %11 : f32
      %13 = arith.addf %12, %cst_3 : f32
      %14 = arith.maximumf %13, %cst_1 : f32
      %15 = arith.minimumf %14, %cst_2 : f32
      %16 = arith.fptosi %15 : f32 to i32
      linalg.yield %16 : i32
    } -> tensor<2x3x5x7xi32>
    return %9 : tensor<2x3x5x7xi32>
  }
}
