#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<4x6x4x2xcomplex<f32>>, %arg1: tensor<4x3x4x2xcomplex<f64>>) -> tensor<4x9x4x2xcomplex<f64>> {
    %0 = tensor.empty() : tensor<4x6x4x2xcomplex<f64>>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<4x6x4x2xcomplex<f32>>) outs(%0 : tensor<4x6x4x2xcomplex<f64>>) {
    ^bb0(%in: complex<f32>, %out: complex<f64>):
      %2 = complex.re %in : complex<f32>
      %3 = complex.im %in : complex<f32>
      %4 = arith.extf %2 : f32 to f64
      %5 = arith.extf %3 : f32 to f64
      %6 = complex.create %4, %5 : complex<f64>
      linalg.yield %6 : complex<f64>
    } -> tensor<4x6x4x2xcomplex<f64>>
    %concat = tensor.concat dim(1) %1, %arg1 : (tensor<4x6x4x2xcomplex<f64>>, tensor<4x3x4x2xcomplex<f64>>) -> tensor<4x9x4x2xcomplex<f64>>
    return %concat : tensor<4x9x4x2xcomplex<f64>>
  }
}
