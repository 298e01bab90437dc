#map = affine_map<(d0, d1, d2) -> (d1)>
#map1 = affine_map<(d0, d1, d2) -> (d0)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d2)>
module {
  func.func @forward(%arg0: tensor<4x2xf32>, %arg1: tensor<3xi64>, %arg2: tensor<1xi64>) -> (tensor<1x2xf32>, tensor<0xi64>, tensor<1xi64>, tensor<1xi64>) {
    %cst = arith.constant 0.000000e+00 : f32
    %c3_i64 = arith.constant 3 : i64
    %c0_i64 = arith.constant 0 : i64
    %0 = tensor.empty() : tensor<1x2xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<1x2xf32>) -> tensor<1x2xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "reduction", "parallel"]} ins(%arg1, %arg2 : tensor<3xi64>, tensor<1xi64>) outs(%1 : tensor<1x2xf32>) {
    ^bb0(%in: i64, %in_0: i64, %out: f32):
      %6 = linalg.index 1 : index
      %7 = arith.index_cast %6 : index to i64
      %8 = arith.cmpi slt, %in_0, %7 : i64
      %9 = arith.cmpi eq, %in_0, %7 : i64
      %10 = arith.ori %8, %9 : i1
      %11 = arith.cmpi slt, %7, %c3_i64 : i64
      %12 = arith.andi %10, %11 : i1
      %13 = arith.index_cast %in : i64 to index
      %14 = linalg.index 2 : index
      %extracted = tensor.extract %arg0[%13, %14] : tensor<4x2xf32>
      %15 = arith.addf %extracted, %out : f32
      %16 = arith.select %12, %15, %out : f32
      linalg.yield %16 : f32
    } -> tensor<1x2xf32>
    %3 = tensor.empty() : tensor<0xi64>
    %4 = tensor.empty() : tensor<1xi64>
    %5 = linalg.fill ins(%c0_i64 : i64) outs(%4 : tensor<1xi64>) -> tensor<1xi64>
    return %2, %3, %5, %5 : tensor<1x2xf32>, tensor<0xi64>, tensor<1xi64>, tensor<1xi64>
  }
}
