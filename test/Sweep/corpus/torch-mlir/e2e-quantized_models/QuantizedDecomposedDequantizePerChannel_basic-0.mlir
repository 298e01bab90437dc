#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @forward(%arg0: tensor<4x8xi8>, %arg1: tensor<8xf32>, %arg2: tensor<8xi64>) -> tensor<4x8xf32> {
    %0 = tensor.empty() : tensor<4x8xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1, %arg2 : tensor<4x8xi8>, tensor<8xf32>, tensor<8xi64>) outs(%0 : tensor<4x8xf32>) {
    ^bb0(%in: i8, %in_0: f32, %in_1: i64, %out: f32):
      %2 = arith.extsi %in : i8 to i64
      %3 = arith.subi %2, %in_1 : i64
      %4 = arith.sitofp %3 : i64 to f32
      %5 = arith.mulf %4, %in_0 : f32
      linalg.yield %5 : f32
    } -> tensor<4x8xf32>
    return %1 : tensor<4x8xf32>
  }
}
