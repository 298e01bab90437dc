// RUN: sqz-opt %s --split-input-file --sqz-outlier-split="stats=%S/Inputs/outlier-stats.json allow-unknown-layers=1" --verify-diagnostics

// Options, checked before anything runs.
// RUN: not sqz-opt %s --sqz-outlier-split 2>&1 | FileCheck %s --check-prefix=NOSTATS
// RUN: not sqz-opt %s --sqz-outlier-split="threshold=0 stats=%S/Inputs/outlier-stats.json" 2>&1 | FileCheck %s --check-prefix=ZERO
// RUN: not sqz-opt %s --sqz-outlier-split="threshold=-1.5 stats=%S/Inputs/outlier-stats.json" 2>&1 | FileCheck %s --check-prefix=NEGATIVE
// RUN: not sqz-opt %s --sqz-outlier-split="stats=%S/Inputs/does-not-exist.json" 2>&1 | FileCheck %s --check-prefix=MISSINGFILE

// NOSTATS: error: sqz-outlier-split: needs a statistics file (stats=FILE)
// ZERO: error: sqz-outlier-split: threshold must be positive, got 0
// NEGATIVE: error: sqz-outlier-split: threshold must be positive, got -1.5
// MISSINGFILE: error: sqz-outlier-split: statistics file '{{.*}}does-not-exist.json' cannot be read

func.func @missing(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<1.0> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  // expected-error@+1 {{layer 'missing.linear0' has no entry in statistics file}}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @wrongk(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<1.0> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  // expected-error@+1 {{statistics of layer 'wrongk.linear0': field 'channels' is 3, the weight's reduction size is 4}}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @noabsmax(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<1.0> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  // expected-error@+1 {{statistics of layer 'noabsmax.linear0' have no field 'absmax', which sqz-outlier-split needs}}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
