#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> ()>
module {
  func.func @forward(%arg0: tensor<5x8xf32>, %arg1: tensor<5x8xf32>) -> tensor<5x8xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<0> : tensor<i64>
    %cst_1 = arith.constant dense<1> : tensor<i64>
    %0 = tensor.empty() : tensor<5x8xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<5x8xf32>) outs(%0 : tensor<5x8xi1>) {
    ^bb0(%in: f32, %out: i1):
      %9 = arith.cmpf oeq, %in, %cst : f32
      linalg.yield %9 : i1
    } -> tensor<5x8xi1>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<5x8xf32>) outs(%0 : tensor<5x8xi1>) {
    ^bb0(%in: f32, %out: i1):
      %9 = arith.cmpf olt, %in, %cst : f32
      linalg.yield %9 : i1
    } -> tensor<5x8xi1>
    %3 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg0 : tensor<5x8xf32>, tensor<5x8xf32>) outs(%0 : tensor<5x8xi1>) {
    ^bb0(%in: f32, %in_2: f32, %out: i1):
      %9 = arith.cmpf une, %in, %in_2 : f32
      linalg.yield %9 : i1
    } -> tensor<5x8xi1>
    %4 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%2, %3 : tensor<5x8xi1>, tensor<5x8xi1>) outs(%0 : tensor<5x8xi1>) {
    ^bb0(%in: i1, %in_2: i1, %out: i1):
      %9 = arith.ori %in, %in_2 : i1
      linalg.yield %9 : i1
    } -> tensor<5x8xi1>
    %5 = tensor.empty() : tensor<5x8xi64>
    %6 = linalg.generic {indexing_maps = [#map, #map1, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%4, %cst_0, %cst_1 : tensor<5x8xi1>, tensor<i64>, tensor<i64>) outs(%5 : tensor<5x8xi64>) {
    ^bb0(%in: i1, %in_2: i64, %in_3: i64, %out: i64):
      %9 = arith.select %in, %in_2, %in_3 : i64
      linalg.yield %9 : i64
    } -> tensor<5x8xi64>
    %7 = tensor.empty() : tensor<5x8xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%1, %arg1, %6 : tensor<5x8xi1>, tensor<5x8xf32>, tensor<5x8xi64>) outs(%7 : tensor<5x8xf32>) {
    ^bb0(%in: i1, %in_2: f32, %in_3: i64, %out: f32):
      %9 = arith.sitofp %in_3 : i64 to f32
      %10 = arith.select %in, %in_2, %9 : f32
      linalg.yield %10 : f32
    } -> tensor<5x8xf32>
    return %8 : tensor<5x8xf32>
  }
}
