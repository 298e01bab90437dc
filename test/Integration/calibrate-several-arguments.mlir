// sqz-run --calibrate on a function of several arguments: a sample is a
// directory with in<i>.npy for argument i; integer arguments (token ids)
// pass through; --stats-out's missing directories are created.
// RUN: rm -rf %t && mkdir -p %t
// RUN: sqz-opt %s --sqz-instrument -o %t/inst.mlir

// RUN: mkdir -p %t/multi/s0 %t/multi/s1 %t/short/s0 %t/long/s0
// RUN: %python -c "import numpy as np; [np.save('%t/' + d + '/in0.npy', np.arange(8, dtype=np.float32).reshape(2, 4) * (1 + i)) for i, d in enumerate(['multi/s0', 'multi/s1', 'short/s0', 'long/s0'])]; [np.save('%t/' + d + '/in1.npy', np.array([7, 3], np.int64)) for d in ['multi/s0', 'multi/s1', 'long/s0']]; np.save('%t/long/s0/in2.npy', np.zeros(2, np.int64))"
// RUN: sqz-run %t/inst.mlir --entry ids --calibrate %t/multi --stats-out %t/multi-stats/new/s.json
// RUN: %python -c "import sqz_stats; s = sqz_stats.load('%t/multi-stats/new/s.json')['layers']['ids.linear0']; assert s['co' 'unt'] == 4 and s['absmax'] == [8.0, 10.0, 12.0, 14.0], s"
// A sample directory given directly is one sample.
// RUN: sqz-run %t/inst.mlir --entry ids --calibrate %t/multi/s1 --stats-out %t/one-sample.json
// RUN: %python -c "import sqz_stats; s = sqz_stats.load('%t/one-sample.json')['layers']['ids.linear0']; assert s['co' 'unt'] == 2 and s['absmax'] == [8.0, 10.0, 12.0, 14.0], s"
// RUN: not sqz-run %t/inst.mlir --entry ids --calibrate %t/short --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=SHORT
// SHORT: sqz-run: error: --calibrate sample '{{.*}}short/s0' has no in1.npy for argument 1 of @ids (tensor<2xi64>)
// RUN: not sqz-run %t/inst.mlir --entry ids --calibrate %t/long --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=LONG
// LONG: sqz-run: error: --calibrate sample '{{.*}}long/s0' has {{.*}}long/s0/in2.npy, but @ids takes 2 argument(s)


func.func @ids(%x: tensor<2x4xf32>, %ids: tensor<2xi64>) -> tensor<2x3xf32> {
  %w = arith.constant dense<1.0> : tensor<4x3xf32>
  %c0 = arith.constant 0.0 : f32
  %z = tensor.empty() : tensor<2x3xf32>
  %f = linalg.fill ins(%c0 : f32) outs(%z : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%f : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

