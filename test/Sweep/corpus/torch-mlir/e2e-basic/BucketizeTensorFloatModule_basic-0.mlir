#map = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
#map1 = affine_map<(d0, d1, d2) -> (d2)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (d0, d1)>
#map5 = affine_map<(d0, d1) -> ()>
module {
  func.func @forward(%arg0: tensor<15x17xf32>, %arg1: tensor<16xf32>) -> tensor<15x17xi64> {
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0xFF800000 : f32
    %cst_0 = arith.constant dense<16> : tensor<i64>
    %expanded = tensor.expand_shape %arg0 [[0], [1, 2]] output_shape [15, 17, 1] : tensor<15x17xf32> into tensor<15x17x1xf32>
    %0 = tensor.empty() : tensor<15x17x16xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%expanded, %arg1 : tensor<15x17x1xf32>, tensor<16xf32>) outs(%0 : tensor<15x17x16xi1>) {
    ^bb0(%in: f32, %in_1: f32, %out: i1):
      %10 = arith.cmpf ole, %in, %in_1 : f32
      linalg.yield %10 : i1
    } -> tensor<15x17x16xi1>
    %2 = tensor.empty() : tensor<15x17x16xf32>
    %3 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%1 : tensor<15x17x16xi1>) outs(%2 : tensor<15x17x16xf32>) {
    ^bb0(%in: i1, %out: f32):
      %10 = arith.uitofp %in : i1 to f32
      linalg.yield %10 : f32
    } -> tensor<15x17x16xf32>
    %4 = tensor.empty() : tensor<15x17xi64>
    %5 = linalg.fill ins(%c0_i64 : i64) outs(%4 : tensor<15x17xi64>) -> tensor<15x17xi64>
    %6 = tensor.empty() : tensor<15x17xf32>
    %7 = linalg.fill ins(%cst : f32) outs(%6 : tensor<15x17xf32>) -> tensor<15x17xf32>
    %8:2 = linalg.generic {indexing_maps = [#map2, #map3, #map3], iterator_types = ["parallel", "parallel", "reduction"]} ins(%3 : tensor<15x17x16xf32>) outs(%7, %5 : tensor<15x17xf32>, tensor<15x17xi64>) {
    ^bb0(%in: f32, %out: f32, %out_1: i64):
      %10 = linalg.index 2 : index
      %11 = arith.index_cast %10 : index to i64
      %12 = arith.maximumf %in, %out : f32
      %13 = arith.cmpf ogt, %in, %out : f32
      %14 = arith.select %13, %11, %out_1 : i64
      linalg.yield %12, %14 : f32, i64
    } -> (tensor<15x17xf32>, tensor<15x17xi64>)
    %extracted_slice = tensor.extract_slice %1[0, 0, 15] [15, 17, 1] [1, 1, 1] : tensor<15x17x16xi1> to tensor<15x17x1xi1>
    %collapsed = tensor.collapse_shape %extracted_slice [[0], [1, 2]] : tensor<15x17x1xi1> into tensor<15x17xi1>
    %9 = linalg.generic {indexing_maps = [#map4, #map4, #map5, #map4], iterator_types = ["parallel", "parallel"]} ins(%collapsed, %8#1, %cst_0 : tensor<15x17xi1>, tensor<15x17xi64>, tensor<i64>) outs(%4 : tensor<15x17xi64>) {
    ^bb0(%in: i1, %in_1: i64, %in_2: i64, %out: i64):
      %10 = arith.select %in, %in_1, %in_2 : i64
      linalg.yield %10 : i64
    } -> tensor<15x17xi64>
    return %9 : tensor<15x17xi64>
  }
}
