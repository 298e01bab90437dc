#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
module {
  func.func @forward(%arg0: tensor<2x3x4xi1>, %arg1: tensor<1x2x3xi64>) -> tensor<1x2x3xi1> {
    %false = arith.constant false
    %c4 = arith.constant 4 : index
    %c0_i64 = arith.constant 0 : i64
    %c0 = arith.constant 0 : index
    %0 = tensor.empty() : tensor<1x2x3xi1>
    %1 = linalg.fill ins(%false : i1) outs(%0 : tensor<1x2x3xi1>) -> tensor<1x2x3xi1>
    %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%arg1 : tensor<1x2x3xi64>) outs(%1 : tensor<1x2x3xi1>) {
    ^bb0(%in: i64, %out: i1):
      %3 = linalg.index 1 : index
      %4 = arith.index_cast %in : i64 to index
      %5 = arith.cmpi slt, %4, %c4 : index
      cf.assert %5, "index must be smaller than dim size"
      %6 = arith.cmpi sge, %in, %c0_i64 : i64
      cf.assert %6, "index must be larger or equal to 0"
      %extracted = tensor.extract %arg0[%c0, %3, %4] : tensor<2x3x4xi1>
      linalg.yield %extracted : i1
    } -> tensor<1x2x3xi1>
    return %2 : tensor<1x2x3xi1>
  }
}
