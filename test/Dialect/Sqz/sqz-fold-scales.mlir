// RUN: sqz-opt %s --split-input-file --sqz-fold-scales | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-fold-scales="explain=true" --verify-diagnostics -o /dev/null

// Symmetric activation and weight: the codes go into the K loop as they are
// (signed), and the two scales meet in the epilogue.
// CHECK-LABEL: func.func @symmetric
//  CHECK-SAME:   %[[X:.*]]: tensor<4x8xf32>
//       CHECK:   %[[Q:.*]] = sqz.quantize %[[X]]
//       CHECK:   %[[CODES:.*]]:2 = sqz.unpack %[[Q]] {{.*}} -> tensor<4x8xi8>, tensor<f32>
//       CHECK:   %[[ZERO:.*]] = linalg.fill
//       CHECK:   %[[ACC:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[CODES]]#0, %[[W:.*]] : tensor<4x8xi8>, tensor<8x3xi8>) outs(%[[ZERO]] : tensor<4x3xi32>)
//       CHECK:     arith.extsi {{.*}} : i8 to i32
//       CHECK:     arith.extsi {{.*}} : i8 to i32
//       CHECK:   linalg.generic {{.*}} ins(%[[ACC]], %[[CODES]]#1, %[[WS:.*]] : tensor<4x3xi32>, tensor<f32>, tensor<3xf32>)
//       CHECK:     %[[F:.*]] = arith.sitofp
//       CHECK:     %[[S:.*]] = arith.mulf
//       CHECK:     arith.mulf %[[F]], %[[S]]
//   CHECK-NOT:   sqz.matmul
//   CHECK-NOT:   sqz.pack
func.func @symmetric(%x: tensor<4x8xf32>) -> tensor<4x3xf32> {
  %c = arith.constant dense<[[1, -2, 0], [5, 4, 1], [-1, 1, 2], [2, 25, 3], [15, -25, 0], [7, 3, 1], [-12, 13, 9], [22, 35, -3]]> : tensor<8x3xi8>
  %sw = arith.constant dense<[0.5, 0.25, 0.125]> : tensor<3xf32>
  %w = sqz.pack %c scales(%sw : tensor<3xf32>) : tensor<8x3xi8> -> !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %q = sqz.quantize %x : tensor<4x8xf32> -> !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %y = sqz.matmul %q, %w : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>, !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// Dynamic asymmetric activation (u8, per token), symmetric weight: the
// activation zero point leaves the K loop as za[m] * Sw[n], with the column
// sums Sw of the weight codes precomputed: Sw = [39, 54, 13].
// CHECK-LABEL: func.func @dynamic_zero_point
//       CHECK:   %[[P:.*]]:3 = sqz.unpack {{.*}} -> tensor<4x8xi8>, tensor<4xf32>, tensor<4xi32>
//       CHECK:   %[[ACC:.*]] = linalg.generic {{.*}} ins(%[[P]]#0, %{{.*}} : tensor<4x8xi8>, tensor<8x3xi8>)
//       CHECK:     arith.extui {{.*}} : i8 to i32
//       CHECK:     arith.extsi {{.*}} : i8 to i32
//       CHECK:   %[[SW:.*]] = arith.constant dense<[39, 54, 13]> : tensor<3xi32>
//       CHECK:   linalg.generic {{.*}} ins(%[[ACC]], %[[P]]#1, %{{.*}}, %[[P]]#2, %[[SW]] : tensor<4x3xi32>, tensor<4xf32>, tensor<3xf32>, tensor<4xi32>, tensor<3xi32>)
//       CHECK:     arith.muli
//       CHECK:     arith.subi
func.func @dynamic_zero_point(%x: tensor<4x8xf32>) -> tensor<4x3xf32> {
  %c = arith.constant dense<[[1, -2, 0], [5, 4, 1], [-1, 1, 2], [2, 25, 3], [15, -25, 0], [7, 3, 1], [-12, 13, 9], [22, 35, -3]]> : tensor<8x3xi8>
  %sw = arith.constant dense<[0.5, 0.25, 0.125]> : tensor<3xf32>
  %w = sqz.pack %c scales(%sw : tensor<3xf32>) : tensor<8x3xi8> -> !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %q = sqz.quantize %x : tensor<4x8xf32> -> !sqz.tensor<4x8xf32, #sqz.quant<u8, per_channel(0), asymmetric>>
  %y = sqz.matmul %q, %w : !sqz.tensor<4x8xf32, #sqz.quant<u8, per_channel(0), asymmetric>>, !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// Static activation parameters and an asymmetric weight: the constant
// correction -za Sw[n] + K za zw[n] becomes the accumulator's initial value
// (u8 codes: Sw = [551, 566, 269]; -130*551 + 8*130*3 = -68510, ...), the
// weight zero point meets the run-time row sums, and sa * sw[n] is one
// precomputed multiplier per output channel. The bias stays in the float
// epilogue: 0.3 is not an integer multiple of its multiplier 0.01.
// CHECK-LABEL: func.func @static_parameters
//       CHECK:   %[[CORR:.*]] = arith.constant dense<[-68510, 134420, -34970]> : tensor<3xi32>
//       CHECK:   %[[INIT:.*]] = linalg.generic {{.*}} ins(%[[CORR]] : tensor<3xi32>)
//       CHECK:   %[[ACC:.*]] = linalg.generic {{.*}} outs(%[[INIT]] : tensor<2x4x3xi32>)
//       CHECK:   %[[ROWS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}} : tensor<2x4x8xi8>) outs(%{{.*}} : tensor<2x4xi32>)
//       CHECK:   %[[MULT:.*]] = arith.constant dense<[0.00999999977, 5.000000e-03, 2.500000e-03]> : tensor<3xf32>
//       CHECK:   linalg.generic {{.*}} ins(%[[ACC]], %[[MULT]], %[[ROWS]], %{{.*}}, %{{.*}} : tensor<2x4x3xi32>, tensor<3xf32>, tensor<2x4xi32>, tensor<3xi32>, tensor<3xf32>)
//       CHECK:     arith.addf
func.func @static_parameters(%x: tensor<2x4x8xf32>) -> tensor<2x4x3xf32> {
  %sa = arith.constant dense<0.02> : tensor<f32>
  %za = arith.constant dense<130> : tensor<i32>
  %q = sqz.quantize %x scales(%sa : tensor<f32>) zero_points(%za : tensor<i32>) : tensor<2x4x8xf32> -> !sqz.tensor<2x4x8xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  %c = arith.constant dense<[[1, -2, 0], [5, 4, 1], [-1, 1, 2], [2, 25, 3], [15, -25, 0], [7, 3, 1], [-12, 13, 9], [22, 35, -3]]> : tensor<8x3xi8>
  %sw = arith.constant dense<[0.5, 0.25, 0.125]> : tensor<3xf32>
  %zw = arith.constant dense<[3, 200, 0]> : tensor<3xi32>
  %w = sqz.pack %c scales(%sw : tensor<3xf32>) zero_points(%zw : tensor<3xi32>) : tensor<8x3xi8> -> !sqz.tensor<8x3xf32, #sqz.quant<u8, per_channel(1), asymmetric>>
  %b = arith.constant dense<[0.3, -1.0, 2.0]> : tensor<3xf32>
  %y = sqz.matmul %q, %w bias(%b : tensor<3xf32>) : !sqz.tensor<2x4x8xf32, #sqz.quant<u8, per_tensor, asymmetric>>, !sqz.tensor<8x3xf32, #sqz.quant<u8, per_channel(1), asymmetric>> -> tensor<2x4x3xf32>
  return %y : tensor<2x4x3xf32>
}

// -----

// SmoothQuant's explicit multiply by 1/s = c before a static per-tensor
// quantize (scale 0.5, zero point 3) is absorbed into the quantization: x is
// quantized per channel of K with scales 0.5 / c = [0.25, 1, 0.5, 2] and the
// same zero point, and the matmul reads those codes with the scale 0.5 (the
// output multiplier 0.5 * 0.25 = 0.125). The multiply and the per-tensor
// quantize are gone.
// CHECK-LABEL: func.func @absorb_smoothing_multiply
//  CHECK-SAME:   %[[X:.*]]: tensor<2x4xf32>
//   CHECK-NOT:   arith.mulf
//       CHECK:   %[[S:.*]] = arith.constant dense<[2.500000e-01, 1.000000e+00, 5.000000e-01, 2.000000e+00]> : tensor<4xf32>
//       CHECK:   %[[Z:.*]] = arith.constant dense<3> : tensor<4xi32>
//       CHECK:   %[[Q:.*]] = sqz.quantize %[[X]] scales(%[[S]] : tensor<4xf32>) zero_points(%[[Z]] : tensor<4xi32>) : tensor<2x4xf32> -> !sqz.tensor<2x4xf32, #sqz.quant<u8, per_channel(1), asymmetric>>
//       CHECK:   %[[CODES:.*]]:3 = sqz.unpack %[[Q]]
//       CHECK:   linalg.generic {{.*}} ins(%[[CODES]]#0, %{{.*}} : tensor<2x4xi8>, tensor<4x2xi8>)
//       CHECK:   arith.constant dense<1.250000e-01> : tensor<2xf32>
//   CHECK-NOT:   sqz.quantize
//       CHECK:   return
func.func @absorb_smoothing_multiply(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %c = arith.constant dense<[2.0, 0.5, 1.0, 0.25]> : tensor<4xf32>
  %e = tensor.empty() : tensor<2x4xf32>
  %xs = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>, affine_map<(i, j) -> (i, j)>],
                        iterator_types = ["parallel", "parallel"]}
      ins(%x, %c : tensor<2x4xf32>, tensor<4xf32>) outs(%e : tensor<2x4xf32>) {
    ^bb0(%a: f32, %b: f32, %o: f32):
      %m = arith.mulf %a, %b : f32
      linalg.yield %m : f32
  } -> tensor<2x4xf32>
  %sa = arith.constant dense<0.5> : tensor<f32>
  %za = arith.constant dense<3> : tensor<i32>
  %q = sqz.quantize %xs scales(%sa : tensor<f32>) zero_points(%za : tensor<i32>) : tensor<2x4xf32> -> !sqz.tensor<2x4xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  %wc = arith.constant dense<[[1, -2], [5, 4], [-1, 1], [2, 3]]> : tensor<4x2xi8>
  %sw = arith.constant dense<0.25> : tensor<f32>
  %w = sqz.pack %wc scales(%sw : tensor<f32>) : tensor<4x2xi8> -> !sqz.tensor<4x2xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %y = sqz.matmul %q, %w : !sqz.tensor<2x4xf32, #sqz.quant<u8, per_tensor, asymmetric>>, !sqz.tensor<4x2xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// With constant scales, a bias that is an exact integer multiple of the output
// multiplier (sa * sw = [0.125, 0.0625]; bias [1.0, -0.5] = [8, -8] steps)
// joins the accumulator's initial value and leaves the epilogue.
// CHECK-LABEL: func.func @bias_into_accumulator
//       CHECK:   %[[Q:.*]] = arith.constant dense<[8, -8]> : tensor<2xi32>
//       CHECK:   %[[INIT:.*]] = linalg.generic {{.*}} ins(%[[Q]] : tensor<2xi32>)
//       CHECK:   linalg.generic {{.*}} outs(%[[INIT]] : tensor<4x2xi32>)
//       CHECK:   arith.constant dense<[1.250000e-01, 6.250000e-02]> : tensor<2xf32>
//       CHECK:   linalg.generic
//   CHECK-NOT:     arith.addf
//       CHECK:   return
func.func @bias_into_accumulator(%x: tensor<4x8xf32>) -> tensor<4x2xf32> {
  %sa = arith.constant dense<0.25> : tensor<f32>
  %q = sqz.quantize %x scales(%sa : tensor<f32>) : tensor<4x8xf32> -> !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %c = arith.constant dense<3> : tensor<8x2xi8>
  %sw = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %w = sqz.pack %c scales(%sw : tensor<2xf32>) : tensor<8x2xi8> -> !sqz.tensor<8x2xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %b = arith.constant dense<[1.0, -0.5]> : tensor<2xf32>
  %y = sqz.matmul %q, %w bias(%b : tensor<2xf32>) : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>, !sqz.tensor<8x2xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<4x2xf32>
  return %y : tensor<4x2xf32>
}

// -----

// Per-group weight scales vary along K: they cannot leave the sum.
// CHECK-LABEL: func.func @negative_per_group
//       CHECK:   sqz.matmul
func.func @negative_per_group(%x: tensor<4x8xf32>, %c: tensor<8x3xi8>, %s: tensor<2x3xf32>) -> tensor<4x3xf32> {
  %w = sqz.pack %c scales(%s : tensor<2x3xf32>) : tensor<8x3xi8> -> !sqz.tensor<8x3xf32, #sqz.quant<i8, per_group(0, 4), symmetric>>
  %q = sqz.quantize %x : tensor<4x8xf32> -> !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>
  // expected-remark@+1 {{scales not folded: weight scales vary along K (only per tensor or per output channel factor out of the sum)}}
  %y = sqz.matmul %q, %w : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>, !sqz.tensor<8x3xf32, #sqz.quant<i8, per_group(0, 4), symmetric>> -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @negative_float_activation
//       CHECK:   sqz.matmul
func.func @negative_float_activation(%x: tensor<4x8xf32>, %c: tensor<8x3xi8>, %s: tensor<3xf32>) -> tensor<4x3xf32> {
  %w = sqz.pack %c scales(%s : tensor<3xf32>) : tensor<8x3xi8> -> !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  // expected-remark@+1 {{scales not folded: not both operands are quantized}}
  %y = sqz.matmul %x, %w : tensor<4x8xf32>, !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @negative_weight_not_constant
//       CHECK:   sqz.matmul
func.func @negative_weight_not_constant(%x: tensor<4x8xf32>, %c: tensor<8x3xi8>, %s: tensor<3xf32>) -> tensor<4x3xf32> {
  %w = sqz.pack %c scales(%s : tensor<3xf32>) : tensor<8x3xi8> -> !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %q = sqz.quantize %x : tensor<4x8xf32> -> !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>
  // expected-remark@+1 {{scales not folded: the weight is not a pack of constant codes}}
  %y = sqz.matmul %q, %w : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>, !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @negative_activation_per_column
//       CHECK:   sqz.matmul
func.func @negative_activation_per_column(%x: tensor<4x8xf32>) -> tensor<4x3xf32> {
  %c = arith.constant dense<1> : tensor<8x3xi8>
  %sw = arith.constant dense<0.5> : tensor<3xf32>
  %w = sqz.pack %c scales(%sw : tensor<3xf32>) : tensor<8x3xi8> -> !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %q = sqz.quantize %x : tensor<4x8xf32> -> !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  // expected-remark@+1 {{scales not folded: activation scales vary along K (only per tensor or per row factor out of the sum)}}
  %y = sqz.matmul %q, %w : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(1), symmetric>>, !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// Requantization chains. An i4 tensor with scale 0.5 requantized to i8 with
// scale 0.25, then to i8 with scale 0.125: every i4 value is on both grids
// (codes x2, then x2 again, all within [-128, 127]), so each link is lossless
// and the dequantize at the end is the first dequantize, bit for bit.
!a = !sqz.tensor<4xf32, #sqz.quant<i4, per_tensor, symmetric>>
!b = !sqz.tensor<4xf32, #sqz.quant<i8, per_tensor, symmetric>>
// CHECK-LABEL: func.func @lossless_chain
//  CHECK-SAME:   %[[C:.*]]: tensor<4xi4>
//       CHECK:   %[[A:.*]] = sqz.pack %[[C]]
//       CHECK:   %[[D:.*]] = sqz.dequantize %[[A]]
//   CHECK-NOT:   sqz.quantize
//       CHECK:   return %[[D]], %[[D]]
func.func @lossless_chain(%codes: tensor<4xi4>) -> (tensor<4xf32>, tensor<4xf32>) {
  %sa = arith.constant dense<0.5> : tensor<f32>
  %sb = arith.constant dense<0.25> : tensor<f32>
  %sc = arith.constant dense<0.125> : tensor<f32>
  %a = sqz.pack %codes scales(%sa : tensor<f32>) : tensor<4xi4> -> !a
  %da = sqz.dequantize %a : !a -> tensor<4xf32>
  %b = sqz.quantize %da scales(%sb : tensor<f32>) : tensor<4xf32> -> !b
  %db = sqz.dequantize %b : !b -> tensor<4xf32>
  %c = sqz.quantize %db scales(%sc : tensor<f32>) : tensor<4xf32> -> !b
  %dc = sqz.dequantize %c : !b -> tensor<4xf32>
  return %da, %dc : tensor<4xf32>, tensor<4xf32>
}

// -----

// A matmul operand that is a lossless requantization reads the original
// tensor: i4 activations with scale 0.5 requantized to i8 with scale 0.125
// (codes x4, -32..28) feed the integer matmul as the i4 codes.
!w = !sqz.tensor<8x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
!x4 = !sqz.tensor<4x8xf32, #sqz.quant<i4, per_tensor, symmetric>>
!x8 = !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>
// CHECK-LABEL: func.func @matmul_reads_original
//  CHECK-SAME:   %[[C:.*]]: tensor<4x8xi4>
//       CHECK:   %[[A:.*]] = sqz.pack %[[C]]
//       CHECK:   %[[P:.*]]:2 = sqz.unpack %[[A]] {{.*}} -> tensor<4x8xi4>, tensor<f32>
//       CHECK:   linalg.generic {{.*}} ins(%[[P]]#0, %{{.*}} : tensor<4x8xi4>, tensor<8x3xi8>)
//   CHECK-NOT:   sqz.quantize
func.func @matmul_reads_original(%codes: tensor<4x8xi4>) -> tensor<4x3xf32> {
  %sa = arith.constant dense<0.5> : tensor<f32>
  %sb = arith.constant dense<0.125> : tensor<f32>
  %a = sqz.pack %codes scales(%sa : tensor<f32>) : tensor<4x8xi4> -> !x4
  %da = sqz.dequantize %a : !x4 -> tensor<4x8xf32>
  %b = sqz.quantize %da scales(%sb : tensor<f32>) : tensor<4x8xf32> -> !x8
  %wc = arith.constant dense<1> : tensor<8x3xi8>
  %ws = arith.constant dense<[0.5, 0.25, 0.125]> : tensor<3xf32>
  %w = sqz.pack %wc scales(%ws : tensor<3xf32>) : tensor<8x3xi8> -> !w
  %y = sqz.matmul %b, %w : !x8, !w -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// -----

// Per-channel u4 codes with zero points requantized to per-tensor u8: scales
// 0.5 and 0.25 are 4 and 2 times 0.125, and the codes 0..15 land on
// 100 + (q - z) k, inside [0, 255].
!a = !sqz.tensor<2x2xf32, #sqz.quant<u4, per_channel(1), asymmetric>>
!b = !sqz.tensor<2x2xf32, #sqz.quant<u8, per_tensor, asymmetric>>
// CHECK-LABEL: func.func @per_channel_to_per_tensor
//       CHECK:   %[[D:.*]] = sqz.dequantize
//   CHECK-NOT:   sqz.quantize
//       CHECK:   return %[[D]]
func.func @per_channel_to_per_tensor(%codes: tensor<2x2xi4>) -> tensor<2x2xf32> {
  %sa = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %za = arith.constant dense<[8, 3]> : tensor<2xi32>
  %sb = arith.constant dense<0.125> : tensor<f32>
  %zb = arith.constant dense<100> : tensor<i32>
  %a = sqz.pack %codes scales(%sa : tensor<2xf32>) zero_points(%za : tensor<2xi32>) : tensor<2x2xi4> -> !a
  %da = sqz.dequantize %a : !a -> tensor<2x2xf32>
  %b = sqz.quantize %da scales(%sb : tensor<f32>) zero_points(%zb : tensor<i32>) : tensor<2x2xf32> -> !b
  %db = sqz.dequantize %b : !b -> tensor<2x2xf32>
  return %db : tensor<2x2xf32>
}

// -----

// Lossy requantizations stay: a scale that is no integer multiple, and
// codes that would leave the range (i8 0.5 -> i8 0.25 doubles 127).
!a = !sqz.tensor<4xf32, #sqz.quant<i8, per_tensor, symmetric>>
// CHECK-LABEL: func.func @negative_lossy
//   CHECK-COUNT-2: sqz.quantize
func.func @negative_lossy(%codes: tensor<4xi8>) -> (tensor<4xf32>, tensor<4xf32>) {
  %sa = arith.constant dense<0.5> : tensor<f32>
  %s3 = arith.constant dense<0.3> : tensor<f32>
  %s4 = arith.constant dense<0.25> : tensor<f32>
  %a = sqz.pack %codes scales(%sa : tensor<f32>) : tensor<4xi8> -> !a
  %da = sqz.dequantize %a : !a -> tensor<4xf32>
  %b = sqz.quantize %da scales(%s3 : tensor<f32>) : tensor<4xf32> -> !a
  // expected-remark@+1 {{requantization kept: scale 0.500000 is not an integer multiple of scale 0.300000}}
  %db = sqz.dequantize %b : !a -> tensor<4xf32>
  %c = sqz.quantize %da scales(%s4 : tensor<f32>) : tensor<4xf32> -> !a
  // expected-remark@+1 {{requantization kept: codes of the first scheme fall outside the second's range [-128, 127]}}
  %dc = sqz.dequantize %c : !a -> tensor<4xf32>
  return %db, %dc : tensor<4xf32>, tensor<4xf32>
}

// -----

// Parameters that are not constants: nothing to prove, nothing merged.
!a = !sqz.tensor<4xf32, #sqz.quant<i4, per_tensor, symmetric>>
!b = !sqz.tensor<4xf32, #sqz.quant<i8, per_tensor, symmetric>>
// CHECK-LABEL: func.func @negative_runtime_scale
//       CHECK:   sqz.quantize
func.func @negative_runtime_scale(%codes: tensor<4xi4>, %sb: tensor<f32>) -> tensor<4xf32> {
  %sa = arith.constant dense<0.5> : tensor<f32>
  %a = sqz.pack %codes scales(%sa : tensor<f32>) : tensor<4xi4> -> !a
  %da = sqz.dequantize %a : !a -> tensor<4xf32>
  %b = sqz.quantize %da scales(%sb : tensor<f32>) : tensor<4xf32> -> !b
  // expected-remark@+1 {{requantization kept: the parameters of the requantization are not constants}}
  %db = sqz.dequantize %b : !b -> tensor<4xf32>
  return %db : tensor<4xf32>
}
