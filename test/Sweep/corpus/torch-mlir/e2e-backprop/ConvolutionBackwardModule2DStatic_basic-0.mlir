#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @forward(%arg0: tensor<1x4x64x64xf32>, %arg1: tensor<1x320x64x64xf32>, %arg2: tensor<4x320x3x3xf32>) -> (tensor<1x320x64x64xf32>, tensor<4x320x3x3xf32>, tensor<4xf32>) {
    %cst = arith.constant 0.000000e+00 : f32
    %c2 = arith.constant 2 : index
    %0 = tensor.empty() : tensor<320x4x3x3xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<320x4x3x3xf32>) -> tensor<320x4x3x3xf32>
    %2 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%1 : tensor<320x4x3x3xf32>) {
    ^bb0(%out: f32):
      %15 = linalg.index 0 : index
      %16 = linalg.index 1 : index
      %17 = linalg.index 2 : index
      %18 = linalg.index 3 : index
      %19 = arith.subi %c2, %17 : index
      %20 = arith.subi %c2, %18 : index
      %extracted = tensor.extract %arg2[%16, %15, %19, %20] : tensor<4x320x3x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<320x4x3x3xf32>
    %3 = tensor.empty() : tensor<1x4x66x66xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<1x4x66x66xf32>) -> tensor<1x4x66x66xf32>
    %inserted_slice = tensor.insert_slice %arg0 into %4[0, 0, 1, 1] [1, 4, 64, 64] [1, 1, 1, 1] : tensor<1x4x64x64xf32> into tensor<1x4x66x66xf32>
    %5 = tensor.empty() : tensor<1x320x64x64xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x320x64x64xf32>) -> tensor<1x320x64x64xf32>
    %7 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%inserted_slice, %2 : tensor<1x4x66x66xf32>, tensor<320x4x3x3xf32>) outs(%6 : tensor<1x320x64x64xf32>) -> tensor<1x320x64x64xf32>
    %8 = tensor.empty() : tensor<320x1x64x64xf32>
    %transposed = linalg.transpose ins(%arg1 : tensor<1x320x64x64xf32>) outs(%8 : tensor<320x1x64x64xf32>) permutation = [1, 0, 2, 3] 
    %9 = tensor.empty() : tensor<4x1x64x64xf32>
    %transposed_0 = linalg.transpose ins(%arg0 : tensor<1x4x64x64xf32>) outs(%9 : tensor<4x1x64x64xf32>) permutation = [1, 0, 2, 3] 
    %padded = tensor.pad %transposed low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<320x1x64x64xf32> to tensor<320x1x66x66xf32>
    %10 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %transposed_0 : tensor<320x1x66x66xf32>, tensor<4x1x64x64xf32>) outs(%1 : tensor<320x4x3x3xf32>) -> tensor<320x4x3x3xf32>
    %11 = tensor.empty() : tensor<4x320x3x3xf32>
    %transposed_1 = linalg.transpose ins(%10 : tensor<320x4x3x3xf32>) outs(%11 : tensor<4x320x3x3xf32>) permutation = [1, 0, 2, 3] 
    %12 = tensor.empty() : tensor<4xf32>
    %13 = linalg.fill ins(%cst : f32) outs(%12 : tensor<4xf32>) -> tensor<4xf32>
    %14 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "parallel", "reduction", "reduction"]} ins(%arg0 : tensor<1x4x64x64xf32>) outs(%13 : tensor<4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %15 = arith.addf %in, %out : f32
      linalg.yield %15 : f32
    } -> tensor<4xf32>
    return %7, %transposed_1, %14 : tensor<1x320x64x64xf32>, tensor<4x320x3x3xf32>, tensor<4xf32>
  }
}
