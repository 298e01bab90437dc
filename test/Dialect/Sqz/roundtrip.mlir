// RUN: sqz-opt %s | sqz-opt | FileCheck %s
// RUN: sqz-opt %s --mlir-print-op-generic | sqz-opt | FileCheck %s

// Every attribute, type and op form of the sqz dialect prints in a form that
// parses back to the same IR, from the custom and from the generic form.

//===----------------------------------------------------------------------===//
// #sqz.quant
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @quant_storage_types
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor, asymmetric>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<i4, per_tensor, symmetric>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<u4, per_tensor, asymmetric>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<i2, per_tensor, symmetric>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<u2, per_tensor, asymmetric>>
func.func @quant_storage_types(
    %a: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric>>,
    %b: !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor, asymmetric>>,
    %c: !sqz.tensor<8xf32, #sqz.quant<i4, per_tensor, symmetric>>,
    %d: !sqz.tensor<8xf32, #sqz.quant<u4, per_tensor, asymmetric>>,
    %e: !sqz.tensor<8xf32, #sqz.quant<i2, per_tensor, symmetric>>,
    %f: !sqz.tensor<8xf32, #sqz.quant<u2, per_tensor, asymmetric>>) {
  return
}

// `si8` and `ui8` are other spellings of `i8` and `u8`.
// CHECK-LABEL: func.func @quant_storage_spellings
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor, asymmetric>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<i4, per_tensor, symmetric>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<u4, per_tensor, asymmetric>>
func.func @quant_storage_spellings(
    %a: !sqz.tensor<8xf32, #sqz.quant<si8, per_tensor, symmetric>>,
    %b: !sqz.tensor<8xf32, #sqz.quant<ui8, per_tensor, asymmetric>>,
    %c: !sqz.tensor<8xf32, #sqz.quant<si4, per_tensor, symmetric>>,
    %d: !sqz.tensor<8xf32, #sqz.quant<ui4, per_tensor, asymmetric>>) {
  return
}

// CHECK-LABEL: func.func @quant_granularities
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor, symmetric>>
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(0), symmetric>>
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1), symmetric>>
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.quant<i4, per_group(1, 32), symmetric>>
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.quant<u4, per_group(0, 8), asymmetric>>
func.func @quant_granularities(
    %a: !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor, symmetric>>,
    %b: !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(0), symmetric>>,
    %c: !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1), symmetric>>,
    %d: !sqz.tensor<16x64xf32, #sqz.quant<i4, per_group(1, 32), symmetric>>,
    %e: !sqz.tensor<16x64xf32, #sqz.quant<u4, per_group(0, 8), asymmetric>>) {
  return
}

// The flags come in any order; `symmetric` is the default and is printed.
// CHECK-LABEL: func.func @quant_flags
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric, narrow_range>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric, narrow_range>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric, narrow_range>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, asymmetric>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor, asymmetric, narrow_range>>
//  CHECK-SAME:   !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor, asymmetric, narrow_range>>
func.func @quant_flags(
    %a: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor>>,
    %b: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, narrow_range>>,
    %c: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric, narrow_range>>,
    %d: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, narrow_range, symmetric>>,
    %e: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, asymmetric>>,
    %f: !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor, asymmetric, narrow_range>>,
    %g: !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor, narrow_range, asymmetric>>) {
  return
}

// A #sqz.quant also stands alone, as an attribute.
// CHECK-LABEL: func.func @quant_standalone_attr
//  CHECK-SAME:   sqz.scheme = #sqz.quant<u4, per_group(0, 128), asymmetric, narrow_range>
//  CHECK-SAME:   sqz.scheme2 = #sqz.quant<i8, per_channel(1), symmetric>
func.func @quant_standalone_attr() attributes {
    sqz.scheme = #sqz.quant<u4, per_group(0, 128), asymmetric, narrow_range>,
    sqz.scheme2 = #sqz.quant<si8, per_channel(1)>} {
  return
}

//===----------------------------------------------------------------------===//
// #sqz.sparsity
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @sparsity_kinds
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.sparsity<nm(2, 4, 0)>>
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.sparsity<nm(1, 8, 1)>>
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.sparsity<unstructured>>
func.func @sparsity_kinds(
    %a: !sqz.tensor<16x64xf32, #sqz.sparsity<nm(2, 4, 0)>>,
    %b: !sqz.tensor<16x64xf32, #sqz.sparsity<nm(1, 8, 1)>>,
    %c: !sqz.tensor<16x64xf32, #sqz.sparsity<unstructured>>) {
  return
}

