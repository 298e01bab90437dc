// sqz-exec's user errors: one line "sqz-exec: error: ...", exit status 1,
// the same words as sqz-run where the flags are the same.

// RUN: rm -rf %t && mkdir -p %t
// RUN: sqz-compile %s -o %t/model.so
// RUN: %python -c "import numpy as np; np.save('%t/x.npy', np.zeros((4,), np.float32)); np.save('%t/i.npy', np.zeros((4,), np.int32)); np.save('%t/s.npy', np.zeros((5,), np.float32)); np.save('%t/a.npy', np.array([7, 8, 9], np.int32)); np.save('%t/b.npy', np.array([1, 0, 3], np.int32)); open('%t/bad.npy', 'w').write('hello')"

// RUN: not sqz-exec 2>&1 | FileCheck %s --check-prefix=NO-MODEL
// NO-MODEL: sqz-exec: error: no model: sqz-exec MODEL.so --entry NAME ...
// RUN: not sqz-exec %t/model.so 2>&1 | FileCheck %s --check-prefix=NO-ENTRY
// NO-ENTRY: sqz-exec: error: --entry NAME is required: the public function to call
// RUN: not sqz-exec %t/missing.so --entry add 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: sqz-exec: error: cannot read '{{.*}}missing.so': No such file or directory
// RUN: not sqz-exec %t/bad.npy --entry add 2>&1 | FileCheck %s --check-prefix=NOT-LIBRARY
// NOT-LIBRARY: sqz-exec: error: cannot load '{{.*}}bad.npy': {{.*}}
// RUN: not sqz-exec %sqz_lib_dir/libsqz_runtime.so --entry add 2>&1 | FileCheck %s --check-prefix=NOT-MODEL
// NOT-MODEL: sqz-exec: error: '{{.*}}libsqz_runtime.so' is not a model library made by sqz-compile (it has no sqz_model_manifest)
// RUN: not sqz-exec %t/model.so --entry nope 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: sqz-exec: error: no function @nope in '{{.*}}model.so' (public functions: add, div, dyn)
// RUN: not sqz-exec %t/model.so --entry add --device cuda 2>&1 | FileCheck %s --check-prefix=DEVICE
// DEVICE: sqz-exec: error: '{{.*}}model.so' was compiled for cpu; --device cuda needs a model compiled with --target=cuda
// RUN: not sqz-exec %t/model.so --entry add --device tpu 2>&1 | FileCheck %s --check-prefix=BAD-DEVICE
// BAD-DEVICE: sqz-exec: error: --device must be cpu or cuda, got 'tpu'
// RUN: not sqz-exec %t/model.so --entry add --frobnicate 2>&1 | FileCheck %s --check-prefix=OPTION
// OPTION: sqz-exec: error: unknown option '--frobnicate' (see sqz-exec --help)
// RUN: not sqz-exec %t/model.so --entry add --repeat 0 --random-inputs 2>&1 | FileCheck %s --check-prefix=REPEAT
// REPEAT: sqz-exec: error: --repeat must be at least 1
// RUN: not sqz-exec %t/model.so --entry add --repeat x --random-inputs 2>&1 | FileCheck %s --check-prefix=REPEAT-VALUE
// REPEAT-VALUE: sqz-exec: error: for the --repeat option: 'x' value invalid for integer argument!
// RUN: not sqz-exec %t/model.so --entry add --save-inputs --random-inputs 2>&1 | FileCheck %s --check-prefix=SAVE
// SAVE: sqz-exec: error: --save-inputs needs --output-dir

// Inputs: count, both kinds, dtype, shape, unreadable files.
// RUN: not sqz-exec %t/model.so --entry add --input %t/x.npy 2>&1 | FileCheck %s --check-prefix=FEW
// FEW: sqz-exec: error: @add takes 2 argument(s), got 1 --input file(s)
// RUN: not sqz-exec %t/model.so --entry add 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: sqz-exec: error: @add takes 2 argument(s), got 0 --input file(s) (give --input files or --random-inputs)
// RUN: not sqz-exec %t/model.so --entry add --input %t/x.npy,%t/x.npy --random-inputs 2>&1 | FileCheck %s --check-prefix=BOTH
// BOTH: sqz-exec: error: --input and --random-inputs exclude each other
// RUN: not sqz-exec %t/model.so --entry add --input %t/x.npy --input %t/i.npy 2>&1 | FileCheck %s --check-prefix=DTYPE
// DTYPE: sqz-exec: error: --input '{{.*}}i.npy' for argument 1 of @add (tensor<4xf32>): expected float32 (4,), got int32 (4,)
// RUN: not sqz-exec %t/model.so --entry add --input %t/x.npy,%t/s.npy 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: sqz-exec: error: --input '{{.*}}s.npy' for argument 1 of @add (tensor<4xf32>): expected float32 (4,), got float32 (5,)
// RUN: not sqz-exec %t/model.so --entry add --input %t/x.npy,%t/bad.npy 2>&1 | FileCheck %s --check-prefix=BAD-NPY
// BAD-NPY: sqz-exec: error: --input '{{.*}}bad.npy': not a .npy file (no \x93NUMPY magic)
// RUN: not sqz-exec %t/model.so --entry add --input %t/x.npy,%t/nothere.npy 2>&1 | FileCheck %s --check-prefix=NO-FILE
// NO-FILE: sqz-exec: error: --input '{{.*}}nothere.npy': No such file or directory
// RUN: not sqz-exec %t/model.so --entry dyn --random-inputs 2>&1 | FileCheck %s --check-prefix=DYNAMIC
// DYNAMIC: sqz-exec: error: argument 0 of @dyn is tensor<?xf32>: --random-inputs needs static shapes (give --input files)
// RUN: sqz-exec %t/model.so --entry dyn --input %t/s.npy | FileCheck %s --check-prefix=DYNAMIC-OK
// DYNAMIC-OK: out0: float32 (5,) [0, 0, 0, 0, 0]

// Outputs: an --output-dir that is a file.
// RUN: not sqz-exec %t/model.so --entry add --random-inputs --output-dir %t/x.npy/sub 2>&1 | FileCheck %s --check-prefix=OUT-DIR
// OUT-DIR: sqz-exec: error: cannot create --output-dir '{{.*}}x.npy/sub': Not a directory

// A fault in the compiled code names the entry point.
// RUN: not sqz-exec %t/model.so --entry div --input %t/a.npy,%t/b.npy > %t/fpe.txt 2>&1
// RUN: FileCheck %s --check-prefix=FPE < %t/fpe.txt
// RUN: count 1 < %t/fpe.txt
// FPE: sqz-exec: error: @div raised SIGFPE (arithmetic fault, e.g. an integer division by zero or an overflowing signed division) in the compiled code

func.func @add(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %r = arith.addf %x, %y : tensor<4xf32>
  return %r : tensor<4xf32>
}

func.func @div(%a: tensor<3xi32>, %b: tensor<3xi32>) -> tensor<3xi32> {
  %r = arith.divsi %a, %b : tensor<3xi32>
  return %r : tensor<3xi32>
}

func.func @dyn(%x: tensor<?xf32>) -> tensor<?xf32> {
  %r = arith.addf %x, %x : tensor<?xf32>
  return %r : tensor<?xf32>
}

func.func private @helper(%x: f32) -> f32 {
  return %x : f32
}
