#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<2x4x20x20xf32>) -> tensor<2x4x9x9xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 3.600000e+01 : f32
    %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<2x4x20x20xf32> to tensor<2x4x22x22xf32>
    %0 = tensor.empty() : tensor<2x4x9x9xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x4x9x9xf32>) -> tensor<2x4x9x9xf32>
    %2 = tensor.empty() : tensor<6x6xf32>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %2 : tensor<2x4x22x22xf32>, tensor<6x6xf32>) outs(%1 : tensor<2x4x9x9xf32>) -> tensor<2x4x9x9xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<2x4x9x9xf32>) outs(%0 : tensor<2x4x9x9xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = arith.divf %in, %cst_0 : f32
      linalg.yield %5 : f32
    } -> tensor<2x4x9x9xf32>
    return %4 : tensor<2x4x9x9xf32>
  }
}
