// Inputs and results with a zero-sized dimension hold no bytes: sqz-run
// passes and returns them without touching memory.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/x.npy', np.zeros((0, 4), np.float32))"
// RUN: sqz-run %s --entry neg --input %t/x.npy --repeat 2 --output-dir %t/out
// RUN: %python -c "import numpy as np; r = np.load('%t/out/out0.npy'); assert r.shape == (0, 4) and r.dtype == np.float32, (r.shape, r.dtype)"

func.func @neg(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %r = arith.negf %x : tensor<?x4xf32>
  return %r : tensor<?x4xf32>
}
