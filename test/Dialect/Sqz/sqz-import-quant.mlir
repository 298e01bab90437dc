// RUN: sqz-opt %s --split-input-file --sqz-import-quant | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-import-quant --sqz-export-quant | FileCheck %s --check-prefixes=ROUNDTRIP,EXPLICIT
// RUN: mlir-opt %s --split-input-file | FileCheck %s --check-prefix=ROUNDTRIP

// The quant types that come back from the round trip are the ones that went
// in: the ROUNDTRIP lines hold both for the round trip and for this file as
// upstream mlir-opt prints it. EXPLICIT lines hold for the round trip only.

// CHECK-LABEL: func.func @per_tensor_asymmetric
//  CHECK-SAME:   %[[X:.*]]: tensor<4x2xf32>
//   CHECK-DAG:   %[[S:.*]] = arith.constant dense<5.000000e-01> : tensor<f32>
//   CHECK-DAG:   %[[Z:.*]] = arith.constant dense<3> : tensor<i32>
//       CHECK:   %[[Q:.*]] = sqz.quantize %[[X]] scales(%[[S]] : tensor<f32>) zero_points(%[[Z]] : tensor<i32>) : tensor<4x2xf32> -> !sqz.tensor<4x2xf32, #sqz.quant<i8, per_tensor, asymmetric>>
//       CHECK:   %[[D:.*]] = sqz.dequantize %[[Q]] : !sqz.tensor<4x2xf32, #sqz.quant<i8, per_tensor, asymmetric>> -> tensor<4x2xf32>
//       CHECK:   return %[[D]]
//   CHECK-NOT:   quant.

// ROUNDTRIP-LABEL: func.func @per_tensor_asymmetric
//       ROUNDTRIP:   %[[Q:.*]] = quant.qcast %{{.*}} : tensor<4x2xf32> to tensor<4x2x!quant.uniform<i8:f32, 5.000000e-01:3>>
//       ROUNDTRIP:   quant.dcast %[[Q]] : tensor<4x2x!quant.uniform<i8:f32, 5.000000e-01:3>> to tensor<4x2xf32>
//   ROUNDTRIP-NOT:   sqz.
//   ROUNDTRIP-NOT:   arith.constant
func.func @per_tensor_asymmetric(%x: tensor<4x2xf32>) -> tensor<4x2xf32> {
  %q = quant.qcast %x : tensor<4x2xf32> to tensor<4x2x!quant.uniform<i8:f32, 0.5:3>>
  %d = quant.dcast %q : tensor<4x2x!quant.uniform<i8:f32, 0.5:3>> to tensor<4x2xf32>
  return %d : tensor<4x2xf32>
}

// -----

// Signed storage with zero point 0 is symmetric: no zero-point tensor.
// CHECK-LABEL: func.func @per_tensor_symmetric
//       CHECK:   %[[S:.*]] = arith.constant dense<2.500000e-01> : tensor<f32>
//       CHECK:   sqz.quantize %{{.*}} scales(%[[S]] : tensor<f32>) : tensor<8xf32> -> !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric>>
//   CHECK-NOT:   zero_points

// ROUNDTRIP-LABEL: func.func @per_tensor_symmetric
//       ROUNDTRIP:   quant.qcast %{{.*}} : tensor<8xf32> to tensor<8x!quant.uniform<i8:f32, 2.500000e-01>>
func.func @per_tensor_symmetric(%x: tensor<8xf32>) -> tensor<8xf32> {
  %q = quant.qcast %x : tensor<8xf32> to tensor<8x!quant.uniform<i8:f32, 0.25>>
  %d = quant.dcast %q : tensor<8x!quant.uniform<i8:f32, 0.25>> to tensor<8xf32>
  return %d : tensor<8xf32>
}

// -----

// dcast(qcast(x)) is not folded to x: the rounding is the point of it.
// CHECK-LABEL: func.func @per_axis
//   CHECK-DAG:   %[[S:.*]] = arith.constant dense<[5.000000e-01, 2.500000e-01]> : tensor<2xf32>
//   CHECK-DAG:   %[[Z:.*]] = arith.constant dense<[1, 2]> : tensor<2xi32>
//       CHECK:   %[[Q:.*]] = sqz.quantize %{{.*}} scales(%[[S]] : tensor<2xf32>) zero_points(%[[Z]] : tensor<2xi32>) : tensor<4x2xf32> -> !sqz.tensor<4x2xf32, #sqz.quant<i8, per_channel(1), asymmetric>>
//       CHECK:   sqz.dequantize %[[Q]]

