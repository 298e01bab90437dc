#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (d0, 0)>
module {
  func.func @forward(%arg0: tensor<2x3xi32>) -> tensor<2x1xi1> {
    %true = arith.constant true
    %c0_i32 = arith.constant 0 : i32
    %0 = tensor.empty() : tensor<2x1xi1>
    %1 = linalg.fill ins(%true : i1) outs(%0 : tensor<2x1xi1>) -> tensor<2x1xi1>
    %2 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["parallel", "reduction"]} ins(%arg0 : tensor<2x3xi32>) outs(%1 : tensor<2x1xi1>) {
    ^bb0(%in: i32, %out: i1):
      %3 = arith.cmpi ne, %in, %c0_i32 : i32
      %4 = arith.andi %3, %out : i1
      linalg.yield %4 : i1
    } -> tensor<2x1xi1>
    return %2 : tensor<2x1xi1>
  }
}
