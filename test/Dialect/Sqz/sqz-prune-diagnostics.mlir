// RUN: sqz-opt %s --split-input-file --sqz-prune="explain=true method=wanda pattern=nm stats=%S/Inputs/prune-stats-diagnostics.json allow-unknown-layers=1" --verify-diagnostics

// Options, checked before anything runs.
// RUN: not sqz-opt %s --sqz-prune="method=random" 2>&1 | FileCheck %s --check-prefix=METHOD
// RUN: not sqz-opt %s --sqz-prune="pattern=2:4" 2>&1 | FileCheck %s --check-prefix=PATTERN
// RUN: not sqz-opt %s --sqz-prune="scope=model" 2>&1 | FileCheck %s --check-prefix=SCOPE
// RUN: not sqz-opt %s --sqz-prune="sparsity=1.0" 2>&1 | FileCheck %s --check-prefix=SPARSITY1
// RUN: not sqz-opt %s --sqz-prune="sparsity=-0.25" 2>&1 | FileCheck %s --check-prefix=SPARSITY2
// RUN: not sqz-opt %s --sqz-prune="pattern=nm n=0" 2>&1 | FileCheck %s --check-prefix=NZERO
// RUN: not sqz-opt %s --sqz-prune="pattern=nm n=4 m=4" 2>&1 | FileCheck %s --check-prefix=NM
// RUN: not sqz-opt %s --sqz-prune="pattern=nm n=2 m=512" 2>&1 | FileCheck %s --check-prefix=MBIG
// RUN: not sqz-opt %s --sqz-prune="method=wanda" 2>&1 | FileCheck %s --check-prefix=NOSTATS
// RUN: not sqz-opt %s --sqz-prune="method=wanda scope=global stats=%S/Inputs/prune-stats.json" 2>&1 | FileCheck %s --check-prefix=GLOBALWANDA
// RUN: not sqz-opt %s --sqz-prune="pattern=nm scope=global" 2>&1 | FileCheck %s --check-prefix=GLOBALNM
// A num-heads that the pattern does not use is ignored.
// RUN: sqz-opt %S/sqz-prune.mlir --split-input-file --sqz-prune="num-heads=4" -o /dev/null

// METHOD: sqz-opt: for the --method option: 'random' is not one of: magnitude, wanda
// PATTERN: sqz-opt: for the --pattern option: '2:4' is not one of: unstructured, nm, rows, heads
// SCOPE: sqz-opt: for the --scope option: 'model' is not one of: layer, global
// SPARSITY1: error: sqz-prune: sparsity must be in [0, 1), got 1
// SPARSITY2: error: sqz-prune: sparsity must be in [0, 1), got -0.25
// NZERO: error: sqz-prune: n:m needs 1 <= n < m, got 0:4
// NM: error: sqz-prune: n:m needs 1 <= n < m, got 4:4
// MBIG: error: sqz-prune: m must be at most 256, got 512
// NOSTATS: error: sqz-prune: method=wanda needs a statistics file (stats=FILE)
// GLOBALWANDA: error: sqz-prune: scope=global needs method=magnitude: Wanda compares scores only within an output channel
// GLOBALNM: error: sqz-prune: scope=global needs pattern=unstructured: N:M keeps n of every m weights of each group, there is no threshold to share

// The statistics file, read when the pass starts: each problem names the
// layer and the field.
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-missing.json" 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-not-json.json" 2>&1 | FileCheck %s --check-prefix=NOTJSON
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-not-object.json" 2>&1 | FileCheck %s --check-prefix=NOTOBJECT
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-bad-format.json" 2>&1 | FileCheck %s --check-prefix=FORMAT
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-bad-version.json" 2>&1 | FileCheck %s --check-prefix=VERSION
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-no-layers.json" 2>&1 | FileCheck %s --check-prefix=LAYERS
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-layer-not-object.json" 2>&1 | FileCheck %s --check-prefix=LAYER
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-no-channels.json" 2>&1 | FileCheck %s --check-prefix=NOCHANNELS
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-bad-channels.json" 2>&1 | FileCheck %s --check-prefix=CHANNELS
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-bad-count.json" 2>&1 | FileCheck %s --check-prefix=COUNT
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-wrong-length.json" 2>&1 | FileCheck %s --check-prefix=LENGTH
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-bad-l2.json" 2>&1 | FileCheck %s --check-prefix=L2
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-negative-sumsq.json" 2>&1 | FileCheck %s --check-prefix=SUMSQ
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-bad-min.json" 2>&1 | FileCheck %s --check-prefix=MIN
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-bad-histogram.json" 2>&1 | FileCheck %s --check-prefix=HISTOGRAM
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-bad-bins.json" 2>&1 | FileCheck %s --check-prefix=BINS
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-no-hi.json" 2>&1 | FileCheck %s --check-prefix=HI
// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/prune-stats-bad-hessian.json" 2>&1 | FileCheck %s --check-prefix=HESSIAN

