#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<10x5x10x8xi8>, %arg1: tensor<5x7x3x2xi8>, %arg2: tensor<7xf32>) -> tensor<10x7x19x7xi32> {
    %c-25_i64 = arith.constant -25 : i64
    %c50_i64 = arith.constant 50 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e-02 : f64
    %c2 = arith.constant 2 : index
    %c1 = arith.constant 1 : index
    %cst_1 = arith.constant -2.14748365E+9 : f32
    %cst_2 = arith.constant 2.14748365E+9 : f32
    %0 = tensor.empty() : tensor<10x5x10x8xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<10x5x10x8xi8>) outs(%0 : tensor<10x5x10x8xf32>) {
    ^bb0(%in: i8, %out: f32):
      %13 = arith.extsi %in : i8 to i64
      %14 = arith.subi %13, %c-25_i64 : i64
      %15 = arith.truncf %cst_0 : f64 to f32
      %16 = arith.sitofp %14 : i64 to f32
      %17 = arith.mulf %16, %15 : f32
      linalg.yield %17 : f32
    } -> tensor<10x5x10x8xf32>
    %2 = tensor.empty() : tensor<5x7x3x2xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg1 : tensor<5x7x3x2xi8>) outs(%2 : tensor<5x7x3x2xf32>) {
    ^bb0(%in: i8, %out: f32):
      %13 = arith.extsi %in : i8 to i64
      %14 = arith.subi %13, %c50_i64 : i64
      %15 = arith.truncf %cst_0 : f64 to f32
      %16 = arith.sitofp %14 : i64 to f32
      %17 = arith.mulf %16, %15 : f32
      linalg.yield %17 : f32
    } -> tensor<5x7x3x2xf32>
    %4 = tensor.empty() : tensor<7x5x3x2xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<7x5x3x2xf32>) -> tensor<7x5x3x2xf32>
    %6 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%5 : tensor<7x5x3x2xf32>) {
    ^bb0(%out: f32):
      %13 = linalg.index 0 : index
      %14 = linalg.index 1 : index
      %15 = linalg.index 2 : index
      %16 = linalg.index 3 : index
      %17 = arith.subi %c2, %15 : index
      %18 = arith.subi %c1, %16 : index
      %extracted = tensor.extract %3[%14, %13, %17, %18] : tensor<5x7x3x2xf32>
      linalg.yield %extracted : f32
    } -> tensor<7x5x3x2xf32>
    %7 = tensor.empty() : tensor<10x5x21x8xf32>
    %8 = linalg.fill ins(%cst : f32) outs(%7 : tensor<10x5x21x8xf32>) -> tensor<10x5x21x8xf32>
    %inserted_slice = tensor.insert_slice %1 into %8[0, 0, 1, 0] [10, 5, 10, 8] [1, 1, 2, 1] : tensor<10x5x10x8xf32> into tensor<10x5x21x8xf32>
    %9 = tensor.empty() : tensor<10x7x19x7xf32>
    %broadcasted = linalg.broadcast ins(%arg2 : tensor<7xf32>) outs(%9 : tensor<10x7x19x7xf32>) dimensions = [0, 2, 3] 
    %10 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%inserted_slice, %6 : tensor<10x5x21x8xf32>, tensor<7x5x3x2xf32>) outs(%broadcasted : tensor<10x7x19x7xf32>) -> tensor<10x7x19x7xf32>
    %11 = tensor.empty() : tensor<10x7x19x7xi32>
    %12 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%10 : tensor<10x7x19x7xf32>) outs(%11 : tensor<10x7x19x7xi32>) {
    ^bb0(%in: f32, %out: i32):
      %13 = math.roundeven %in : f32
      %14 = arith.addf %13, %cst : f32
      %15 = arith.maximumf %14, %cst_1 : f32
      %16 = arith.minimumf %15, %cst_2 : f32
      %17 = arith.fptosi %16 : f32 to i32
      linalg.yield %17 : i32
    } -> tensor<10x7x19x7xi32>
    return %12 : tensor<10x7x19x7xi32>
  }
}
