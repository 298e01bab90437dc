#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> ()>
module {
  func.func @forward(%arg0: tensor<9xi8>, %arg1: tensor<9xi8>) -> tensor<f32> {
    %c-25_i64 = arith.constant -25 : i64
    %c18_i64 = arith.constant 18 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 2.150000e-02 : f64
    %cst_1 = arith.constant 1.760000e-02 : f64
    %0 = tensor.empty() : tensor<9xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%arg0 : tensor<9xi8>) outs(%0 : tensor<9xf32>) {
    ^bb0(%in: i8, %out: f32):
      %7 = arith.extsi %in : i8 to i64
      %8 = arith.subi %7, %c-25_i64 : i64
      %9 = arith.truncf %cst_0 : f64 to f32
      %10 = arith.sitofp %8 : i64 to f32
      %11 = arith.mulf %10, %9 : f32
      linalg.yield %11 : f32
    } -> tensor<9xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%arg1 : tensor<9xi8>) outs(%0 : tensor<9xf32>) {
    ^bb0(%in: i8, %out: f32):
      %7 = arith.extsi %in : i8 to i64
      %8 = arith.subi %7, %c18_i64 : i64
      %9 = arith.truncf %cst_1 : f64 to f32
      %10 = arith.sitofp %8 : i64 to f32
      %11 = arith.mulf %10, %9 : f32
      linalg.yield %11 : f32
    } -> tensor<9xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%1, %2 : tensor<9xf32>, tensor<9xf32>) outs(%0 : tensor<9xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %7 = arith.mulf %in, %in_2 : f32
      linalg.yield %7 : f32
    } -> tensor<9xf32>
    %4 = tensor.empty() : tensor<f32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<f32>) -> tensor<f32>
    %6 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction"]} ins(%3 : tensor<9xf32>) outs(%5 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.addf %in, %out : f32
      linalg.yield %7 : f32
    } -> tensor<f32>
    return %6 : tensor<f32>
  }
}
