// .npy files sqz-run cannot take: not .npy at all, Fortran order, big-endian,
// truncated data, an unsupported dtype. One line each, naming the file.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; open('%t/text.npy', 'w').write('hello'); np.save('%t/fortran.npy', np.asfortranarray(np.zeros((4, 2), np.float32))); np.save('%t/big.npy', np.zeros((4, 2), '>f4')); np.save('%t/complex.npy', np.zeros((4, 2), np.complex64)); d = open('%t/big.npy', 'rb').read(); np.save('%t/ok.npy', np.zeros((4, 2), np.float32)); d = open('%t/ok.npy', 'rb').read(); open('%t/short.npy', 'wb').write(d[:-4])"
// RUN: not sqz-run %s --entry neg --input %t/text.npy 2>&1 | FileCheck %s --check-prefix=TEXT
// TEXT: sqz-run: error: --input '{{.*}}text.npy': not a .npy file (no \x93NUMPY magic)
// RUN: not sqz-run %s --entry neg --input %t/fortran.npy 2>&1 | FileCheck %s --check-prefix=FORTRAN
// FORTRAN: sqz-run: error: --input '{{.*}}fortran.npy': fortran_order arrays are not supported
// RUN: not sqz-run %s --entry neg --input %t/big.npy 2>&1 | FileCheck %s --check-prefix=BIG
// BIG: sqz-run: error: --input '{{.*}}big.npy': big-endian dtype '>f4' is not supported
// RUN: not sqz-run %s --entry neg --input %t/complex.npy 2>&1 | FileCheck %s --check-prefix=COMPLEX
// COMPLEX: sqz-run: error: --input '{{.*}}complex.npy': unsupported dtype '<c8'
// RUN: not sqz-run %s --entry neg --input %t/short.npy 2>&1 | FileCheck %s --check-prefix=SHORT
// SHORT: sqz-run: error: --input '{{.*}}short.npy': data size 28 bytes does not match float32 (4, 2) (32 bytes)
// A header whose shape multiplies out past 64 bits matches no data.
// RUN: %python -c "h = b\"{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 4), }\"; h = h + b' ' * (117 - len(h)) + b'\\n'; open('%t/huge.npy', 'wb').write(b'\\x93NUMPY\\x01\\x00' + bytes([len(h), 0]) + h + bytes(32))"
// RUN: not sqz-run %s --entry neg --input %t/huge.npy 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: sqz-run: error: --input '{{.*}}huge.npy': shape (4611686018427387904, 4) of float32 is too large (its byte count overflows 64 bits)
// RUN: sqz-run %s --entry neg --input %t/ok.npy | FileCheck %s --check-prefix=OK
// OK: out0: float32 (4, 2) [-0, -0, -0, -0, -0, -0, -0, -0]
// RUN: sqz-run %s --entry neg --input %t/ok.npy --compile-time 2>&1 >/dev/null | FileCheck %s --check-prefix=TIME
// TIME: sqz-run: compiled @neg in {{[0-9.]+}} s (parse {{[0-9.]+}} s, lowering {{[0-9.]+}} s, LLVM {{[0-9.]+}} s)

func.func @neg(%x: tensor<4x2xf32>) -> tensor<4x2xf32> {
  %r = arith.negf %x : tensor<4x2xf32>
  return %r : tensor<4x2xf32>
}
