#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<5x2x5x6xf32>, %arg1: tensor<2x5x2x2xf32>) -> tensor<5x5x4x5xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %c1 = arith.constant 1 : index
    %0 = tensor.empty() : tensor<5x2x2x2xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<5x2x2x2xf32>) -> tensor<5x2x2x2xf32>
    %2 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%1 : tensor<5x2x2x2xf32>) {
    ^bb0(%out: f32):
      %6 = linalg.index 0 : index
      %7 = linalg.index 1 : index
      %8 = linalg.index 2 : index
      %9 = linalg.index 3 : index
      %10 = arith.subi %c1, %8 : index
      %11 = arith.subi %c1, %9 : index
      %extracted = tensor.extract %arg1[%7, %6, %10, %11] : tensor<2x5x2x2xf32>
      linalg.yield %extracted : f32
    } -> tensor<5x2x2x2xf32>
    %3 = tensor.empty() : tensor<5x5x4x5xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<5x5x4x5xf32>) -> tensor<5x5x4x5xf32>
    %5 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%arg0, %2 : tensor<5x2x5x6xf32>, tensor<5x2x2x2xf32>) outs(%4 : tensor<5x5x4x5xf32>) -> tensor<5x5x4x5xf32>
    return %5 : tensor<5x5x4x5xf32>
  }
}