// `#sqz.sparsity<dense>` parses as an attribute and is kept as one.
// CHECK-LABEL: func.func @sparsity_standalone_attr
//  CHECK-SAME:   sqz.dense = #sqz.sparsity<dense>
//  CHECK-SAME:   sqz.nm = #sqz.sparsity<nm(2, 4, 1)>
//  CHECK-SAME:   sqz.unstructured = #sqz.sparsity<unstructured>
func.func @sparsity_standalone_attr() attributes {
    sqz.dense = #sqz.sparsity<dense>,
    sqz.nm = #sqz.sparsity<nm(2, 4, 1)>,
    sqz.unstructured = #sqz.sparsity<unstructured>} {
  return
}

// Inside a type, `#sqz.sparsity<dense>` is the same as no sparsity and is
// printed without it.
// CHECK-LABEL: func.func @sparsity_dense_dropped
//  CHECK-SAME:   (%{{.*}}: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric>>)
//  CHECK-SAME:   -> !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric>>
//   CHECK-NOT:   dense
//       CHECK:   return
func.func @sparsity_dense_dropped(
    %a: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<dense>>)
    -> !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor>> {
  return %a : !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor>>
}

//===----------------------------------------------------------------------===//
// !sqz.tensor
//===----------------------------------------------------------------------===//

// The encodings come in either order and print quant first.
// CHECK-LABEL: func.func @tensor_encodings
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1), symmetric>>
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.sparsity<nm(2, 4, 1)>>
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1), symmetric>, #sqz.sparsity<nm(2, 4, 0)>>
//  CHECK-SAME:   !sqz.tensor<16x64xf32, #sqz.quant<u8, per_tensor, asymmetric>, #sqz.sparsity<unstructured>>
func.func @tensor_encodings(
    %a: !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1)>>,
    %b: !sqz.tensor<16x64xf32, #sqz.sparsity<nm(2, 4, 1)>>,
    %c: !sqz.tensor<16x64xf32, #sqz.quant<i8, per_channel(1)>, #sqz.sparsity<nm(2, 4, 0)>>,
    %d: !sqz.tensor<16x64xf32, #sqz.sparsity<unstructured>, #sqz.quant<u8, per_tensor, asymmetric>>) {
  return
}

// Dynamic dimensions, including the quantization and sparsity axes (the
// divisibility of a dynamic dimension is checked at run time).
// CHECK-LABEL: func.func @tensor_dynamic_dims
//  CHECK-SAME:   !sqz.tensor<?x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>
//  CHECK-SAME:   !sqz.tensor<?x?xf32, #sqz.quant<i4, per_group(0, 128), symmetric>>
//  CHECK-SAME:   !sqz.tensor<4x?x64xf32, #sqz.quant<i8, per_channel(1), symmetric>, #sqz.sparsity<nm(2, 4, 1)>>
//  CHECK-SAME:   !sqz.tensor<?xf16, #sqz.sparsity<unstructured>>
func.func @tensor_dynamic_dims(
    %a: !sqz.tensor<?x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>,
    %b: !sqz.tensor<?x?xf32, #sqz.quant<i4, per_group(0, 128)>>,
    %c: !sqz.tensor<4x?x64xf32, #sqz.quant<i8, per_channel(1)>, #sqz.sparsity<nm(2, 4, 1)>>,
    %d: !sqz.tensor<?xf16, #sqz.sparsity<unstructured>>) {
  return
}

// CHECK-LABEL: func.func @tensor_expressed_types
//  CHECK-SAME:   !sqz.tensor<4x8xf16, #sqz.quant<i8, per_tensor, symmetric>>
//  CHECK-SAME:   !sqz.tensor<4x8xbf16, #sqz.quant<i4, per_group(1, 4), symmetric>>
//  CHECK-SAME:   !sqz.tensor<4x8xf32, #sqz.quant<u8, per_channel(0), asymmetric>>
//  CHECK-SAME:   !sqz.tensor<4x8xbf16, #sqz.sparsity<nm(2, 4, 1)>>
func.func @tensor_expressed_types(
    %a: !sqz.tensor<4x8xf16, #sqz.quant<i8, per_tensor>>,
    %b: !sqz.tensor<4x8xbf16, #sqz.quant<i4, per_group(1, 4)>>,
    %c: !sqz.tensor<4x8xf32, #sqz.quant<u8, per_channel(0), asymmetric>>,
    %d: !sqz.tensor<4x8xbf16, #sqz.sparsity<nm(2, 4, 1)>>) {
  return
}

