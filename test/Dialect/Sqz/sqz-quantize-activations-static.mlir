// RUN: sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static stats=%S/Inputs/act-stats.json allow-unknown-layers=1" | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static symmetric=false stats=%S/Inputs/act-stats.json allow-unknown-layers=1" | FileCheck %s --check-prefix=ASYM
// RUN: sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static range=percentile percentile=99 stats=%S/Inputs/act-stats.json allow-unknown-layers=1" | FileCheck %s --check-prefix=PCT
// RUN: sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static range=percentile percentile=100 stats=%S/Inputs/act-stats.json allow-unknown-layers=1" | FileCheck %s --check-prefix=PCT100
// RUN: sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static range=mse stats=%S/Inputs/act-stats.json allow-unknown-layers=1" | FileCheck %s --check-prefix=MSE
// RUN: sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static range=mse symmetric=false stats=%S/Inputs/act-stats.json allow-unknown-layers=1" | FileCheck %s --check-prefix=MSEASYM
// RUN: sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static stats=%S/Inputs/act-stats.json allow-unknown-layers=1" --sqz-fold-scales | FileCheck %s --check-prefix=FOLD
// RUN: sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static symmetric=false stats=%S/Inputs/act-stats.json allow-unknown-layers=1" --sqz-fold-scales | FileCheck %s --check-prefix=FOLDASYM
// RUN: sqz-opt %s --split-input-file --sqz-quantize-activations="mode=static stats=%S/Inputs/act-stats.json allow-unknown-layers=1 explain=true" --verify-diagnostics -o /dev/null

