#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<2x5x3x4xf64>, %arg1: tensor<2x5x3x4xf64>) -> tensor<2x5x3x4xcomplex<f64>> {
    %0 = tensor.empty() : tensor<2x5x3x4xf64>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<2x5x3x4xf64>) outs(%0 : tensor<2x5x3x4xf64>) {
    ^bb0(%in: f64, %out: f64):
      %4 = math.absf %in : f64
      linalg.yield %4 : f64
    } -> tensor<2x5x3x4xf64>
    %2 = tensor.empty() : tensor<2x5x3x4xcomplex<f64>>
    %3 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%1, %arg1 : tensor<2x5x3x4xf64>, tensor<2x5x3x4xf64>) outs(%2 : tensor<2x5x3x4xcomplex<f64>>) {
    ^bb0(%in: f64, %in_0: f64, %out: complex<f64>):
      %4 = math.cos %in_0 : f64
      %5 = math.sin %in_0 : f64
      %6 = arith.mulf %in, %4 : f64
      %7 = arith.mulf %in, %5 : f64
      %8 = complex.create %6, %7 : complex<f64>
      linalg.yield %8 : complex<f64>
    } -> tensor<2x5x3x4xcomplex<f64>>
    return %3 : tensor<2x5x3x4xcomplex<f64>>
  }
}
