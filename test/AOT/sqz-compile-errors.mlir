// sqz-compile's user errors: one line "sqz-compile: error: ...", exit
// status 1, and no output file left behind.

// RUN: rm -rf %t && mkdir -p %t
// RUN: not sqz-compile 2>&1 | FileCheck %s --check-prefix=NO-MODEL
// NO-MODEL: sqz-compile: error: no model: sqz-compile MODEL.mlir --target=cpu|cuda -o model.so
// RUN: not sqz-compile %s 2>&1 | FileCheck %s --check-prefix=NO-OUTPUT
// NO-OUTPUT: sqz-compile: error: -o FILE is required: the library to write
// RUN: not sqz-compile %t/missing.mlir -o %t/m.so 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: sqz-compile: error: cannot read '{{.*}}missing.mlir': No such file or directory
// RUN: not sqz-compile %s --target=tpu -o %t/m.so 2>&1 | FileCheck %s --check-prefix=TARGET
// TARGET: for the --target option: Cannot find option named 'tpu'!
// RUN: not sqz-compile %s -o %t/m.so --opt-level 4 2>&1 | FileCheck %s --check-prefix=OPT
// OPT: sqz-compile: error: --opt-level must be 0, 1, 2 or 3
// RUN: touch %t/file
// RUN: not sqz-compile %s -o %t/file/m.so 2>&1 | FileCheck %s --check-prefix=UNWRITABLE
// UNWRITABLE: sqz-compile: error: -o: cannot write '{{.*}}file/m.so': Not a directory
// RUN: not sqz-compile %s -o %t/m.so --target-cpu=pentium9 2>&1 | FileCheck %s --check-prefix=CPU
// CPU: sqz-compile: error: cannot lower '{{.*}}' with sqz-lower-to-cpu: {{.*}}pentium9
// RUN: not sqz-compile %s -o %t/m.so --runtime-dir %t 2>&1 | FileCheck %s --check-prefix=RUNTIME
// RUNTIME: sqz-compile: error: the runtime library '{{.*}}libsqz_runtime.so' does not exist (give its directory with --runtime-dir)
// RUN: not sqz-compile %s -o %t/m.so --linker no-such-linker 2>&1 | FileCheck %s --check-prefix=LINKER
// LINKER: sqz-compile: error: --linker 'no-such-linker' not found
// RUN: not ls %t/m.so

// RUN: echo 'func.func @f(' > %t/bad.mlir
// RUN: not sqz-compile %t/bad.mlir -o %t/m.so 2>&1 | FileCheck %s --check-prefix=PARSE
// PARSE: sqz-compile: error: cannot parse {{.*}}bad.mlir': {{.*}}bad.mlir:1:14: expected non-function type
// RUN: echo 'func.func private @f(%%x: f32) -> f32' > %t/private.mlir
// RUN: not sqz-compile %t/private.mlir -o %t/m.so 2>&1 | FileCheck %s --check-prefix=NOTHING
// NOTHING: sqz-compile: error: '{{.*}}private.mlir' has no public function with a body to call: nothing to compile
// RUN: echo 'func.func @f(%%x: tensor<*xf32>) -> tensor<*xf32> { return %%x : tensor<*xf32> }' > %t/unranked.mlir
// RUN: not sqz-compile %t/unranked.mlir -o %t/m.so 2>&1 | FileCheck %s --check-prefix=UNRANKED
// UNRANKED: sqz-compile: error: cannot lower '{{.*}}unranked.mlir' with sqz-lower-to-cpu: {{.*}}

func.func @add(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %r = arith.addf %x, %y : tensor<4xf32>
  return %r : tensor<4xf32>
}
