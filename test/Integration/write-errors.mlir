// Files the tools write are checked: a full disk (/dev/full) is an error
// message naming the file and exit status 1, never an abort.

// RUN: rm -rf %t && mkdir -p %t/out %t/samples
// RUN: %python -c "import numpy as np; np.save('%t/samples/a.npy', np.ones((2, 4), np.float32))"

// RUN: not sqz-opt %s -o /dev/full 2>&1 | FileCheck %s --check-prefix=OPT
// OPT: sqz-opt: error: cannot write the output to '/dev/full': No space left on device

// The output's missing directories are created; a path that cannot be
// written fails before the passes run.
// RUN: sqz-opt %s -o %t/new/dir/out.mlir && FileCheck %s --check-prefix=MADE < %t/new/dir/out.mlir
// MADE: func.func @fc
// RUN: touch %t/file && not sqz-opt %s -o %t/file/out.mlir 2>&1 | FileCheck %s --check-prefix=OPTDIR
// OPTDIR: sqz-opt: error: cannot write '{{.*}}file/out.mlir': Not a directory

// RUN: not sqz-opt %s --sqz-quantize-weights --sqz-report=output=/dev/full -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// REPORT: error: sqz-report: cannot write the report to '/dev/full': No space left on device

// RUN: ln -sf /dev/full %t/out/out0.npy
// RUN: not sqz-run %s --entry fc --random-inputs --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=RUNOUT
// RUNOUT: sqz-run: error: cannot write '{{.*}}out0.npy': No space left on device

// RUN: not sqz-run %s --entry fc --random-inputs > /dev/full 2> %t/stdout.txt
// RUN: FileCheck %s --check-prefix=STDOUT < %t/stdout.txt
// STDOUT: sqz-run: error: cannot write the results to standard output: No space left on device

// RUN: sqz-opt %s --sqz-instrument -o %t/inst.mlir
// RUN: not sqz-run %t/inst.mlir --entry fc --calibrate %t/samples --stats-out /dev/full 2>&1 | FileCheck %s --check-prefix=STATS
// STATS: sqz-run: error: --stats-out: cannot write '/dev/full': No space left on device

func.func @fc(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [0.5, 0.25], [1.0, -1.0]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
