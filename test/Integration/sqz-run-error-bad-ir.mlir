// IR that does not parse, that sqz-lower-to-cpu cannot lower, or LLVM dialect
// IR without the signature sqz-run needs: one line with the first error and
// its location.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "open('%t/broken.mlir', 'w').write('func.func @f(%%x: tensor<4xf32>) -> tensor<4xf32> {\n  return %%y : tensor<4xf32>\n}\n')"
// RUN: not sqz-run %t/broken.mlir --entry f --random-inputs 2>&1 | FileCheck %s --check-prefix=PARSE
// RUN: not sqz-run %t/broken.mlir --entry f --random-inputs 2>&1 | count 1
// PARSE: sqz-run: error: cannot parse '{{.*}}broken.mlir': {{.*}}broken.mlir:2:10: use of undeclared SSA value name

// RUN: not sqz-run %s --entry complex_exp --random-inputs 2>&1 | FileCheck %s --check-prefix=LOWER
// RUN: not sqz-run %s --entry complex_exp --random-inputs 2>&1 | count 1
// LOWER: sqz-run: error: cannot lower '{{.*}}sqz-run-error-bad-ir.mlir' with sqz-lower-to-cpu: {{.*}}sqz-run-error-bad-ir.mlir:[[@LINE+7]]:8: sqz-lower-to-cpu: 'complex.create' op is from the 'complex' dialect, which the pipeline does not lower

// RUN: %python -c "open('%t/plain-llvm.mlir', 'w').write('llvm.func @scale(%%a: f32) -> f32 attributes {llvm.emit_c_interface} {\n  %%r = llvm.fmul %%a, %%a : f32\n  llvm.return %%r : f32\n}\n')"
// RUN: not sqz-run %t/plain-llvm.mlir --entry scale --random-inputs 2>&1 | FileCheck %s --check-prefix=SIGNATURE
// SIGNATURE: sqz-run: error: @scale has no 'sqz.signature' function type attribute

func.func @complex_exp(%a: f32) -> f32 {
  %c = complex.create %a, %a : complex<f32>
  %e = complex.exp %c : complex<f32>
  %r = complex.re %e : complex<f32>
  return %r : f32
}
