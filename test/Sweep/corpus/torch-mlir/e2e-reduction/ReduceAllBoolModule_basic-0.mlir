#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> ()>
module {
  func.func @forward(%arg0: tensor<3x4xi1>) -> tensor<i1> {
    %true = arith.constant true
    %0 = tensor.empty() : tensor<i1>
    %1 = linalg.fill ins(%true : i1) outs(%0 : tensor<i1>) -> tensor<i1>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction"]} ins(%arg0 : tensor<3x4xi1>) outs(%1 : tensor<i1>) {
    ^bb0(%in: i1, %out: i1):
      %3 = arith.andi %in, %out : i1
      linalg.yield %3 : i1
    } -> tensor<i1>
    return %2 : tensor<i1>
  }
}
