// RUN: sqz-opt %s --split-input-file --sqz-export-quant | FileCheck %s
// RUN: sqz-opt %s --sqz-export-quant | mlir-opt --lower-quant-ops > %t
// RUN: FileCheck %s --check-prefix=UPSTREAM < %t
// RUN: FileCheck %s --check-prefix=LOWER < %t
// RUN: sqz-opt %s --split-input-file --sqz-export-quant --sqz-import-quant | FileCheck %s --check-prefix=BACK

// Upstream --lower-quant-ops takes what the export makes: no quantize or
// dequantize cast is left (storage casts may stay; upstream also folds
// dcast(qcast(x)) to x, so a quantize-dequantize pair disappears there).
// UPSTREAM-NOT: quant.qcast
// UPSTREAM-NOT: quant.dcast
// UPSTREAM-NOT: sqz.

// The parameters move into the type; their constants go away.
// CHECK-LABEL: func.func @per_tensor_symmetric
//  CHECK-SAME:   %[[X:.*]]: tensor<16xf32>
//   CHECK-NOT:   arith.constant
//       CHECK:   %[[Q:.*]] = quant.qcast %[[X]] : tensor<16xf32> to tensor<16x!quant.uniform<i8:f32, 5.000000e-01>>
//       CHECK:   %[[D:.*]] = quant.dcast %[[Q]] : tensor<16x!quant.uniform<i8:f32, 5.000000e-01>> to tensor<16xf32>
//       CHECK:   return %[[D]]
//   CHECK-NOT:   sqz.

// BACK-LABEL: func.func @per_tensor_symmetric
//       BACK:   sqz.quantize {{.*}} -> !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>>
func.func @per_tensor_symmetric(%x: tensor<16xf32>) -> tensor<16xf32> {
  %s = arith.constant dense<0.5> : tensor<f32>
  %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %d = sqz.dequantize %q : !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<16xf32>
  return %d : tensor<16xf32>
}

// -----

// Zero points are read with the storage's signedness: an i8 constant -56 of
// a u8 scheme is 200.
// CHECK-LABEL: func.func @u8_asymmetric
//       CHECK:   quant.qcast %{{.*}} : tensor<16xf32> to tensor<16x!quant.uniform<u8:f32, 1.250000e-01:128>>
//       CHECK:   quant.qcast %{{.*}} : tensor<16xf32> to tensor<16x!quant.uniform<u8:f32, 1.250000e-01:200>>

// BACK-LABEL: func.func @u8_asymmetric
//       BACK:   %[[Z:.*]] = arith.constant dense<128> : tensor<i32>
//       BACK:   sqz.quantize {{.*}} zero_points(%[[Z]] : tensor<i32>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<u8, per_tensor, asymmetric>>
//       BACK:   %[[Z2:.*]] = arith.constant dense<200> : tensor<i32>
//       BACK:   sqz.quantize {{.*}} zero_points(%[[Z2]] : tensor<i32>)
func.func @u8_asymmetric(%x: tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>) {
  %s = arith.constant dense<0.125> : tensor<f32>
  %z = arith.constant dense<128> : tensor<i32>
  %z8 = arith.constant dense<-56> : tensor<i8>
  %q = sqz.quantize %x scales(%s : tensor<f32>) zero_points(%z : tensor<i32>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  %d = sqz.dequantize %q : !sqz.tensor<16xf32, #sqz.quant<u8, per_tensor, asymmetric>> -> tensor<16xf32>
  %q2 = sqz.quantize %x scales(%s : tensor<f32>) zero_points(%z8 : tensor<i8>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  %d2 = sqz.dequantize %q2 : !sqz.tensor<16xf32, #sqz.quant<u8, per_tensor, asymmetric>> -> tensor<16xf32>
  return %d, %d2 : tensor<16xf32>, tensor<16xf32>
}

// -----

// CHECK-LABEL: func.func @per_channel
//       CHECK:   quant.qcast %{{.*}} : tensor<4x3xf32> to tensor<4x3x!quant.uniform<i8:f32:1, {5.000000e-01:-1,2.500000e-01,1.250000e-01:7}>>

// BACK-LABEL: func.func @per_channel
//       BACK:   -> !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), asymmetric>>
func.func @per_channel(%x: tensor<4x3xf32>) -> tensor<4x3xf32> {
  %s = arith.constant dense<[0.5, 0.25, 0.125]> : tensor<3xf32>
  %z = arith.constant dense<[-1, 0, 7]> : tensor<3xi32>
  %q = sqz.quantize %x scales(%s : tensor<3xf32>) zero_points(%z : tensor<3xi32>) : tensor<4x3xf32> -> !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), asymmetric>>
  %d = sqz.dequantize %q : !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), asymmetric>> -> tensor<4x3xf32>
  return %d : tensor<4x3xf32>
}

// -----

// Groups of 32 along axis 1 are sub-channel blocks of 1 x 32.
// CHECK-LABEL: func.func @per_group
//       CHECK:   quant.qcast %{{.*}} : tensor<2x64xf32> to tensor<2x64x!quant.uniform<i4:f32:{0:1, 1:32}, {{\{}}{5.000000e-01, 2.500000e-01}, {1.000000e+00, 2.000000e+00}}>>

