#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> ()>
module {
  func.func @forward(%arg0: tensor<3x5x2xf32>, %arg1: tensor<3x5x2xf32>) -> tensor<3x5x2xf32> {
    %cst = arith.constant dense<0x7FC00000> : tensor<f32>
    %cst_0 = arith.constant dense<0.000000e+00> : tensor<f32>
    %cst_1 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x5x2xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1, %arg0 : tensor<3x5x2xf32>, tensor<3x5x2xf32>) outs(%0 : tensor<3x5x2xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %10 = arith.mulf %in, %in_2 : f32
      linalg.yield %10 : f32
    } -> tensor<3x5x2xf32>
    %2 = tensor.empty() : tensor<3x5x2xi1>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1 : tensor<3x5x2xf32>) outs(%2 : tensor<3x5x2xi1>) {
    ^bb0(%in: f32, %out: i1):
      %10 = arith.cmpf oeq, %in, %cst_1 : f32
      linalg.yield %10 : i1
    } -> tensor<3x5x2xi1>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1 : tensor<3x5x2xf32>) outs(%0 : tensor<3x5x2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %10 = math.log %in : f32
      linalg.yield %10 : f32
    } -> tensor<3x5x2xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1, %4 : tensor<3x5x2xf32>, tensor<3x5x2xf32>) outs(%0 : tensor<3x5x2xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %10 = arith.mulf %in, %in_2 : f32
      linalg.yield %10 : f32
    } -> tensor<3x5x2xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%3, %cst_0, %5 : tensor<3x5x2xi1>, tensor<f32>, tensor<3x5x2xf32>) outs(%0 : tensor<3x5x2xf32>) {
    ^bb0(%in: i1, %in_2: f32, %in_3: f32, %out: f32):
      %10 = arith.select %in, %in_2, %in_3 : f32
      linalg.yield %10 : f32
    } -> tensor<3x5x2xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1, %arg1 : tensor<3x5x2xf32>, tensor<3x5x2xf32>) outs(%2 : tensor<3x5x2xi1>) {
    ^bb0(%in: f32, %in_2: f32, %out: i1):
      %10 = arith.cmpf une, %in, %in_2 : f32
      linalg.yield %10 : i1
    } -> tensor<3x5x2xi1>
    %8 = linalg.generic {indexing_maps = [#map, #map1, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%7, %cst, %6 : tensor<3x5x2xi1>, tensor<f32>, tensor<3x5x2xf32>) outs(%0 : tensor<3x5x2xf32>) {
    ^bb0(%in: i1, %in_2: f32, %in_3: f32, %out: f32):
      %10 = arith.select %in, %in_2, %in_3 : f32
      linalg.yield %10 : f32
    } -> tensor<3x5x2xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%8, %1 : tensor<3x5x2xf32>, tensor<3x5x2xf32>) outs(%0 : tensor<3x5x2xf32>) {
    ^bb0(%in: f32, %in_2: f32, %out: f32):
      %10 = arith.subf %in, %in_2 : f32
      linalg.yield %10 : f32
    } -> tensor<3x5x2xf32>
    return %9 : tensor<3x5x2xf32>
  }
}
