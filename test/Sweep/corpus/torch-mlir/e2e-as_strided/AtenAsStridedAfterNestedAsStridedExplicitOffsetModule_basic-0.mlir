#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<10xf32>) -> tensor<2xf32> {
    %c0_i64 = arith.constant 0 : i64
    %c10_i64 = arith.constant 10 : i64
    %cst = arith.constant dense_resource<torch_tensor_2_torch.int64> : tensor<2xi64>
    %0 = tensor.empty() : tensor<2xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%cst : tensor<2xi64>) outs(%0 : tensor<2xf32>) {
    ^bb0(%in: i64, %out: f32):
      %2 = arith.cmpi slt, %in, %c0_i64 : i64
      %3 = arith.addi %in, %c10_i64 : i64
      %4 = arith.select %2, %3, %in : i64
      %5 = arith.index_cast %4 : i64 to index
      %extracted = tensor.extract %arg0[%5] : tensor<10xf32>
      linalg.yield %extracted : f32
    } -> tensor<2xf32>
    return %1 : tensor<2xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_2_torch.int64: "0x0800000000000000000000000100000000000000"
    }
  }
#-}
