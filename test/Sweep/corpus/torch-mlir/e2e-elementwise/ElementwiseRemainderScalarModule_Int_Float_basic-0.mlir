#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<3xi32>) -> tensor<3xf32> {
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 2.000000e+00 : f32
    %0 = tensor.empty() : tensor<3xf32>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%arg0 : tensor<3xi32>) outs(%0 : tensor<3xf32>) {
    ^bb0(%in: i32, %out: f32):
      %2 = arith.sitofp %in : i32 to f32
      %3 = arith.remf %2, %cst_0 : f32
      %4 = arith.cmpf one, %3, %cst : f32
      %5 = arith.cmpf olt, %3, %cst : f32
      %6 = arith.andi %4, %5 : i1
      %7 = arith.addf %3, %cst_0 : f32
      %8 = arith.select %6, %7, %3 : f32
      linalg.yield %8 : f32
    } -> tensor<3xf32>
    return %1 : tensor<3xf32>
  }
}