// MISSING: error: sqz-prune: statistics file '{{.*}}prune-stats-missing.json' cannot be read: No such file or directory
// NOTJSON: error: sqz-prune: statistics file '{{.*}}prune-stats-not-json.json' is not JSON: {{.+}}
// NOTOBJECT: error: sqz-prune: statistics file '{{.*}}': the top level must be an object
// FORMAT: error: sqz-prune: statistics file '{{.*}}': field 'format' must be "sqz-stats"
// VERSION: error: sqz-prune: statistics file '{{.*}}': field 'version' must be 1 or 2
// LAYERS: error: sqz-prune: statistics file '{{.*}}': field 'layers' must be an object
// LAYER: error: sqz-prune: statistics file '{{.*}}': layer 'fc1' must be an object
// NOCHANNELS: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'channels' is missing
// CHANNELS: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'channels' must be a positive integer
// COUNT: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'count' must be a non-negative integer
// LENGTH: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'l2' has 3 entries, expected 4 (one per input channel)
// L2: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'l2' must be an array of 2 non-negative finite numbers
// SUMSQ: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'sumsq' must be an array of 2 non-negative finite numbers
// MIN: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'min' must be an array of 2 finite numbers
// HISTOGRAM: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'histogram.counts' must be an array of 2 arrays of 2 non-negative integers
// BINS: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'histogram.bins' must be a positive integer
// HI: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'histogram.hi' is missing
// HESSIAN: error: sqz-prune: statistics file '{{.*}}': layer 'fc1': field 'hessian' must be a non-empty string

func.func @negative_nan_weight(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{weight has a non-finite value (nan) at flat index 3}}
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 0x7FC00000], [0.5, 0.25], [1.0, 1.0]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_inf_weight(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{weight has a non-finite value (-INF) at flat index 6}}
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [0.5, 0.25], [0xFF800000, 1.0]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_m_does_not_divide(%x: tensor<2x6xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<6x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error@+1 {{layer 'negative_m_does_not_divide.linear0': m = 4 does not divide the reduction size 6}}
  %y = linalg.matmul ins(%x, %w : tensor<2x6xf32>, tensor<6x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_no_statistics(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error@+1 {{layer 'negative_no_statistics.linear0' has no entry in statistics file '}}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_channels(%x: tensor<2x8xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<8x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error@+1 {{statistics of layer 'negative_channels.linear0': field 'channels' is 4, the weight's reduction size is 8}}
  %y = linalg.matmul ins(%x, %w : tensor<2x8xf32>, tensor<8x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_no_norms(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error@+1 {{statistics of layer 'negative_no_norms.linear0' have neither field 'l2' nor field 'sumsq', which method=wanda needs}}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_argument_weight(%x: tensor<2x4xf32>, %w: tensor<4x2xf32>) -> tensor<2x2xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-remark@+1 {{weight not pruned: weight is not a constant}}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_accumulator(%x: tensor<2x4xf32>, %acc: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<4x2xf32>
  // expected-remark@+1 {{weight not pruned: accumulator is not a zero fill}}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

!i8c = !sqz.tensor<4x2xf32, #sqz.quant<i8, per_channel(1), symmetric>>
func.func @negative_already_compressed(%x: tensor<2x4xf32>, %codes: tensor<4x2xi8>) -> tensor<2x2xf32> {
  %s = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %w = sqz.pack %codes scales(%s : tensor<2xf32>) : tensor<4x2xi8> -> !i8c
  // expected-remark@+1 {{weight not pruned: weight is already compressed}}
  %y = sqz.matmul %x, %w : tensor<2x4xf32>, !i8c -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @negative_sqz_matmul_float(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<4x2xf32>
  // expected-remark@+1 {{weight not pruned: an sqz.matmul is not a form sqz-prune rewrites}}
  %y = sqz.matmul %x, %w : tensor<2x4xf32>, tensor<4x2xf32> -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
