// RUN: sqz-opt %s --split-input-file --convert-sqz-to-linalg=observe=call --verify-diagnostics

func.func @negative_observe_f64(%x: tensor<4xf64>) -> tensor<4xf64> {
  // expected-error@+1 {{'sqz.observe' op observe=call records f32, f16 or bf16 values, got 'f64'}}
  %0 = sqz.observe %x {id = "a"} : tensor<4xf64>
  return %0 : tensor<4xf64>
}