// A rank-0 tensor prints without a dimension list.
// CHECK-LABEL: func.func @tensor_rank_0
//  CHECK-SAME:   (%{{.*}}: !sqz.tensor<f32, #sqz.quant<i8, per_tensor, symmetric>>)
//  CHECK-SAME:   -> !sqz.tensor<f32, #sqz.quant<i8, per_tensor, symmetric>>
func.func @tensor_rank_0(%a: !sqz.tensor<f32, #sqz.quant<i8, per_tensor>>)
    -> !sqz.tensor<f32, #sqz.quant<i8, per_tensor>> {
  return %a : !sqz.tensor<f32, #sqz.quant<i8, per_tensor>>
}

//===----------------------------------------------------------------------===//
// sqz.pack
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @pack_scales
//  CHECK-SAME:   (%[[CODES:.*]]: tensor<256x64xi8>, %[[S:.*]]: tensor<64xf32>)
//       CHECK:   %[[W:.*]] = sqz.pack %[[CODES]] scales(%[[S]] : tensor<64xf32>) : tensor<256x64xi8> -> !sqz.tensor<256x64xf32, #sqz.quant<i8, per_channel(1), symmetric>>
//       CHECK:   return %[[W]]
func.func @pack_scales(%codes: tensor<256x64xi8>, %s: tensor<64xf32>)
    -> !sqz.tensor<256x64xf32, #sqz.quant<i8, per_channel(1)>> {
  %w = sqz.pack %codes scales(%s : tensor<64xf32>)
      : tensor<256x64xi8> -> !sqz.tensor<256x64xf32, #sqz.quant<i8, per_channel(1)>>
  return %w : !sqz.tensor<256x64xf32, #sqz.quant<i8, per_channel(1)>>
}

// CHECK-LABEL: func.func @pack_scales_per_group_i4
//  CHECK-SAME:   (%[[CODES:.*]]: tensor<512x64xi4>, %[[S:.*]]: tensor<4x64xf16>)
//       CHECK:   sqz.pack %[[CODES]] scales(%[[S]] : tensor<4x64xf16>) : tensor<512x64xi4> -> !sqz.tensor<512x64xf16, #sqz.quant<i4, per_group(0, 128), symmetric>>
func.func @pack_scales_per_group_i4(%codes: tensor<512x64xi4>, %s: tensor<4x64xf16>)
    -> !sqz.tensor<512x64xf16, #sqz.quant<i4, per_group(0, 128)>> {
  %w = sqz.pack %codes scales(%s : tensor<4x64xf16>)
      : tensor<512x64xi4> -> !sqz.tensor<512x64xf16, #sqz.quant<i4, per_group(0, 128)>>
  return %w : !sqz.tensor<512x64xf16, #sqz.quant<i4, per_group(0, 128)>>
}

// Zero points are signless; a u8 scheme reads an i8 zero point as 0..255.
// CHECK-LABEL: func.func @pack_scales_zero_points
//  CHECK-SAME:   (%[[CODES:.*]]: tensor<256x64xi8>, %[[S:.*]]: tensor<64xf32>, %[[Z:.*]]: tensor<64xi32>)
//       CHECK:   sqz.pack %[[CODES]] scales(%[[S]] : tensor<64xf32>) zero_points(%[[Z]] : tensor<64xi32>) : tensor<256x64xi8> -> !sqz.tensor<256x64xf32, #sqz.quant<u8, per_channel(1), asymmetric>>
//       CHECK:   %[[CS:.*]] = arith.constant dense<5.000000e-01> : tensor<f32>
//       CHECK:   %[[CZ:.*]] = arith.constant dense<-56> : tensor<i8>
//       CHECK:   sqz.pack %[[CODES]] scales(%[[CS]] : tensor<f32>) zero_points(%[[CZ]] : tensor<i8>) : tensor<256x64xi8> -> !sqz.tensor<256x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>
func.func @pack_scales_zero_points(%codes: tensor<256x64xi8>, %s: tensor<64xf32>, %z: tensor<64xi32>)
    -> (!sqz.tensor<256x64xf32, #sqz.quant<u8, per_channel(1), asymmetric>>,
        !sqz.tensor<256x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>) {
  %w = sqz.pack %codes scales(%s : tensor<64xf32>) zero_points(%z : tensor<64xi32>)
      : tensor<256x64xi8> -> !sqz.tensor<256x64xf32, #sqz.quant<u8, per_channel(1), asymmetric>>
  %cs = arith.constant dense<0.5> : tensor<f32>
  %cz = arith.constant dense<200> : tensor<i8>
  %w2 = sqz.pack %codes scales(%cs : tensor<f32>) zero_points(%cz : tensor<i8>)
      : tensor<256x64xi8> -> !sqz.tensor<256x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  return %w, %w2 : !sqz.tensor<256x64xf32, #sqz.quant<u8, per_channel(1), asymmetric>>,
                   !sqz.tensor<256x64xf32, #sqz.quant<u8, per_tensor, asymmetric>>
}

