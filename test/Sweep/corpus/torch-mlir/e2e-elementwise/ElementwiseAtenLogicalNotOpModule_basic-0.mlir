#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<4x5xi1>) -> tensor<4x5xi1> {
    %false = arith.constant false
    %0 = tensor.empty() : tensor<4x5xi1>
    %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel"]} ins(%arg0 : tensor<4x5xi1>) outs(%0 : tensor<4x5xi1>) {
    ^bb0(%in: i1, %out: i1):
      %2 = arith.cmpi eq, %in, %false : i1
      linalg.yield %2 : i1
    } -> tensor<4x5xi1>
    return %1 : tensor<4x5xi1>
  }
}
