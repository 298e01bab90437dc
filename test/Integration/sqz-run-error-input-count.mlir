// The number of --input files must be the number of arguments; none at all
// (and no --random-inputs) is an error too, as is giving both.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/x.npy', np.zeros((4,), np.float32))"
// RUN: not sqz-run %s --entry add --input %t/x.npy 2>&1 | FileCheck %s --check-prefix=FEW
// RUN: not sqz-run %s --entry add --input %t/x.npy 2>&1 | count 1
// FEW: sqz-run: error: @add takes 2 argument(s), got 1 --input file(s)

// RUN: not sqz-run %s --entry add --input %t/x.npy,%t/x.npy,%t/x.npy 2>&1 | FileCheck %s --check-prefix=MANY
// MANY: sqz-run: error: @add takes 2 argument(s), got 3 --input file(s)

// RUN: not sqz-run %s --entry add 2>&1 | FileCheck %s --check-prefix=NONE
// NONE: sqz-run: error: @add takes 2 argument(s), got 0 --input file(s) (give --input files or --random-inputs)

// RUN: not sqz-run %s --entry add --input %t/x.npy,%t/x.npy --random-inputs 2>&1 | FileCheck %s --check-prefix=BOTH
// BOTH: sqz-run: error: --input and --random-inputs exclude each other

func.func @add(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %r = arith.addf %x, %y : tensor<4xf32>
  return %r : tensor<4xf32>
}
