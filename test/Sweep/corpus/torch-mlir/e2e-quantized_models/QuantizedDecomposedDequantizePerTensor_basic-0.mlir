#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<4x8xi8>) -> tensor<4x8xf32> {
    %c-10_i64 = arith.constant -10 : i64
    %cst = arith.constant 3.000000e-02 : f64
    %0 = tensor.empty() : tensor<4x8xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<4x8xi8>) outs(%0 : tensor<4x8xf32>) {
    ^bb0(%in: i8, %out: f32):
      %2 = arith.extsi %in : i8 to i64
      %3 = arith.subi %2, %c-10_i64 : i64
      %4 = arith.truncf %cst : f64 to f32
      %5 = arith.sitofp %3 : i64 to f32
      %6 = arith.mulf %5, %4 : f32
      linalg.yield %6 : f32
    } -> tensor<4x8xf32>
    return %1 : tensor<4x8xf32>
  }
}
