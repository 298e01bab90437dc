#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<5x3xf32>) -> tensor<5x2xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense_resource<torch_tensor_2_5_torch.float32> : tensor<2x5xf32>
    %cst_1 = arith.constant dense_resource<torch_tensor_5_3_torch.float32> : tensor<5x3xf32>
    %0 = tensor.empty() : tensor<3x5xf32>
    %transposed = linalg.transpose ins(%cst_1 : tensor<5x3xf32>) outs(%0 : tensor<3x5xf32>) permutation = [1, 0] 
    %1 = tensor.empty() : tensor<5x5xf32>
    %2 = linalg.fill ins(%cst : f32) outs(%1 : tensor<5x5xf32>) -> tensor<5x5xf32>
    %3 = linalg.matmul ins(%arg0, %transposed : tensor<5x3xf32>, tensor<3x5xf32>) outs(%2 : tensor<5x5xf32>) -> tensor<5x5xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%3 : tensor<5x5xf32>) outs(%1 : tensor<5x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = math.tanh %in : f32
      linalg.yield %9 : f32
    } -> tensor<5x5xf32>
    %5 = tensor.empty() : tensor<5x2xf32>
    %transposed_2 = linalg.transpose ins(%cst_0 : tensor<2x5xf32>) outs(%5 : tensor<5x2xf32>) permutation = [1, 0] 
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<5x2xf32>) -> tensor<5x2xf32>
    %7 = linalg.matmul ins(%4, %transposed_2 : tensor<5x5xf32>, tensor<5x2xf32>) outs(%6 : tensor<5x2xf32>) -> tensor<5x2xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%7 : tensor<5x2xf32>) outs(%5 : tensor<5x2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %9 = math.tanh %in : f32
      linalg.yield %9 : f32
    } -> tensor<5x2xf32>
    return %8 : tensor<5x2xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_2_5_torch.float32: "0x040000003CB6873CDE0A353EA563893EFF3A9BBE356B47BE8755263E0023BE3EB47DBCBDED57AB3E75A093BD",
      torch_tensor_5_3_torch.float32: "0x04000000E8A38DBB13939E3E7E4BF3BEC98BD9BEB1B463BE53891E3E406B3BBC7A61EA3E42DD51BDD2701C3E9EAB32BEEA6BE8BDBD330DBFD6C5C3BE84B573BE"
    }
  }
#-}