// CHECK-LABEL: func.func @pack_nm_metadata
//  CHECK-SAME:   (%[[VALS:.*]]: tensor<128x64xi8>, %[[S:.*]]: tensor<f32>, %[[IDX:.*]]: tensor<128x64xi8>)
//       CHECK:   sqz.pack %[[VALS]] scales(%[[S]] : tensor<f32>) metadata(%[[IDX]] : tensor<128x64xi8>) : tensor<128x64xi8> -> !sqz.tensor<256x64xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<nm(2, 4, 0)>>
func.func @pack_nm_metadata(%vals: tensor<128x64xi8>, %s: tensor<f32>, %idx: tensor<128x64xi8>)
    -> !sqz.tensor<256x64xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<nm(2, 4, 0)>> {
  %w = sqz.pack %vals scales(%s : tensor<f32>) metadata(%idx : tensor<128x64xi8>)
      : tensor<128x64xi8> -> !sqz.tensor<256x64xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<nm(2, 4, 0)>>
  return %w : !sqz.tensor<256x64xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<nm(2, 4, 0)>>
}

// All four operands, with constant zero points and positions in range (i2
// positions print signed; they are read unsigned, 3 is printed as -1).
// CHECK-LABEL: func.func @pack_all_operands
//  CHECK-SAME:   (%[[VALS:.*]]: tensor<8x2xi4>)
//   CHECK-DAG:   %[[S:.*]] = arith.constant dense<2.500000e-01> : tensor<8xf32>
//   CHECK-DAG:   %[[Z:.*]] = arith.constant dense<7> : tensor<8xi8>
//   CHECK-DAG:   %[[IDX:.*]] = arith.constant dense<{{\[\[}}0, -1], [1, -2]{{.*}}> : tensor<8x2xi2>
//       CHECK:   sqz.pack %[[VALS]] scales(%[[S]] : tensor<8xf32>) zero_points(%[[Z]] : tensor<8xi8>) metadata(%[[IDX]] : tensor<8x2xi2>) : tensor<8x2xi4> -> !sqz.tensor<8x4xf32, #sqz.quant<u4, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>>
func.func @pack_all_operands(%vals: tensor<8x2xi4>)
    -> !sqz.tensor<8x4xf32, #sqz.quant<u4, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>> {
  %s = arith.constant dense<0.25> : tensor<8xf32>
  %z = arith.constant dense<7> : tensor<8xi8>
  %idx = arith.constant dense<[[0, 3], [1, 2], [0, 1], [2, 3], [0, 2], [1, 3], [0, 3], [1, 2]]> : tensor<8x2xi2>
  %w = sqz.pack %vals scales(%s : tensor<8xf32>) zero_points(%z : tensor<8xi8>) metadata(%idx : tensor<8x2xi2>)
      : tensor<8x2xi4> -> !sqz.tensor<8x4xf32, #sqz.quant<u4, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>>
  return %w : !sqz.tensor<8x4xf32, #sqz.quant<u4, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>>
}

// CHECK-LABEL: func.func @pack_unstructured
//  CHECK-SAME:   (%[[STATIC:.*]]: tensor<100xi8>, %[[DYN:.*]]: tensor<?xi8>, %[[S:.*]]: tensor<f32>, %[[MASK:.*]]: tensor<16x64xi1>)
//       CHECK:   sqz.pack %[[STATIC]] scales(%[[S]] : tensor<f32>) metadata(%[[MASK]] : tensor<16x64xi1>) : tensor<100xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<unstructured>>
//       CHECK:   sqz.pack %[[DYN]] scales(%[[S]] : tensor<f32>) metadata(%[[MASK]] : tensor<16x64xi1>) : tensor<?xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<unstructured>>
func.func @pack_unstructured(%static: tensor<100xi8>, %dyn: tensor<?xi8>, %s: tensor<f32>, %mask: tensor<16x64xi1>)
    -> (!sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<unstructured>>,
        !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<unstructured>>) {
  %a = sqz.pack %static scales(%s : tensor<f32>) metadata(%mask : tensor<16x64xi1>)
      : tensor<100xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<unstructured>>
  %b = sqz.pack %dyn scales(%s : tensor<f32>) metadata(%mask : tensor<16x64xi1>)
      : tensor<?xi8> -> !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<unstructured>>
  return %a, %b : !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<unstructured>>,
                  !sqz.tensor<16x64xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<unstructured>>
}

