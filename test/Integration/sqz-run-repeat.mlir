// --repeat N runs the function N times and prints the median wall time; every
// run sees the same inputs, even for a function in destination-passing style
// whose result is computed in the buffer of an argument: the output after 7
// runs is x + acc, not x * 7 + acc. sqz-lower-to-cpu keeps entry-point
// arguments read-only (%acc is copied), and for LLVM IR that updates its
// arguments in place (here: lowered with read-only-args=0) sqz-run restores
// the input buffers before every run.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/x.npy', np.arange(6, dtype=np.float32)); np.save('%t/acc.npy', np.full(6, 10, dtype=np.float32)); np.save('%t/ref.npy', np.arange(6, dtype=np.float32) + 10)"
// RUN: sqz-run %s --entry accumulate --input %t/x.npy,%t/acc.npy --repeat 7 --output-dir %t/out | FileCheck %s
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out0.npy %t/ref.npy --exact | FileCheck %s --check-prefix=REF
// RUN: %python -c "import numpy as np; assert (np.load('%t/acc.npy') == 10).all(); print('input file unchanged')" | FileCheck %s --check-prefix=INPUT
// RUN: sqz-opt %s --sqz-lower-to-cpu="read-only-args=0" -o %t/in-place.mlir
// RUN: sqz-run %t/in-place.mlir --entry accumulate --input %t/x.npy,%t/acc.npy --repeat 7 --output-dir %t/in-place | FileCheck %s
// RUN: %python %sqz_src_root/python/compare_npy.py %t/in-place/out0.npy %t/ref.npy --exact | FileCheck %s --check-prefix=REF

// CHECK: median time: {{[0-9]+\.[0-9]+}} ms over 7 runs
// REF: compare_npy: ok: {{.*}}out0.npy: float32 (6,) exact
// INPUT: input file unchanged

#id = affine_map<(i) -> (i)>

// %acc is read and written: with writable arguments it is updated in place.
func.func @accumulate(%x: tensor<6xf32>, %acc: tensor<6xf32>) -> tensor<6xf32> {
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<6xf32>) outs(%acc : tensor<6xf32>) {
  ^bb0(%v: f32, %a: f32):
    %s = arith.addf %a, %v : f32
    linalg.yield %s : f32
  } -> tensor<6xf32>
  return %r : tensor<6xf32>
}
