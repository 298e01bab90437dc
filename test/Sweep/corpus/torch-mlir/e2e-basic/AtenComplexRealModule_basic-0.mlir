#map = affine_map<(d0, d1) -> (d0)>
#map1 = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<5xcomplex<f32>>) -> tensor<5xf32> {
    %c0 = arith.constant 0 : index
    %0 = tensor.empty() : tensor<5x2xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<5xcomplex<f32>>) outs(%0 : tensor<5x2xf32>) {
    ^bb0(%in: complex<f32>, %out: f32):
      %2 = complex.re %in : complex<f32>
      %3 = complex.im %in : complex<f32>
      %4 = linalg.index 1 : index
      %5 = arith.cmpi eq, %4, %c0 : index
      %6 = arith.select %5, %2, %3 : f32
      linalg.yield %6 : f32
    } -> tensor<5x2xf32>
    %extracted_slice = tensor.extract_slice %1[0, 0] [5, 1] [1, 1] : tensor<5x2xf32> to tensor<5x1xf32>
    %collapsed = tensor.collapse_shape %extracted_slice [[0, 1]] : tensor<5x1xf32> into tensor<5xf32>
    return %collapsed : tensor<5xf32>
  }
}