// ROUNDTRIP-LABEL: func.func @per_axis
//       ROUNDTRIP:   quant.qcast %{{.*}} : tensor<4x2xf32> to tensor<4x2x!quant.uniform<i8:f32:1, {5.000000e-01:1,2.500000e-01:2}>>
//       ROUNDTRIP:   quant.dcast
func.func @per_axis(%x: tensor<4x2xf32>) -> tensor<4x2xf32> {
  %q = quant.qcast %x : tensor<4x2xf32> to tensor<4x2x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>>
  %d = quant.dcast %q : tensor<4x2x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>> to tensor<4x2xf32>
  return %d : tensor<4x2xf32>
}

// -----

// A dynamic batch dimension; the channel axis is static.
// CHECK-LABEL: func.func @per_axis_dynamic_symmetric
//       CHECK:   %[[S:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 4.000000e+00]> : tensor<3xf32>
//       CHECK:   sqz.quantize %{{.*}} scales(%[[S]] : tensor<3xf32>) : tensor<?x3xf32> -> !sqz.tensor<?x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>

// ROUNDTRIP-LABEL: func.func @per_axis_dynamic_symmetric
//       ROUNDTRIP:   quant.qcast %{{.*}} : tensor<?x3xf32> to tensor<?x3x!quant.uniform<i8:f32:1, {1.000000e+00,2.000000e+00,4.000000e+00}>>
func.func @per_axis_dynamic_symmetric(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %q = quant.qcast %x : tensor<?x3xf32> to tensor<?x3x!quant.uniform<i8:f32:1, {1.0, 2.0, 4.0}>>
  %d = quant.dcast %q : tensor<?x3x!quant.uniform<i8:f32:1, {1.0, 2.0, 4.0}>> to tensor<?x3xf32>
  return %d : tensor<?x3xf32>
}

// -----

// Blocks of 1 x 32: one scale per 32 consecutive elements of a row.
// CHECK-LABEL: func.func @sub_channel
//   CHECK-DAG:   %[[S:.*]] = arith.constant dense<{{\[}}[5.000000e-01, 2.500000e-01], [1.000000e+00, 2.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   %[[Q:.*]] = sqz.quantize %{{.*}} scales(%[[S]] : tensor<2x2xf32>) : tensor<2x64xf32> -> !sqz.tensor<2x64xf32, #sqz.quant<i8, per_group(1, 32), symmetric>>
//       CHECK:   sqz.dequantize %[[Q]]

// ROUNDTRIP-LABEL: func.func @sub_channel
//       ROUNDTRIP:   quant.qcast %{{.*}} : tensor<2x64xf32> to tensor<2x64x!quant.uniform<i8:f32:{0:1, 1:32}, {{\{}}{5.000000e-01, 2.500000e-01}, {1.000000e+00, 2.000000e+00}}>>
func.func @sub_channel(%x: tensor<2x64xf32>) -> tensor<2x64xf32> {
  %q = quant.qcast %x : tensor<2x64xf32> to tensor<2x64x!quant.uniform<i8:f32:{0:1, 1:32}, {{0.5, 0.25}, {1.0, 2.0}}>>
  %d = quant.dcast %q : tensor<2x64x!quant.uniform<i8:f32:{0:1, 1:32}, {{0.5, 0.25}, {1.0, 2.0}}>> to tensor<2x64xf32>
  return %d : tensor<2x64xf32>
}

// -----

// Unsigned 4-bit groups of 16 along axis 0, with zero points. (Upstream
// prints unsigned sub-channel zero points as signed 4-bit patterns: 8 as -8,
// 15 as -1; they parse back to the same type.)
// CHECK-LABEL: func.func @sub_channel_u4_axis0
//   CHECK-DAG:   %[[S:.*]] = arith.constant dense<{{\[}}[5.000000e-01, 2.500000e-01, 1.250000e-01], [1.000000e+00, 2.000000e+00, 4.000000e+00]]> : tensor<2x3xf32>
//   CHECK-DAG:   %[[Z:.*]] = arith.constant dense<{{\[}}[8, 0, 15], [1, 2, 3]]> : tensor<2x3xi32>
//       CHECK:   sqz.quantize %{{.*}} scales(%[[S]] : tensor<2x3xf32>) zero_points(%[[Z]] : tensor<2x3xi32>) : tensor<32x3xf32> -> !sqz.tensor<32x3xf32, #sqz.quant<u4, per_group(0, 16), asymmetric>>

