// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights="explain=true group-size=3 granularity=group" --verify-diagnostics
// RUN: not sqz-opt %s --sqz-quantize-weights="bits=3" 2>&1 | FileCheck %s --check-prefix=BITS
// RUN: not sqz-opt %s --sqz-quantize-weights="granularity=row" 2>&1 | FileCheck %s --check-prefix=GRANULARITY
// RUN: not sqz-opt %s --sqz-quantize-weights="granularity=group group-size=0" 2>&1 | FileCheck %s --check-prefix=GROUPSIZE

// BITS: error: sqz-quantize-weights: bits must be 8, 4 or 2, got 3
// GRANULARITY: sqz-opt: for the --granularity option: 'row' is not one of: tensor, channel, group
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

func.func @negative_f64(%x: tensor<2x3xf64>) -> tensor<2x2xf64> {
  %w = arith.constant dense<1.0> : tensor<3x2xf64>
  %zero = arith.constant 0.0 : f64
  %e = tensor.empty() : tensor<2x2xf64>
  %acc = linalg.fill ins(%zero : f64) outs(%e : tensor<2x2xf64>) -> tensor<2x2xf64>
  // expected-remark@+1 {{weight not quantized: weight is not an f32, f16 or bf16 tensor}}
  %y = linalg.matmul ins(%x, %w : tensor<2x3xf64>, tensor<3x2xf64>) outs(%acc : tensor<2x2xf64>) -> tensor<2x2xf64>
  return %y : tensor<2x2xf64>
}

// -----

// f16 operands accumulated in f32: the sqz.matmul computes in one type.
func.func @negative_mixed_precision(%x: tensor<2x3xf16>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<3x2xf16>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-remark@+1 {{weight not quantized: operands and result have different element types}}
  %y = linalg.matmul ins(%x, %w : tensor<2x3xf16>, tensor<3x2xf16>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_integer_body(%x: tensor<2x3xi32>) -> tensor<2x2xi32> {
  %w = arith.constant dense<1> : tensor<3x2xi32>
  %zero = arith.constant 0 : i32
  %e = tensor.empty() : tensor<2x2xi32>
  %acc = linalg.fill ins(%zero : i32) outs(%e : tensor<2x2xi32>) -> tensor<2x2xi32>
  // expected-remark@+1 {{weight not quantized: body is not a float multiply-add}}
  %y = linalg.matmul ins(%x, %w : tensor<2x3xi32>, tensor<3x2xi32>) outs(%acc : tensor<2x2xi32>) -> tensor<2x2xi32>
  return %y : tensor<2x2xi32>
}

// -----

// The batch is reduced too: no sqz.matmul computes that.
func.func @negative_batch_reduce_matmul(%x: tensor<2x5x3xf32>) -> tensor<5x2xf32> {
  %w = arith.constant dense<1.0> : tensor<2x3x2xf32>
  %zero = arith.constant dense<0.0> : tensor<5x2xf32>
  // expected-remark@+1 {{weight not quantized: does not reduce over exactly one dimension}}
  %y = linalg.batch_reduce_matmul ins(%x, %w : tensor<2x5x3xf32>, tensor<2x3x2xf32>) outs(%zero : tensor<5x2xf32>) -> tensor<5x2xf32>
  return %y : tensor<5x2xf32>
}

// -----

// The result is written [N, M].
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#nm = affine_map<(m, n, k) -> (n, m)>
func.func @negative_transposed_result(%x: tensor<2x3xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<3x2xf32>
  %zero = arith.constant dense<0.0> : tensor<2x2xf32>
  // expected-remark@+1 {{weight not quantized: no input is read as [M, K] for a result [M, N]}}
  %y = linalg.generic {indexing_maps = [#mk, #kn, #nm], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<2x3xf32>, tensor<3x2xf32>) outs(%zero : tensor<2x2xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// The batched rhs broadcasts a [B, N] constant along K: not a weight matrix.
#bn = affine_map<(b, k, n) -> (b, n)>
#bkn = affine_map<(b, k, n) -> (b, k, n)>
func.func @negative_broadcast_along_k(%x: tensor<2x5x3xf32>) -> tensor<2x5x2xf32> {
  %v = arith.constant dense<1.0> : tensor<2x2xf32>
  %eb = tensor.empty() : tensor<2x3x2xf32>
  %w = linalg.generic {indexing_maps = [#bn, #bkn], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%v : tensor<2x2xf32>) outs(%eb : tensor<2x3x2xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<2x3x2xf32>
  %zero = arith.constant dense<0.0> : tensor<2x5x2xf32>
  // expected-remark@+1 {{weight not quantized: weight is read neither as [K, N] or [N, K] nor per batch as [B, K, N] or [B, N, K]}}
  %y = linalg.batch_matmul ins(%x, %w : tensor<2x5x3xf32>, tensor<2x3x2xf32>) outs(%zero : tensor<2x5x2xf32>) -> tensor<2x5x2xf32>
  return %y : tensor<2x5x2xf32>
}

// -----

// A mutable global is read with ml_program.global_load, which is not a
// constant.
ml_program.global private mutable @state(dense<1.0> : tensor<3x2xf32>) : tensor<3x2xf32>
func.func @negative_mutable_global(%x: tensor<2x3xf32>) -> tensor<2x2xf32> {
  %w = ml_program.global_load @state : tensor<3x2xf32>
  %zero = arith.constant dense<0.0> : tensor<2x2xf32>
  // expected-remark@+1 {{weight not quantized: weight is not a constant}}
  %y = linalg.matmul ins(%x, %w : tensor<2x3xf32>, tensor<3x2xf32>) outs(%zero : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// A 3-D weight per batch is grouped along its K too.
func.func @negative_batched_group_size(%x: tensor<2x5x4xf32>) -> tensor<2x5x2xf32> {
  %w = arith.constant dense<1.0> : tensor<2x4x2xf32>
  %zero = arith.constant dense<0.0> : tensor<2x5x2xf32>
  // expected-remark@+1 {{weight not quantized: group size 3 does not divide the reduction size 4}}
  %y = linalg.batch_matmul ins(%x, %w : tensor<2x5x4xf32>, tensor<2x4x2xf32>) outs(%zero : tensor<2x5x2xf32>) -> tensor<2x5x2xf32>
  return %y : tensor<2x5x2xf32>
}
