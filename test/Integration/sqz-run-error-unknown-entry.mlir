// --entry must name a public function with a body; the error lists the ones
// there are.

// RUN: not sqz-run %s --entry nope --random-inputs 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not sqz-run %s --entry nope --random-inputs 2>&1 | count 1
// UNKNOWN: sqz-run: error: no function @nope in '{{.*}}sqz-run-error-unknown-entry.mlir' (public functions: add_one, twice)

// RUN: not sqz-run %s --entry helper --random-inputs 2>&1 | FileCheck %s --check-prefix=PRIVATE
// PRIVATE: sqz-run: error: @helper is private; only public functions get a C interface

// RUN: not sqz-run %s --entry external --random-inputs 2>&1 | FileCheck %s --check-prefix=DECLARATION
// DECLARATION: sqz-run: error: @external is a declaration, not a function with a body

// RUN: not sqz-run %s --random-inputs 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: sqz-run: error: --entry NAME is required

func.func @add_one(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = call @helper(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

func.func @twice(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = arith.addf %x, %x : tensor<4xf32>
  return %r : tensor<4xf32>
}

func.func private @helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  %one = arith.constant dense<1.0> : tensor<4xf32>
  %r = arith.addf %x, %one : tensor<4xf32>
  return %r : tensor<4xf32>
}

func.func private @external(%x: tensor<4xf32>) -> tensor<4xf32>
