ml_program.global private mutable @global(dense<0> : tensor<i64>) : tensor<i64>

func.func @raw_hazard() -> i64 {
  %c127 = arith.constant 127 : i64
  %0 = ml_program.global_load @global : tensor<i64>
  %1 = ml_program.global_load @global : tensor<i64>
  %inserted = tensor.insert %c127 into %0[] : tensor<i64>
  %extracted = tensor.extract %1[] : tensor<i64>
  ml_program.global_store @global = %inserted : tensor<i64>
  return %extracted : i64
}
