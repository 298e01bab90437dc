#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<3x5xf32>) -> tensor<3x5xi64> {
    %0 = tensor.empty() : tensor<3x5xi64>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x5xf32>) outs(%0 : tensor<3x5xi64>) {
    ^bb0(%in: f32, %out: i64):
      %2 = arith.fptosi %in : f32 to i64
      linalg.yield %2 : i64
    } -> tensor<3x5xi64>
    return %1 : tensor<3x5xi64>
  }
}