// Sparse only: the values are of the expressed type.
// CHECK-LABEL: func.func @pack_sparse_float
//  CHECK-SAME:   (%[[VALS:.*]]: tensor<16x32xf16>, %[[IDX:.*]]: tensor<16x32xi8>, %[[NNZ:.*]]: tensor<?xf32>, %[[MASK:.*]]: tensor<?x8xi1>)
//       CHECK:   sqz.pack %[[VALS]] metadata(%[[IDX]] : tensor<16x32xi8>) : tensor<16x32xf16> -> !sqz.tensor<16x64xf16, #sqz.sparsity<nm(2, 4, 1)>>
//       CHECK:   sqz.pack %[[NNZ]] metadata(%[[MASK]] : tensor<?x8xi1>) : tensor<?xf32> -> !sqz.tensor<?x8xf32, #sqz.sparsity<unstructured>>
func.func @pack_sparse_float(%vals: tensor<16x32xf16>, %idx: tensor<16x32xi8>, %nnz: tensor<?xf32>, %mask: tensor<?x8xi1>)
    -> (!sqz.tensor<16x64xf16, #sqz.sparsity<nm(2, 4, 1)>>, !sqz.tensor<?x8xf32, #sqz.sparsity<unstructured>>) {
  %a = sqz.pack %vals metadata(%idx : tensor<16x32xi8>)
      : tensor<16x32xf16> -> !sqz.tensor<16x64xf16, #sqz.sparsity<nm(2, 4, 1)>>
  %b = sqz.pack %nnz metadata(%mask : tensor<?x8xi1>)
      : tensor<?xf32> -> !sqz.tensor<?x8xf32, #sqz.sparsity<unstructured>>
  return %a, %b : !sqz.tensor<16x64xf16, #sqz.sparsity<nm(2, 4, 1)>>, !sqz.tensor<?x8xf32, #sqz.sparsity<unstructured>>
}

