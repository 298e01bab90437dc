#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @forward(%arg0: tensor<3x2x4xf32>, %arg1: tensor<3x2x4xf32>) -> tensor<3x2x4xf32> {
    %cst = arith.constant 0x7FF0000000000000 : f64
    %0 = tensor.empty() : tensor<3x2x4xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<3x2x4xf32>, tensor<3x2x4xf32>) outs(%0 : tensor<3x2x4xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %12 = arith.subf %in, %in_0 : f32
      linalg.yield %12 : f32
    } -> tensor<3x2x4xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%1 : tensor<3x2x4xf32>) outs(%0 : tensor<3x2x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = math.absf %in : f32
      linalg.yield %12 : f32
    } -> tensor<3x2x4xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%2 : tensor<3x2x4xf32>) outs(%0 : tensor<3x2x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = arith.negf %in : f32
      linalg.yield %12 : f32
    } -> tensor<3x2x4xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0, %arg1 : tensor<3x2x4xf32>, tensor<3x2x4xf32>) outs(%0 : tensor<3x2x4xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %12 = arith.cmpf ogt, %in, %in_0 : f32
      %13 = arith.select %12, %in, %in_0 : f32
      linalg.yield %13 : f32
    } -> tensor<3x2x4xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%3 : tensor<3x2x4xf32>) outs(%0 : tensor<3x2x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = math.exp %in : f32
      linalg.yield %12 : f32
    } -> tensor<3x2x4xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%5 : tensor<3x2x4xf32>) outs(%0 : tensor<3x2x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = math.log1p %in : f32
      linalg.yield %12 : f32
    } -> tensor<3x2x4xf32>
    %7 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%4, %6 : tensor<3x2x4xf32>, tensor<3x2x4xf32>) outs(%0 : tensor<3x2x4xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %12 = arith.addf %in, %in_0 : f32
      linalg.yield %12 : f32
    } -> tensor<3x2x4xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%4 : tensor<3x2x4xf32>) outs(%0 : tensor<3x2x4xf32>) {
    ^bb0(%in: f32, %out: f32):
      %12 = math.absf %in : f32
      linalg.yield %12 : f32
    } -> tensor<3x2x4xf32>
    %9 = tensor.empty() : tensor<3x2x4xi1>
    %10 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%8 : tensor<3x2x4xf32>) outs(%9 : tensor<3x2x4xi1>) {
    ^bb0(%in: f32, %out: i1):
      %12 = arith.extf %in : f32 to f64
      %13 = arith.cmpf oeq, %12, %cst : f64
      linalg.yield %13 : i1
    } -> tensor<3x2x4xi1>
    %11 = linalg.generic {indexing_maps = [#map, #map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%10, %4, %7 : tensor<3x2x4xi1>, tensor<3x2x4xf32>, tensor<3x2x4xf32>) outs(%0 : tensor<3x2x4xf32>) {
    ^bb0(%in: i1, %in_0: f32, %in_1: f32, %out: f32):
      %12 = arith.select %in, %in_0, %in_1 : f32
      linalg.yield %12 : f32
    } -> tensor<3x2x4xf32>
    return %11 : tensor<3x2x4xf32>
  }
}
