#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> ()>
module {
  func.func @forward(%arg0: tensor<3x4xi32>) -> tensor<i64> {
    %c0_i64 = arith.constant 0 : i64
    %c-2147483648_i32 = arith.constant -2147483648 : i32
    %collapsed = tensor.collapse_shape %arg0 [[0, 1]] : tensor<3x4xi32> into tensor<12xi32>
    %0 = tensor.empty() : tensor<i64>
    %1 = linalg.fill ins(%c0_i64 : i64) outs(%0 : tensor<i64>) -> tensor<i64>
    %2 = tensor.empty() : tensor<i32>
    %3 = linalg.fill ins(%c-2147483648_i32 : i32) outs(%2 : tensor<i32>) -> tensor<i32>
    %4:2 = linalg.generic {indexing_maps = [#map, #map1, #map1], iterator_types = ["reduction"]} ins(%collapsed : tensor<12xi32>) outs(%3, %1 : tensor<i32>, tensor<i64>) {
    ^bb0(%in: i32, %out: i32, %out_0: i64):
      %5 = linalg.index 0 : index
      %6 = arith.index_cast %5 : index to i64
      %7 = arith.maxsi %in, %out : i32
      %8 = arith.cmpi sgt, %in, %out : i32
      %9 = arith.select %8, %6, %out_0 : i64
      linalg.yield %7, %9 : i32, i64
    } -> (tensor<i32>, tensor<i64>)
    return %4#1 : tensor<i64>
  }
}
