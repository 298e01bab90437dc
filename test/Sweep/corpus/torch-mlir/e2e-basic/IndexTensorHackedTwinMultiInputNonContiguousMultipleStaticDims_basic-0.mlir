#map = affine_map<(d0, d1, d2) -> (d0, 0)>
#map1 = affine_map<(d0, d1, d2) -> (0, d1)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @forward(%arg0: tensor<5x4x3x2xf32>, %arg1: tensor<4x1xi64>, %arg2: tensor<1x3xi64>, %arg3: tensor<4x3xi64>) -> tensor<4x3x2xf32> {
    %c0_i64 = arith.constant 0 : i64
    %c5_i64 = arith.constant 5 : i64
    %c4_i64 = arith.constant 4 : i64
    %c3_i64 = arith.constant 3 : i64
    %0 = tensor.empty() : tensor<4x3x2xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map2, #map3], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1, %arg2, %arg3 : tensor<4x1xi64>, tensor<1x3xi64>, tensor<4x3xi64>) outs(%0 : tensor<4x3x2xf32>) {
    ^bb0(%in: i64, %in_0: i64, %in_1: i64, %out: f32):
      %2 = arith.cmpi slt, %in, %c0_i64 : i64
      %3 = arith.addi %in, %c5_i64 : i64
      %4 = arith.select %2, %3, %in : i64
      %5 = arith.index_cast %4 : i64 to index
      %6 = arith.cmpi slt, %in_0, %c0_i64 : i64
      %7 = arith.addi %in_0, %c4_i64 : i64
      %8 = arith.select %6, %7, %in_0 : i64
      %9 = arith.index_cast %8 : i64 to index
      %10 = arith.cmpi slt, %in_1, %c0_i64 : i64
      %11 = arith.addi %in_1, %c3_i64 : i64
      %12 = arith.select %10, %11, %in_1 : i64
      %13 = arith.index_cast %12 : i64 to index
      %14 = linalg.index 2 : index
      %extracted = tensor.extract %arg0[%5, %9, %13, %14] : tensor<5x4x3x2xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x3x2xf32>
    return %1 : tensor<4x3x2xf32>
  }
}
