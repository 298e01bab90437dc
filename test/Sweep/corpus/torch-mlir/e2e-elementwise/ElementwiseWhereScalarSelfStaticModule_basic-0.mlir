#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> ()>
#map2 = affine_map<(d0, d1, d2) -> (d1, d2)>
module {
  func.func @forward(%arg0: tensor<3x4x5xf64>, %arg1: tensor<4x5xf64>) -> tensor<3x4x5xf64> {
    %cst = arith.constant dense<4.000000e+00> : tensor<f64>
    %cst_0 = arith.constant 5.000000e-01 : f64
    %0 = tensor.empty() : tensor<3x4x5xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<3x4x5xf64>) outs(%0 : tensor<3x4x5xi1>) {
    ^bb0(%in: f64, %out: i1):
      %4 = arith.cmpf ogt, %in, %cst_0 : f64
      linalg.yield %4 : i1
    } -> tensor<3x4x5xi1>
    %2 = tensor.empty() : tensor<3x4x5xf64>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map2, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%1, %cst, %arg1 : tensor<3x4x5xi1>, tensor<f64>, tensor<4x5xf64>) outs(%2 : tensor<3x4x5xf64>) {
    ^bb0(%in: i1, %in_1: f64, %in_2: f64, %out: f64):
      %4 = arith.select %in, %in_1, %in_2 : f64
      linalg.yield %4 : f64
    } -> tensor<3x4x5xf64>
    return %3 : tensor<3x4x5xf64>
  }
}
