#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
#map2 = affine_map<(d0, d1, d2, d3, d4) -> (d1, 0, 0, 0)>
module {
  func.func @forward(%arg0: tensor<2x5x3x6x4xf32>) -> tensor<2x5x3x6x4xf32> {
    %cst = arith.constant dense_resource<torch_tensor_5_torch.float32_3> : tensor<5xf32>
    %cst_0 = arith.constant dense_resource<torch_tensor_5_torch.float32_2> : tensor<5xf32>
    %cst_1 = arith.constant 1.000000e-05 : f64
    %cst_2 = arith.constant dense_resource<torch_tensor_5_torch.float32_1> : tensor<5xf32>
    %cst_3 = arith.constant dense_resource<torch_tensor_5_torch.float32> : tensor<5xf32>
    %0 = tensor.empty() : tensor<5xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%cst_2 : tensor<5xf32>) outs(%0 : tensor<5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.truncf %cst_1 : f64 to f32
      %9 = arith.addf %in, %8 : f32
      linalg.yield %9 : f32
    } -> tensor<5xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<5xf32>) outs(%0 : tensor<5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = math.rsqrt %in : f32
      linalg.yield %8 : f32
    } -> tensor<5xf32>
    %expanded = tensor.expand_shape %cst_3 [[0, 1, 2, 3]] output_shape [5, 1, 1, 1] : tensor<5xf32> into tensor<5x1x1x1xf32>
    %expanded_4 = tensor.expand_shape %2 [[0, 1, 2, 3]] output_shape [5, 1, 1, 1] : tensor<5xf32> into tensor<5x1x1x1xf32>
    %3 = tensor.empty() : tensor<2x5x3x6x4xf32>
    %4 = linalg.generic {indexing_maps = [#map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%arg0, %expanded : tensor<2x5x3x6x4xf32>, tensor<5x1x1x1xf32>) outs(%3 : tensor<2x5x3x6x4xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %8 = arith.subf %in, %in_7 : f32
      linalg.yield %8 : f32
    } -> tensor<2x5x3x6x4xf32>
    %5 = linalg.generic {indexing_maps = [#map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%4, %expanded_4 : tensor<2x5x3x6x4xf32>, tensor<5x1x1x1xf32>) outs(%3 : tensor<2x5x3x6x4xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %8 = arith.mulf %in, %in_7 : f32
      linalg.yield %8 : f32
    } -> tensor<2x5x3x6x4xf32>
    %expanded_5 = tensor.expand_shape %cst_0 [[0, 1, 2, 3]] output_shape [5, 1, 1, 1] : tensor<5xf32> into tensor<5x1x1x1xf32>
    %6 = linalg.generic {indexing_maps = [#map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%5, %expanded_5 : tensor<2x5x3x6x4xf32>, tensor<5x1x1x1xf32>) outs(%3 : tensor<2x5x3x6x4xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %8 = arith.mulf %in, %in_7 : f32
      linalg.yield %8 : f32
    } -> tensor<2x5x3x6x4xf32>
    %expanded_6 = tensor.expand_shape %cst [[0, 1, 2, 3]] output_shape [5, 1, 1, 1] : tensor<5xf32> into tensor<5x1x1x1xf32>
    %7 = linalg.generic {indexing_maps = [#map1, #map2, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%6, %expanded_6 : tensor<2x5x3x6x4xf32>, tensor<5x1x1x1xf32>) outs(%3 : tensor<2x5x3x6x4xf32>) {
    ^bb0(%in: f32, %in_7: f32, %out: f32):
      %8 = arith.addf %in, %in_7 : f32
      linalg.yield %8 : f32
    } -> tensor<2x5x3x6x4xf32>
    return %7 : tensor<2x5x3x6x4xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_5_torch.float32_3: "0x040000000000003FCDCCCC3E9A99993ECDCC4C3ECDCCCC3E",
      torch_tensor_5_torch.float32_2: "0x040000000000404000000040000080400000004000004040",
      torch_tensor_5_torch.float32_1: "0x040000000000404000000040000080400000004000004040",
      torch_tensor_5_torch.float32: "0x040000000000003FCDCCCC3E9A99993ECDCC4C3ECDCCCC3E"
    }
  }
#-}
