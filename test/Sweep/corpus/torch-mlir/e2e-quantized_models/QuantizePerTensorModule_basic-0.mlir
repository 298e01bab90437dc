#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<1x64x112x112xf32>) -> tensor<1x64x112x112xi8> {
    %cst = arith.constant -1.280000e+02 : f32
    %cst_0 = arith.constant 1.270000e+02 : f32
    %cst_1 = arith.constant 0.0149402386 : f32
    %0 = tensor.empty() : tensor<1x64x112x112xi8>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%arg0 : tensor<1x64x112x112xf32>) outs(%0 : tensor<1x64x112x112xi8>) {
    ^bb0(%in: f32, %out: i8):
      %2 = arith.divf %in, %cst_1 : f32
      %3 = math.roundeven %2 : f32
      %4 = arith.addf %3, %cst : f32
      %5 = arith.maximumf %4, %cst : f32
      %6 = arith.minimumf %5, %cst_0 : f32
      %7 = arith.fptosi %6 : f32 to i8
      linalg.yield %7 : i8
    } -> tensor<1x64x112x112xi8>
    return %1 : tensor<1x64x112x112xi8>
  }
}
