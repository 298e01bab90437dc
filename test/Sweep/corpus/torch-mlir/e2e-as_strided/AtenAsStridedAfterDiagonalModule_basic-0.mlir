#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<4x5xf32>) -> tensor<3xf32> {
    %c0_i64 = arith.constant 0 : i64
    %c4_i64 = arith.constant 4 : i64
    %c5_i64 = arith.constant 5 : i64
    %cst = arith.constant dense_resource<torch_tensor_3_torch.int64> : tensor<3xi64>
    %cst_0 = arith.constant dense_resource<torch_tensor_3_torch.int64_1> : tensor<3xi64>
    %0 = tensor.empty() : tensor<3xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%cst, %cst_0 : tensor<3xi64>, tensor<3xi64>) outs(%0 : tensor<3xf32>) {
    ^bb0(%in: i64, %in_1: i64, %out: f32):
      %2 = arith.cmpi slt, %in, %c0_i64 : i64
      %3 = arith.addi %in, %c4_i64 : i64
      %4 = arith.select %2, %3, %in : i64
      %5 = arith.index_cast %4 : i64 to index
      %6 = arith.cmpi slt, %in_1, %c0_i64 : i64
      %7 = arith.addi %in_1, %c5_i64 : i64
      %8 = arith.select %6, %7, %in_1 : i64
      %9 = arith.index_cast %8 : i64 to index
      %extracted = tensor.extract %arg0[%5, %9] : tensor<4x5xf32>
      linalg.yield %extracted : f32
    } -> tensor<3xf32>
    return %1 : tensor<3xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_3_torch.int64: "0x08000000000000000000000001000000000000000200000000000000",
      torch_tensor_3_torch.int64_1: "0x08000000000000000000000001000000000000000200000000000000"
    }
  }
#-}
