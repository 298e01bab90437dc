// Errors of sqz-run --calibrate: one line each, exit status 1.

// RUN: rm -rf %t && mkdir -p %t/empty %t/samples
// RUN: %python -c "import numpy as np; np.save('%t/samples/a.npy', np.zeros((2, 4), np.float32)); np.save('%t/bad-shape.npy', np.zeros((3, 4), np.float32)); np.save('%t/bad-dtype.npy', np.zeros((2, 4), np.float64))"
// RUN: sqz-opt %s --sqz-instrument -o %t/inst.mlir

// RUN: not sqz-run %t/inst.mlir --entry two --calibrate %t/samples --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=TWO
// RUN: not sqz-run %t/inst.mlir --entry two --calibrate %t/samples --stats-out %t/s.json 2>&1 | count 1
// TWO: sqz-run: error: --calibrate feeds one .npy file per call, but @two takes 2 arguments

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/empty --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/empty --stats-out %t/s.json 2>&1 | count 1
// EMPTY: sqz-run: error: --calibrate directory '{{.*}}empty' holds no .npy files

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/bad-shape.npy --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=SHAPE
// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/bad-shape.npy --stats-out %t/s.json 2>&1 | count 1
// SHAPE: sqz-run: error: --calibrate '{{.*}}bad-shape.npy' for argument 0 of @one (tensor<2x4xf32>): expected float32 (2, 4), got float32 (3, 4)

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/samples/a.npy,%t/bad-dtype.npy --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=DTYPE
// DTYPE: sqz-run: error: --calibrate '{{.*}}bad-dtype.npy' for argument 0 of @one (tensor<2x4xf32>): expected float32 (2, 4), got float64 (2, 4)

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/missing.npy --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: sqz-run: error: --calibrate '{{.*}}missing.npy' does not exist

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/samples 2>&1 | FileCheck %s --check-prefix=NOOUT
// NOOUT: sqz-run: error: --calibrate needs --stats-out FILE

// RUN: not sqz-run %t/inst.mlir --entry one --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=NOCAL
// NOCAL: sqz-run: error: --stats-out and --hessian need --calibrate

// RUN: not sqz-run %s --entry one --calibrate %t/samples --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=NOOBS
// NOOBS: sqz-run: error: '{{.*}}' has no sqz.observe to calibrate (run sqz-opt --sqz-instrument first)

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/samples --stats-out %t/s.json --random-inputs 2>&1 | FileCheck %s --check-prefix=EXCL
// EXCL: sqz-run: error: --calibrate excludes --input and --random-inputs

func.func @one(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<1.0> : tensor<4x3xf32>
  %c0 = arith.constant 0.0 : f32
  %z = tensor.empty() : tensor<2x3xf32>
  %f = linalg.fill ins(%c0 : f32) outs(%z : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%f : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

func.func @two(%x: tensor<2x4xf32>, %w: tensor<4x3xf32>) -> tensor<2x4xf32> {
  return %x : tensor<2x4xf32>
}
