#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1) -> (d1)>
#map2 = affine_map<(d0, d1) -> (d0, 0)>
#map3 = affine_map<(d0, d1) -> (d0, d1)>
#map4 = affine_map<(d0, d1, d2, d3, d4) -> (0, d1, d2, 0, 0)>
#map5 = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d2, d3, d4)>
#map6 = affine_map<(d0, d1, d2, d3, d4) -> ()>
#map7 = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
module {
  func.func @forward(%arg0: tensor<2x3x4x5xf32>) -> tensor<2x7x7x3x4xf32> {
    %cst = arith.constant dense<0.000000e+00> : tensor<f32>
    %c-2_i64 = arith.constant -2 : i64
    %cst_0 = arith.constant dense<0.000000e+00> : tensor<2x3x4x2xf32>
    %concat = tensor.concat dim(3) %arg0, %cst_0 : (tensor<2x3x4x5xf32>, tensor<2x3x4x2xf32>) -> tensor<2x3x4x7xf32>
    %expanded = tensor.expand_shape %concat [[0], [1, 2], [3], [4]] output_shape [2, 1, 3, 4, 7] : tensor<2x3x4x7xf32> into tensor<2x1x3x4x7xf32>
    %0 = tensor.empty() : tensor<2x1x7x3x4xf32>
    %transposed = linalg.transpose ins(%expanded : tensor<2x1x3x4x7xf32>) outs(%0 : tensor<2x1x7x3x4xf32>) permutation = [0, 1, 4, 2, 3] 
    %1 = tensor.empty() : tensor<7xi64>
    %2 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%1 : tensor<7xi64>) {
    ^bb0(%out: i64):
      %8 = linalg.index 0 : index
      %9 = arith.index_cast %8 : index to i64
      linalg.yield %9 : i64
    } -> tensor<7xi64>
    %3 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%1 : tensor<7xi64>) {
    ^bb0(%out: i64):
      %8 = linalg.index 0 : index
      %9 = arith.index_cast %8 : index to i64
      %10 = arith.addi %9, %c-2_i64 : i64
      linalg.yield %10 : i64
    } -> tensor<7xi64>
    %expanded_1 = tensor.expand_shape %3 [[0, 1]] output_shape [7, 1] : tensor<7xi64> into tensor<7x1xi64>
    %4 = tensor.empty() : tensor<7x7xi1>
    %5 = linalg.generic {indexing_maps = [#map1, #map2, #map3], iterator_types = ["parallel", "parallel"]} ins(%2, %expanded_1 : tensor<7xi64>, tensor<7x1xi64>) outs(%4 : tensor<7x7xi1>) {
    ^bb0(%in: i64, %in_3: i64, %out: i1):
      %8 = arith.cmpi eq, %in, %in_3 : i64
      linalg.yield %8 : i1
    } -> tensor<7x7xi1>
    %expanded_2 = tensor.expand_shape %5 [[0, 1], [2, 3, 4]] output_shape [1, 7, 7, 1, 1] : tensor<7x7xi1> into tensor<1x7x7x1x1xi1>
    %6 = tensor.empty() : tensor<2x7x7x3x4xf32>
    %7 = linalg.generic {indexing_maps = [#map4, #map5, #map6, #map7], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]} ins(%expanded_2, %transposed, %cst : tensor<1x7x7x1x1xi1>, tensor<2x1x7x3x4xf32>, tensor<f32>) outs(%6 : tensor<2x7x7x3x4xf32>) {
    ^bb0(%in: i1, %in_3: f32, %in_4: f32, %out: f32):
      %8 = arith.select %in, %in_3, %in_4 : f32
      linalg.yield %8 : f32
    } -> tensor<2x7x7x3x4xf32>
    return %7 : tensor<2x7x7x3x4xf32>
  }
}
