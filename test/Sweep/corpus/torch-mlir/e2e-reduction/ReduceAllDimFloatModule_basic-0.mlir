#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d1, d2)>
module {
  func.func @forward(%arg0: tensor<3x4x5xf32>) -> tensor<4x5xi1> {
    %true = arith.constant true
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<4x5xi1>
    %1 = linalg.fill ins(%true : i1) outs(%0 : tensor<4x5xi1>) -> tensor<4x5xi1>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "parallel", "parallel"]} ins(%arg0 : tensor<3x4x5xf32>) outs(%1 : tensor<4x5xi1>) {
    ^bb0(%in: f32, %out: i1):
      %3 = arith.cmpf une, %in, %cst : f32
      %4 = arith.andi %3, %out : i1
      linalg.yield %4 : i1
    } -> tensor<4x5xi1>
    return %2 : tensor<4x5xi1>
  }
}
