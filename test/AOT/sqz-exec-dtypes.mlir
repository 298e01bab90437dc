// A compiled model exchanges every element type with numpy as sqz-run does,
// in and out (float16, float64, bool, int16, int64, uint8, index), through
// one result struct for several results; a scalar argument and a scalar
// result (returned by value) and a zero-sized tensor cross the C interface
// too. sqz-exec's output files are byte for byte sqz-run's.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; s = lambda n, a: np.save('%t/' + n + '.npy', a); s('h', np.array([0.5, -1.25, 3.0, 65504.0 / 4], dtype=np.float16)); s('d', np.array([1.5, -2.25], dtype=np.float64)); s('p', np.array([True, False, True], dtype=np.bool_)); s('s', np.array([[-32768, 32767], [7, -7]], dtype=np.int16)); s('l', np.array([2**40, -3], dtype=np.int64)); s('u', np.array([0, 200, 255], dtype=np.uint8)); s('i', np.array([5, -6], dtype=np.int64)); s('f', np.float32(2.5)); s('z', np.zeros((0, 3), np.float32))"
// RUN: sqz-compile %s --target=cpu -o %t/model.so
// RUN: sqz-exec %t/model.so --entry dtypes --input %t/h.npy,%t/d.npy,%t/p.npy,%t/s.npy,%t/l.npy,%t/u.npy,%t/i.npy --output-dir %t/exec
// RUN: sqz-run %s --entry dtypes --input %t/h.npy,%t/d.npy,%t/p.npy,%t/s.npy,%t/l.npy,%t/u.npy,%t/i.npy --output-dir %t/run
// RUN: for i in 0 1 2 3 4 5 6; do cmp %t/exec/out$i.npy %t/run/out$i.npy || exit 1; done

// Printed summaries are the same lines.
// RUN: sqz-exec %t/model.so --entry dtypes --input %t/h.npy,%t/d.npy,%t/p.npy,%t/s.npy,%t/l.npy,%t/u.npy,%t/i.npy > %t/exec.txt
// RUN: sqz-run %s --entry dtypes --input %t/h.npy,%t/d.npy,%t/p.npy,%t/s.npy,%t/l.npy,%t/u.npy,%t/i.npy > %t/run.txt
// RUN: diff %t/exec.txt %t/run.txt
// RUN: FileCheck %s --check-prefix=SUMMARY < %t/exec.txt
// SUMMARY: out0: float16 (4,) [1, -2.5, 6, 32752]
// SUMMARY: out2: bool (3,) [False, True, False]
// SUMMARY: out5: uint8 (3,) [0, 200, 255]

// RUN: sqz-exec %t/model.so --entry scale --input %t/f.npy,%t/z.npy --output-dir %t/exec-scale
// RUN: sqz-run %s --entry scale --input %t/f.npy,%t/z.npy --output-dir %t/run-scale
// RUN: cmp %t/exec-scale/out0.npy %t/run-scale/out0.npy
// RUN: cmp %t/exec-scale/out1.npy %t/run-scale/out1.npy
// RUN: sqz-exec %t/model.so --entry scale --input %t/f.npy,%t/z.npy | FileCheck %s --check-prefix=SCALE
// SCALE: out0: float32 () [5]
// SCALE: out1: float32 (0, 3) []
// RUN: sqz-exec %t/model.so --entry half --input %t/f.npy | FileCheck %s --check-prefix=HALF
// HALF: out0: float32 () [1.25]

// Random inputs are sqz-run's for the same seed (f16 included).
// RUN: sqz-exec %t/model.so --entry dtypes --random-inputs --seed 7 --output-dir %t/exec-random --save-inputs
// RUN: sqz-run %s --entry dtypes --random-inputs --seed 7 --output-dir %t/run-random --save-inputs
// RUN: for i in 0 1 2 3 4 5 6; do cmp %t/exec-random/in$i.npy %t/run-random/in$i.npy && cmp %t/exec-random/out$i.npy %t/run-random/out$i.npy || exit 1; done

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

func.func @scale(%f: f32, %z: tensor<0x3xf32>) -> (f32, tensor<0x3xf32>) {
  %r = arith.addf %f, %f : f32
  return %r, %z : f32, tensor<0x3xf32>
}

func.func @half(%f: f32) -> f32 {
  %c = arith.constant 0.5 : f32
  %r = arith.mulf %f, %c : f32
  return %r : f32
}
