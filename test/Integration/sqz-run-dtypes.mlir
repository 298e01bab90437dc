// Every element type sqz-run exchanges with numpy, in and out: float16,
// float64, bool (i1), int16, int64, uint8 (ui8 in the signature) and index
// (int64), checked bit-exactly against numpy (the float operations are exact
// in their types: x * 2, x - 0.5 on small binary fractions).

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; s = lambda n, a: np.save('%t/' + n + '.npy', a); s('h', np.array([0.5, -1.25, 3.0, 65504.0 / 4], dtype=np.float16)); s('d', np.array([1.5, -2.25], dtype=np.float64)); s('p', np.array([True, False, True], dtype=np.bool_)); s('s', np.array([[-32768, 32767], [7, -7]], dtype=np.int16)); s('l', np.array([2**40, -3], dtype=np.int64)); s('u', np.array([0, 200, 255], dtype=np.uint8)); s('i', np.array([5, -6], dtype=np.int64))"
// RUN: %python -c "import numpy as np; l = lambda n: np.load('%t/' + n + '.npy'); s = lambda n, a: np.save('%t/' + n + '.npy', a); s('r0', l('h') * np.float16(2)); s('r1', l('d') - 0.5); s('r2', ~l('p')); s('r3', l('s')); s('r4', l('l') + 1); s('r5', l('u')); s('r6', l('i') * 3)"
// RUN: sqz-run %s --entry dtypes --input %t/h.npy,%t/d.npy,%t/p.npy,%t/s.npy,%t/l.npy,%t/u.npy,%t/i.npy --output-dir %t/out
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out0.npy %t/r0.npy --exact | FileCheck %s --check-prefix=OUT0
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out1.npy %t/r1.npy --exact | FileCheck %s --check-prefix=OUT1
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out2.npy %t/r2.npy --exact | FileCheck %s --check-prefix=OUT2
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out3.npy %t/r3.npy --exact | FileCheck %s --check-prefix=OUT3
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out4.npy %t/r4.npy --exact | FileCheck %s --check-prefix=OUT4
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out5.npy %t/r5.npy --exact | FileCheck %s --check-prefix=OUT5
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out6.npy %t/r6.npy --exact | FileCheck %s --check-prefix=OUT6

// OUT0: ok: {{.*}}out0.npy: float16 (4,) exact
// OUT1: ok: {{.*}}out1.npy: float64 (2,) exact
// OUT2: ok: {{.*}}out2.npy: bool (3,) exact
// OUT3: ok: {{.*}}out3.npy: int16 (2, 2) exact
// OUT4: ok: {{.*}}out4.npy: int64 (2,) exact
// OUT5: ok: {{.*}}out5.npy: uint8 (3,) exact
// OUT6: ok: {{.*}}out6.npy: int64 (2,) exact

func.func @dtypes(%h: tensor<4xf16>, %d: tensor<2xf64>, %p: tensor<3xi1>,
                  %s: tensor<2x2xi16>, %l: tensor<2xi64>, %u: tensor<3xui8>,
                  %i: tensor<2xindex>)
    -> (tensor<4xf16>, tensor<2xf64>, tensor<3xi1>, tensor<2x2xi16>,
        tensor<2xi64>, tensor<3xui8>, tensor<2xindex>) {
  %two = arith.constant dense<2.0> : tensor<4xf16>
  %h2 = arith.mulf %h, %two : tensor<4xf16>
  %half = arith.constant dense<0.5> : tensor<2xf64>
  %d2 = arith.subf %d, %half : tensor<2xf64>
  %true = arith.constant dense<true> : tensor<3xi1>
  %p2 = arith.xori %p, %true : tensor<3xi1>
  %one = arith.constant dense<1> : tensor<2xi64>
  %l2 = arith.addi %l, %one : tensor<2xi64>
  %three = arith.constant dense<3> : tensor<2xindex>
  %i2 = arith.muli %i, %three : tensor<2xindex>
  return %h2, %d2, %p2, %s, %l2, %u, %i2
      : tensor<4xf16>, tensor<2xf64>, tensor<3xi1>, tensor<2x2xi16>,
        tensor<2xi64>, tensor<3xui8>, tensor<2xindex>
}
