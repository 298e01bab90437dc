// RUN: sqz-opt %s --split-input-file --canonicalize="test-convergence" | FileCheck %s

//===----------------------------------------------------------------------===//
// sqz.quantize(sqz.dequantize(q))
//===----------------------------------------------------------------------===//

// Requantizing with the parameters q was packed with gives back q.
// CHECK-LABEL: func.func @quantize_dequantize_pack
//  CHECK-SAME:   (%[[CODES:.*]]: tensor<16x64xi8>, %[[S:.*]]: tensor<64xf32>)
//       CHECK:   %[[Q:.*]] = sqz.pack %[[CODES]] scales(%[[S]] : tensor<64xf32>)
//   CHECK-NOT:   sqz.dequantize
//   CHECK-NOT:   sqz.quantize
//       CHECK:   return %[[Q]]
func.func @quantize_dequantize_pack(%codes: tensor<16x64xi8>, %s: tensor<64xf32>)
    -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1)>> {
  %q = sqz.pack %codes scales(%s : tensor<64xf32>)
      : tensor<16x64xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1)>>
  %x = sqz.dequantize %q : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1)>> -> tensor<16x64xf32>
  %r = sqz.quantize %x scales(%s : tensor<64xf32>)
      : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1)>>
  return %r : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1)>>
}

// -----

// CHECK-LABEL: func.func @quantize_dequantize_pack_asymmetric
//  CHECK-SAME:   (%[[CODES:.*]]: tensor<16x64xi8>, %[[S:.*]]: tensor<f32>, %[[Z:.*]]: tensor<i32>)
//       CHECK:   %[[Q:.*]] = sqz.pack %[[CODES]] scales(%[[S]] : tensor<f32>) zero_points(%[[Z]] : tensor<i32>)
//   CHECK-NOT:   sqz.dequantize
//   CHECK-NOT:   sqz.quantize
//       CHECK:   return %[[Q]]
func.func @quantize_dequantize_pack_asymmetric(%codes: tensor<16x64xi8>, %s: tensor<f32>, %z: tensor<i32>)
    -> !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>> {
  %q = sqz.pack %codes scales(%s : tensor<f32>) zero_points(%z : tensor<i32>)
      : tensor<16x64xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  %x = sqz.dequantize %q : !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>> -> tensor<16x64xf32>
  %r = sqz.quantize %x scales(%s : tensor<f32>) zero_points(%z : tensor<i32>)
      : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  return %r : !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>
}

// -----

// Through a static sqz.quantize: the second quantize is the first one's value.
// CHECK-LABEL: func.func @quantize_dequantize_static_quantize
//  CHECK-SAME:   (%[[X:.*]]: tensor<16x64xf32>, %[[S:.*]]: tensor<f32>)
//       CHECK:   %[[Q:.*]] = sqz.quantize %[[X]] scales(%[[S]] : tensor<f32>)
//   CHECK-NOT:   sqz.dequantize
//   CHECK-NOT:   sqz.quantize
//       CHECK:   return %[[Q]], %[[Q]]
func.func @quantize_dequantize_static_quantize(%x: tensor<16x64xf32>, %s: tensor<f32>)
    -> (!sqz.tensor<16x64xf32, #sqz.quant<i4, per_tensor>>, !sqz.tensor<16x64xf32, #sqz.quant<i4, per_tensor>>) {
  %q = sqz.quantize %x scales(%s : tensor<f32>)
      : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<i4, per_tensor>>
  %y = sqz.dequantize %q : !sqz.tensor<16x64xf32, #sqz.quant<i4, per_tensor>> -> tensor<16x64xf32>
  %r = sqz.quantize %y scales(%s : tensor<f32>)
      : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<i4, per_tensor>>
  return %q, %r : !sqz.tensor<16x64xf32, #sqz.quant<i4, per_tensor>>, !sqz.tensor<16x64xf32, #sqz.quant<i4, per_tensor>>
}

// -----

