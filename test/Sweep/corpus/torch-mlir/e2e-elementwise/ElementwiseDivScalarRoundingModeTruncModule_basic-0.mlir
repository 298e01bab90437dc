#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> ()>
module {
  func.func @forward(%arg0: tensor<4xf32>) -> tensor<4xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<5.000000e-01> : tensor<f32>
    %0 = tensor.empty() : tensor<4xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel"]} ins(%arg0, %cst_0 : tensor<4xf32>, tensor<f32>) outs(%0 : tensor<4xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %2 = arith.divf %in, %in_1 : f32
      %3 = math.ceil %2 : f32
      %4 = math.floor %2 : f32
      %5 = arith.cmpf ult, %2, %cst : f32
      %6 = arith.select %5, %3, %4 : f32
      linalg.yield %6 : f32
    } -> tensor<4xf32>
    return %1 : tensor<4xf32>
  }
}
