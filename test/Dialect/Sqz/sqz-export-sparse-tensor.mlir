// RUN: sqz-opt %s --sqz-export-sparse-tensor | FileCheck %s

// Only constant, unquantized 2:4 weights along the reduction axis have an
// upstream form; everything else stays as it is (the run tests are in
// test/Integration/export-sparse-tensor.mlir).

// What upstream 2:4 cannot hold stays as it is: a quantized weight.
// CHECK-LABEL: func.func @quantized_stays
// CHECK: sqz.matmul
!q = !sqz.tensor<1x8xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<nm(2, 4, 1)>>
func.func @quantized_stays(%x: tensor<2x8xf32>) -> tensor<2x1xf32> {
  %c = arith.constant dense<[[1, 2, 3, 4]]> : tensor<1x4xi8>
  %s = arith.constant dense<0.5> : tensor<f32>
  %p = arith.constant dense<[[0, 1, 2, 3]]> : tensor<1x4xi2>
  %w = sqz.pack %c scales(%s : tensor<f32>) metadata(%p : tensor<1x4xi2>) : tensor<1x4xi8> -> !q
  %y = sqz.matmul %x, %w {rhs_transposed} : tensor<2x8xf32>, !q -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}

// 1:4 is N:M but not 2:4.
// CHECK-LABEL: func.func @one_of_four_stays
// CHECK: sqz.matmul
!o = !sqz.tensor<1x8xf32, #sqz.sparsity<nm(1, 4, 1)>>
func.func @one_of_four_stays(%x: tensor<2x8xf32>) -> tensor<2x1xf32> {
  %v = arith.constant dense<[[1.0, 2.0]]> : tensor<1x2xf32>
  %p = arith.constant dense<[[0, 3]]> : tensor<1x2xi2>
  %w = sqz.pack %v metadata(%p : tensor<1x2xi2>) : tensor<1x2xf32> -> !o
  %y = sqz.matmul %x, %w {rhs_transposed} : tensor<2x8xf32>, !o -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}

// Positions that are not constants.
// CHECK-LABEL: func.func @runtime_positions_stay
// CHECK: sqz.matmul
!r = !sqz.tensor<1x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
func.func @runtime_positions_stay(%x: tensor<2x8xf32>, %p: tensor<1x4xi2>) -> tensor<2x1xf32> {
  %v = arith.constant dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>
  %w = sqz.pack %v metadata(%p : tensor<1x4xi2>) : tensor<1x4xf32> -> !r
  %y = sqz.matmul %x, %w {rhs_transposed} : tensor<2x8xf32>, !r -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}
