#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0) -> (d0)>
#map2 = affine_map<(d0, d1) -> (d1)>
#map3 = affine_map<(d0, d1) -> (d0)>
module {
  func.func @forward(%arg0: tensor<3x4xi8>, %arg1: tensor<4xi8>) -> tensor<3xf32> {
    %c-25_i64 = arith.constant -25 : i64
    %c18_i64 = arith.constant 18 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 2.150000e-02 : f64
    %cst_1 = arith.constant 1.760000e-02 : f64
    %0 = tensor.empty() : tensor<3x4xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x4xi8>) outs(%0 : tensor<3x4xf32>) {
    ^bb0(%in: i8, %out: f32):
      %8 = arith.extsi %in : i8 to i64
      %9 = arith.subi %8, %c-25_i64 : i64
      %10 = arith.truncf %cst_0 : f64 to f32
      %11 = arith.sitofp %9 : i64 to f32
      %12 = arith.mulf %11, %10 : f32
      linalg.yield %12 : f32
    } -> tensor<3x4xf32>
    %2 = tensor.empty() : tensor<4xf32>
    %3 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel"]} ins(%arg1 : tensor<4xi8>) outs(%2 : tensor<4xf32>) {
    ^bb0(%in: i8, %out: f32):
      %8 = arith.extsi %in : i8 to i64
      %9 = arith.subi %8, %c18_i64 : i64
      %10 = arith.truncf %cst_1 : f64 to f32
      %11 = arith.sitofp %9 : i64 to f32
      %12 = arith.mulf %11, %10 : f32
      linalg.yield %12 : f32
    } -> tensor<4xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map2, #map], iterator_types = ["parallel", "parallel"]} ins(%1, %3 : tensor<3x4xf32>, tensor<4xf32>) outs(%0 : tensor<3x4xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %8 = arith.mulf %in, %in_2 : f32
      linalg.yield %8 : f32
    } -> tensor<3x4xf32>
    %5 = tensor.empty() : tensor<3xf32>
    %6 = linalg.fill ins(%cst : f32) outs(%5 : tensor<3xf32>) -> tensor<3xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["parallel", "reduction"]} ins(%4 : tensor<3x4xf32>) outs(%6 : tensor<3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %8 = arith.addf %in, %out : f32
      linalg.yield %8 : f32
    } -> tensor<3xf32>
    return %7 : tensor<3xf32>
  }
}
