// Version 2 statistics files: a JSON index whose per-channel arrays
// (channel_stats) and histogram counts live in .npy files beside it. Each
// malformed side file is one error naming the file, the layer and the field.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/statistics-v2.py %t
// RUN: sqz-opt %s --sqz-quantize-weights --sqz-quantize-activations="mode=static range=percentile stats=%t/good.json" | FileCheck %s --check-prefix=GOOD
// GOOD: sqz.quantize %{{.*}} scales(%{{.*}} : tensor<f32>)
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%t/shape.json" 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: error: sqz-prune: statistics file '{{.*}}shape.json': layer 'fc.linear0': field 'channel_stats' '{{.*}}fc.linear0.short.npy' must be float64 (7, 4), got float64 (6, 4)
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%t/rows.json" 2>&1 | FileCheck %s --check-prefix=ROWS
// ROWS: field 'channel_stats_rows' must name fields among min, max, absmax, sumsq, l2, histogram.lo, histogram.hi
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%t/both.json" 2>&1 | FileCheck %s --check-prefix=BOTH
// BOTH: layer 'fc.linear0': field 'l2' is given both inline and in field 'channel_stats'
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%t/negative.json" 2>&1 | FileCheck %s --check-prefix=NEG
// NEG: layer 'fc.linear0': field 'absmax' (row 2 of '{{.*}}fc.linear0.negative.npy') must hold 4 non-negative finite numbers
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%t/v1file.json" 2>&1 | FileCheck %s --check-prefix=V1
// V1: layer 'fc.linear0': field 'channel_stats' needs version 2
// RUN: not sqz-opt %s --sqz-quantize-weights --sqz-quantize-activations="mode=static range=percentile stats=%t/counts.json" 2>&1 | FileCheck %s --check-prefix=COUNTS
// COUNTS: statistics file '{{.*}}counts.json': layer 'fc.linear0': field 'histogram.counts' '{{.*}}fc.linear0.counts-shape.npy' must be integers (4, 8), got uint16 (4, 4)
// RUN: not sqz-opt %s --sqz-quantize-weights --sqz-quantize-activations="mode=static range=percentile stats=%t/empty.json" 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: layer 'fc.linear0': field 'histogram.counts' holds no value for channel 1 (all bins are zero)

func.func @fc(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [0.5, 0.25], [1.0, -1.0]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
