#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> ()>
module {
  func.func @forward(%arg0: tensor<3x4x5xf32>) -> tensor<i1> {
    %false = arith.constant false
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<i1>
    %1 = linalg.fill ins(%false : i1) outs(%0 : tensor<i1>) -> tensor<i1>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction", "reduction"]} ins(%arg0 : tensor<3x4x5xf32>) outs(%1 : tensor<i1>) {
    ^bb0(%in: f32, %out: i1):
      %3 = arith.cmpf une, %in, %cst : f32
      %4 = arith.ori %3, %out : i1
      linalg.yield %4 : i1
    } -> tensor<i1>
    return %2 : tensor<i1>
  }
}
