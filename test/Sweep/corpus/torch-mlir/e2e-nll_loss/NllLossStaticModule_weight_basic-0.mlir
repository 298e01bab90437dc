#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (0, d1)>
#map2 = affine_map<(d0) -> (d0)>
#map3 = affine_map<(d0) -> ()>
#map4 = affine_map<(d0, d1) -> (d1)>
module {
  func.func @forward(%arg0: tensor<2x3xf32>, %arg1: tensor<2xi64>, %arg2: tensor<3xf32>) -> (tensor<f32>, tensor<f32>) {
    %c2_i64 = arith.constant 2 : i64
    %c3 = arith.constant 3 : index
    %cst = arith.constant 0.000000e+00 : f32
    %c0_i64 = arith.constant 0 : i64
    %cst_0 = arith.constant dense<0.000000e+00> : tensor<f32>
    %cst_1 = arith.constant dense<0> : tensor<i64>
    %expanded = tensor.expand_shape %arg2 [[0, 1]] output_shape [1, 3] : tensor<3xf32> into tensor<1x3xf32>
    %0 = tensor.empty() : tensor<2x3xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0, %expanded : tensor<2x3xf32>, tensor<1x3xf32>) outs(%0 : tensor<2x3xf32>) {
    ^bb0(%in: f32, %in_4: f32, %out: f32):
      %19 = arith.mulf %in, %in_4 : f32
      linalg.yield %19 : f32
    } -> tensor<2x3xf32>
    %2 = tensor.empty() : tensor<2xi1>
    %3 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%arg1 : tensor<2xi64>) outs(%2 : tensor<2xi1>) {
    ^bb0(%in: i64, %out: i1):
      %19 = arith.cmpi ne, %in, %c2_i64 : i64
      linalg.yield %19 : i1
    } -> tensor<2xi1>
    %4 = tensor.empty() : tensor<2xi64>
    %5 = linalg.generic {indexing_maps = [#map2, #map2, #map3, #map2], iterator_types = ["parallel"]} ins(%3, %arg1, %cst_1 : tensor<2xi1>, tensor<2xi64>, tensor<i64>) outs(%4 : tensor<2xi64>) {
    ^bb0(%in: i1, %in_4: i64, %in_5: i64, %out: i64):
      %19 = arith.select %in, %in_4, %in_5 : i64
      linalg.yield %19 : i64
    } -> tensor<2xi64>
    %expanded_2 = tensor.expand_shape %5 [[0, 1]] output_shape [2, 1] : tensor<2xi64> into tensor<2x1xi64>
    %6 = tensor.empty() : tensor<2x1xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<2x1xf32>) -> tensor<2x1xf32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_2 : tensor<2x1xi64>) outs(%7 : tensor<2x1xf32>) {
    ^bb0(%in: i64, %out: f32):
      %19 = linalg.index 0 : index
      %20 = arith.index_cast %in : i64 to index
      %21 = arith.cmpi slt, %20, %c3 : index
      cf.assert %21, "index must be smaller than dim size"
      %22 = arith.cmpi sge, %in, %c0_i64 : i64
      cf.assert %22, "index must be larger or equal to 0"
      %extracted = tensor.extract %1[%19, %20] : tensor<2x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<2x1xf32>
    %collapsed = tensor.collapse_shape %8 [[0, 1]] : tensor<2x1xf32> into tensor<2xf32>
    %9 = tensor.empty() : tensor<2xf32>
    %10 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%collapsed : tensor<2xf32>) outs(%9 : tensor<2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %19 = arith.negf %in : f32
      linalg.yield %19 : f32
    } -> tensor<2xf32>
    %11 = linalg.generic {indexing_maps = [#map2, #map2, #map3, #map2], iterator_types = ["parallel"]} ins(%3, %10, %cst_0 : tensor<2xi1>, tensor<2xf32>, tensor<f32>) outs(%9 : tensor<2xf32>) {
    ^bb0(%in: i1, %in_4: f32, %in_5: f32, %out: f32):
      %19 = arith.select %in, %in_4, %in_5 : f32
      linalg.yield %19 : f32
    } -> tensor<2xf32>
    %12 = linalg.generic {indexing_maps = [#map4, #map], iterator_types = ["parallel", "parallel"]} ins(%arg2 : tensor<3xf32>) outs(%0 : tensor<2x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<2x3xf32>
    %13 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%expanded_2 : tensor<2x1xi64>) outs(%7 : tensor<2x1xf32>) {
    ^bb0(%in: i64, %out: f32):
      %19 = linalg.index 0 : index
      %20 = arith.index_cast %in : i64 to index
      %21 = arith.cmpi slt, %20, %c3 : index
      cf.assert %21, "index must be smaller than dim size"
      %22 = arith.cmpi sge, %in, %c0_i64 : i64
      cf.assert %22, "index must be larger or equal to 0"
      %extracted = tensor.extract %12[%19, %20] : tensor<2x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<2x1xf32>
    %collapsed_3 = tensor.collapse_shape %13 [[0, 1]] : tensor<2x1xf32> into tensor<2xf32>
    %14 = linalg.generic {indexing_maps = [#map2, #map2, #map3, #map2], iterator_types = ["parallel"]} ins(%3, %collapsed_3, %cst_0 : tensor<2xi1>, tensor<2xf32>, tensor<f32>) outs(%9 : tensor<2xf32>) {
    ^bb0(%in: i1, %in_4: f32, %in_5: f32, %out: f32):
      %19 = arith.select %in, %in_4, %in_5 : f32
      linalg.yield %19 : f32
    } -> tensor<2xf32>
    %15 = tensor.empty() : tensor<f32>
    %16 = linalg.fill ins(%cst : f32) outs(%15 : tensor<f32>) -> tensor<f32>
    %17 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["reduction"]} ins(%14 : tensor<2xf32>) outs(%16 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %19 = arith.addf %in, %out : f32
      linalg.yield %19 : f32
    } -> tensor<f32>
    %18 = linalg.generic {indexing_maps = [#map2, #map3], iterator_types = ["reduction"]} ins(%11 : tensor<2xf32>) outs(%16 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %19 = arith.addf %in, %out : f32
      linalg.yield %19 : f32
    } -> tensor<f32>
    return %18, %17 : tensor<f32>, tensor<f32>
  }
}