// minmax, symmetric: max absmax over the channels is 4, scale 4 / 127.
// Asymmetric: [min, max] = [-4, 3], scale 7 / 255, zero point 0 - round(-4 / scale) = 146.
// CHECK-LABEL: func.func @static_minmax
//  CHECK-SAME:   %[[X:.*]]: tensor<2x4xf32>
//       CHECK:   %[[S:.*]] = arith.constant dense<0.0314960629> : tensor<f32>
//       CHECK:   %[[Q:.*]] = sqz.quantize %[[X]] scales(%[[S]] : tensor<f32>) : tensor<2x4xf32> -> !sqz.tensor<2x4xf32, #sqz.quant<i8, per_tensor, symmetric>>
//       CHECK:   sqz.matmul %[[Q]], %{{.*}} {sqz.layer = "fc"}
// ASYM-LABEL: func.func @static_minmax
//       ASYM:   %[[S:.*]] = arith.constant dense<0.0274509806> : tensor<f32>
//       ASYM:   %[[Z:.*]] = arith.constant dense<146> : tensor<i32>
//       ASYM:   sqz.quantize %{{.*}} scales(%[[S]] : tensor<f32>) zero_points(%[[Z]] : tensor<i32>) : tensor<2x4xf32> -> !sqz.tensor<2x4xf32, #sqz.quant<u8, per_tensor, asymmetric>>
// After sqz-fold-scales: an integer K loop and one constant multiplier per
// output channel, sa * sw[n] = (4 / 127) * [0.5, 0.25, 0.125].
// FOLD-LABEL: func.func @static_minmax
//       FOLD:   %[[ACC:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<2x4xi8>, tensor<4x3xi8>) outs(%{{.*}} : tensor<2x3xi32>)
//  FOLD-NEXT:   ^bb0(%{{.*}}: i8, %{{.*}}: i8, %{{.*}}: i32):
//  FOLD-NEXT:     arith.extsi
//  FOLD-NEXT:     arith.extsi
//  FOLD-NEXT:     arith.muli
//  FOLD-NEXT:     arith.addi
//  FOLD-NEXT:     linalg.yield
//       FOLD:   %[[M:.*]] = arith.constant dense<[0.0157480314, 0.00787401571, 0.00393700786]> : tensor<3xf32>
//       FOLD:   linalg.generic {{.*}} ins(%[[ACC]], %[[M]] : tensor<2x3xi32>, tensor<3xf32>)
//       FOLD:     arith.sitofp
//  FOLD-NEXT:     arith.mulf
//  FOLD-NEXT:     linalg.yield
//   FOLD-NOT:   sqz.matmul
//       FOLD:   return
// With a zero point, its correction is precomputed into the accumulator's
// initial value: still an integer K loop and a constant multiplier.
// FOLDASYM-LABEL: func.func @static_minmax
//       FOLDASYM:   linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<2x4xi8>, tensor<4x3xi8>) outs(%{{.*}} : tensor<2x3xi32>)
//  FOLDASYM-NEXT:   ^bb0(%{{.*}}: i8, %{{.*}}: i8, %{{.*}}: i32):
//  FOLDASYM-NEXT:     arith.extui
//  FOLDASYM-NEXT:     arith.extsi
//  FOLDASYM-NEXT:     arith.muli
//  FOLDASYM-NEXT:     arith.addi
//  FOLDASYM-NEXT:     linalg.yield
//   FOLDASYM-NOT:   sqz.matmul
//       FOLDASYM:   return
// percentile=100 is the whole range: the same scale as minmax.
// PCT100-LABEL: func.func @static_minmax
//       PCT100:   arith.constant dense<0.0314960629> : tensor<f32>
// The percentile and mse ranges, as python/sqz_calib_ref.py computes them.
// PCT-LABEL: func.func @static_minmax
//       PCT:   arith.constant dense<0.0170078743> : tensor<f32>
// MSE-LABEL: func.func @static_minmax
//       MSE:   arith.constant dense<0.0301427171> : tensor<f32>
// MSEASYM-LABEL: func.func @static_minmax
//       MSEASYM:   arith.constant dense<0.0265931375> : tensor<f32>
//       MSEASYM:   arith.constant dense<146> : tensor<i32>
func.func @static_minmax(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %c = arith.constant dense<[[1, -2, 0], [5, 4, 1], [-1, 1, 2], [2, 25, 3]]> : tensor<4x3xi8>
  %sw = arith.constant dense<[0.5, 0.25, 0.125]> : tensor<3xf32>
  %w = sqz.pack %c scales(%sw : tensor<3xf32>) : tensor<4x3xi8> -> !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %y = sqz.matmul %x, %w {sqz.layer = "fc"} : tensor<2x4xf32>, !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// The percentile of |x| on the merged histograms: 199 of 200 values
// uniform in [0, 2], one in [2, 4]; 99% lie below 198 / 199 * 2 = 1.98995,
// scale 1.98995 / 127 = 0.0156689.
// PCT-LABEL: func.func @percentile
//       PCT:   arith.constant dense<0.0156688951> : tensor<f32>
func.func @percentile(%x: tensor<2x2xf32>) -> tensor<2x3xf32> {
  %c = arith.constant dense<[[1, -2, 0], [5, 4, 1]]> : tensor<2x3xi8>
  %sw = arith.constant dense<[0.5, 0.25, 0.125]> : tensor<3xf32>
  %w = sqz.pack %c scales(%sw : tensor<3xf32>) : tensor<2x3xi8> -> !sqz.tensor<2x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %y = sqz.matmul %x, %w {sqz.layer = "pct"} : tensor<2x2xf32>, !sqz.tensor<2x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// After sqz-smoothquant the input is x / s: absmax [8, 1] / [4, 0.5] = [2, 2],
// scale 2 / 127; asymmetric [min, max] = [-2, 2], scale 4 / 255, zero point
// 0 - round(-2 / scale) = 127 (in f32, -2 / scale is just above -127.5).
// CHECK-LABEL: func.func @smoothed
//       CHECK:   arith.constant dense<0.0157480314> : tensor<f32>
// ASYM-LABEL: func.func @smoothed
//       ASYM:   arith.constant dense<0.0156862754> : tensor<f32>
//       ASYM:   arith.constant dense<127> : tensor<i32>
// The histogram ranges are divided by s too (python/sqz_calib_ref.py).
// PCT-LABEL: func.func @smoothed
//       PCT:   arith.constant dense<0.0155730527> : tensor<f32>
func.func @smoothed(%x: tensor<2x2xf32>) -> tensor<2x3xf32> {
  %c = arith.constant dense<[[1, -2, 0], [5, 4, 1]]> : tensor<2x3xi8>
  %sw = arith.constant dense<[0.5, 0.25, 0.125]> : tensor<3xf32>
  %w = sqz.pack %c scales(%sw : tensor<3xf32>) : tensor<2x3xi8> -> !sqz.tensor<2x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %y = sqz.matmul %x, %w {sqz.layer = "smoothed", sqz.smoothing = dense<[4.0, 0.5]> : tensor<2xf32>} : tensor<2x2xf32>, !sqz.tensor<2x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// A float weight (the outlier part of sqz-outlier-split) stays float.
// CHECK-LABEL: func.func @negative_float_weight
//   CHECK-NOT:   sqz.quantize
func.func @negative_float_weight(%x: tensor<2x2xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<1.0> : tensor<2x3xf32>
  // expected-remark@+1 {{activation not quantized: the weight is a float tensor, the matmul stays in float}}
  %y = sqz.matmul %x, %w {sqz.layer = "no.stats.needed"} : tensor<2x2xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// The rest of a layer after sqz-outlier-split: the activation gathers
// channels [0, 2] of the layer's 4, so only their statistics count:
// max(absmax[0], absmax[2]) = max(2, 0.5), scale 2 / 127.
// CHECK-LABEL: func.func @gathered_rest
//       CHECK:   %[[S:.*]] = arith.constant dense<0.0157480314> : tensor<f32>
//       CHECK:   sqz.quantize %{{.*}} scales(%[[S]] : tensor<f32>) : tensor<2x2xf32>
func.func @gathered_rest(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %idx = arith.constant dense<[0, 2]> : tensor<2xi64>
  %e = tensor.empty() : tensor<2x2xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%idx : tensor<2xi64>) outs(%e : tensor<2x2xf32>) {
  ^bb0(%in: i64, %out: f32):
    %m = linalg.index 0 : index
    %k = arith.index_cast %in : i64 to index
    %v = tensor.extract %x[%m, %k] : tensor<2x4xf32>
    linalg.yield %v : f32
  } -> tensor<2x2xf32>
  %c = arith.constant dense<[[1, -2, 0], [5, 4, 1]]> : tensor<2x3xi8>
  %sw = arith.constant dense<[0.5, 0.25, 0.125]> : tensor<3xf32>
  %w = sqz.pack %c scales(%sw : tensor<3xf32>) : tensor<2x3xi8> -> !sqz.tensor<2x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %y = sqz.matmul %g, %w {sqz.layer = "fc"} : tensor<2x2xf32>, !sqz.tensor<2x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
