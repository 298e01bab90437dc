#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward() -> tensor<20xf32> {
    %cst = arith.constant 5.000000e-01 : f32
    %cst_0 = arith.constant -5.000000e-01 : f32
    %cst_1 = arith.constant 0.31415926535897931 : f64
    %cst_2 = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<21xf32>
    %1 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%0 : tensor<21xf32>) {
    ^bb0(%out: f32):
      %6 = linalg.index 0 : index
      %7 = arith.index_cast %6 : index to i64
      %8 = arith.sitofp %7 : i64 to f32
      %9 = arith.addf %8, %cst_2 : f32
      linalg.yield %9 : f32
    } -> tensor<21xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%1 : tensor<21xf32>) outs(%0 : tensor<21xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.truncf %cst_1 : f64 to f32
      %7 = arith.mulf %in, %6 : f32
      linalg.yield %7 : f32
    } -> tensor<21xf32>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%2 : tensor<21xf32>) outs(%0 : tensor<21xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = math.cos %in : f32
      linalg.yield %6 : f32
    } -> tensor<21xf32>
    %4 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%3 : tensor<21xf32>) outs(%0 : tensor<21xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.mulf %in, %cst_0 : f32
      linalg.yield %6 : f32
    } -> tensor<21xf32>
    %5 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%4 : tensor<21xf32>) outs(%0 : tensor<21xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.addf %in, %cst : f32
      linalg.yield %6 : f32
    } -> tensor<21xf32>
    %extracted_slice = tensor.extract_slice %5[0] [20] [1] : tensor<21xf32> to tensor<20xf32>
    return %extracted_slice : tensor<20xf32>
  }
}
