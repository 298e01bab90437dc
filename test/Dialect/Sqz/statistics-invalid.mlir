// Statistics files whose values contradict each other, repeat a key, or nest
// deeper than any statistics file: every reader (the passes here, sqz-run
// --merge-stats in test/Integration) rejects them with one error naming the
// layer and the field, before any work.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python %S/Inputs/write_bad_statistics.py %t

// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%t/deep.json" 2>&1 | FileCheck %s --check-prefix=DEEP
// RUN: not sqz-opt %s --sqz-smoothquant="stats=%t/deep.json" 2>&1 | FileCheck %s --check-prefix=DEEP
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static stats=%t/deep.json" 2>&1 | FileCheck %s --check-prefix=DEEP
// RUN: not sqz-opt %s --sqz-outlier-split="stats=%t/deep.json" 2>&1 | FileCheck %s --check-prefix=DEEP
// DEEP: statistics file '{{.*}}deep.json': arrays and objects nest deeper than 32 levels (at byte 60)

// RUN: not sqz-run --merge-stats %t/deep.json,%t/good.json --stats-out %t/merged.json 2>&1 | FileCheck %s --check-prefix=DEEP
// RUN: not sqz-run --merge-stats %t/dup-layer.json,%t/good.json --stats-out %t/merged.json 2>&1 | FileCheck %s --check-prefix=DUPLAYER

// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%t/dup-layer.json" 2>&1 | FileCheck %s --check-prefix=DUPLAYER
// DUPLAYER: statistics file '{{.*}}dup-layer.json': layer 'fc1' appears twice
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%t/dup-field.json" 2>&1 | FileCheck %s --check-prefix=DUPFIELD
// DUPFIELD: error: sqz-prune: statistics file '{{.*}}dup-field.json': layer 'fc1': field 'l2' appears twice
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%t/dup-bins.json" 2>&1 | FileCheck %s --check-prefix=DUPBINS
// DUPBINS: error: sqz-prune: statistics file '{{.*}}dup-bins.json': layer 'fc1': field 'histogram.bins' appears twice
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%t/dup-top.json" 2>&1 | FileCheck %s --check-prefix=DUPTOP
// DUPTOP: error: sqz-prune: statistics file '{{.*}}dup-top.json': field 'version' appears twice

// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static stats=%t/min-above-max.json" 2>&1 | FileCheck %s --check-prefix=MINMAX
// MINMAX: error: sqz-quantize-activations: statistics file '{{.*}}min-above-max.json': layer 'fc1': field 'min' is above field 'max' at channel 1 (2 > 1)
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static range=percentile stats=%t/empty-range.json" 2>&1 | FileCheck %s --check-prefix=EMPTYRANGE
// EMPTYRANGE: error: sqz-quantize-activations: statistics file '{{.*}}empty-range.json': layer 'fc1': field 'histogram.lo' must be below field 'histogram.hi' at channel 0 (1 >= 1)
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static range=mse stats=%t/reversed-range.json" 2>&1 | FileCheck %s --check-prefix=REVERSED
// REVERSED: error: sqz-quantize-activations: statistics file '{{.*}}reversed-range.json': layer 'fc1': field 'histogram.lo' must be below field 'histogram.hi' at channel 1 (2 >= -2)
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static range=percentile stats=%t/zero-counts.json" 2>&1 | FileCheck %s --check-prefix=ZEROCOUNTS
// ZEROCOUNTS: error: sqz-quantize-activations: statistics file '{{.*}}zero-counts.json': layer 'fc1': field 'histogram.counts' holds no value for channel 1 (all bins are zero)

// The good file the others are made from is accepted.
// RUN: sqz-opt %s --sqz-quantize-activations="mode=static range=percentile stats=%t/good.json" -o /dev/null

func.func @fc1(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul {sqz.layer = "fc1"} ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
