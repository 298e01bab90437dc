// A float32 linalg.matmul JIT-run by sqz-run on .npy inputs, checked against
// numpy (float64 reference): |out - ref| <= 1e-4 + 1e-5 |ref| elementwise.
// Odd sizes (17x64 @ 64x33) so that nothing divides evenly.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; r = np.random.default_rng(7); np.save('%t/a.npy', r.uniform(-1, 1, (17, 64)).astype(np.float32)); np.save('%t/b.npy', r.uniform(-1, 1, (64, 33)).astype(np.float32))"
// RUN: %python -c "import numpy as np; a = np.load('%t/a.npy').astype(np.float64); b = np.load('%t/b.npy').astype(np.float64); np.save('%t/ref.npy', (a @ b).astype(np.float32))"
// RUN: sqz-run %s --entry matmul_f32 --input %t/a.npy --input %t/b.npy --output-dir %t/out
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out0.npy %t/ref.npy --atol 1e-4 --rtol 1e-5 | FileCheck %s

// The same through LLVM dialect IR made beforehand (sqz-run runs it as is).
// RUN: sqz-opt %s --sqz-lower-to-cpu -o %t/lowered.mlir
// RUN: sqz-run %t/lowered.mlir --entry matmul_f32 --input %t/a.npy,%t/b.npy --output-dir %t/out-llvm
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out-llvm/out0.npy %t/out/out0.npy --exact | FileCheck %s

// sqz-contiguous-inner-loop reorders the loops (i, k, j) but not the sum over
// k of any output element: bit-identical to the plain (i, j, k) loop nest.
// RUN: sqz-opt %s --sqz-lower-to-cpu="contiguous-inner-loop=0" -o %t/ijk.mlir
// RUN: sqz-run %t/ijk.mlir --entry matmul_f32 --input %t/a.npy,%t/b.npy --output-dir %t/out-ijk
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out-ijk/out0.npy %t/out/out0.npy --exact | FileCheck %s

// CHECK: compare_npy: ok: {{.*}}out0.npy: float32 (17, 33)

func.func @matmul_f32(%a: tensor<17x64xf32>, %b: tensor<64x33xf32>) -> tensor<17x33xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<17x33xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<17x33xf32>) -> tensor<17x33xf32>
  %c = linalg.matmul ins(%a, %b : tensor<17x64xf32>, tensor<64x33xf32>)
                     outs(%acc : tensor<17x33xf32>) -> tensor<17x33xf32>
  return %c : tensor<17x33xf32>
}