// ROUNDTRIP-LABEL: func.func @sub_channel_u4_axis0
//       ROUNDTRIP:   quant.qcast %{{.*}} : tensor<32x3xf32> to tensor<32x3x!quant.uniform<u4:f32:{0:16, 1:1}, {{\{}}{5.000000e-01:-8, 2.500000e-01, 1.250000e-01:-1}, {1.000000e+00:1, 2.000000e+00:2, 4.000000e+00:3}}>>
func.func @sub_channel_u4_axis0(%x: tensor<32x3xf32>) -> tensor<32x3xf32> {
  %q = quant.qcast %x : tensor<32x3xf32> to tensor<32x3x!quant.uniform<u4:f32:{0:16, 1:1}, {{0.5:8, 0.25:0, 0.125:15}, {1.0:1, 2.0:2, 4.0:3}}>>
  %d = quant.dcast %q : tensor<32x3x!quant.uniform<u4:f32:{0:16, 1:1}, {{0.5:8, 0.25:0, 0.125:15}, {1.0:1, 2.0:2, 4.0:3}}>> to tensor<32x3xf32>
  return %d : tensor<32x3xf32>
}

// -----

// Axis 0 is left out of the block list: its block is the whole dimension,
// of size 1, so the blocks are 1 x 32 as above. The round trip spells the
// block sizes of every axis.
// CHECK-LABEL: func.func @sub_channel_implicit_axis
//       CHECK:   sqz.quantize {{.*}} : tensor<1x64xf32> -> !sqz.tensor<1x64xf32, #sqz.quant<i8, per_group(1, 32), symmetric>>

// ROUNDTRIP-LABEL: func.func @sub_channel_implicit_axis
//        EXPLICIT:   quant.qcast %{{.*}} : tensor<1x64xf32> to tensor<1x64x!quant.uniform<i8:f32:{0:1, 1:32}, {{\{}}{5.000000e-01, 2.500000e-01}}>>
func.func @sub_channel_implicit_axis(%x: tensor<1x64xf32>) -> tensor<1x64xf32> {
  %q = quant.qcast %x : tensor<1x64xf32> to tensor<1x64x!quant.uniform<i8:f32:{1:32}, {{0.5, 0.25}}>>
  %d = quant.dcast %q : tensor<1x64x!quant.uniform<i8:f32:{1:32}, {{0.5, 0.25}}>> to tensor<1x64xf32>
  return %d : tensor<1x64xf32>
}

// -----

// Unsigned storage is asymmetric even with zero point 0.
// CHECK-LABEL: func.func @u8_asymmetric
//   CHECK-DAG:   %[[S:.*]] = arith.constant dense<1.250000e-01> : tensor<f32>
//   CHECK-DAG:   %[[Z:.*]] = arith.constant dense<128> : tensor<i32>
//       CHECK:   sqz.quantize %{{.*}} scales(%[[S]] : tensor<f32>) zero_points(%[[Z]] : tensor<i32>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<u8, per_tensor, asymmetric>>
//       CHECK:   %[[Z0:.*]] = arith.constant dense<0> : tensor<i32>
//       CHECK:   sqz.quantize %{{.*}} zero_points(%[[Z0]] : tensor<i32>) : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<u8, per_tensor, asymmetric>>

// ROUNDTRIP-LABEL: func.func @u8_asymmetric
//       ROUNDTRIP:   quant.qcast %{{.*}} : tensor<16xf32> to tensor<16x!quant.uniform<u8:f32, 1.250000e-01:128>>
//       ROUNDTRIP:   quant.qcast %{{.*}} : tensor<16xf32> to tensor<16x!quant.uniform<u8:f32, 1.250000e-01>>
func.func @u8_asymmetric(%x: tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>) {
  %q = quant.qcast %x : tensor<16xf32> to tensor<16x!quant.uniform<u8:f32, 0.125:128>>
  %d = quant.dcast %q : tensor<16x!quant.uniform<u8:f32, 0.125:128>> to tensor<16xf32>
  %q0 = quant.qcast %x : tensor<16xf32> to tensor<16x!quant.uniform<u8:f32, 0.125>>
  %d0 = quant.dcast %q0 : tensor<16x!quant.uniform<u8:f32, 0.125>> to tensor<16xf32>
  return %d, %d0 : tensor<16xf32>, tensor<16xf32>
}

// -----

// CHECK-LABEL: func.func @narrow_range
//       CHECK:   sqz.quantize {{.*}} -> !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric, narrow_range>>
//       CHECK:   sqz.quantize {{.*}} -> !sqz.tensor<16xf32, #sqz.quant<u8, per_tensor, asymmetric, narrow_range>>
//       CHECK:   sqz.quantize {{.*}} -> !sqz.tensor<16xf32, #sqz.quant<i4, per_tensor, symmetric, narrow_range>>

