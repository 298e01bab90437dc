#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
#map1 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#map2 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
#map3 = affine_map<(d0) -> (d0)>
#map4 = affine_map<(d0, d1, d2, d3) -> (d1)>
module {
  func.func @forward(%arg0: tensor<4x3x1x6xf32>, %arg1: tensor<4x3x7x1xf32>) -> tensor<4x3x7x6xf32> {
    %c2_i64 = arith.constant 2 : i64
    %c1_i64 = arith.constant 1 : i64
    %c0_i64 = arith.constant 0 : i64
    %c3_i64 = arith.constant 3 : i64
    %0 = tensor.empty() : tensor<4x3x7x6xf32>
    %collapsed = tensor.collapse_shape %arg0 [[0], [1, 2], [3]] : tensor<4x3x1x6xf32> into tensor<4x3x6xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%collapsed : tensor<4x3x6xf32>) outs(%0 : tensor<4x3x7x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<4x3x7x6xf32>
    %collapsed_0 = tensor.collapse_shape %arg1 [[0], [1], [2, 3]] : tensor<4x3x7x1xf32> into tensor<4x3x7xf32>
    %2 = linalg.generic {indexing_maps = [#map2, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%collapsed_0 : tensor<4x3x7xf32>) outs(%0 : tensor<4x3x7x6xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<4x3x7x6xf32>
    %3 = tensor.empty() : tensor<3xi64>
    %4 = linalg.generic {indexing_maps = [#map3], iterator_types = ["parallel"]} outs(%3 : tensor<3xi64>) {
    ^bb0(%out: i64):
      %16 = linalg.index 0 : index
      %17 = arith.index_cast %16 : index to i64
      linalg.yield %17 : i64
    } -> tensor<3xi64>
    %5 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel"]} ins(%4 : tensor<3xi64>) outs(%3 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %16 = arith.addi %in, %c1_i64 : i64
      linalg.yield %16 : i64
    } -> tensor<3xi64>
    %6 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel"]} ins(%5 : tensor<3xi64>) outs(%3 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %16 = arith.remsi %in, %c3_i64 : i64
      %17 = arith.cmpi ne, %16, %c0_i64 : i64
      %18 = arith.cmpi slt, %16, %c0_i64 : i64
      %19 = arith.andi %17, %18 : i1
      %20 = arith.addi %16, %c3_i64 : i64
      %21 = arith.select %19, %20, %16 : i64
      linalg.yield %21 : i64
    } -> tensor<3xi64>
    %7 = linalg.generic {indexing_maps = [#map4, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6 : tensor<3xi64>) outs(%0 : tensor<4x3x7x6xf32>) {
    ^bb0(%in: i64, %out: f32):
      %16 = arith.index_cast %in : i64 to index
      %17 = linalg.index 0 : index
      %18 = linalg.index 2 : index
      %19 = linalg.index 3 : index
      %extracted = tensor.extract %1[%17, %16, %18, %19] : tensor<4x3x7x6xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x3x7x6xf32>
    %8 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel"]} ins(%4 : tensor<3xi64>) outs(%3 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %16 = arith.addi %in, %c2_i64 : i64
      linalg.yield %16 : i64
    } -> tensor<3xi64>
    %9 = linalg.generic {indexing_maps = [#map3, #map3], iterator_types = ["parallel"]} ins(%8 : tensor<3xi64>) outs(%3 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %16 = arith.remsi %in, %c3_i64 : i64
      %17 = arith.cmpi ne, %16, %c0_i64 : i64
      %18 = arith.cmpi slt, %16, %c0_i64 : i64
      %19 = arith.andi %17, %18 : i1
      %20 = arith.addi %16, %c3_i64 : i64
      %21 = arith.select %19, %20, %16 : i64
      linalg.yield %21 : i64
    } -> tensor<3xi64>
    %10 = linalg.generic {indexing_maps = [#map4, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%9 : tensor<3xi64>) outs(%0 : tensor<4x3x7x6xf32>) {
    ^bb0(%in: i64, %out: f32):
      %16 = arith.index_cast %in : i64 to index
      %17 = linalg.index 0 : index
      %18 = linalg.index 2 : index
      %19 = linalg.index 3 : index
      %extracted = tensor.extract %2[%17, %16, %18, %19] : tensor<4x3x7x6xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x3x7x6xf32>
    %11 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%7, %10 : tensor<4x3x7x6xf32>, tensor<4x3x7x6xf32>) outs(%0 : tensor<4x3x7x6xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %16 = arith.mulf %in, %in_1 : f32
      linalg.yield %16 : f32
    } -> tensor<4x3x7x6xf32>
    %12 = linalg.generic {indexing_maps = [#map4, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%9 : tensor<3xi64>) outs(%0 : tensor<4x3x7x6xf32>) {
    ^bb0(%in: i64, %out: f32):
      %16 = arith.index_cast %in : i64 to index
      %17 = linalg.index 0 : index
      %18 = linalg.index 2 : index
      %19 = linalg.index 3 : index
      %extracted = tensor.extract %1[%17, %16, %18, %19] : tensor<4x3x7x6xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x3x7x6xf32>
    %13 = linalg.generic {indexing_maps = [#map4, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%6 : tensor<3xi64>) outs(%0 : tensor<4x3x7x6xf32>) {
    ^bb0(%in: i64, %out: f32):
      %16 = arith.index_cast %in : i64 to index
      %17 = linalg.index 0 : index
      %18 = linalg.index 2 : index
      %19 = linalg.index 3 : index
      %extracted = tensor.extract %2[%17, %16, %18, %19] : tensor<4x3x7x6xf32>
      linalg.yield %extracted : f32
    } -> tensor<4x3x7x6xf32>
    %14 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%12, %13 : tensor<4x3x7x6xf32>, tensor<4x3x7x6xf32>) outs(%0 : tensor<4x3x7x6xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %16 = arith.mulf %in, %in_1 : f32
      linalg.yield %16 : f32
    } -> tensor<4x3x7x6xf32>
    %15 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%11, %14 : tensor<4x3x7x6xf32>, tensor<4x3x7x6xf32>) outs(%0 : tensor<4x3x7x6xf32>) {
    ^bb0(%in: f32, %in_1: f32, %out: f32):
      %16 = arith.subf %in, %in_1 : f32
      linalg.yield %16 : f32
    } -> tensor<4x3x7x6xf32>
    return %15 : tensor<4x3x7x6xf32>
  }
}
