#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward() -> tensor<8xf32> {
    %cst = arith.constant -1.400000e+00 : f64
    %0 = arith.truncf %cst : f64 to f32
    %1 = tensor.empty() : tensor<8xf32>
    %2 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%1 : tensor<8xf32>) {
    ^bb0(%out: f32):
      %3 = linalg.index 0 : index
      %4 = arith.index_cast %3 : index to i64
      %5 = arith.sitofp %4 : i64 to f32
      %6 = arith.addf %0, %5 : f32
      linalg.yield %6 : f32
    } -> tensor<8xf32>
    return %2 : tensor<8xf32>
  }
}
