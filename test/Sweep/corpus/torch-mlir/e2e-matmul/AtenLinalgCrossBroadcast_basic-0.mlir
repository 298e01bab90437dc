#map = affine_map<(d0, d1, d2) -> (d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map2 = affine_map<(d0) -> (d0)>
#map3 = affine_map<(d0, d1, d2) -> (d2)>
module {
  func.func @forward(%arg0: tensor<1x4x3xf32>, %arg1: tensor<5x4x3xf32>) -> tensor<5x4x3xf32> {
    %c2_i64 = arith.constant 2 : i64
    %c1_i64 = arith.constant 1 : i64
    %c0_i64 = arith.constant 0 : i64
    %c3_i64 = arith.constant 3 : i64
    %0 = tensor.empty() : tensor<5x4x3xf32>
    %collapsed = tensor.collapse_shape %arg0 [[0, 1], [2]] : tensor<1x4x3xf32> into tensor<4x3xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%collapsed : tensor<4x3xf32>) outs(%0 : tensor<5x4x3xf32>) {
    ^bb0(%in: f32, %out: f32):
      linalg.yield %in : f32
    } -> tensor<5x4x3xf32>
    %2 = tensor.empty() : tensor<3xi64>
    %3 = linalg.generic {indexing_maps = [#map2], iterator_types = ["parallel"]} outs(%2 : tensor<3xi64>) {
    ^bb0(%out: i64):
      %15 = linalg.index 0 : index
      %16 = arith.index_cast %15 : index to i64
      linalg.yield %16 : i64
    } -> tensor<3xi64>
    %4 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%3 : tensor<3xi64>) outs(%2 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %15 = arith.addi %in, %c1_i64 : i64
      linalg.yield %15 : i64
    } -> tensor<3xi64>
    %5 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%4 : tensor<3xi64>) outs(%2 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %15 = arith.remsi %in, %c3_i64 : i64
      %16 = arith.cmpi ne, %15, %c0_i64 : i64
      %17 = arith.cmpi slt, %15, %c0_i64 : i64
      %18 = arith.andi %16, %17 : i1
      %19 = arith.addi %15, %c3_i64 : i64
      %20 = arith.select %18, %19, %15 : i64
      linalg.yield %20 : i64
    } -> tensor<3xi64>
    %6 = linalg.generic {indexing_maps = [#map3, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%5 : tensor<3xi64>) outs(%0 : tensor<5x4x3xf32>) {
    ^bb0(%in: i64, %out: f32):
      %15 = arith.index_cast %in : i64 to index
      %16 = linalg.index 0 : index
      %17 = linalg.index 1 : index
      %extracted = tensor.extract %1[%16, %17, %15] : tensor<5x4x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<5x4x3xf32>
    %7 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%3 : tensor<3xi64>) outs(%2 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %15 = arith.addi %in, %c2_i64 : i64
      linalg.yield %15 : i64
    } -> tensor<3xi64>
    %8 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = ["parallel"]} ins(%7 : tensor<3xi64>) outs(%2 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %15 = arith.remsi %in, %c3_i64 : i64
      %16 = arith.cmpi ne, %15, %c0_i64 : i64
      %17 = arith.cmpi slt, %15, %c0_i64 : i64
      %18 = arith.andi %16, %17 : i1
      %19 = arith.addi %15, %c3_i64 : i64
      %20 = arith.select %18, %19, %15 : i64
      linalg.yield %20 : i64
    } -> tensor<3xi64>
    %9 = linalg.generic {indexing_maps = [#map3, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%8 : tensor<3xi64>) outs(%0 : tensor<5x4x3xf32>) {
    ^bb0(%in: i64, %out: f32):
      %15 = arith.index_cast %in : i64 to index
      %16 = linalg.index 0 : index
      %17 = linalg.index 1 : index
      %extracted = tensor.extract %arg1[%16, %17, %15] : tensor<5x4x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<5x4x3xf32>
    %10 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%6, %9 : tensor<5x4x3xf32>, tensor<5x4x3xf32>) outs(%0 : tensor<5x4x3xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %15 = arith.mulf %in, %in_0 : f32
      linalg.yield %15 : f32
    } -> tensor<5x4x3xf32>
    %11 = linalg.generic {indexing_maps = [#map3, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%8 : tensor<3xi64>) outs(%0 : tensor<5x4x3xf32>) {
    ^bb0(%in: i64, %out: f32):
      %15 = arith.index_cast %in : i64 to index
      %16 = linalg.index 0 : index
      %17 = linalg.index 1 : index
      %extracted = tensor.extract %1[%16, %17, %15] : tensor<5x4x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<5x4x3xf32>
    %12 = linalg.generic {indexing_maps = [#map3, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%5 : tensor<3xi64>) outs(%0 : tensor<5x4x3xf32>) {
    ^bb0(%in: i64, %out: f32):
      %15 = arith.index_cast %in : i64 to index
      %16 = linalg.index 0 : index
      %17 = linalg.index 1 : index
      %extracted = tensor.extract %arg1[%16, %17, %15] : tensor<5x4x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<5x4x3xf32>
    %13 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%11, %12 : tensor<5x4x3xf32>, tensor<5x4x3xf32>) outs(%0 : tensor<5x4x3xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %15 = arith.mulf %in, %in_0 : f32
      linalg.yield %15 : f32
    } -> tensor<5x4x3xf32>
    %14 = linalg.generic {indexing_maps = [#map1, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel"]} ins(%10, %13 : tensor<5x4x3xf32>, tensor<5x4x3xf32>) outs(%0 : tensor<5x4x3xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %15 = arith.subf %in, %in_0 : f32
      linalg.yield %15 : f32
    } -> tensor<5x4x3xf32>
    return %14 : tensor<5x4x3xf32>
  }
}
