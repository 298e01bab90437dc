// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights="explain=true group-size=3 granularity=group" --verify-diagnostics
// RUN: not sqz-opt %s --sqz-quantize-weights="bits=3" 2>&1 | FileCheck %s --check-prefix=BITS
// RUN: not sqz-opt %s --sqz-quantize-weights="granularity=row" 2>&1 | FileCheck %s --check-prefix=GRANULARITY
// RUN: not sqz-opt %s --sqz-quantize-weights="granularity=group group-size=0" 2>&1 | FileCheck %s --check-prefix=GROUPSIZE

// BITS: error: sqz-quantize-weights: bits must be 8, 4 or 2, got 3
// GRANULARITY: error: sqz-quantize-weights: granularity must be tensor, channel or group, got 'row'
// GROUPSIZE: error: sqz-quantize-weights: group-size must be positive, got 0

func.func @negative_nan_weight(%x: tensor<2x3xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{weight has a non-finite value (nan) at flat index 3}}
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 0x7FC00000], [0.5, 0.25]]> : tensor<3x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x3xf32>, tensor<3x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_argument_weight(%x: tensor<2x3xf32>, %w: tensor<3x2xf32>) -> tensor<2x2xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-remark@+1 {{weight not quantized: weight is not a constant}}
  %y = linalg.matmul ins(%x, %w : tensor<2x3xf32>, tensor<3x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_accumulator(%x: tensor<2x3xf32>, %acc: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<3x2xf32>
  // expected-remark@+1 {{weight not quantized: accumulator is not a zero fill}}
  %y = linalg.matmul ins(%x, %w : tensor<2x3xf32>, tensor<3x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_group_size(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-remark@+1 {{weight not quantized: group size 3 does not divide the reduction size 4}}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_f16(%x: tensor<2x3xf16>) -> tensor<2x2xf16> {
  %w = arith.constant dense<1.0> : tensor<3x2xf16>
  %zero = arith.constant 0.0 : f16
  %e = tensor.empty() : tensor<2x2xf16>
  %acc = linalg.fill ins(%zero : f16) outs(%e : tensor<2x2xf16>) -> tensor<2x2xf16>
  // expected-remark@+1 {{weight not quantized: weight is not an f32 tensor}}
  %y = linalg.matmul ins(%x, %w : tensor<2x3xf16>, tensor<3x2xf16>) outs(%acc : tensor<2x2xf16>) -> tensor<2x2xf16>
  return %y : tensor<2x2xf16>
}