// Other scales round differently: no fold.
// CHECK-LABEL: func.func @negative_quantize_dequantize_other_scales
//  CHECK-SAME:   (%[[CODES:.*]]: tensor<16x64xi8>, %[[S:.*]]: tensor<f32>, %[[S2:.*]]: tensor<f32>)
//       CHECK:   %[[Q:.*]] = sqz.pack %[[CODES]] scales(%[[S]] : tensor<f32>)
//       CHECK:   %[[X:.*]] = sqz.dequantize %[[Q]]
//       CHECK:   %[[R:.*]] = sqz.quantize %[[X]] scales(%[[S2]] : tensor<f32>)
//       CHECK:   return %[[R]]
func.func @negative_quantize_dequantize_other_scales(%codes: tensor<16x64xi8>, %s: tensor<f32>, %s2: tensor<f32>)
    -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>> {
  %q = sqz.pack %codes scales(%s : tensor<f32>)
      : tensor<16x64xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>
  %x = sqz.dequantize %q : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>> -> tensor<16x64xf32>
  %r = sqz.quantize %x scales(%s2 : tensor<f32>)
      : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>
  return %r : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>
}

// -----

// Same scales, other zero points: no fold.
// CHECK-LABEL: func.func @negative_quantize_dequantize_other_zero_points
//  CHECK-SAME:   (%[[CODES:.*]]: tensor<16x64xi8>, %[[S:.*]]: tensor<f32>, %[[Z:.*]]: tensor<i32>, %[[Z2:.*]]: tensor<i32>)
//       CHECK:   %[[Q:.*]] = sqz.pack %[[CODES]] scales(%[[S]] : tensor<f32>) zero_points(%[[Z]] : tensor<i32>)
//       CHECK:   %[[X:.*]] = sqz.dequantize %[[Q]]
//       CHECK:   %[[R:.*]] = sqz.quantize %[[X]] scales(%[[S]] : tensor<f32>) zero_points(%[[Z2]] : tensor<i32>)
//       CHECK:   return %[[R]]
func.func @negative_quantize_dequantize_other_zero_points(%codes: tensor<16x64xi8>, %s: tensor<f32>, %z: tensor<i32>, %z2: tensor<i32>)
    -> !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>> {
  %q = sqz.pack %codes scales(%s : tensor<f32>) zero_points(%z : tensor<i32>)
      : tensor<16x64xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  %x = sqz.dequantize %q : !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>> -> tensor<16x64xf32>
  %r = sqz.quantize %x scales(%s : tensor<f32>) zero_points(%z2 : tensor<i32>)
      : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  return %r : !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>
}

// -----

// Same scales, another scheme (narrow_range clamps differently): no fold.
// CHECK-LABEL: func.func @negative_quantize_dequantize_other_scheme
//       CHECK:   %[[Q:.*]] = sqz.pack
//       CHECK:   %[[X:.*]] = sqz.dequantize %[[Q]]
//       CHECK:   %[[R:.*]] = sqz.quantize %[[X]]
//       CHECK:   return %[[R]]
func.func @negative_quantize_dequantize_other_scheme(%codes: tensor<16x64xi8>, %s: tensor<f32>)
    -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor, narrow_range>> {
  %q = sqz.pack %codes scales(%s : tensor<f32>)
      : tensor<16x64xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>
  %x = sqz.dequantize %q : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>> -> tensor<16x64xf32>
  %r = sqz.quantize %x scales(%s : tensor<f32>)
      : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor, narrow_range>>
  return %r : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor, narrow_range>>
}

// -----

// A dynamic quantize computes its own parameters: no fold.
// CHECK-LABEL: func.func @negative_dynamic_quantize_dequantize
//  CHECK-SAME:   (%[[CODES:.*]]: tensor<16x64xi8>, %[[S:.*]]: tensor<f32>)
//       CHECK:   %[[Q:.*]] = sqz.pack %[[CODES]] scales(%[[S]] : tensor<f32>)
//       CHECK:   %[[X:.*]] = sqz.dequantize %[[Q]]
//       CHECK:   %[[R:.*]] = sqz.quantize %[[X]] : tensor<16x64xf32> -> !sqz.tensor
//       CHECK:   return %[[R]]
func.func @negative_dynamic_quantize_dequantize(%codes: tensor<16x64xi8>, %s: tensor<f32>)
    -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>> {
  %q = sqz.pack %codes scales(%s : tensor<f32>)
      : tensor<16x64xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>
  %x = sqz.dequantize %q : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>> -> tensor<16x64xf32>
  %r = sqz.quantize %x : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>
  return %r : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>
}

