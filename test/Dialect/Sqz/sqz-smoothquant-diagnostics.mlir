// RUN: sqz-opt %s --split-input-file --sqz-smoothquant="stats=%S/Inputs/smoothquant-stats-diagnostics.json allow-unknown-layers=1" --verify-diagnostics

// Options, checked before anything runs.
// RUN: not sqz-opt %s --sqz-smoothquant 2>&1 | FileCheck %s --check-prefix=NOSTATS
// RUN: not sqz-opt %s --sqz-smoothquant="alpha=1.5 stats=%S/Inputs/smoothquant-stats.json" 2>&1 | FileCheck %s --check-prefix=ALPHA1
// RUN: not sqz-opt %s --sqz-smoothquant="alpha=-0.25 stats=%S/Inputs/smoothquant-stats.json" 2>&1 | FileCheck %s --check-prefix=ALPHA2
// The statistics reader's own errors name the file.
// RUN: not sqz-opt %s --sqz-smoothquant="stats=%S/Inputs/smoothquant-stats-missing.json" 2>&1 | FileCheck %s --check-prefix=MISSING

// NOSTATS: error: sqz-smoothquant: needs a statistics file (stats=FILE) with the absmax of every layer's input
// ALPHA1: error: sqz-smoothquant: alpha must be in [0, 1], got 1.5
// ALPHA2: error: sqz-smoothquant: alpha must be in [0, 1], got -0.25
// MISSING: error: sqz-smoothquant: statistics file '{{.*}}smoothquant-stats-missing.json' cannot be read: No such file or directory

func.func @no_entry(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error@+1 {{layer 'no_entry.linear0' has no entry in statistics file}}
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @no_absmax(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error@+1 {{statistics of layer 'no_absmax.linear0' have no field 'absmax', which sqz-smoothquant needs}}
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @channels(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error@+1 {{statistics of layer 'channels.linear0': field 'channels' is 3, the weight's reduction size is 2}}
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// Not an error: a weight that is not a constant is left alone, with a remark
// under explain=true (checked in sqz-smoothquant.mlir, SEARCH run).
func.func @activation_weight(%x: tensor<2x2xf32>, %w: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
