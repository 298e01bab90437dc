#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<3x4xf32>) -> tensor<2x2xf32> {
    %c0_i64 = arith.constant 0 : i64
    %c4_i64 = arith.constant 4 : i64
    %c3_i64 = arith.constant 3 : i64
    %cst = arith.constant dense_resource<torch_tensor_2_2_torch.int64> : tensor<2x2xi64>
    %cst_0 = arith.constant dense_resource<torch_tensor_2_2_torch.int64_1> : tensor<2x2xi64>
    %0 = tensor.empty() : tensor<4x3xf32>
    %transposed = linalg.transpose ins(%arg0 : tensor<3x4xf32>) outs(%0 : tensor<4x3xf32>) permutation = [1, 0] 
    %1 = tensor.empty() : tensor<2x2xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%cst, %cst_0 : tensor<2x2xi64>, tensor<2x2xi64>) outs(%1 : tensor<2x2xf32>) {
    ^bb0(%in: i64, %in_1: i64, %out: f32):
      %3 = arith.cmpi slt, %in, %c0_i64 : i64
      %4 = arith.addi %in, %c4_i64 : i64
      %5 = arith.select %3, %4, %in : i64
      %6 = arith.index_cast %5 : i64 to index
      %7 = arith.cmpi slt, %in_1, %c0_i64 : i64
      %8 = arith.addi %in_1, %c3_i64 : i64
      %9 = arith.select %7, %8, %in_1 : i64
      %10 = arith.index_cast %9 : i64 to index
      %extracted = tensor.extract %transposed[%6, %10] : tensor<4x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<2x2xf32>
    return %2 : tensor<2x2xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_2_2_torch.int64: "0x080000000000000000000000000000000000000001000000000000000100000000000000",
      torch_tensor_2_2_torch.int64_1: "0x080000000000000000000000010000000000000000000000000000000100000000000000"
    }
  }
#-}
