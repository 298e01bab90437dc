#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @forward(%arg0: tensor<3x5x2xf32>) -> tensor<3x5x2xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %c4 = arith.constant 4 : index
    %0 = tensor.empty() : tensor<3x5x2xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<3x5x2xf32>) -> tensor<3x5x2xf32>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg0 : tensor<3x5x2xf32>) outs(%1 : tensor<3x5x2xf32>) {
    ^bb0(%in: f32, %out: f32):
      %3 = linalg.index 0 : index
      %4 = linalg.index 1 : index
      %5 = linalg.index 2 : index
      %6 = arith.subi %c4, %4 : index
      %extracted = tensor.extract %arg0[%3, %6, %5] : tensor<3x5x2xf32>
      linalg.yield %extracted : f32
    } -> tensor<3x5x2xf32>
    return %2 : tensor<3x5x2xf32>
  }
}