//===----------------------------------------------------------------------===//
// sqz.unpack
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @unpack_symmetric
//  CHECK-SAME:   (%[[W:.*]]: !sqz.tensor
//       CHECK:   %[[PARTS:.*]]:2 = sqz.unpack %[[W]] : !sqz.tensor<256x64xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<256x64xi8>, tensor<64xf32>
//       CHECK:   return %[[PARTS]]#0, %[[PARTS]]#1
func.func @unpack_symmetric(%w: !sqz.tensor<256x64xf32, #sqz.quant<i8, per_channel(1)>>)
    -> (tensor<256x64xi8>, tensor<64xf32>) {
  %codes, %scales = sqz.unpack %w : !sqz.tensor<256x64xf32, #sqz.quant<i8, per_channel(1)>>
      -> tensor<256x64xi8>, tensor<64xf32>
  return %codes, %scales : tensor<256x64xi8>, tensor<64xf32>
}

// CHECK-LABEL: func.func @unpack_asymmetric_nm
//       CHECK:   sqz.unpack %{{.*}} : !sqz.tensor<8x4xf32, #sqz.quant<u4, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<8x2xi4>, tensor<8xf32>, tensor<8xi8>, tensor<8x2xi2>
func.func @unpack_asymmetric_nm(
    %w: !sqz.tensor<8x4xf32, #sqz.quant<u4, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>>) {
  %0:4 = sqz.unpack %w : !sqz.tensor<8x4xf32, #sqz.quant<u4, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>>
      -> tensor<8x2xi4>, tensor<8xf32>, tensor<8xi8>, tensor<8x2xi2>
  return
}

// CHECK-LABEL: func.func @unpack_sparse_only
//       CHECK:   sqz.unpack %{{.*}} : !sqz.tensor<?x8xf32, #sqz.sparsity<unstructured>> -> tensor<?xf32>, tensor<?x8xi1>
//       CHECK:   sqz.unpack %{{.*}} : !sqz.tensor<16x64xf16, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<16x32xf16>, tensor<16x32xi8>
func.func @unpack_sparse_only(%a: !sqz.tensor<?x8xf32, #sqz.sparsity<unstructured>>,
                              %b: !sqz.tensor<16x64xf16, #sqz.sparsity<nm(2, 4, 1)>>) {
  %0:2 = sqz.unpack %a : !sqz.tensor<?x8xf32, #sqz.sparsity<unstructured>> -> tensor<?xf32>, tensor<?x8xi1>
  %1:2 = sqz.unpack %b : !sqz.tensor<16x64xf16, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<16x32xf16>, tensor<16x32xi8>
  return
}

//===----------------------------------------------------------------------===//
// sqz.quantize / sqz.dequantize / sqz.fake_quant
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @quantize_dynamic
//  CHECK-SAME:   (%[[X:.*]]: tensor<16x1024xf32>)
//       CHECK:   sqz.quantize %[[X]] : tensor<16x1024xf32> -> !sqz.tensor<16x1024xf32, #sqz.quant<i8, per_channel(0), symmetric>>
//       CHECK:   sqz.quantize %[[X]] : tensor<16x1024xf32> -> !sqz.tensor<16x1024xf32, #sqz.quant<u8, per_tensor, asymmetric>>
func.func @quantize_dynamic(%x: tensor<16x1024xf32>) {
  %0 = sqz.quantize %x : tensor<16x1024xf32> -> !sqz.tensor<16x1024xf32, #sqz.quant<i8, per_channel(0)>>
  %1 = sqz.quantize %x : tensor<16x1024xf32> -> !sqz.tensor<16x1024xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  return
}

// CHECK-LABEL: func.func @quantize_static_symmetric
//  CHECK-SAME:   (%[[X:.*]]: tensor<16x1024xf32>, %[[S:.*]]: tensor<16x8xf32>)
//       CHECK:   sqz.quantize %[[X]] scales(%[[S]] : tensor<16x8xf32>) : tensor<16x1024xf32> -> !sqz.tensor<16x1024xf32, #sqz.quant<i4, per_group(1, 128), symmetric, narrow_range>>
func.func @quantize_static_symmetric(%x: tensor<16x1024xf32>, %s: tensor<16x8xf32>) {
  %0 = sqz.quantize %x scales(%s : tensor<16x8xf32>)
      : tensor<16x1024xf32> -> !sqz.tensor<16x1024xf32, #sqz.quant<i4, per_group(1, 128), narrow_range>>
  return
}

// CHECK-LABEL: func.func @quantize_static_asymmetric
//  CHECK-SAME:   (%[[X:.*]]: tensor<16x1024xbf16>, %[[S:.*]]: tensor<f32>, %[[Z:.*]]: tensor<i32>)
//       CHECK:   sqz.quantize %[[X]] scales(%[[S]] : tensor<f32>) zero_points(%[[Z]] : tensor<i32>) : tensor<16x1024xbf16> -> !sqz.tensor<16x1024xbf16, #sqz.quant<u8, per_tensor, asymmetric>>
func.func @quantize_static_asymmetric(%x: tensor<16x1024xbf16>, %s: tensor<f32>, %z: tensor<i32>) {
  %0 = sqz.quantize %x scales(%s : tensor<f32>) zero_points(%z : tensor<i32>)
      : tensor<16x1024xbf16> -> !sqz.tensor<16x1024xbf16, #sqz.quant<u8, per_tensor, asymmetric>>
  return
}

// CHECK-LABEL: func.func @dequantize
//  CHECK-SAME:   (%[[Q:.*]]: !sqz.tensor<16x1024xf32, #sqz.quant<i8, per_tensor, symmetric>>, %[[SP:.*]]: !sqz.tensor
//       CHECK:   sqz.dequantize %[[Q]] : !sqz.tensor<16x1024xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<16x1024xf32>
//       CHECK:   sqz.dequantize %[[Q]] : !sqz.tensor<16x1024xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<?x1024xf32>
//       CHECK:   sqz.dequantize %[[SP]] : !sqz.tensor<?x8xf16, #sqz.quant<u8, per_tensor, asymmetric>, #sqz.sparsity<unstructured>> -> tensor<?x8xf16>
func.func @dequantize(%q: !sqz.tensor<16x1024xf32, #sqz.quant<i8, per_tensor>>,
                      %sp: !sqz.tensor<?x8xf16, #sqz.quant<u8, per_tensor, asymmetric>, #sqz.sparsity<unstructured>>) {
  %0 = sqz.dequantize %q : !sqz.tensor<16x1024xf32, #sqz.quant<i8, per_tensor>> -> tensor<16x1024xf32>
  %1 = sqz.dequantize %q : !sqz.tensor<16x1024xf32, #sqz.quant<i8, per_tensor>> -> tensor<?x1024xf32>
  %2 = sqz.dequantize %sp : !sqz.tensor<?x8xf16, #sqz.quant<u8, per_tensor, asymmetric>, #sqz.sparsity<unstructured>> -> tensor<?x8xf16>
  return
}

// The scheme of sqz.fake_quant is written without its `#sqz.quant` prefix (the
// full attribute would take the `: type` after it as its own type).
// CHECK-LABEL: func.func @fake_quant_dynamic
//  CHECK-SAME:   (%[[X:.*]]: tensor<256x64xf32>)
//       CHECK:   %[[Y:.*]] = sqz.fake_quant %[[X]] as <i8, per_channel(1), symmetric> : tensor<256x64xf32>
//       CHECK:   sqz.fake_quant %[[Y]] as <u4, per_group(0, 32), asymmetric> : tensor<256x64xf32>
func.func @fake_quant_dynamic(%x: tensor<256x64xf32>) -> tensor<256x64xf32> {
  %y = sqz.fake_quant %x as <i8, per_channel(1)> : tensor<256x64xf32>
  %z = sqz.fake_quant %y as <u4, per_group(0, 32), asymmetric> : tensor<256x64xf32>
  return %z : tensor<256x64xf32>
}

// CHECK-LABEL: func.func @fake_quant_static
//  CHECK-SAME:   (%[[X:.*]]: tensor<256x64xf32>, %[[S:.*]]: tensor<64xf32>, %[[Z:.*]]: tensor<64xi32>)
//       CHECK:   sqz.fake_quant %[[X]] scales(%[[S]] : tensor<64xf32>) as <i8, per_channel(1), symmetric, narrow_range> : tensor<256x64xf32>
//       CHECK:   sqz.fake_quant %[[X]] scales(%[[S]] : tensor<64xf32>) zero_points(%[[Z]] : tensor<64xi32>) as <u8, per_channel(1), asymmetric> : tensor<256x64xf32>
func.func @fake_quant_static(%x: tensor<256x64xf32>, %s: tensor<64xf32>, %z: tensor<64xi32>) {
  %0 = sqz.fake_quant %x scales(%s : tensor<64xf32>) as <i8, per_channel(1), narrow_range> : tensor<256x64xf32>
  %1 = sqz.fake_quant %x scales(%s : tensor<64xf32>) zero_points(%z : tensor<64xi32>)
      as <u8, per_channel(1), asymmetric> : tensor<256x64xf32>
  return
}

//===----------------------------------------------------------------------===//
// sqz.matmul
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @matmul_float
//  CHECK-SAME:   (%[[A:.*]]: tensor<8x256xf32>, %[[B:.*]]: tensor<256x64xf32>)
//       CHECK:   sqz.matmul %[[A]], %[[B]] : tensor<8x256xf32>, tensor<256x64xf32> -> tensor<8x64xf32>
func.func @matmul_float(%a: tensor<8x256xf32>, %b: tensor<256x64xf32>) -> tensor<8x64xf32> {
  %0 = sqz.matmul %a, %b : tensor<8x256xf32>, tensor<256x64xf32> -> tensor<8x64xf32>
  return %0 : tensor<8x64xf32>
}

// CHECK-LABEL: func.func @matmul_compressed
//  CHECK-SAME:   (%[[A:.*]]: tensor<8x256xf32>, %[[W:.*]]: !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128), symmetric>>, %[[Q:.*]]: !sqz.tensor
//       CHECK:   sqz.matmul %[[A]], %[[W]] : tensor<8x256xf32>, !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128), symmetric>> -> tensor<8x64xf32>
//       CHECK:   sqz.matmul %[[Q]], %[[W]] : !sqz.tensor<8x256xf32, #sqz.quant<i8, per_channel(0), symmetric>>, !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128), symmetric>> -> tensor<8x64xf32>
func.func @matmul_compressed(%a: tensor<8x256xf32>, %w: !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128)>>,
                             %q: !sqz.tensor<8x256xf32, #sqz.quant<i8, per_channel(0)>>) {
  %0 = sqz.matmul %a, %w : tensor<8x256xf32>, !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128)>> -> tensor<8x64xf32>
  %1 = sqz.matmul %q, %w : !sqz.tensor<8x256xf32, #sqz.quant<i8, per_channel(0)>>, !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128)>> -> tensor<8x64xf32>
  return
}

