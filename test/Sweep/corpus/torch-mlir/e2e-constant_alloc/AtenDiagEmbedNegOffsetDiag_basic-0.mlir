#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1) -> (d1)>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d0, d1)>
#map4 = affine_map<(d0, d1, d2, d3) -> (0, d1, 0, d3)>
#map5 = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>
#map6 = affine_map<(d0, d1, d2, d3) -> ()>
#map7 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<2x3x4xf32>) -> tensor<2x5x3x5xf32> {
    %cst = arith.constant dense<0.000000e+00> : tensor<f32>
    %c-1_i64 = arith.constant -1 : i64
    %cst_0 = arith.constant dense<0.000000e+00> : tensor<2x3x1xf32>
    %concat = tensor.concat dim(2) %arg0, %cst_0 : (tensor<2x3x4xf32>, tensor<2x3x1xf32>) -> tensor<2x3x5xf32>
    %expanded = tensor.expand_shape %concat [[0], [1, 2], [3]] output_shape [2, 1, 3, 5] : tensor<2x3x5xf32> into tensor<2x1x3x5xf32>
    %0 = tensor.empty() : tensor<5xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<5xi64>) {
    ^bb0(%out: i64):
      %7 = linalg.index 0 : index
      %8 = arith.index_cast %7 : index to i64
      linalg.yield %8 : i64
    } -> tensor<5xi64>
    %2 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<5xi64>) {
    ^bb0(%out: i64):
      %7 = linalg.index 0 : index
      %8 = arith.index_cast %7 : index to i64
      %9 = arith.addi %8, %c-1_i64 : i64
      linalg.yield %9 : i64
    } -> tensor<5xi64>
    %expanded_1 = tensor.expand_shape %2 [[0, 1]] output_shape [5, 1] : tensor<5xi64> into tensor<5x1xi64>
    %3 = tensor.empty() : tensor<5x5xi1>
    %4 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%1, %expanded_1 : tensor<5xi64>, tensor<5x1xi64>) outs(%3 : tensor<5x5xi1>) {
    ^bb0(%in: i64, %in_3: i64, %out: i1):
      %7 = arith.cmpi eq, %in, %in_3 : i64
      linalg.yield %7 : i1
    } -> tensor<5x5xi1>
    %expanded_2 = tensor.expand_shape %4 [[0, 1], [2, 3]] output_shape [1, 5, 1, 5] : tensor<5x5xi1> into tensor<1x5x1x5xi1>
    %5 = tensor.empty() : tensor<2x5x3x5xf32>
    %6 = linalg.generic {indexing_maps = [#map4, #map5, #map6, #map7], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%expanded_2, %expanded, %cst : tensor<1x5x1x5xi1>, tensor<2x1x3x5xf32>, tensor<f32>) outs(%5 : tensor<2x5x3x5xf32>) {
    ^bb0(%in: i1, %in_3: f32, %in_4: f32, %out: f32):
      %7 = arith.select %in, %in_3, %in_4 : f32
      linalg.yield %7 : f32
    } -> tensor<2x5x3x5xf32>
    return %6 : tensor<2x5x3x5xf32>
  }
}
