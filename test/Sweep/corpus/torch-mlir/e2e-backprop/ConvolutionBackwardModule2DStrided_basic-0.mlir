#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map1 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
#map2 = affine_map<(d0, d1, d2, d3, d4) -> (d1, d2, d3, d4)>
#map3 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @forward(%arg0: tensor<1x2x4x4xf32>, %arg1: tensor<1x2x8x8xf32>, %arg2: tensor<2x2x3x3xf32>) -> (tensor<1x2x8x8xf32>, tensor<2x2x3x3xf32>, tensor<2xf32>) {
    %cst = arith.constant 0.000000e+00 : f32
    %c2 = arith.constant 2 : index
    %0 = tensor.empty() : tensor<2x2x3x3xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<2x2x3x3xf32>) -> tensor<2x2x3x3xf32>
    %2 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} outs(%1 : tensor<2x2x3x3xf32>) {
    ^bb0(%out: f32):
      %17 = linalg.index 0 : index
      %18 = linalg.index 1 : index
      %19 = linalg.index 2 : index
      %20 = linalg.index 3 : index
      %21 = arith.subi %c2, %19 : index
      %22 = arith.subi %c2, %20 : index
      %extracted = tensor.extract %arg2[%18, %17, %21, %22] : tensor<2x2x3x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<2x2x3x3xf32>
    %3 = tensor.empty() : tensor<1x2x10x10xf32>
    %4 = linalg.fill ins(%cst : f32) outs(%3 : tensor<1x2x10x10xf32>) -> tensor<1x2x10x10xf32>
    %inserted_slice = tensor.insert_slice %arg0 into %4[0, 0, 1, 1] [1, 2, 4, 4] [1, 1, 2, 2] : tensor<1x2x4x4xf32> into tensor<1x2x10x10xf32>
    %5 = tensor.empty() : tensor<1x2x8x8xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
    %7 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%inserted_slice, %2 : tensor<1x2x10x10xf32>, tensor<2x2x3x3xf32>) outs(%6 : tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
    %8 = tensor.empty() : tensor<2x1x8x8xf32>
    %transposed = linalg.transpose ins(%arg1 : tensor<1x2x8x8xf32>) outs(%8 : tensor<2x1x8x8xf32>) permutation = [1, 0, 2, 3] 
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2], [3]] : tensor<1x2x4x4xf32> into tensor<2x4x4xf32>
    %expanded = tensor.expand_shape %collapsed [[0], [1, 2], [3]] output_shape [2, 1, 4, 4] : tensor<2x4x4xf32> into tensor<2x1x4x4xf32>
    %padded = tensor.pad %transposed low[0, 0, 1, 1] high[0, 0, 1, 1] {
    ^bb0(%arg3: index, %arg4: index, %arg5: index, %arg6: index):
      tensor.yield %cst : f32
    } : tensor<2x1x8x8xf32> to tensor<2x1x10x10xf32>
    %9 = tensor.empty() : tensor<2x2x4x4xf32>
    %10 = linalg.fill ins(%cst : f32) outs(%9 : tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
    %11 = linalg.conv_2d_nchw_fchw {dilations = dense<2> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%padded, %expanded : tensor<2x1x10x10xf32>, tensor<2x1x4x4xf32>) outs(%10 : tensor<2x2x4x4xf32>) -> tensor<2x2x4x4xf32>
    %extracted_slice = tensor.extract_slice %11[0, 0, 0, 0] [2, 2, 3, 4] [1, 1, 1, 1] : tensor<2x2x4x4xf32> to tensor<2x2x3x4xf32>
    %extracted_slice_0 = tensor.extract_slice %extracted_slice[0, 0, 0, 0] [2, 2, 3, 3] [1, 1, 1, 1] : tensor<2x2x3x4xf32> to tensor<2x2x3x3xf32>
    %expanded_1 = tensor.expand_shape %extracted_slice_0 [[0], [1, 2], [3], [4]] output_shape [2, 1, 2, 3, 3] : tensor<2x2x3x3xf32> into tensor<2x1x2x3x3xf32>
    %12 = tensor.empty() : tensor<1x2x2x3x3xf32>
    %transposed_2 = linalg.transpose ins(%expanded_1 : tensor<2x1x2x3x3xf32>) outs(%12 : tensor<1x2x2x3x3xf32>) permutation = [1, 2, 0, 3, 4] 
    %13 = linalg.generic {indexing_maps = [#map1, #map2], iterator_types = ["reduction", "parallel", "parallel", "parallel", "parallel"]} ins(%transposed_2 : tensor<1x2x2x3x3xf32>) outs(%1 : tensor<2x2x3x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %17 = arith.addf %in, %out : f32
      linalg.yield %17 : f32
    } -> tensor<2x2x3x3xf32>
    %14 = tensor.empty() : tensor<2xf32>
    %15 = linalg.fill ins(%cst : f32) outs(%14 : tensor<2xf32>) -> tensor<2xf32>
    %16 = linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["reduction", "parallel", "reduction", "reduction"]} ins(%arg0 : tensor<1x2x4x4xf32>) outs(%15 : tensor<2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %17 = arith.addf %in, %out : f32
      linalg.yield %17 : f32
    } -> tensor<2xf32>
    return %7, %13, %16 : tensor<1x2x8x8xf32>, tensor<2x2x3x3xf32>, tensor<2xf32>
  }
}
