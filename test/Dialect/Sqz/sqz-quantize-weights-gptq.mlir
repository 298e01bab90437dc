// sqz-quantize-weights method=gptq on a layer small enough to follow by hand.
// RUN: rm -rf %t && mkdir -p %t/a %t/b
// RUN: %python -c "import numpy as np; h = np.eye(4); h[0, 1] = h[1, 0] = 0.5; np.save('%t/a/tiny.linear0.hessian.npy', h); np.save('%t/a/batch.linear0.hessian.npy', h); np.save('%t/b/batch.linear0.hessian.npy', h); h[1, 1] = 2.0; np.save('%t/b/tiny.linear0.hessian.npy', h.astype(np.float32))"
// RUN: sqz-opt %s --sqz-quantize-weights="method=gptq hessian=%t/a damp=0 bits=4" | FileCheck %s --check-prefix=GPTQ
// RUN: sqz-opt %s --sqz-quantize-weights="method=gptq hessian=%t/b damp=0 bits=4 act-order=true" | FileCheck %s --check-prefix=ACT
// RUN: sqz-opt %s --sqz-quantize-weights="bits=4" | FileCheck %s --check-prefix=RTN

// W is [K, N] = [4, 2], 4 bits per channel: both output channels have
// absmax 7, so the scales are 1 (the same for every method: per-channel
// scales come from the original weight) and a code is the rounded weight.
//
// RTN rounds each weight: [[0, 1], [0, 2], [7, -7], [0, 0]].
//
// GPTQ with H = [[1, .5, 0, 0], [.5, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
// and damp=0: the error d = w - q of channel 0 moves to channel 1 as
// w1 += d * H01 / H11 = d / 2 (only channels 0 and 1 are correlated).
// Column 0: q0 = 0, d = 0.4, w1 = 0.4 + 0.2 = 0.6 -> 1.
// Column 1: q0 = 1, d = 0.4, w1 = 2.4 + 0.2 = 2.6 -> 3.
// GPTQ-DAG: %[[S:.*]] = arith.constant dense<1.000000e+00> : tensor<2xf32>
// GPTQ-DAG: %[[C:.*]] = arith.constant dense<{{\[}}[0, 1], [1, 3], [7, -7], [0, 0]]> : tensor<4x2xi4>
// GPTQ: sqz.pack %[[C]] scales(%[[S]] : tensor<2xf32>)
// GPTQ-LABEL: func.func @batch
//
// With H11 = 2 (a float32 file) and act-order, channel 1 (the largest
// diagonal) goes first and its error moves to channel 0 as
// w0 += d * H01 / H00 = d / 2.
// Column 0: q1 = 0, d = 0.4, w0 = 0.4 + 0.2 = 0.6 -> 1.
// Column 1: q1 = 2, d = 0.4, w0 = 1.4 + 0.2 = 1.6 -> 2.
// ACT: %[[C:.*]] = arith.constant dense<{{\[}}[1, 2], [0, 2], [7, -7], [0, 0]]> : tensor<4x2xi4>
// ACT: sqz.pack %[[C]]
// ACT-LABEL: func.func @batch
//
// RTN: %[[C:.*]] = arith.constant dense<{{\[}}[0, 1], [0, 2], [7, -7], [0, 0]]> : tensor<4x2xi4>
// RTN: sqz.pack %[[C]]
// RTN-LABEL: func.func @batch
func.func @tiny(%x: tensor<3x4xf32>) -> tensor<3x2xf32> {
  %w = arith.constant dense<[[0.4, 1.4], [0.4, 2.4], [7.0, -7.0], [0.0, 0.2]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<3x2xf32>) -> tensor<3x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<3x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<3x2xf32>) -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// A weight per batch ([B, K, N]) is quantized batch by batch with the one
// Hessian of the layer: here both batches are the weight above.
// GPTQ: arith.constant dense<{{\[}}{{\[}}[0, 1], [1, 3], [7, -7], [0, 0]], {{\[}}[0, 1], [1, 3], [7, -7], [0, 0]]]> : tensor<2x4x2xi4>
func.func @batch(%x: tensor<2x3x4xf32>) -> tensor<2x3x2xf32> {
  %w = arith.constant dense<[[[0.4, 1.4], [0.4, 2.4], [7.0, -7.0], [0.0, 0.2]], [[0.4, 1.4], [0.4, 2.4], [7.0, -7.0], [0.0, 0.2]]]> : tensor<2x4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x2xf32>) -> tensor<2x3x2xf32>
  %y = linalg.batch_matmul ins(%x, %w : tensor<2x3x4xf32>, tensor<2x4x2xf32>) outs(%acc : tensor<2x3x2xf32>) -> tensor<2x3x2xf32>
  return %y : tensor<2x3x2xf32>
}
