#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @forward(%arg0: tensor<4x8xf32>, %arg1: tensor<8xf32>, %arg2: tensor<8xi64>) -> tensor<4x8xi8> {
    %cst = arith.constant -1.280000e+02 : f32
    %cst_0 = arith.constant 1.270000e+02 : f32
    %0 = tensor.empty() : tensor<4x8xi8>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg1, %arg2 : tensor<4x8xf32>, tensor<8xf32>, tensor<8xi64>) outs(%0 : tensor<4x8xi8>) {
    ^bb0(%in: f32, %in_1: f32, %in_2: i64, %out: i8):
      %2 = arith.sitofp %in_2 : i64 to f32
      %3 = arith.divf %in, %in_1 : f32
      %4 = math.roundeven %3 : f32
      %5 = arith.addf %4, %2 : f32
      %6 = arith.maximumf %5, %cst : f32
      %7 = arith.minimumf %6, %cst_0 : f32
      %8 = arith.fptosi %7 : f32 to i8
      linalg.yield %8 : i8
    } -> tensor<4x8xi8>
    return %1 : tensor<4x8xi8>
  }
}