// CHECK-LABEL: func.func @matmul_batched_lhs
//  CHECK-SAME:   (%[[A:.*]]: tensor<4x8x256xf16>, %[[W:.*]]: !sqz.tensor
//       CHECK:   sqz.matmul %[[A]], %[[W]] : tensor<4x8x256xf16>, !sqz.tensor<256x64xf16, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<4x8x64xf16>
func.func @matmul_batched_lhs(%a: tensor<4x8x256xf16>, %w: !sqz.tensor<256x64xf16, #sqz.sparsity<nm(2, 4, 0)>>) {
  %0 = sqz.matmul %a, %w : tensor<4x8x256xf16>, !sqz.tensor<256x64xf16, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<4x8x64xf16>
  return
}

// CHECK-LABEL: func.func @matmul_batched_both
//  CHECK-SAME:   (%[[A:.*]]: tensor<4x8x32xf32>, %[[B:.*]]: tensor<4x32x16xf32>, %[[C:.*]]: tensor<?x8x32xf32>)
//       CHECK:   sqz.matmul %[[A]], %[[B]] : tensor<4x8x32xf32>, tensor<4x32x16xf32> -> tensor<4x8x16xf32>
//       CHECK:   sqz.matmul %[[C]], %[[B]] : tensor<?x8x32xf32>, tensor<4x32x16xf32> -> tensor<?x8x16xf32>
func.func @matmul_batched_both(%a: tensor<4x8x32xf32>, %b: tensor<4x32x16xf32>, %c: tensor<?x8x32xf32>) {
  %0 = sqz.matmul %a, %b : tensor<4x8x32xf32>, tensor<4x32x16xf32> -> tensor<4x8x16xf32>
  %1 = sqz.matmul %c, %b : tensor<?x8x32xf32>, tensor<4x32x16xf32> -> tensor<?x8x16xf32>
  return
}

