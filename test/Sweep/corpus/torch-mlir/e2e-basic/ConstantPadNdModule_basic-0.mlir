module {
  func.func @forward(%arg0: tensor<1x1x20x20x4x4xf32>) -> tensor<1x1x20x20x4x5xf32> {
    %cst = arith.constant 0xFF800000 : f32
    %padded = tensor.pad %arg0 low[0, 0, 0, 0, 0, 0] high[0, 0, 0, 0, 0, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<1x1x20x20x4x4xf32> to tensor<1x1x20x20x4x5xf32>
    return %padded : tensor<1x1x20x20x4x5xf32>
  }
}
