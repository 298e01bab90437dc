module {
  func.func @forward(%arg0: tensor<3xf32>) -> i1 {
    %true = arith.constant true
    return %true : i1
  }
}