// CHECK-LABEL: func.func @matmul_rhs_transposed
//  CHECK-SAME:   (%[[A:.*]]: tensor<8x256xf32>, %[[W:.*]]: !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0), symmetric>>, %[[B:.*]]: tensor<4x64x256xf32>, %[[A3:.*]]: tensor<4x8x256xf32>)
//       CHECK:   sqz.matmul %[[A]], %[[W]] {rhs_transposed} : tensor<8x256xf32>, !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0), symmetric>> -> tensor<8x64xf32>
//       CHECK:   sqz.matmul %[[A3]], %[[B]] {rhs_transposed} : tensor<4x8x256xf32>, tensor<4x64x256xf32> -> tensor<4x8x64xf32>
func.func @matmul_rhs_transposed(%a: tensor<8x256xf32>, %w: !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0)>>,
                                 %b: tensor<4x64x256xf32>, %a3: tensor<4x8x256xf32>) {
  %0 = sqz.matmul %a, %w {rhs_transposed} : tensor<8x256xf32>, !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0)>> -> tensor<8x64xf32>
  %1 = sqz.matmul %a3, %b {rhs_transposed} : tensor<4x8x256xf32>, tensor<4x64x256xf32> -> tensor<4x8x64xf32>
  return
}

// CHECK-LABEL: func.func @matmul_bias
//  CHECK-SAME:   (%[[A:.*]]: tensor<?x256xf32>, %[[W:.*]]: !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0), symmetric>>, %[[BIAS:.*]]: tensor<64xf32>)
//       CHECK:   sqz.matmul %[[A]], %[[W]] bias(%[[BIAS]] : tensor<64xf32>) {rhs_transposed} : tensor<?x256xf32>, !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0), symmetric>> -> tensor<?x64xf32>
func.func @matmul_bias(%a: tensor<?x256xf32>, %w: !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0)>>, %bias: tensor<64xf32>) {
  %0 = sqz.matmul %a, %w bias(%bias : tensor<64xf32>) {rhs_transposed}
      : tensor<?x256xf32>, !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0)>> -> tensor<?x64xf32>
  return
}

//===----------------------------------------------------------------------===//
// sqz.observe
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @observe
//  CHECK-SAME:   (%[[X:.*]]: tensor<16x1024xf32>, %[[C:.*]]: tensor<4xi8>)
//       CHECK:   %[[X1:.*]] = sqz.observe %[[X]] {id = "layer0.fc1.input"} : tensor<16x1024xf32>
//       CHECK:   sqz.observe %[[C]] {id = "codes"} : tensor<4xi8>
//       CHECK:   return %[[X1]]
func.func @observe(%x: tensor<16x1024xf32>, %c: tensor<4xi8>) -> tensor<16x1024xf32> {
  %x1 = sqz.observe %x {id = "layer0.fc1.input"} : tensor<16x1024xf32>
  %c1 = sqz.observe %c {id = "codes"} : tensor<4xi8>
  return %x1 : tensor<16x1024xf32>
}
