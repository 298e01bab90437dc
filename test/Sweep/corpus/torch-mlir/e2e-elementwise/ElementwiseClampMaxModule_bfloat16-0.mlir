#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<3x5xbf16>) -> (tensor<3x5xbf16>, tensor<3x5xbf16>, tensor<3x5xbf16>) {
    %cst = arith.constant 2.000000e+00 : bf16
    %cst_0 = arith.constant 3.000000e+00 : bf16
    %cst_1 = arith.constant -1.100000e+01 : bf16
    %0 = tensor.empty() : tensor<3x5xbf16>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x5xbf16>) outs(%0 : tensor<3x5xbf16>) {
    ^bb0(%in: bf16, %out: bf16):
      %4 = arith.cmpf ugt, %in, %cst : bf16
      %5 = arith.select %4, %cst, %in : bf16
      linalg.yield %5 : bf16
    } -> tensor<3x5xbf16>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x5xbf16>) outs(%0 : tensor<3x5xbf16>) {
    ^bb0(%in: bf16, %out: bf16):
      %4 = arith.cmpf ugt, %in, %cst_0 : bf16
      %5 = arith.select %4, %cst_0, %in : bf16
      linalg.yield %5 : bf16
    } -> tensor<3x5xbf16>
    %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<3x5xbf16>) outs(%0 : tensor<3x5xbf16>) {
    ^bb0(%in: bf16, %out: bf16):
      %4 = arith.cmpf ugt, %in, %cst_1 : bf16
      %5 = arith.select %4, %cst_1, %in : bf16
      linalg.yield %5 : bf16
    } -> tensor<3x5xbf16>
    return %1, %2, %3 : tensor<3x5xbf16>, tensor<3x5xbf16>, tensor<3x5xbf16>
  }
}
