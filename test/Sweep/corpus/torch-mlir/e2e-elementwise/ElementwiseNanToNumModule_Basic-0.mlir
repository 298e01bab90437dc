#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> ()>
module {
  func.func @forward(%arg0: tensor<3x4xf32>) -> tensor<3x4xf32> {
    %cst = arith.constant dense<1.000000e+00> : tensor<f32>
    %cst_0 = arith.constant dense<-1.000000e+00> : tensor<f32>
    %cst_1 = arith.constant dense<1.000000e-01> : tensor<f32>
    %cst_2 = arith.constant 0x7FF0000000000000 : f64
    %cst_3 = arith.constant 0xFFF0000000000000 : f64
    %0 = tensor.empty() : tensor<3x4xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %arg0 : tensor<3x4xf32>, tensor<3x4xf32>) outs(%0 : tensor<3x4xi1>) {
    ^bb0(%in: f32, %in_4: f32, %out: i1):
      %8 = arith.cmpf une, %in, %in_4 : f32
      linalg.yield %8 : i1
    } -> tensor<3x4xi1>
    %2 = tensor.empty() : tensor<3x4xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map1, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%1, %cst_1, %arg0 : tensor<3x4xi1>, tensor<f32>, tensor<3x4xf32>) outs(%2 : tensor<3x4xf32>) {
    ^bb0(%in: i1, %in_4: f32, %in_5: f32, %out: f32):
      %8 = arith.select %in, %in_4, %in_5 : f32
      linalg.yield %8 : f32
    } -> tensor<3x4xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x4xf32>) outs(%0 : tensor<3x4xi1>) {
    ^bb0(%in: f32, %out: i1):
      %8 = arith.extf %in : f32 to f64
      %9 = arith.cmpf oeq, %8, %cst_3 : f64
      linalg.yield %9 : i1
    } -> tensor<3x4xi1>
    %5 = linalg.generic {indexing_maps = [#map, #map1, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%4, %cst_0, %3 : tensor<3x4xi1>, tensor<f32>, tensor<3x4xf32>) outs(%2 : tensor<3x4xf32>) {
    ^bb0(%in: i1, %in_4: f32, %in_5: f32, %out: f32):
      %8 = arith.select %in, %in_4, %in_5 : f32
      linalg.yield %8 : f32
    } -> tensor<3x4xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x4xf32>) outs(%0 : tensor<3x4xi1>) {
    ^bb0(%in: f32, %out: i1):
      %8 = arith.extf %in : f32 to f64
      %9 = arith.cmpf oeq, %8, %cst_2 : f64
      linalg.yield %9 : i1
    } -> tensor<3x4xi1>
    %7 = linalg.generic {indexing_maps = [#map, #map1, #map, #map], iterator_types = ["parallel", "parallel"]} ins(%6, %cst, %5 : tensor<3x4xi1>, tensor<f32>, tensor<3x4xf32>) outs(%2 : tensor<3x4xf32>) {
    ^bb0(%in: i1, %in_4: f32, %in_5: f32, %out: f32):
      %8 = arith.select %in, %in_4, %in_5 : f32
      linalg.yield %8 : f32
    } -> tensor<3x4xf32>
    return %7 : tensor<3x4xf32>
  }
}
