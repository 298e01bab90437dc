// math.fpowi on tensors is vectorized by sqz-lower-to-cpu and computed per
// element (llvm.intr.powi takes one scalar exponent): the results match
// numpy's x**n within float32 rounding, negative exponents included.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/x.npy', np.linspace(-2, 2, 32).astype(np.float32).reshape(2, 16)); np.save('%t/n.npy', (np.arange(32) %% 13 - 6).astype(np.int32).reshape(2, 16))"
// RUN: sqz-run %s --entry pow --input %t/x.npy,%t/n.npy --output-dir %t
// RUN: %python -c "import numpy as np; x = np.load('%t/x.npy').astype(np.float64); n = np.load('%t/n.npy'); r = np.load('%t/out0.npy'); e = x ** n; assert np.allclose(r, e, rtol=1e-5, atol=0), (r, e); print('ok')" | FileCheck %s
// CHECK: ok

func.func @pow(%x: tensor<2x16xf32>, %n: tensor<2x16xi32>) -> tensor<2x16xf32> {
  %r = math.fpowi %x, %n : tensor<2x16xf32>, tensor<2x16xi32>
  return %r : tensor<2x16xf32>
}
