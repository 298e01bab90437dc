// A model or an input file that does not exist: one line on stderr, exit 1.

// RUN: rm -rf %t && mkdir -p %t
// RUN: not sqz-run %t/no-such-model.mlir --entry add_one 2>&1 | FileCheck %s --check-prefix=MODEL
// RUN: not sqz-run %t/no-such-model.mlir --entry add_one 2>&1 | count 1
// MODEL: sqz-run: error: cannot read '{{.*}}no-such-model.mlir': No such file or directory

// RUN: not sqz-run %s --entry add_one --input %t/no-such-input.npy 2>&1 | FileCheck %s --check-prefix=INPUT
// RUN: not sqz-run %s --entry add_one --input %t/no-such-input.npy 2>&1 | count 1
// INPUT: sqz-run: error: --input '{{.*}}no-such-input.npy': No such file or directory

func.func @add_one(%x: tensor<4xf32>) -> tensor<4xf32> {
  %one = arith.constant dense<1.0> : tensor<4xf32>
  %r = arith.addf %x, %one : tensor<4xf32>
  return %r : tensor<4xf32>
}
