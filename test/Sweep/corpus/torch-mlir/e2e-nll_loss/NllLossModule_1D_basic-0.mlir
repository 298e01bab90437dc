#map = affine_map<() -> ()>
#map1 = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<3xf32>, %arg1: tensor<i64>) -> (tensor<f32>, tensor<f32>) {
    %c2_i64 = arith.constant 2 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %c3 = arith.constant 3 : index
    %c0_i64 = arith.constant 0 : i64
    %cst_0 = arith.constant dense<0.000000e+00> : tensor<f32>
    %cst_1 = arith.constant dense<0> : tensor<i64>
    %0 = tensor.empty() : tensor<i1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = []} ins(%arg1 : tensor<i64>) outs(%0 : tensor<i1>) {
    ^bb0(%in: i64, %out: i1):
      %13 = arith.cmpi ne, %in, %c2_i64 : i64
      linalg.yield %13 : i1
    } -> tensor<i1>
    %2 = tensor.empty() : tensor<i64>
    %3 = linalg.generic {indexing_maps = [#map, #map, #map, #map], iterator_types = []} ins(%1, %arg1, %cst_1 : tensor<i1>, tensor<i64>, tensor<i64>) outs(%2 : tensor<i64>) {
    ^bb0(%in: i1, %in_2: i64, %in_3: i64, %out: i64):
      %13 = arith.select %in, %in_2, %in_3 : i64
      linalg.yield %13 : i64
    } -> tensor<i64>
    %expanded = tensor.expand_shape %3 [] output_shape [1] : tensor<i64> into tensor<1xi64>
    %4 = tensor.empty() : tensor<1xf32>
    %5 = linalg.fill ins(%cst : f32) outs(%4 : tensor<1xf32>) -> tensor<1xf32>
    %6 = linalg.generic {indexing_maps = [#map1, #map1], iterator_types = ["parallel"]} ins(%expanded : tensor<1xi64>) outs(%5 : tensor<1xf32>) {
    ^bb0(%in: i64, %out: f32):
      %13 = arith.index_cast %in : i64 to index
      %14 = arith.cmpi slt, %13, %c3 : index
      cf.assert %14, "index must be smaller than dim size"
      %15 = arith.cmpi sge, %in, %c0_i64 : i64
      cf.assert %15, "index must be larger or equal to 0"
      %extracted = tensor.extract %arg0[%13] : tensor<3xf32>
      linalg.yield %extracted : f32
    } -> tensor<1xf32>
    %collapsed = tensor.collapse_shape %6 [] : tensor<1xf32> into tensor<f32>
    %7 = tensor.empty() : tensor<f32>
    %8 = linalg.generic {indexing_maps = [#map, #map], iterator_types = []} ins(%collapsed : tensor<f32>) outs(%7 : tensor<f32>) {
    ^bb0(%in: f32, %out: f32):
      %13 = arith.negf %in : f32
      linalg.yield %13 : f32
    } -> tensor<f32>
    %9 = linalg.generic {indexing_maps = [#map, #map, #map, #map], iterator_types = []} ins(%1, %8, %cst_0 : tensor<i1>, tensor<f32>, tensor<f32>) outs(%7 : tensor<f32>) {
    ^bb0(%in: i1, %in_2: f32, %in_3: f32, %out: f32):
      %13 = arith.select %in, %in_2, %in_3 : f32
      linalg.yield %13 : f32
    } -> tensor<f32>
    %10 = linalg.fill ins(%c0_i64 : i64) outs(%2 : tensor<i64>) -> tensor<i64>
    %11 = linalg.generic {indexing_maps = [#map, #map], iterator_types = []} ins(%1 : tensor<i1>) outs(%10 : tensor<i64>) {
    ^bb0(%in: i1, %out: i64):
      %13 = arith.extui %in : i1 to i64
      %14 = arith.addi %13, %out : i64
      linalg.yield %14 : i64
    } -> tensor<i64>
    %12 = linalg.generic {indexing_maps = [#map, #map], iterator_types = []} ins(%11 : tensor<i64>) outs(%7 : tensor<f32>) {
    ^bb0(%in: i64, %out: f32):
      %13 = arith.sitofp %in : i64 to f32
      linalg.yield %13 : f32
    } -> tensor<f32>
    return %9, %12 : tensor<f32>, tensor<f32>
  }
}
