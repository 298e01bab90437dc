#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<1x3x12xf32>) -> tensor<1x3x5xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 7.000000e+00 : f32
    %expanded = tensor.expand_shape %arg0 [[0], [1], [2, 3]] output_shape [1, 3, 1, 12] : tensor<1x3x12xf32> into tensor<1x3x1x12xf32>
    %padded = tensor.pad %expanded low[0, 0, 0, 2] high[0, 0, 0, 2] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<1x3x1x12xf32> to tensor<1x3x1x16xf32>
    %0 = tensor.empty() : tensor<1x3x1x5xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x3x1x5xf32>) -> tensor<1x3x1x5xf32>
    %2 = tensor.empty() : tensor<1x7xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<[1, 2]> : vector<2xi64>} ins(%padded, %2 : tensor<1x3x1x16xf32>, tensor<1x7xf32>) outs(%1 : tensor<1x3x1x5xf32>) -> tensor<1x3x1x5xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<1x3x1x5xf32>) outs(%0 : tensor<1x3x1x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = arith.divf %in, %cst_0 : f32
      linalg.yield %5 : f32
    } -> tensor<1x3x1x5xf32>
    %collapsed = tensor.collapse_shape %4 [[0], [1, 2], [3]] : tensor<1x3x1x5xf32> into tensor<1x3x5xf32>
    return %collapsed : tensor<1x3x5xf32>
  }
}
