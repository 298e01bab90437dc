#map = affine_map<(d0) -> ()>
#map1 = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<5xf32>, %arg1: tensor<1xf32>) -> tensor<5xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<0> : tensor<i64>
    %cst_1 = arith.constant dense<1> : tensor<i64>
    %0 = tensor.empty() : tensor<5xf32>
    %collapsed = tensor.collapse_shape %arg1 [] : tensor<1xf32> into tensor<f32>
    %1 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel"]} ins(%collapsed : tensor<f32>) outs(%0 : tensor<5xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<5xf32>
    %2 = tensor.empty() : tensor<5xi1>
    %3 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel"]} ins(%arg0 : tensor<5xf32>) outs(%2 : tensor<5xi1>) {
    ^bb0(%in: f32, %out: i1):
      %10 = arith.cmpf oeq, %in, %cst : f32
      linalg.yield %10 : i1
    } -> tensor<5xi1>
    %4 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel"]} ins(%arg0 : tensor<5xf32>) outs(%2 : tensor<5xi1>) {
    ^bb0(%in: f32, %out: i1):
      %10 = arith.cmpf olt, %in, %cst : f32
      linalg.yield %10 : i1
    } -> tensor<5xi1>
    %5 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel"]} ins(%arg0, %arg0 : tensor<5xf32>, tensor<5xf32>) outs(%2 : tensor<5xi1>) {
    ^bb0(%in: f32, %in_2: f32, %out: i1):
      %10 = arith.cmpf une, %in, %in_2 : f32
      linalg.yield %10 : i1
    } -> tensor<5xi1>
    %6 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel"]} ins(%4, %5 : tensor<5xi1>, tensor<5xi1>) outs(%2 : tensor<5xi1>) {
    ^bb0(%in: i1, %in_2: i1, %out: i1):
      %10 = arith.ori %in, %in_2 : i1
      linalg.yield %10 : i1
    } -> tensor<5xi1>
    %7 = tensor.empty() : tensor<5xi64>
    %8 = linalg.generic {indexing_maps = [#map1, #map, #map, #map1], iterator_types = ["parallel"]} ins(%6, %cst_0, %cst_1 : tensor<5xi1>, tensor<i64>, tensor<i64>) outs(%7 : tensor<5xi64>) {
    ^bb0(%in: i1, %in_2: i64, %in_3: i64, %out: i64):
      %10 = arith.select %in, %in_2, %in_3 : i64
      linalg.yield %10 : i64
    } -> tensor<5xi64>
    %9 = linalg.generic {indexing_maps = [#map1, #map1, #map1, #map1], iterator_types = ["parallel"]} ins(%3, %1, %8 : tensor<5xi1>, tensor<5xf32>, tensor<5xi64>) outs(%0 : tensor<5xf32>) {
    ^bb0(%in: i1, %in_2: f32, %in_3: i64, %out: f32):
      %10 = arith.sitofp %in_3 : i64 to f32
      %11 = arith.select %in, %in_2, %10 : f32
      linalg.yield %11 : f32
    } -> tensor<5xf32>
    return %9 : tensor<5xf32>
  }
}