// ROUNDTRIP-LABEL: func.func @narrow_range
//       ROUNDTRIP:   tensor<16x!quant.uniform<i8<-127:127>:f32, 5.000000e-01>>
//       ROUNDTRIP:   tensor<16x!quant.uniform<u8<1:255>:f32, 5.000000e-01:128>>
//       ROUNDTRIP:   tensor<16x!quant.uniform<i4<-7:7>:f32, 5.000000e-01>>
func.func @narrow_range(%x: tensor<16xf32>) -> (tensor<16xf32>, tensor<16xf32>, tensor<16xf32>) {
  %q = quant.qcast %x : tensor<16xf32> to tensor<16x!quant.uniform<i8<-127:127>:f32, 0.5>>
  %d = quant.dcast %q : tensor<16x!quant.uniform<i8<-127:127>:f32, 0.5>> to tensor<16xf32>
  %qu = quant.qcast %x : tensor<16xf32> to tensor<16x!quant.uniform<u8<1:255>:f32, 0.5:128>>
  %du = quant.dcast %qu : tensor<16x!quant.uniform<u8<1:255>:f32, 0.5:128>> to tensor<16xf32>
  %q4 = quant.qcast %x : tensor<16xf32> to tensor<16x!quant.uniform<i4<-7:7>:f32, 0.5>>
  %d4 = quant.dcast %q4 : tensor<16x!quant.uniform<i4<-7:7>:f32, 0.5>> to tensor<16xf32>
  return %d, %du, %d4 : tensor<16xf32>, tensor<16xf32>, tensor<16xf32>
}

// -----

// Sub-byte storage types, and expressed types other than f32: scales are f32
// up to 32-bit expressed types, f64 beyond.
// CHECK-LABEL: func.func @storage_and_expressed_types
//       CHECK:   -> !sqz.tensor<16xf32, #sqz.quant<u4, per_tensor, asymmetric>>
//       CHECK:   -> !sqz.tensor<16xf32, #sqz.quant<i2, per_tensor, symmetric>>
//       CHECK:   -> !sqz.tensor<16xf32, #sqz.quant<u2, per_tensor, asymmetric>>
//       CHECK:   %[[S16:.*]] = arith.constant dense<5.000000e-01> : tensor<f32>
//       CHECK:   sqz.quantize %{{.*}} scales(%[[S16]] : tensor<f32>) : tensor<16xf16> -> !sqz.tensor<16xf16, #sqz.quant<i8, per_tensor, symmetric>>
//       CHECK:   %[[S64:.*]] = arith.constant dense<1.000000e-01> : tensor<f64>
//       CHECK:   sqz.quantize %{{.*}} scales(%[[S64]] : tensor<f64>) : tensor<16xf64> -> !sqz.tensor<16xf64, #sqz.quant<i8, per_tensor, symmetric>>

// ROUNDTRIP-LABEL: func.func @storage_and_expressed_types
//       ROUNDTRIP:   tensor<16x!quant.uniform<u4:f32, 5.000000e-01:8>>
//       ROUNDTRIP:   tensor<16x!quant.uniform<i2:f32, 5.000000e-01>>
//       ROUNDTRIP:   tensor<16x!quant.uniform<u2:f32, 5.000000e-01:1>>
//       ROUNDTRIP:   tensor<16x!quant.uniform<i8:f16, 5.000000e-01>>
//       ROUNDTRIP:   tensor<16x!quant.uniform<i8:f64, 1.000000e-01>>
func.func @storage_and_expressed_types(%x: tensor<16xf32>, %h: tensor<16xf16>, %w: tensor<16xf64>)
    -> (tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf16>, tensor<16xf64>) {
  %q0 = quant.qcast %x : tensor<16xf32> to tensor<16x!quant.uniform<u4:f32, 0.5:8>>
  %d0 = quant.dcast %q0 : tensor<16x!quant.uniform<u4:f32, 0.5:8>> to tensor<16xf32>
  %q1 = quant.qcast %x : tensor<16xf32> to tensor<16x!quant.uniform<i2:f32, 0.5>>
  %d1 = quant.dcast %q1 : tensor<16x!quant.uniform<i2:f32, 0.5>> to tensor<16xf32>
  %q2 = quant.qcast %x : tensor<16xf32> to tensor<16x!quant.uniform<u2:f32, 0.5:1>>
  %d2 = quant.dcast %q2 : tensor<16x!quant.uniform<u2:f32, 0.5:1>> to tensor<16xf32>
  %q3 = quant.qcast %h : tensor<16xf16> to tensor<16x!quant.uniform<i8:f16, 0.5>>
  %d3 = quant.dcast %q3 : tensor<16x!quant.uniform<i8:f16, 0.5>> to tensor<16xf16>
  %q4 = quant.qcast %w : tensor<16xf64> to tensor<16x!quant.uniform<i8:f64, 0.1>>
  %d4 = quant.dcast %q4 : tensor<16x!quant.uniform<i8:f64, 0.1>> to tensor<16xf64>
  return %d0, %d1, %d2, %d3, %d4 : tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf16>, tensor<16xf64>
}

