// RUN: sqz-opt %s --split-input-file --sqz-outlier-split="threshold=6.0 stats=%S/Inputs/outlier-stats.json allow-unknown-layers=1" | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-outlier-split="threshold=6.0 stats=%S/Inputs/outlier-stats.json allow-unknown-layers=1 explain=true" --verify-diagnostics -o /dev/null
// Followed by W8A8 quantization, the rest is quantized and the outlier part stays float.
// RUN: sqz-opt %s --split-input-file --sqz-outlier-split="threshold=6.0 stats=%S/Inputs/outlier-stats.json allow-unknown-layers=1" --sqz-quantize-weights --sqz-quantize-activations | FileCheck %s --check-prefix=W8A8

// A [K, N] weight; absmax [1, 20, 2, 7.5]: channels 1 and 3 are outliers.
// CHECK-LABEL: func.func @kn
//  CHECK-SAME:   %[[X:.*]]: tensor<2x4xf32>
//       CHECK:   %[[IO:.*]] = arith.constant dense<[1, 3]> : tensor<2xi64>
//       CHECK:   %[[XO:.*]] = linalg.generic {{.*}} ins(%[[IO]] : tensor<2xi64>) outs(%{{.*}} : tensor<2x2xf32>)
//       CHECK:     linalg.index 0
//       CHECK:     arith.index_cast
//       CHECK:     tensor.extract %[[X]]
//       CHECK:   %[[WO:.*]] = arith.constant dense<{{\[}}[5.000000e+00, 6.000000e+00, 7.000000e+00], [1.300000e+01, 1.400000e+01, 1.500000e+01]]> : tensor<2x3xf32>
//       CHECK:   %[[YO:.*]] = sqz.matmul %[[XO]], %[[WO]] {sqz.layer = "kn.linear0.outliers"} : tensor<2x2xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
//       CHECK:   %[[IR:.*]] = arith.constant dense<[0, 2]> : tensor<2xi64>
//       CHECK:   %[[XR:.*]] = linalg.generic {{.*}} ins(%[[IR]] : tensor<2xi64>)
//       CHECK:   %[[WR:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 2.000000e+00, 3.000000e+00], [9.000000e+00, 1.000000e+01, 1.100000e+01]]> : tensor<2x3xf32>
//       CHECK:   %[[YR:.*]] = linalg.generic {{.*}} ins(%[[XR]], %[[WR]] : tensor<2x2xf32>, tensor<2x3xf32>) {{.*}} attrs = {sqz.layer = "kn.linear0"}
//       CHECK:   %[[Y:.*]] = linalg.add ins(%[[YR]], %[[YO]] : tensor<2x3xf32>, tensor<2x3xf32>)
//       CHECK:   return %[[Y]]
//   CHECK-NOT:   linalg.matmul
// W8A8-LABEL: func.func @kn
//       W8A8:   sqz.matmul %{{.*}}, %{{.*}} {sqz.layer = "kn.linear0.outliers"} : tensor<2x2xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
//       W8A8:   %[[Q:.*]] = sqz.quantize %{{.*}} : tensor<2x2xf32> -> !sqz.tensor<2x2xf32, #sqz.quant<i8, per_tensor, symmetric>>
//       W8A8:   sqz.matmul %[[Q]], %{{.*}} {sqz.layer = "kn.linear0"} : !sqz.tensor<2x2xf32, {{.*}}>, !sqz.tensor<2x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x3xf32>
//       W8A8:   linalg.add
func.func @kn(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0], [5.0, 6.0, 7.0], [9.0, 10.0, 11.0], [13.0, 14.0, 15.0]]> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// An [N, K] weight (PyTorch layout) with a bias: channel 0 is the outlier;
// both parts keep the [N, K] layout, the bias goes to the outlier matmul.
// CHECK-LABEL: func.func @nk_bias
//       CHECK:   %[[B:.*]] = arith.constant dense<[5.000000e-01, -5.000000e-01]> : tensor<2xf32>
//       CHECK:   %[[WO:.*]] = arith.constant dense<{{\[}}[1.000000e+00], [5.000000e+00]]> : tensor<2x1xf32>
//       CHECK:   %[[YO:.*]] = sqz.matmul %{{.*}}, %[[WO]] bias(%[[B]] : tensor<2xf32>) {rhs_transposed, sqz.layer = "nk_bias.linear0.outliers"} : tensor<2x1xf32>, tensor<2x1xf32> -> tensor<2x2xf32>
//       CHECK:   %[[WR:.*]] = arith.constant dense<{{\[}}[2.000000e+00, 3.000000e+00, 4.000000e+00], [6.000000e+00, 7.000000e+00, 8.000000e+00]]> : tensor<2x3xf32>
//       CHECK:   %[[YR:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[WR]] : tensor<2x3xf32>, tensor<2x3xf32>)
//       CHECK:   %[[Y:.*]] = linalg.add ins(%[[YR]], %[[YO]] : tensor<2x2xf32>, tensor<2x2xf32>)
//       CHECK:   return %[[Y]]
//   CHECK-NOT:   linalg.broadcast
func.func @nk_bias(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %b = arith.constant dense<[0.5, -0.5]> : tensor<2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
                     ins(%x, %w : tensor<2x4xf32>, tensor<2x4xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  %bb = linalg.broadcast ins(%b : tensor<2xf32>) outs(%e : tensor<2x2xf32>) dimensions = [0]
  %z = linalg.add ins(%y, %bb : tensor<2x2xf32>, tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %z : tensor<2x2xf32>
}

// -----

// No channel above the threshold: unchanged.
// CHECK-LABEL: func.func @quiet
//       CHECK:   linalg.matmul
//   CHECK-NOT:   sqz.matmul
func.func @quiet(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<1.0> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  // expected-remark@+1 {{layer not split: no input channel's absmax exceeds the threshold}}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// Every channel an outlier: one float sqz.matmul on the whole weight.
// CHECK-LABEL: func.func @all
//  CHECK-SAME:   %[[X:.*]]: tensor<2x2xf32>
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %{{.*}} {sqz.layer = "all.linear0.outliers"} : tensor<2x2xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
//       CHECK:   return %[[Y]]
func.func @all(%x: tensor<2x2xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<1.0> : tensor<2x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// A batched activation [B, M, K] with a shared weight (linalg.batch_matmul of
// a broadcast weight): the gathers and the rest keep the batch.
// CHECK-LABEL: func.func @batched
//       CHECK:   linalg.generic {{.*}} ins(%{{.*}} : tensor<1xi64>) outs(%{{.*}} : tensor<2x3x1xf32>)
//       CHECK:   sqz.matmul {{.*}} {sqz.layer = "batched.linear0.outliers"} : tensor<2x3x1xf32>, tensor<1x5xf32> -> tensor<2x3x5xf32>
//       CHECK:   linalg.generic {{.*}} ins(%{{.*}} : tensor<3xi64>) outs(%{{.*}} : tensor<2x3x3xf32>)
//       CHECK:   linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<2x3x3xf32>, tensor<3x5xf32>) {{.*}} attrs = {sqz.layer = "batched.linear0"}
//       CHECK:   linalg.add
func.func @batched(%x: tensor<2x3x4xf32>) -> tensor<2x3x5xf32> {
  %w = arith.constant dense<1.0> : tensor<4x5xf32>
  %eb = tensor.empty() : tensor<2x4x5xf32>
  %wb = linalg.broadcast ins(%w : tensor<4x5xf32>) outs(%eb : tensor<2x4x5xf32>) dimensions = [0]
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3x5xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x5xf32>) -> tensor<2x3x5xf32>
  %y = linalg.batch_matmul ins(%x, %wb : tensor<2x3x4xf32>, tensor<2x4x5xf32>) outs(%acc : tensor<2x3x5xf32>) -> tensor<2x3x5xf32>
  return %y : tensor<2x3x5xf32>
}

// -----

// A weight that is not a constant is left alone.
// CHECK-LABEL: func.func @negative_argument_weight
//       CHECK:   linalg.matmul
func.func @negative_argument_weight(%x: tensor<2x4xf32>, %w: tensor<4x3xf32>) -> tensor<2x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  // expected-remark@+1 {{layer not split: }}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// An f16 weight: both parts keep f16.
// CHECK-LABEL: func.func @f16
//       CHECK:   %[[WO:.*]] = arith.constant dense<{{\[}}[5.000000e-01, 1.000000e+00]]> : tensor<1x2xf16>
//       CHECK:   sqz.matmul %{{.*}}, %[[WO]] {sqz.layer = "f16.linear0.outliers"} : tensor<2x1xf16>, tensor<1x2xf16> -> tensor<2x2xf16>
//       CHECK:   arith.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [2.500000e-01, 1.250000e-01]]> : tensor<2x2xf16>
//       CHECK:   linalg.add {{.*}} -> tensor<2x2xf16>
func.func @f16(%x: tensor<2x3xf16>) -> tensor<2x2xf16> {
  %w = arith.constant dense<[[1.0, 2.0], [0.5, 1.0], [0.25, 0.125]]> : tensor<3x2xf16>
  %zero = arith.constant 0.0 : f16
  %e = tensor.empty() : tensor<2x2xf16>
  %acc = linalg.fill ins(%zero : f16) outs(%e : tensor<2x2xf16>) -> tensor<2x2xf16>
  %y = linalg.matmul ins(%x, %w : tensor<2x3xf16>, tensor<3x2xf16>) outs(%acc : tensor<2x2xf16>) -> tensor<2x2xf16>
  return %y : tensor<2x2xf16>
}

// -----

// A weight per batch ([B, K, N]) is left alone.
// CHECK-LABEL: func.func @negative_batched_weight
//       CHECK:   linalg.batch_matmul
func.func @negative_batched_weight(%x: tensor<2x3x4xf32>) -> tensor<2x3x5xf32> {
  %w = arith.constant dense<1.0> : tensor<2x4x5xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3x5xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3x5xf32>) -> tensor<2x3x5xf32>
  // expected-remark@+1 {{layer not split: the weight is per batch (3-D); only a shared 2-D weight is split}}
  %y = linalg.batch_matmul ins(%x, %w : tensor<2x3x4xf32>, tensor<2x4x5xf32>) outs(%acc : tensor<2x3x5xf32>) -> tensor<2x3x5xf32>
  return %y : tensor<2x3x5xf32>
}
