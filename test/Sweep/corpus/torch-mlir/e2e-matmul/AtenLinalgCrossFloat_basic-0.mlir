#map = affine_map<(d0) -> (d0)>
#map1 = affine_map<(d0, d1) -> (d1)>
#map2 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<2x3xf32>, %arg1: tensor<2x3xf32>) -> tensor<2x3xf32> {
    %c2_i64 = arith.constant 2 : i64
    %c0_i64 = arith.constant 0 : i64
    %c3_i64 = arith.constant 3 : i64
    %c1_i64 = arith.constant 1 : i64
    %0 = tensor.empty() : tensor<3xi64>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<3xi64>) {
    ^bb0(%out: i64):
      %14 = linalg.index 0 : index
      %15 = arith.index_cast %14 : index to i64
      linalg.yield %15 : i64
    } -> tensor<3xi64>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<3xi64>) outs(%0 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %14 = arith.addi %in, %c1_i64 : i64
      linalg.yield %14 : i64
    } -> tensor<3xi64>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%2 : tensor<3xi64>) outs(%0 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %14 = arith.remsi %in, %c3_i64 : i64
      %15 = arith.cmpi ne, %14, %c0_i64 : i64
      %16 = arith.cmpi slt, %14, %c0_i64 : i64
      %17 = arith.andi %15, %16 : i1
      %18 = arith.addi %14, %c3_i64 : i64
      %19 = arith.select %17, %18, %14 : i64
      linalg.yield %19 : i64
    } -> tensor<3xi64>
    %4 = tensor.empty() : tensor<2x3xf32>
    %5 = linalg.generic {indexing_maps = [#map1, #map2], iterator_types = ["parallel", "parallel"]} ins(%3 : tensor<3xi64>) outs(%4 : tensor<2x3xf32>) {
    ^bb0(%in: i64, %out: f32):
      %14 = arith.index_cast %in : i64 to index
      %15 = linalg.index 0 : index
      %extracted = tensor.extract %arg0[%15, %14] : tensor<2x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<2x3xf32>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<3xi64>) outs(%0 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %14 = arith.addi %in, %c2_i64 : i64
      linalg.yield %14 : i64
    } -> tensor<3xi64>
    %7 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%6 : tensor<3xi64>) outs(%0 : tensor<3xi64>) {
    ^bb0(%in: i64, %out: i64):
      %14 = arith.remsi %in, %c3_i64 : i64
      %15 = arith.cmpi ne, %14, %c0_i64 : i64
      %16 = arith.cmpi slt, %14, %c0_i64 : i64
      %17 = arith.andi %15, %16 : i1
      %18 = arith.addi %14, %c3_i64 : i64
      %19 = arith.select %17, %18, %14 : i64
      linalg.yield %19 : i64
    } -> tensor<3xi64>
    %8 = linalg.generic {indexing_maps = [#map1, #map2], iterator_types = ["parallel", "parallel"]} ins(%7 : tensor<3xi64>) outs(%4 : tensor<2x3xf32>) {
    ^bb0(%in: i64, %out: f32):
      %14 = arith.index_cast %in : i64 to index
      %15 = linalg.index 0 : index
      %extracted = tensor.extract %arg1[%15, %14] : tensor<2x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<2x3xf32>
    %9 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%5, %8 : tensor<2x3xf32>, tensor<2x3xf32>) outs(%4 : tensor<2x3xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %14 = arith.mulf %in, %in_0 : f32
      linalg.yield %14 : f32
    } -> tensor<2x3xf32>
    %10 = linalg.generic {indexing_maps = [#map1, #map2], iterator_types = ["parallel", "parallel"]} ins(%7 : tensor<3xi64>) outs(%4 : tensor<2x3xf32>) {
    ^bb0(%in: i64, %out: f32):
      %14 = arith.index_cast %in : i64 to index
      %15 = linalg.index 0 : index
      %extracted = tensor.extract %arg0[%15, %14] : tensor<2x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<2x3xf32>
    %11 = linalg.generic {indexing_maps = [#map1, #map2], iterator_types = ["parallel", "parallel"]} ins(%3 : tensor<3xi64>) outs(%4 : tensor<2x3xf32>) {
    ^bb0(%in: i64, %out: f32):
      %14 = arith.index_cast %in : i64 to index
      %15 = linalg.index 0 : index
      %extracted = tensor.extract %arg1[%15, %14] : tensor<2x3xf32>
      linalg.yield %extracted : f32
    } -> tensor<2x3xf32>
    %12 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%10, %11 : tensor<2x3xf32>, tensor<2x3xf32>) outs(%4 : tensor<2x3xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %14 = arith.mulf %in, %in_0 : f32
      linalg.yield %14 : f32
    } -> tensor<2x3xf32>
    %13 = linalg.generic {indexing_maps = [#map2, #map2, #map2], iterator_types = ["parallel", "parallel"]} ins(%9, %12 : tensor<2x3xf32>, tensor<2x3xf32>) outs(%4 : tensor<2x3xf32>) {
    ^bb0(%in: f32, %in_0: f32, %out: f32):
      %14 = arith.subf %in, %in_0 : f32
      linalg.yield %14 : f32
    } -> tensor<2x3xf32>
    return %13 : tensor<2x3xf32>
  }
}
