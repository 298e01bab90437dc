#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @forward(%arg0: tensor<3x2x4xi64>, %arg1: tensor<3x2x4xf32>) -> (tensor<3x2x4xi64>, tensor<3x2x4xi64>) {
    %0 = tensor.empty() : tensor<3x2x4xi64>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1 : tensor<3x2x4xf32>) outs(%0 : tensor<3x2x4xi64>) {
    ^bb0(%in: f32, %out: i64):
      %2 = arith.fptosi %in : f32 to i64
      linalg.yield %2 : i64
    } -> tensor<3x2x4xi64>
    return %1, %1 : tensor<3x2x4xi64>, tensor<3x2x4xi64>
  }
}
