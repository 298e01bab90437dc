#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward() -> tensor<4xi1> {
    %c0_i8 = arith.constant 0 : i8
    %cst = arith.constant dense_resource<torch_tensor_4_torch.uint8> : tensor<4xi8>
    %0 = tensor.empty() : tensor<4xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%cst : tensor<4xi8>) outs(%0 : tensor<4xi1>) {
    ^bb0(%in: i8, %out: i1):
      %2 = arith.cmpi ne, %in, %c0_i8 : i8
      linalg.yield %2 : i1
    } -> tensor<4xi1>
    return %1 : tensor<4xi1>
  }
}

{-#
  dialect_resources: {
    builtin: {
      torch_tensor_4_torch.uint8: "0x0100000001000100"
    }
  }
#-}
