// --random-inputs --seed N: deterministic inputs (floats uniform in [-1, 1),
// signed ints in [-8, 7]), saved with --save-inputs so that numpy can check
// the result; the same seed gives the same numbers, another seed others.

// RUN: rm -rf %t && mkdir -p %t
// RUN: sqz-run %s --entry scale_add --random-inputs --seed 42 --save-inputs --output-dir %t/a
// RUN: sqz-run %s --entry scale_add --random-inputs --seed 42 --output-dir %t/b
// RUN: sqz-run %s --entry scale_add --random-inputs --seed 43 --output-dir %t/c
// RUN: %python %sqz_src_root/python/compare_npy.py %t/a/out0.npy %t/b/out0.npy --exact | FileCheck %s --check-prefix=SAME
// RUN: not %python %sqz_src_root/python/compare_npy.py %t/a/out0.npy %t/c/out0.npy --exact | FileCheck %s --check-prefix=OTHER
// RUN: %python -c "import numpy as np; x = np.load('%t/a/in0.npy'); k = np.load('%t/a/in1.npy'); assert x.dtype == np.float32 and x.shape == (64, 32) and x.min() >= -1 and x.max() < 1 and x.std() > 0.5; assert k.dtype == np.int32 and k.shape == (32,) and k.min() >= -8 and k.max() <= 7 and len(np.unique(k)) > 8; np.save('%t/ref.npy', (x * 2 + k.astype(np.float32)).astype(np.float32)); print('inputs ok')" | FileCheck %s --check-prefix=INPUTS
// RUN: %python %sqz_src_root/python/compare_npy.py %t/a/out0.npy %t/ref.npy --exact | FileCheck %s --check-prefix=REF

// SAME: compare_npy: ok
// OTHER: compare_npy: MISMATCH
// INPUTS: inputs ok
// REF: compare_npy: ok: {{.*}}out0.npy: float32 (64, 32) exact

#id = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>

func.func @scale_add(%x: tensor<64x32xf32>, %k: tensor<32xi32>) -> tensor<64x32xf32> {
  %two = arith.constant 2.0 : f32
  %empty = tensor.empty() : tensor<64x32xf32>
  %r = linalg.generic {indexing_maps = [#id, #col, #id],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %k : tensor<64x32xf32>, tensor<32xi32>) outs(%empty : tensor<64x32xf32>) {
  ^bb0(%v: f32, %i: i32, %out: f32):
    %f = arith.sitofp %i : i32 to f32
    %s = arith.mulf %v, %two : f32
    %a = arith.addf %s, %f : f32
    linalg.yield %a : f32
  } -> tensor<64x32xf32>
  return %r : tensor<64x32xf32>
}
