// RUN: sqz-reduce %s --opt-reduction-pass='opt-pass=canonicalize test=%S/Inputs/has-sqz-dequantize.sh' | FileCheck %s

// The reducer reads IR with sqz types and attributes, and keeps a reduction
// (here: the canonicalizer's, which drops the dead multiply) while the
// interestingness test holds.

// CHECK-LABEL: func.func @f(
// CHECK: sqz.dequantize %{{.*}} : !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<8xf32>
// CHECK-NOT: arith.mulf
func.func @f(%q: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric>>, %y: tensor<8xf32>) -> tensor<8xf32> {
  %x = sqz.dequantize %q : !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<8xf32>
  %dead = arith.mulf %y, %y : tensor<8xf32>
  return %x : tensor<8xf32>
}