// BACK-LABEL: func.func @per_group
//       BACK:   %[[S:.*]] = arith.constant dense<{{\[}}[5.000000e-01, 2.500000e-01], [1.000000e+00, 2.000000e+00]]> : tensor<2x2xf32>
//       BACK:   sqz.quantize %{{.*}} scales(%[[S]] : tensor<2x2xf32>) : tensor<2x64xf32> -> !sqz.tensor<2x64xf32, #sqz.quant<i4, per_group(1, 32), symmetric>>
func.func @per_group(%x: tensor<2x64xf32>) -> tensor<2x64xf32> {
  %s = arith.constant dense<[[0.5, 0.25], [1.0, 2.0]]> : tensor<2x2xf32>
  %q = sqz.quantize %x scales(%s : tensor<2x2xf32>) : tensor<2x64xf32> -> !sqz.tensor<2x64xf32, #sqz.quant<i4, per_group(1, 32), symmetric>>
  %d = sqz.dequantize %q : !sqz.tensor<2x64xf32, #sqz.quant<i4, per_group(1, 32), symmetric>> -> tensor<2x64xf32>
  return %d : tensor<2x64xf32>
}

// -----

// CHECK-LABEL: func.func @narrow_range
//       CHECK:   tensor<16x!quant.uniform<i8<-127:127>:f32, 5.000000e-01>>
//       CHECK:   tensor<16x!quant.uniform<u8<1:255>:f32, 5.000000e-01:128>>

