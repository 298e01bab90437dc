#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (0)>
module {
  func.func @forward(%arg0: tensor<6x4xf32>) -> tensor<6x4xf32> {
    %cst = arith.constant 2.000000e+00 : f32
    %cst_0 = arith.constant 0.000000e+00 : f32
    %cst_1 = arith.constant dense<127> : tensor<1xi64>
    %cst_2 = arith.constant dense<-128> : tensor<1xi64>
    %0 = tensor.empty() : tensor<6x4xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<6x4xf32>) outs(%0 : tensor<6x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.divf %in, %cst : f32
      linalg.yield %7 : f32
    } -> tensor<6x4xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%1 : tensor<6x4xf32>) outs(%0 : tensor<6x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = math.roundeven %in : f32
      linalg.yield %7 : f32
    } -> tensor<6x4xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%2 : tensor<6x4xf32>) outs(%0 : tensor<6x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.addf %in, %cst_0 : f32
      linalg.yield %7 : f32
    } -> tensor<6x4xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%3, %cst_2 : tensor<6x4xf32>, tensor<1xi64>) outs(%0 : tensor<6x4xf32>) {
    ^bb0(%in: f32, %in_3: i64, %out: f32):
      %7 = arith.sitofp %in_3 : i64 to f32
      %8 = arith.cmpf ogt, %in, %7 : f32
      %9 = arith.select %8, %in, %7 : f32
      linalg.yield %9 : f32
    } -> tensor<6x4xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%4, %cst_1 : tensor<6x4xf32>, tensor<1xi64>) outs(%0 : tensor<6x4xf32>) {
    ^bb0(%in: f32, %in_3: i64, %out: f32):
      %7 = arith.sitofp %in_3 : i64 to f32
      %8 = arith.cmpf olt, %in, %7 : f32
      %9 = arith.select %8, %in, %7 : f32
      linalg.yield %9 : f32
    } -> tensor<6x4xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%5 : tensor<6x4xf32>) outs(%0 : tensor<6x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %7 = arith.mulf %in, %cst : f32
      linalg.yield %7 : f32
    } -> tensor<6x4xf32>
    return %6 : tensor<6x4xf32>
  }
}