// -----

// Weights stored as integer constants, cast to the quantized type: the codes
// are packed as they are; a cast back to integers takes them out again.
// CHECK-LABEL: func.func @stored_weights
//   CHECK-DAG:   %[[CODES:.*]] = arith.constant dense<{{\[}}[1, -2], [127, -127]]> : tensor<2x2xi8>
//   CHECK-DAG:   %[[S:.*]] = arith.constant dense<[1.250000e-01, 2.500000e-01]> : tensor<2xf32>
//       CHECK:   %[[W:.*]] = sqz.pack %[[CODES]] scales(%[[S]] : tensor<2xf32>) : tensor<2x2xi8> -> !sqz.tensor<2x2xf32, #sqz.quant<i8, per_channel(1), symmetric, narrow_range>>
//       CHECK:   %[[D:.*]] = sqz.dequantize %[[W]]
//       CHECK:   %[[PARTS:.*]]:2 = sqz.unpack %[[W]] : !sqz.tensor<2x2xf32, #sqz.quant<i8, per_channel(1), symmetric, narrow_range>> -> tensor<2x2xi8>, tensor<2xf32>
//       CHECK:   return %[[D]], %[[PARTS]]#0

// ROUNDTRIP-LABEL: func.func @stored_weights
//       ROUNDTRIP:   %[[CODES:.*]] = arith.constant dense<{{\[}}[1, -2], [127, -127]]> : tensor<2x2xi8>
//       ROUNDTRIP:   %[[W:.*]] = quant.scast %[[CODES]] : tensor<2x2xi8> to tensor<2x2x!quant.uniform<i8<-127:127>:f32:1, {1.250000e-01,2.500000e-01}>>
//       ROUNDTRIP:   %[[D:.*]] = quant.dcast %[[W]]
//       ROUNDTRIP:   %[[B:.*]] = quant.scast %[[W]] : tensor<2x2x!quant.uniform<i8<-127:127>:f32:1, {1.250000e-01,2.500000e-01}>> to tensor<2x2xi8>
//       ROUNDTRIP:   return %[[D]], %[[B]]
func.func @stored_weights() -> (tensor<2x2xf32>, tensor<2x2xi8>) {
  %codes = arith.constant dense<[[1, -2], [127, -127]]> : tensor<2x2xi8>
  %w = quant.scast %codes : tensor<2x2xi8> to tensor<2x2x!quant.uniform<i8<-127:127>:f32:1, {0.125, 0.25}>>
  %d = quant.dcast %w : tensor<2x2x!quant.uniform<i8<-127:127>:f32:1, {0.125, 0.25}>> to tensor<2x2xf32>
  %back = quant.scast %w : tensor<2x2x!quant.uniform<i8<-127:127>:f32:1, {0.125, 0.25}>> to tensor<2x2xi8>
  return %d, %back : tensor<2x2xf32>, tensor<2x2xi8>
}

// -----

// A quantized value used by several casts is imported once.
// CHECK-LABEL: func.func @shared_value
//       CHECK:   %[[Q:.*]] = sqz.quantize
//   CHECK-NOT:   sqz.quantize
//       CHECK:   sqz.dequantize %[[Q]]
//       CHECK:   sqz.dequantize %[[Q]]

// ROUNDTRIP-LABEL: func.func @shared_value
//       ROUNDTRIP:   %[[Q:.*]] = quant.qcast
//   ROUNDTRIP-NOT:   quant.qcast
//       ROUNDTRIP:   quant.dcast %[[Q]]
//       ROUNDTRIP:   quant.dcast %[[Q]]
func.func @shared_value(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.5>>
  %a = quant.dcast %q : tensor<4x!quant.uniform<i8:f32, 0.5>> to tensor<4xf32>
  %b = quant.dcast %q : tensor<4x!quant.uniform<i8:f32, 0.5>> to tensor<4xf32>
  return %a, %b : tensor<4xf32>, tensor<4xf32>
}
