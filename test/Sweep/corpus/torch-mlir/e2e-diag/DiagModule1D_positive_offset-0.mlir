#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1) -> (d1)>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (0, d1)>
#map5 = affine_map<(d0, d1) -> ()>
module {
  func.func @forward(%arg0: tensor<3xf32>) -> tensor<4x4xf32> {
    %cst = arith.constant dense<0.000000e+00> : tensor<1xf32>
    %cst_0 = arith.constant dense<0.000000e+00> : tensor<f32>
    %c1_i64 = arith.constant 1 : i64
    %concat = tensor.concat dim(0) %cst, %arg0 : (tensor<1xf32>, tensor<3xf32>) -> tensor<4xf32>
    %expanded = tensor.expand_shape %concat [[0, 1]] output_shape [1, 4] : tensor<4xf32> into tensor<1x4xf32>
    %0 = tensor.empty() : tensor<4xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<4xi64>) {
    ^bb0(%out: i64):
      %7 = linalg.index 0 : index
      %8 = arith.index_cast %7 : index to i64
      linalg.yield %8 : i64
    } -> tensor<4xi64>
    %2 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<4xi64>) {
    ^bb0(%out: i64):
      %7 = linalg.index 0 : index
      %8 = arith.index_cast %7 : index to i64
      %9 = arith.addi %8, %c1_i64 : i64
      linalg.yield %9 : i64
    } -> tensor<4xi64>
    %expanded_1 = tensor.expand_shape %2 [[0, 1]] output_shape [4, 1] : tensor<4xi64> into tensor<4x1xi64>
    %3 = tensor.empty() : tensor<4x4xi1>
    %4 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%1, %expanded_1 : tensor<4xi64>, tensor<4x1xi64>) outs(%3 : tensor<4x4xi1>) {
    ^bb0(%in: i64, %in_2: i64, %out: i1):
      %7 = arith.cmpi eq, %in, %in_2 : i64
      linalg.yield %7 : i1
    } -> tensor<4x4xi1>
    %5 = tensor.empty() : tensor<4x4xf32>
    %6 = linalg.generic {indexing_maps = [#map3, #map4, #map5, #map3], iterator_types = ["parallel", "parallel"]} ins(%4, %expanded, %cst_0 : tensor<4x4xi1>, tensor<1x4xf32>, tensor<f32>) outs(%5 : tensor<4x4xf32>) {
    ^bb0(%in: i1, %in_2: f32, %in_3: f32, %out: f32):
      %7 = arith.select %in, %in_2, %in_3 : f32
      linalg.yield %7 : f32
    } -> tensor<4x4xf32>
    return %6 : tensor<4x4xf32>
  }
}
