// Ops of dialects that sqz-lower-to-cpu has no lowering for are reported by
// its precondition check before anything runs, once per kind of op, at its
// first occurrence. (What a pass leaves behind anyway is caught by the final
// check, test/Pipelines/sqz-check-llvm-dialect.mlir.)
// RUN: sqz-opt %s --sqz-lower-to-cpu -verify-diagnostics -split-input-file

// The pipeline has no lowering for the complex dialect.
func.func @negative_complex(%a: f32) -> f32 {
  // expected-error@+1 {{sqz-lower-to-cpu: 'complex.create' op is from the 'complex' dialect, which the pipeline does not lower (it takes func, linalg, tensor, arith, math, ml_program and sqz ops)}}
  %c = complex.create %a, %a : complex<f32>
  // expected-error@+1 {{sqz-lower-to-cpu: 'complex.exp' op is from the 'complex' dialect}}
  %e = complex.exp %c : complex<f32>
  %f = complex.exp %e : complex<f32>
  // expected-error@+1 {{sqz-lower-to-cpu: 'complex.re' op is from the 'complex' dialect}}
  %r = complex.re %f : complex<f32>
  return %r : f32
}

// -----

// TOSA is lowered to linalg first (upstream's tosa-to-linalg pipelines).
func.func @negative_tosa(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{sqz-lower-to-cpu: 'tosa.add' op is from the 'tosa' dialect}}
  %r = tosa.add %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// Upstream quant ops are imported first (sqz-import-quant).
func.func @negative_quant(%x: tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  // expected-error@+1 {{sqz-lower-to-cpu: 'quant.qcast' op is from the 'quant' dialect}}
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %q : tensor<4x!quant.uniform<i8:f32, 0.5>>
}
