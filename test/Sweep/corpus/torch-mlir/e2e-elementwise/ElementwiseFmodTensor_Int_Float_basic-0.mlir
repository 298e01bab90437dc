#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0) -> ()>
module {
  func.func @forward(%arg0: tensor<100xi32>, %arg1: tensor<100xf32>) -> tensor<100xf32> {
    %cst = arith.constant dense<-1.000000e+00> : tensor<f32>
    %cst_0 = arith.constant dense<0.000000e+00> : tensor<f32>
    %cst_1 = arith.constant dense<1.000000e+00> : tensor<f32>
    %cst_2 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<100xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%arg0, %arg1 : tensor<100xi32>, tensor<100xf32>) outs(%0 : tensor<100xf32>) {
    ^bb0(%in: i32, %in_3: f32, %out: f32):
      %12 = arith.sitofp %in : i32 to f32
      %13 = arith.divf %12, %in_3 : f32
      linalg.yield %13 : f32
    } -> tensor<100xf32>
    %2 = tensor.empty() : tensor<100xi1>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<100xf32>) outs(%2 : tensor<100xi1>) {
    ^bb0(%in: f32, %out: i1):
      %12 = arith.cmpf ogt, %in, %cst_2 : f32
      linalg.yield %12 : i1
    } -> tensor<100xi1>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<100xf32>) outs(%2 : tensor<100xi1>) {
    ^bb0(%in: f32, %out: i1):
      %12 = arith.cmpf olt, %in, %cst_2 : f32
      linalg.yield %12 : i1
    } -> tensor<100xi1>
    %5 = linalg.generic {indexing_maps = [#map, #map1, #map1, #map], iterator_types = ["parallel"]} ins(%3, %cst_1, %cst_0 : tensor<100xi1>, tensor<f32>, tensor<f32>) outs(%0 : tensor<100xf32>) {
    ^bb0(%in: i1, %in_3: f32, %in_4: f32, %out: f32):
      %12 = arith.select %in, %in_3, %in_4 : f32
      linalg.yield %12 : f32
    } -> tensor<100xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map1, #map, #map], iterator_types = ["parallel"]} ins(%4, %cst, %5 : tensor<100xi1>, tensor<f32>, tensor<100xf32>) outs(%0 : tensor<100xf32>) {
    ^bb0(%in: i1, %in_3: f32, %in_4: f32, %out: f32):
      %12 = arith.select %in, %in_3, %in_4 : f32
      linalg.yield %12 : f32
    } -> tensor<100xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<100xf32>) outs(%0 : tensor<100xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = math.absf %in : f32
      linalg.yield %12 : f32
    } -> tensor<100xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%7 : tensor<100xf32>) outs(%0 : tensor<100xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = math.floor %in : f32
      linalg.yield %12 : f32
    } -> tensor<100xf32>
    %9 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%6, %8 : tensor<100xf32>, tensor<100xf32>) outs(%0 : tensor<100xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %12 = arith.mulf %in, %in_3 : f32
      linalg.yield %12 : f32
    } -> tensor<100xf32>
    %10 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%9, %arg1 : tensor<100xf32>, tensor<100xf32>) outs(%0 : tensor<100xf32>) {
    ^bb0(%in: f32, %in_3: f32, %out: f32):
      %12 = arith.mulf %in, %in_3 : f32
      linalg.yield %12 : f32
    } -> tensor<100xf32>
    %11 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%arg0, %10 : tensor<100xi32>, tensor<100xf32>) outs(%0 : tensor<100xf32>) {
    ^bb0(%in: i32, %in_3: f32, %out: f32):
      %12 = arith.sitofp %in : i32 to f32
      %13 = arith.subf %12, %in_3 : f32
      linalg.yield %13 : f32
    } -> tensor<100xf32>
    return %11 : tensor<100xf32>
  }
}
