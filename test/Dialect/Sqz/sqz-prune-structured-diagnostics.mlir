// RUN: sqz-opt %s --split-input-file --sqz-prune="pattern=heads num-heads=3 sparsity=0.5" --verify-diagnostics
// RUN: not sqz-opt %s --split-input-file --sqz-prune="pattern=heads sparsity=0.5" 2>&1 | FileCheck %s --check-prefix=NOHEADS
// RUN: not sqz-opt %s --split-input-file --sqz-prune="pattern=rows sparsity=1.5" 2>&1 | FileCheck %s --check-prefix=SPARSITY

// NOHEADS: error: sqz-prune: pattern=heads needs a positive num-heads, got 0
// SPARSITY: error: sqz-prune: sparsity must be in [0, 1), got 1.5

// An attention projection whose 4 channels 3 heads do not divide.
func.func @negative_heads_do_not_divide(%x: tensor<2x4xf32>) -> tensor<2x2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  // expected-error@+1 {{sqz-prune: num-heads 3 does not divide the 4 output channels of the projection}}
  %h = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %s = tensor.expand_shape %h [[0], [1, 2]] output_shape [2, 2, 2] : tensor<2x4xf32> into tensor<2x2x2xf32>
  return %s : tensor<2x2x2xf32>
}
