// A fault in the compiled code (here an integer division by zero, which
// --random-inputs makes likely: signed ints are drawn from [-8, 7]) ends
// sqz-run with one line naming the entry point and exit status 1, without a
// crash banner or a stack dump.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/a.npy', np.array([7, 8, 9], np.int32)); np.save('%t/b.npy', np.array([1, 0, 3], np.int32)); np.save('%t/ok.npy', np.array([1, 2, 3], np.int32))"
// RUN: not sqz-run %s --entry div --input %t/a.npy,%t/b.npy > %t/out.txt 2>&1
// RUN: FileCheck %s --check-prefix=FPE < %t/out.txt
// RUN: count 1 < %t/out.txt
// FPE: sqz-run: error: @div raised SIGFPE (arithmetic fault, e.g. an integer division by zero or an overflowing signed division) in the compiled code

// RUN: sqz-run %s --entry div --input %t/a.npy,%t/ok.npy | FileCheck %s --check-prefix=OK
// OK: out0: int32 (3,) [7, 4, 3]

func.func @div(%a: tensor<3xi32>, %b: tensor<3xi32>) -> tensor<3xi32> {
  %r = arith.divsi %a, %b : tensor<3xi32>
  return %r : tensor<3xi32>
}
