#map = affine_map<(d0, d1) -> (d1)>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @forward(%arg0: tensor<7x5x3xf32>) -> tensor<7x5x5xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense_resource<torch_tensor_5_torch.float32> : tensor<5xf32>
    %cst_1 = arith.constant dense_resource<torch_tensor_5_3_torch.float32> : tensor<5x3xf32>
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<7x5x3xf32> into tensor<35x3xf32>
    %0 = tensor.empty() : tensor<3x5xf32>
    %transposed = linalg.transpose ins(%cst_1 : tensor<5x3xf32>) outs(%0 : tensor<3x5xf32>) permutation = [1, 0] 
    %1 = tensor.empty() : tensor<35x5xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<35x5xf32>) -> tensor<35x5xf32>
    %3 = linalg.matmul ins(%collapsed, %transposed : tensor<35x3xf32>, tensor<3x5xf32>) outs(%2 : tensor<35x5xf32>) -> tensor<35x5xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel"]} ins(%cst_0 : tensor<5xf32>) outs(%1 : tensor<35x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<35x5xf32>
    %5 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel"]} ins(%3, %4 : tensor<35x5xf32>, tensor<35x5xf32>) outs(%1 : tensor<35x5xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %8 = arith.addf %in, %in_2 : f32
      linalg.yield %8 : f32
    } -> tensor<35x5xf32>
    %expanded = tensor.expand_shape %5 [[0, 1], [2]] output_shape [7, 5, 5] : tensor<35x5xf32> into tensor<7x5x5xf32>
    %6 = tensor.empty() : tensor<7x5x5xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%expanded : tensor<7x5x5xf32>) outs(%6 : tensor<7x5x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = math.tanh %in : f32
      linalg.yield %8 : f32
    } -> tensor<7x5x5xf32>
    return %7 : tensor<7x5x5xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_5_torch.float32: "0x040000000834AF3C8DB9693E665EB13ED266C8BE69B980BE",
      torch_tensor_5_3_torch.float32: "0x04000000E8A38DBB13939E3E7E4BF3BEC98BD9BEB1B463BE53891E3E406B3BBC7A61EA3E42DD51BDD2701C3E9EAB32BEEA6BE8BDBD330DBFD6C5C3BE84B573BE"
    }
  }
#-}