// BACK-LABEL: func.func @narrow_range
//       BACK:   #sqz.quant<i8, per_tensor, symmetric, narrow_range>
//       BACK:   #sqz.quant<u8, per_tensor, asymmetric, narrow_range>
func.func @narrow_range(%x: tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>) {
  %s = arith.constant dense<0.5> : tensor<f32>
  %z = arith.constant dense<128> : tensor<i32>
  %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric, narrow_range>>
  %d = sqz.dequantize %q : !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric, narrow_range>> -> tensor<16xf32>
  %qu = sqz.quantize %x scales(%s : tensor<f32>) zero_points(%z : tensor<i32>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<u8, per_tensor, asymmetric, narrow_range>>
  %du = sqz.dequantize %qu : !sqz.tensor<16xf32, #sqz.quant<u8, per_tensor, asymmetric, narrow_range>> -> tensor<16xf32>
  return %d, %du : tensor<16xf32>, tensor<16xf32>
}

// -----

// Packed 4-bit weights: the codes stay an integer constant, cast to the
// quantized type; unpacking takes the codes back out (and the scales, which
// stay a constant while something uses them).
// CHECK-LABEL: func.func @packed_weights
//   CHECK-DAG:   %[[CODES:.*]] = arith.constant dense<{{\[}}[1, -8], [7, 0]]> : tensor<2x2xi4>
//   CHECK-DAG:   %[[S:.*]] = arith.constant dense<[1.250000e-01, 2.500000e-01]> : tensor<2xf32>
//       CHECK:   %[[W:.*]] = quant.scast %[[CODES]] : tensor<2x2xi4> to tensor<2x2x!quant.uniform<i4:f32:1, {1.250000e-01,2.500000e-01}>>
//       CHECK:   %[[D:.*]] = quant.dcast %[[W]] : tensor<2x2x!quant.uniform<i4:f32:1, {1.250000e-01,2.500000e-01}>> to tensor<2x2xf32>
//       CHECK:   %[[B:.*]] = quant.scast %[[W]] : tensor<2x2x!quant.uniform<i4:f32:1, {1.250000e-01,2.500000e-01}>> to tensor<2x2xi4>
//       CHECK:   return %[[D]], %[[B]], %[[S]]

// LOWER-LABEL: func.func @packed_weights
//       LOWER:   %[[CODES:.*]] = quant.scast %{{.*}} : tensor<2x2x!quant.uniform<i4:f32:1, {{.*}}>> to tensor<2x2xi4>
//       LOWER:   linalg.generic {{.*}} ins(%[[CODES]], {{.*}} : tensor<2x2xi4>, tensor<2xf32>, tensor<2xi4>)
//       LOWER:     arith.sitofp
//       LOWER:     arith.subf
//       LOWER:     arith.mulf

// BACK-LABEL: func.func @packed_weights
//       BACK:   %[[W:.*]] = sqz.pack %{{.*}} scales(%{{.*}} : tensor<2xf32>) : tensor<2x2xi4> -> !sqz.tensor<2x2xf32, #sqz.quant<i4, per_channel(1), symmetric>>
//       BACK:   sqz.dequantize %[[W]]
//       BACK:   sqz.unpack %[[W]]
func.func @packed_weights() -> (tensor<2x2xf32>, tensor<2x2xi4>, tensor<2xf32>) {
  %codes = arith.constant dense<[[1, -8], [7, 0]]> : tensor<2x2xi4>
  %s = arith.constant dense<[0.125, 0.25]> : tensor<2xf32>
  %w = sqz.pack %codes scales(%s : tensor<2xf32>) : tensor<2x2xi4> -> !sqz.tensor<2x2xf32, #sqz.quant<i4, per_channel(1), symmetric>>
  %d = sqz.dequantize %w : !sqz.tensor<2x2xf32, #sqz.quant<i4, per_channel(1), symmetric>> -> tensor<2x2xf32>
  %c, %sc = sqz.unpack %w : !sqz.tensor<2x2xf32, #sqz.quant<i4, per_channel(1), symmetric>> -> tensor<2x2xi4>, tensor<2xf32>
  return %d, %c, %sc : tensor<2x2xf32>, tensor<2x2xi4>, tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @fake_quant
//  CHECK-SAME:   %[[X:.*]]: tensor<8x4xf32>
//       CHECK:   %[[Q:.*]] = quant.qcast %[[X]] : tensor<8x4xf32> to tensor<8x4x!quant.uniform<u8:f32:0, {{.*}}>>
//       CHECK:   %[[D:.*]] = quant.dcast %[[Q]] : tensor<8x4x!quant.uniform<u8:f32:0, {{.*}}>> to tensor<8x4xf32>
//       CHECK:   return %[[D]]

// BACK-LABEL: func.func @fake_quant
//       BACK:   %[[Q:.*]] = sqz.quantize {{.*}} -> !sqz.tensor<8x4xf32, #sqz.quant<u8, per_channel(0), asymmetric>>
//       BACK:   sqz.dequantize %[[Q]]
func.func @fake_quant(%x: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %s = arith.constant dense<0.5> : tensor<8xf32>
  %z = arith.constant dense<3> : tensor<8xi32>
  %y = sqz.fake_quant %x scales(%s : tensor<8xf32>) zero_points(%z : tensor<8xi32>) as <u8, per_channel(0), asymmetric> : tensor<8x4xf32>
  return %y : tensor<8x4xf32>
}

// -----

// quant casts keep the shape exactly: sizes that sqz leaves dynamic on one
// side are cast with tensor.cast.
// CHECK-LABEL: func.func @shape_casts
//  CHECK-SAME:   %[[X:.*]]: tensor<?x4xf32>
//       CHECK:   %[[XC:.*]] = tensor.cast %[[X]] : tensor<?x4xf32> to tensor<2x4xf32>
//       CHECK:   %[[Q:.*]] = quant.qcast %[[XC]] : tensor<2x4xf32> to tensor<2x4x!quant.uniform<i8:f32, 5.000000e-01>>
//       CHECK:   %[[D:.*]] = quant.dcast %[[Q]] : tensor<2x4x!quant.uniform<i8:f32, 5.000000e-01>> to tensor<2x4xf32>
//       CHECK:   %[[DC:.*]] = tensor.cast %[[D]] : tensor<2x4xf32> to tensor<?x4xf32>
//       CHECK:   return %[[DC]]
func.func @shape_casts(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %s = arith.constant dense<0.5> : tensor<f32>
  %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<?x4xf32> -> !sqz.tensor<2x4xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %d = sqz.dequantize %q : !sqz.tensor<2x4xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<?x4xf32>
  return %d : tensor<?x4xf32>
}

// -----

// A parameter constant shared by two ops goes away with the last of them.
// CHECK-LABEL: func.func @shared_constant
//   CHECK-NOT:   arith.constant
//       CHECK:   quant.qcast %{{.*}} to tensor<16x!quant.uniform<i8:f32, 2.500000e-01>>
//       CHECK:   quant.qcast %{{.*}} to tensor<16x!quant.uniform<i8:f32, 2.500000e-01>>
//   CHECK-NOT:   arith.constant
func.func @shared_constant(%x: tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>) {
  %s = arith.constant dense<0.25> : tensor<f32>
  %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %d = sqz.dequantize %q : !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<16xf32>
  %q2 = sqz.quantize %x scales(%s : tensor<f32>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %d2 = sqz.dequantize %q2 : !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<16xf32>
  return %d, %d2 : tensor<16xf32>, tensor<16xf32>
}

// -----

// A parameter constant that something else uses stays.
// CHECK-LABEL: func.func @constant_used_elsewhere
//       CHECK:   %[[S:.*]] = arith.constant dense<2.500000e-01> : tensor<f32>
//       CHECK:   quant.qcast
//       CHECK:   return {{.*}}, %[[S]]
func.func @constant_used_elsewhere(%x: tensor<16xf32>) -> (tensor<16xf32>, tensor<f32>) {
  %s = arith.constant dense<0.25> : tensor<f32>
  %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %d = sqz.dequantize %q : !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<16xf32>
  return %d, %s : tensor<16xf32>, tensor<f32>
}

// -----

// IR without compressed values is left as it is, dead constants included.
// CHECK-LABEL: func.func @nothing_to_export
//       CHECK:   arith.constant dense<1.000000e+00> : tensor<4xf32>
//       CHECK:   return %arg0
func.func @nothing_to_export(%x: tensor<4xf32>) -> tensor<4xf32> {
  %unused = arith.constant dense<1.0> : tensor<4xf32>
  return %x : tensor<4xf32>
}
