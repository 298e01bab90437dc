#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<2x3x4xf32>) -> tensor<3x4xf32> {
    %c0_i64 = arith.constant 0 : i64
    %c2_i64 = arith.constant 2 : i64
    %c3_i64 = arith.constant 3 : i64
    %c4_i64 = arith.constant 4 : i64
    %cst = arith.constant dense_resource<torch_tensor_3_4_torch.int64> : tensor<3x4xi64>
    %cst_0 = arith.constant dense_resource<torch_tensor_3_4_torch.int64_1> : tensor<3x4xi64>
    %cst_1 = arith.constant dense_resource<torch_tensor_3_4_torch.int64_2> : tensor<3x4xi64>
    %0 = tensor.empty() : tensor<3x4xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%cst, %cst_0, %cst_1 : tensor<3x4xi64>, tensor<3x4xi64>, tensor<3x4xi64>) outs(%0 : tensor<3x4xf32>) {
    ^bb0(%in: i64, %in_2: i64, %in_3: i64, %out: f32):
      %2 = arith.cmpi slt, %in, %c0_i64 : i64
      %3 = arith.addi %in, %c2_i64 : i64
      %4 = arith.select %2, %3, %in : i64
      %5 = arith.index_cast %4 : i64 to index
      %6 = arith.cmpi slt, %in_2, %c0_i64 : i64
      %7 = arith.addi %in_2, %c3_i64 : i64
      %8 = arith.select %6, %7, %in_2 : i64
      %9 = arith.index_cast %8 : i64 to index
      %10 = arith.cmpi slt, %in_3, %c0_i64 : i64
      %11 = arith.addi %in_3, %c4_i64 : i64
      %12 = arith.select %10, %11, %in_3 : i64
      %13 = arith.index_cast %12 : i64 to index
      %extracted = tensor.extract %arg0[%5, %9, %13] : tensor<2x3x4xf32>
      linalg.yield %extracted : f32
    } -> tensor<3x4xf32>
    return %1 : tensor<3x4xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_3_4_torch.int64: "0x08000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
      torch_tensor_3_4_torch.int64_1: "0x08000000000000000000000000000000000000000000000000000000000000000000000001000000000000000100000000000000010000000000000001000000000000000200000000000000020000000000000002000000000000000200000000000000",
      torch_tensor_3_4_torch.int64_2: "0x08000000000000000000000001000000000000000200000000000000030000000000000000000000000000000100000000000000020000000000000003000000000000000000000000000000010000000000000002000000000000000300000000000000"
    }
  }
#-}