// -----

// Both dynamic: the second quantize still sees other values than x.
// CHECK-LABEL: func.func @negative_dynamic_quantize_dequantize_dynamic
//  CHECK-SAME:   (%[[X:.*]]: tensor<16x64xf32>)
//       CHECK:   %[[Q:.*]] = sqz.quantize %[[X]] :
//       CHECK:   %[[Y:.*]] = sqz.dequantize %[[Q]]
//       CHECK:   %[[R:.*]] = sqz.quantize %[[Y]] :
//       CHECK:   return %[[R]]
func.func @negative_dynamic_quantize_dequantize_dynamic(%x: tensor<16x64xf32>)
    -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(0)>> {
  %q = sqz.quantize %x : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(0)>>
  %y = sqz.dequantize %q : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(0)>> -> tensor<16x64xf32>
  %r = sqz.quantize %y : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(0)>>
  return %r : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(0)>>
}

// -----

// dequantize(quantize(x)) is not x: the rounding is the point of it.
// CHECK-LABEL: func.func @negative_dequantize_quantize
//  CHECK-SAME:   (%[[X:.*]]: tensor<16x64xf32>, %[[S:.*]]: tensor<f32>)
//       CHECK:   %[[Q:.*]] = sqz.quantize %[[X]] scales(%[[S]] : tensor<f32>)
//       CHECK:   %[[Y:.*]] = sqz.dequantize %[[Q]]
//       CHECK:   return %[[Y]]
func.func @negative_dequantize_quantize(%x: tensor<16x64xf32>, %s: tensor<f32>) -> tensor<16x64xf32> {
  %q = sqz.quantize %x scales(%s : tensor<f32>)
      : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>
  %y = sqz.dequantize %q : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>> -> tensor<16x64xf32>
  return %y : tensor<16x64xf32>
}

//===----------------------------------------------------------------------===//
// sqz.matmul absorbs sqz.dequantize
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @matmul_dequantize_both
//  CHECK-SAME:   (%[[A:.*]]: !sqz.tensor<8x256xf32, #sqz.quant<i8, per_tensor, symmetric>>, %[[B:.*]]: !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128), symmetric>>)
//   CHECK-NOT:   sqz.dequantize
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[A]], %[[B]] : !sqz.tensor<8x256xf32, #sqz.quant<i8, per_tensor, symmetric>>, !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128), symmetric>> -> tensor<8x64xf32>
//   CHECK-NOT:   sqz.dequantize
//       CHECK:   return %[[Y]]
func.func @matmul_dequantize_both(%a: !sqz.tensor<8x256xf32, #sqz.quant<i8, per_tensor>>,
                                  %b: !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128)>>) -> tensor<8x64xf32> {
  %x = sqz.dequantize %a : !sqz.tensor<8x256xf32, #sqz.quant<i8, per_tensor>> -> tensor<8x256xf32>
  %w = sqz.dequantize %b : !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128)>> -> tensor<256x64xf32>
  %y = sqz.matmul %x, %w : tensor<8x256xf32>, tensor<256x64xf32> -> tensor<8x64xf32>
  return %y : tensor<8x64xf32>
}

// -----

// Only the rhs is dequantized; bias and rhs_transposed are kept.
// CHECK-LABEL: func.func @matmul_dequantize_rhs
//  CHECK-SAME:   (%[[X:.*]]: tensor<8x256xf32>, %[[B:.*]]: !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0), symmetric>, #sqz.sparsity<nm(2, 4, 1)>>, %[[BIAS:.*]]: tensor<64xf32>)
//   CHECK-NOT:   sqz.dequantize
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %[[B]] bias(%[[BIAS]] : tensor<64xf32>) {rhs_transposed} : tensor<8x256xf32>, !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0), symmetric>, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<8x64xf32>
//       CHECK:   return %[[Y]]
func.func @matmul_dequantize_rhs(%x: tensor<8x256xf32>,
                                 %b: !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0)>, #sqz.sparsity<nm(2, 4, 1)>>,
                                 %bias: tensor<64xf32>) -> tensor<8x64xf32> {
  %w = sqz.dequantize %b : !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0)>, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<64x256xf32>
  %y = sqz.matmul %x, %w bias(%bias : tensor<64xf32>) {rhs_transposed}
      : tensor<8x256xf32>, tensor<64x256xf32> -> tensor<8x64xf32>
  return %y : tensor<8x64xf32>
}

