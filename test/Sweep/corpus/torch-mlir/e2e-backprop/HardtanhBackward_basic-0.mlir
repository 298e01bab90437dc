#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> ()>
module {
  func.func @forward(%arg0: tensor<10x20xf32>, %arg1: tensor<10x20xf32>) -> tensor<10x20xf32> {
    %cst = arith.constant dense<0.000000e+00> : tensor<f32>
    %cst_0 = arith.constant 5.000000e-01 : f64
    %cst_1 = arith.constant 2.000000e-01 : f64
    %0 = tensor.empty() : tensor<10x20xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg1 : tensor<10x20xf32>) outs(%0 : tensor<10x20xi1>) {
    ^bb0(%in: f32, %out: i1):
      %6 = arith.extf %in : f32 to f64
      %7 = arith.cmpf ole, %6, %cst_1 : f64
      linalg.yield %7 : i1
    } -> tensor<10x20xi1>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg1 : tensor<10x20xf32>) outs(%0 : tensor<10x20xi1>) {
    ^bb0(%in: f32, %out: i1):
      %6 = arith.extf %in : f32 to f64
      %7 = arith.cmpf oge, %6, %cst_0 : f64
      linalg.yield %7 : i1
    } -> tensor<10x20xi1>
    %3 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%1, %2 : tensor<10x20xi1>, tensor<10x20xi1>) outs(%0 : tensor<10x20xi1>) {
    ^bb0(%in: i1, %in_2: i1, %out: i1):
      %6 = arith.ori %in, %in_2 : i1
      linalg.yield %6 : i1
    } -> tensor<10x20xi1>
    %4 = tensor.empty() : tensor<10x20xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map1, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%3, %cst, %arg0 : tensor<10x20xi1>, tensor<f32>, tensor<10x20xf32>) outs(%4 : tensor<10x20xf32>) {
    ^bb0(%in: i1, %in_2: f32, %in_3: f32, %out: f32):
      %6 = arith.select %in, %in_2, %in_3 : f32
      linalg.yield %6 : f32
    } -> tensor<10x20xf32>
    return %5 : tensor<10x20xf32>
  }
}
