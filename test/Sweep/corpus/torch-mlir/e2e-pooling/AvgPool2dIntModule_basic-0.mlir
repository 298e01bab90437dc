#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<2x4x20x20xi64>) -> tensor<2x4x11x11xi64> {
    %c0_i64 = arith.constant 0 : i64
    %c48_i64 = arith.constant 48 : i64
    %padded = tensor.pad %arg0 low[0, 0, 3, 4] high[0, 0, 3, 4] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %c0_i64 : i64
    } : tensor<2x4x20x20xi64> to tensor<2x4x26x28xi64>
    %0 = tensor.empty() : tensor<2x4x11x11xi64>
    %1 = linalg.fill ins(%c0_i64 : i64) outs(%0 : tensor<2x4x11x11xi64>) -> tensor<2x4x11x11xi64>
    %2 = tensor.empty() : tensor<6x8xi64>
    %3 = linalg.pooling_nchw_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>} ins(%padded, %2 : tensor<2x4x26x28xi64>, tensor<6x8xi64>) outs(%1 : tensor<2x4x11x11xi64>) -> tensor<2x4x11x11xi64>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%3 : tensor<2x4x11x11xi64>) outs(%0 : tensor<2x4x11x11xi64>) {
    ^bb0(%in: i64, %out: i64):
      %5 = arith.divsi %in, %c48_i64 : i64
      linalg.yield %5 : i64
    } -> tensor<2x4x11x11xi64>
    return %4 : tensor<2x4x11x11xi64>
  }
}
