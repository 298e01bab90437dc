#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, d2)>
module {
  func.func @forward(%arg0: tensor<3x4x5xf64>) -> tensor<3x1x5xi64> {
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0x7FF0000000000000 : f64
    %0 = tensor.empty() : tensor<3x5xi64>
    %1 = linalg.fill ins(%c0_i64 : i64) outs(%0 : tensor<3x5xi64>) -> tensor<3x5xi64>
    %2 = tensor.empty() : tensor<3x5xf64>
    %3 = linalg.fill ins(%cst : f64) outs(%2 : tensor<3x5xf64>) -> tensor<3x5xf64>
    %4:2 = linalg.generic {indexing_maps = [#map, #map1, #map1], iterator_types = ["parallel", "reduction", "parallel"]} ins(%arg0 : tensor<3x4x5xf64>) outs(%3, %1 : tensor<3x5xf64>, tensor<3x5xi64>) {
    ^bb0(%in: f64, %out: f64, %out_0: i64):
      %5 = linalg.index 1 : index
      %6 = arith.index_cast %5 : index to i64
      %7 = arith.minimumf %in, %out : f64
      %8 = arith.cmpf olt, %in, %out : f64
      %9 = arith.select %8, %6, %out_0 : i64
      linalg.yield %7, %9 : f64, i64
    } -> (tensor<3x5xf64>, tensor<3x5xi64>)
    %expanded = tensor.expand_shape %4#1 [[0, 1], [2]] output_shape [3, 1, 5] : tensor<3x5xi64> into tensor<3x1x5xi64>
    return %expanded : tensor<3x1x5xi64>
  }
}
