// linalg.softmax (decomposed by sqz-lower-to-cpu) on seeded random inputs,
// against numpy in float64: |out - ref| <= 1e-6 + 1e-5 |ref|.

// RUN: rm -rf %t && mkdir -p %t
// RUN: sqz-run %s --entry softmax --random-inputs --seed 5 --save-inputs --output-dir %t
// RUN: %python -c "import numpy as np; x = np.load('%t/in0.npy').astype(np.float64) * 8; e = np.exp(x - x.max(1, keepdims=True)); np.save('%t/ref.npy', (e / e.sum(1, keepdims=True)).astype(np.float32))"
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out0.npy %t/ref.npy --atol 1e-6 --rtol 1e-5 | FileCheck %s

// CHECK: compare_npy: ok: {{.*}}out0.npy: float32 (8, 64)

func.func @softmax(%x: tensor<8x64xf32>) -> tensor<8x64xf32> {
  // Logits in [-8, 8): exp spans 7 orders of magnitude.
  %eight = arith.constant dense<8.0> : tensor<8x64xf32>
  %logits = arith.mulf %x, %eight : tensor<8x64xf32>
  %e = tensor.empty() : tensor<8x64xf32>
  %r = linalg.softmax dimension(1) ins(%logits : tensor<8x64xf32>)
                                   outs(%e : tensor<8x64xf32>) -> tensor<8x64xf32>
  return %r : tensor<8x64xf32>
}
