// RUN: sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static stats=%S/Inputs/act-stats.json allow-unknown-layers=1" --verify-diagnostics

// Options, checked before anything runs.
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=calibrated" 2>&1 | FileCheck %s --check-prefix=MODE
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static" 2>&1 | FileCheck %s --check-prefix=NOSTATS
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static range=entropy stats=%S/Inputs/act-stats.json" 2>&1 | FileCheck %s --check-prefix=RANGE
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static range=percentile percentile=0 stats=%S/Inputs/act-stats.json" 2>&1 | FileCheck %s --check-prefix=PCT0
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static range=percentile percentile=100.5 stats=%S/Inputs/act-stats.json" 2>&1 | FileCheck %s --check-prefix=PCT101
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static granularity=token stats=%S/Inputs/act-stats.json" 2>&1 | FileCheck %s --check-prefix=TOKEN
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static stats=%S/Inputs/does-not-exist.json" 2>&1 | FileCheck %s --check-prefix=MISSINGFILE

// MODE: sqz-opt: for the --mode option: 'calibrated' is not one of: dynamic, static
// NOSTATS: error: sqz-quantize-activations: mode=static needs a statistics file (stats=FILE)
// RANGE: sqz-opt: for the --range option: 'entropy' is not one of: minmax, percentile, mse
// PCT0: error: sqz-quantize-activations: percentile must be in (0, 100], got 0
// PCT101: error: sqz-quantize-activations: percentile must be in (0, 100], got 100.5
// TOKEN: error: sqz-quantize-activations: granularity=token needs mode=dynamic: the scale of a token is only known at run time
// MISSINGFILE: error: sqz-quantize-activations: statistics file '{{.*}}does-not-exist.json' cannot be read

// Fields that the chosen range needs.
// RUN: not sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static range=percentile stats=%S/Inputs/act-stats.json allow-unknown-layers=1" 2>&1 | FileCheck %s --check-prefix=NOHIST
// RUN: not sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static range=mse stats=%S/Inputs/act-stats.json allow-unknown-layers=1" 2>&1 | FileCheck %s --check-prefix=NOHISTMSE
// RUN: not sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static symmetric=false stats=%S/Inputs/act-stats.json allow-unknown-layers=1" 2>&1 | FileCheck %s --check-prefix=NOMIN
// RUN: not sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static symmetric=false stats=%S/Inputs/act-stats.json allow-unknown-layers=1" 2>&1 | FileCheck %s --check-prefix=NOMAX
// NOHIST: error: statistics of layer 'nohist' have no field 'histogram', which range=percentile symmetric needs
// NOHISTMSE: error: statistics of layer 'nohist' have no field 'histogram', which range=mse symmetric needs
// NOMIN: error: statistics of layer 'nohist' have no field 'min', which range=minmax asymmetric needs
// NOMAX: error: statistics of layer 'noabsmax' have no field 'max', which range=minmax asymmetric needs

// A layer without a name is the layer the shared numbering names.
func.func @negative_no_name(%x: tensor<2x4xf32>, %w: !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>) -> tensor<2x3xf32> {
  // expected-error@+1 {{layer 'negative_no_name.linear0' has no entry in statistics file}}
  %y = sqz.matmul %x, %w : tensor<2x4xf32>, !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @negative_unknown_layer(%x: tensor<2x4xf32>, %w: !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>) -> tensor<2x3xf32> {
  // expected-error@+1 {{layer 'fc2' has no entry in statistics file}}
  %y = sqz.matmul %x, %w {sqz.layer = "fc2"} : tensor<2x4xf32>, !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @negative_wrong_channels(%x: tensor<2x4xf32>, %w: !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>) -> tensor<2x3xf32> {
  // expected-error@+1 {{statistics of layer 'wrongk': field 'channels' is 5, the activation has 4 input channels}}
  %y = sqz.matmul %x, %w {sqz.layer = "wrongk"} : tensor<2x4xf32>, !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @negative_no_absmax(%x: tensor<2x4xf32>, %w: !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>) -> tensor<2x3xf32> {
  // expected-error@+1 {{statistics of layer 'noabsmax' have no field 'absmax', which range=minmax symmetric needs}}
  %y = sqz.matmul %x, %w {sqz.layer = "noabsmax"} : tensor<2x4xf32>, !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

func.func @negative_bad_smoothing(%x: tensor<2x4xf32>, %w: !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>) -> tensor<2x3xf32> {
  // expected-error@+1 {{layer 'fc': 'sqz.smoothing' must be a dense f32 tensor of 4 positive finite factors}}
  %y = sqz.matmul %x, %w {sqz.layer = "fc", sqz.smoothing = dense<[1.0, 0.0, 1.0, 1.0]> : tensor<4xf32>} : tensor<2x4xf32>, !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Fine for minmax symmetric (it has absmax); the runs above that need a
// histogram or min/max fail on it.
func.func @no_histogram(%x: tensor<2x4xf32>, %w: !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>) -> tensor<2x3xf32> {
  %y = sqz.matmul %x, %w {sqz.layer = "nohist"} : tensor<2x4xf32>, !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Layers are numbered per function: an sqz.matmul at module level has no name.
%x = arith.constant dense<1.0> : tensor<2x4xf32>
%c = arith.constant dense<1> : tensor<4x3xi8>
%s = arith.constant dense<0.5> : tensor<3xf32>
%w = sqz.pack %c scales(%s : tensor<3xf32>) : tensor<4x3xi8> -> !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
// expected-error@+1 {{sqz.matmul outside a function is no named layer; mode=static needs its name to find its statistics}}
%y = sqz.matmul %x, %w : tensor<2x4xf32>, !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
