#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<3x5xf32>) -> (tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>) {
    %cst = arith.constant -2.000000e+00 : f32
    %cst_0 = arith.constant -3.000000e+00 : f32
    %cst_1 = arith.constant 2.000000e+00 : f32
    %cst_2 = arith.constant 3.000000e+00 : f32
    %cst_3 = arith.constant -5.000000e+00 : f32
    %cst_4 = arith.constant 5.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x5xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x5xf32>) outs(%0 : tensor<3x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.cmpf ult, %in, %cst : f32
      %7 = arith.select %6, %cst, %in : f32
      linalg.yield %7 : f32
    } -> tensor<3x5xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x5xf32>) outs(%0 : tensor<3x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.cmpf ult, %in, %cst_0 : f32
      %7 = arith.select %6, %cst_0, %in : f32
      linalg.yield %7 : f32
    } -> tensor<3x5xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x5xf32>) outs(%0 : tensor<3x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.cmpf ugt, %in, %cst_1 : f32
      %7 = arith.select %6, %cst_1, %in : f32
      linalg.yield %7 : f32
    } -> tensor<3x5xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x5xf32>) outs(%0 : tensor<3x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.cmpf ugt, %in, %cst_2 : f32
      %7 = arith.select %6, %cst_2, %in : f32
      linalg.yield %7 : f32
    } -> tensor<3x5xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x5xf32>) outs(%0 : tensor<3x5xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.cmpf ult, %in, %cst_3 : f32
      %7 = arith.select %6, %cst_3, %in : f32
      %8 = arith.cmpf ugt, %7, %cst_4 : f32
      %9 = arith.select %8, %cst_4, %7 : f32
      linalg.yield %9 : f32
    } -> tensor<3x5xf32>
    return %1, %2, %3, %4, %5 : tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>, tensor<3x5xf32>
  }
}
