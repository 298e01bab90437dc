// What sqz-lower-to-cpu cannot lower ends in its final check, which names
// each kind of op left over once, at its first occurrence.
// RUN: sqz-opt %s --sqz-lower-to-cpu -verify-diagnostics -split-input-file

// The pipeline has no lowering for the complex dialect.
func.func @negative_complex(%a: f32) -> f32 {
  // expected-error@+1 {{sqz-lower-to-cpu: 'complex.create' op was not lowered to the LLVM dialect (the output may hold only builtin.module and llvm.* ops)}}
  %c = complex.create %a, %a : complex<f32>
  // expected-error@+1 {{sqz-lower-to-cpu: 'complex.exp' op was not lowered to the LLVM dialect}}
  %e = complex.exp %c : complex<f32>
  %f = complex.exp %e : complex<f32>
  // expected-error@+1 {{sqz-lower-to-cpu: 'complex.re' op was not lowered to the LLVM dialect}}
  %r = complex.re %f : complex<f32>
  return %r : f32
}
