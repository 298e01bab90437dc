// An int8 x int8 -> int32 linalg.matmul JIT-run by sqz-run, bit-exact against
// numpy's int32 matmul. Full-range int8 values (-128..127), so that sign
// extension and the i32 accumulator are exercised; a float path would round.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; r = np.random.default_rng(11); np.save('%t/a.npy', r.integers(-128, 128, (16, 128), dtype=np.int8)); np.save('%t/b.npy', r.integers(-128, 128, (128, 48), dtype=np.int8)); np.save('%t/b-extreme.npy', np.full((128, 48), -128, dtype=np.int8)); np.save('%t/a-extreme.npy', np.full((16, 128), -128, dtype=np.int8))"
// RUN: %python -c "import numpy as np; m = lambda x, y: np.load('%t/' + x).astype(np.int32) @ np.load('%t/' + y).astype(np.int32); np.save('%t/ref.npy', m('a.npy', 'b.npy')); np.save('%t/ref-extreme.npy', m('a-extreme.npy', 'b-extreme.npy'))"
// RUN: sqz-run %s --entry matmul_i8 --input %t/a.npy --input %t/b.npy --output-dir %t/out
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out0.npy %t/ref.npy --exact | FileCheck %s
// RUN: sqz-run %s --entry matmul_i8 --input %t/a-extreme.npy --input %t/b-extreme.npy --output-dir %t/out-extreme
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out-extreme/out0.npy %t/ref-extreme.npy --exact | FileCheck %s --check-prefix=EXTREME

// CHECK: compare_npy: ok: {{.*}}out0.npy: int32 (16, 48) exact
// 128 * (-128) * (-128) = 2097152 in every element.
// EXTREME: compare_npy: ok: {{.*}}out0.npy: int32 (16, 48) exact

func.func @matmul_i8(%a: tensor<16x128xi8>, %b: tensor<128x48xi8>) -> tensor<16x48xi32> {
  %zero = arith.constant 0 : i32
  %empty = tensor.empty() : tensor<16x48xi32>
  %acc = linalg.fill ins(%zero : i32) outs(%empty : tensor<16x48xi32>) -> tensor<16x48xi32>
  %c = linalg.matmul ins(%a, %b : tensor<16x128xi8>, tensor<128x48xi8>)
                     outs(%acc : tensor<16x48xi32>) -> tensor<16x48xi32>
  return %c : tensor<16x48xi32>
}