// -----

// Only the lhs is dequantized.
// CHECK-LABEL: func.func @matmul_dequantize_lhs
//  CHECK-SAME:   (%[[A:.*]]: !sqz.tensor<4x8x256xf16, #sqz.quant<i8, per_channel(1), symmetric>>, %[[W:.*]]: tensor<256x64xf16>)
//   CHECK-NOT:   sqz.dequantize
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[A]], %[[W]] : !sqz.tensor<4x8x256xf16, #sqz.quant<i8, per_channel(1), symmetric>>, tensor<256x64xf16> -> tensor<4x8x64xf16>
//       CHECK:   return %[[Y]]
func.func @matmul_dequantize_lhs(%a: !sqz.tensor<4x8x256xf16, #sqz.quant<i8, per_channel(1)>>,
                                 %w: tensor<256x64xf16>) -> tensor<4x8x64xf16> {
  %x = sqz.dequantize %a : !sqz.tensor<4x8x256xf16, #sqz.quant<i8, per_channel(1)>> -> tensor<4x8x256xf16>
  %y = sqz.matmul %x, %w : tensor<4x8x256xf16>, tensor<256x64xf16> -> tensor<4x8x64xf16>
  return %y : tensor<4x8x64xf16>
}

// -----

// The dequantized value has another use: it stays, the matmul still reads the
// compressed value.
// CHECK-LABEL: func.func @matmul_dequantize_other_use
//  CHECK-SAME:   (%[[X:.*]]: tensor<8x256xf32>, %[[B:.*]]: !sqz.tensor
//       CHECK:   %[[W:.*]] = sqz.dequantize %[[B]]
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %[[B]] :
//       CHECK:   return %[[Y]], %[[W]]
func.func @matmul_dequantize_other_use(%x: tensor<8x256xf32>, %b: !sqz.tensor<256x64xf32, #sqz.quant<i8, per_tensor>>)
    -> (tensor<8x64xf32>, tensor<256x64xf32>) {
  %w = sqz.dequantize %b : !sqz.tensor<256x64xf32, #sqz.quant<i8, per_tensor>> -> tensor<256x64xf32>
  %y = sqz.matmul %x, %w : tensor<8x256xf32>, tensor<256x64xf32> -> tensor<8x64xf32>
  return %y, %w : tensor<8x64xf32>, tensor<256x64xf32>
}

// -----

// No dequantize operand: the matmul is left alone.
// CHECK-LABEL: func.func @negative_matmul_no_dequantize
//  CHECK-SAME:   (%[[X:.*]]: tensor<8x256xf32>, %[[W:.*]]: tensor<256x64xf32>)
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %[[W]] : tensor<8x256xf32>, tensor<256x64xf32> -> tensor<8x64xf32>
//       CHECK:   return %[[Y]]
func.func @negative_matmul_no_dequantize(%x: tensor<8x256xf32>, %w: tensor<256x64xf32>) -> tensor<8x64xf32> {
  %y = sqz.matmul %x, %w : tensor<8x256xf32>, tensor<256x64xf32> -> tensor<8x64xf32>
  return %y : tensor<8x64xf32>
}

//===----------------------------------------------------------------------===//
// sqz.unpack(sqz.pack)
//===----------------------------------------------------------------------===//

// -----

// CHECK-LABEL: func.func @unpack_pack
//  CHECK-SAME:   (%[[V:.*]]: tensor<8x4xi8>, %[[S:.*]]: tensor<8xf32>, %[[Z:.*]]: tensor<8xi32>, %[[M:.*]]: tensor<8x4xi8>)
//   CHECK-NOT:   sqz.pack
//   CHECK-NOT:   sqz.unpack
//       CHECK:   return %[[V]], %[[S]], %[[Z]], %[[M]]
func.func @unpack_pack(%v: tensor<8x4xi8>, %s: tensor<8xf32>, %z: tensor<8xi32>, %m: tensor<8x4xi8>)
    -> (tensor<8x4xi8>, tensor<8xf32>, tensor<8xi32>, tensor<8x4xi8>) {
  %w = sqz.pack %v scales(%s : tensor<8xf32>) zero_points(%z : tensor<8xi32>) metadata(%m : tensor<8x4xi8>)
      : tensor<8x4xi8> -> !sqz.tensor<8x8xf32, #sqz.quant<u8, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>>
  %0:4 = sqz.unpack %w : !sqz.tensor<8x8xf32, #sqz.quant<u8, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>>
      -> tensor<8x4xi8>, tensor<8xf32>, tensor<8xi32>, tensor<8x4xi8>
  return %0#0, %0#1, %0#2, %0#3 : tensor<8x4xi8>, tensor<8xf32>, tensor<8xi32>, tensor<8x4xi8>
}

// -----

// Sparse only: values and mask.
// CHECK-LABEL: func.func @unpack_pack_unstructured
//  CHECK-SAME:   (%[[V:.*]]: tensor<?xf32>, %[[M:.*]]: tensor<4x4xi1>)
//   CHECK-NOT:   sqz.pack
//   CHECK-NOT:   sqz.unpack
//       CHECK:   return %[[V]], %[[M]]
func.func @unpack_pack_unstructured(%v: tensor<?xf32>, %m: tensor<4x4xi1>) -> (tensor<?xf32>, tensor<4x4xi1>) {
  %w = sqz.pack %v metadata(%m : tensor<4x4xi1>) : tensor<?xf32> -> !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
  %0:2 = sqz.unpack %w : !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>> -> tensor<?xf32>, tensor<4x4xi1>
  return %0#0, %0#1 : tensor<?xf32>, tensor<4x4xi1>
}

// -----

// The unpack results are typed otherwise than the pack operands (a dynamic
// size): replacing them would change types, so no fold.
// CHECK-LABEL: func.func @negative_unpack_pack_other_types
//       CHECK:   %[[W:.*]] = sqz.pack
//       CHECK:   %[[P:.*]]:2 = sqz.unpack %[[W]] : {{.*}} -> tensor<?x8xi8>, tensor<f32>
//       CHECK:   return %[[P]]#0, %[[P]]#1
func.func @negative_unpack_pack_other_types(%v: tensor<4x8xi8>, %s: tensor<f32>) -> (tensor<?x8xi8>, tensor<f32>) {
  %w = sqz.pack %v scales(%s : tensor<f32>) : tensor<4x8xi8> -> !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor>>
  %0:2 = sqz.unpack %w : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor>> -> tensor<?x8xi8>, tensor<f32>
  return %0#0, %0#1 : tensor<?x8xi8>, tensor<f32>
}

//===----------------------------------------------------------------------===//
// Dead code
//===----------------------------------------------------------------------===//

// -----

// sqz.observe records statistics: it stays without users. An unused
// dequantize is pure and goes.
// CHECK-LABEL: func.func @observe_kept_dequantize_erased
//  CHECK-SAME:   (%[[X:.*]]: tensor<16x64xf32>, %[[Q:.*]]: !sqz.tensor
//   CHECK-NOT:   sqz.dequantize
//       CHECK:   sqz.observe %[[X]] {id = "layer0.input"} : tensor<16x64xf32>
//   CHECK-NOT:   sqz.dequantize
//       CHECK:   return
func.func @observe_kept_dequantize_erased(%x: tensor<16x64xf32>, %q: !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>) {
  %0 = sqz.observe %x {id = "layer0.input"} : tensor<16x64xf32>
  %1 = sqz.dequantize %q : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>> -> tensor<16x64xf32>
  return
}

// -----

// Other unused pure ops go too.
// CHECK-LABEL: func.func @unused_pure_ops_erased
//   CHECK-NOT:   sqz.
//       CHECK:   return
func.func @unused_pure_ops_erased(%x: tensor<16x64xf32>, %codes: tensor<16x64xi8>, %s: tensor<f32>) {
  %q = sqz.quantize %x : tensor<16x64xf32> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>
  %p = sqz.pack %codes scales(%s : tensor<f32>) : tensor<16x64xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>>
  %f = sqz.fake_quant %x as <i8, per_tensor> : tensor<16x64xf32>
  return
}
