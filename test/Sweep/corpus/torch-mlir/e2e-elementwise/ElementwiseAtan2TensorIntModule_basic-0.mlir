#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<4xi32>, %arg1: tensor<4xi64>) -> tensor<4xf32> {
    %0 = tensor.empty() : tensor<4xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%arg0, %arg1 : tensor<4xi32>, tensor<4xi64>) outs(%0 : tensor<4xf32>) {
    ^bb0(%in: i32, %in_0: i64, %out: f32):
      %2 = arith.sitofp %in : i32 to f32
      %3 = arith.sitofp %in_0 : i64 to f32
      %4 = math.atan2 %2, %3 : f32
      linalg.yield %4 : f32
    } -> tensor<4xf32>
    return %1 : tensor<4xf32>
  }
}
