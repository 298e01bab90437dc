// RUN: sqz-opt %s --split-input-file --convert-sqz-to-linalg | FileCheck %s
// RUN: sqz-opt %s --split-input-file --convert-sqz-to-linalg=sparse-matmul=direct | FileCheck %s --check-prefix=DIRECT
// RUN: sqz-opt %s --split-input-file --convert-sqz-to-linalg=sparse-matmul=direct-integer | FileCheck %s --check-prefix=INTEGER

// 2:4 along axis 0 of an [8, 4] weight. The constant positions are packed
// four 2-bit fields to a byte along the sparse axis, low bits first: column
// 0 holds 0, 3, 1, 2 -> 0b10_01_11_00 = 156 = -100 as i8.
// Decompress: the values split into [groups, n] and a generic over
// [groups, m, cols] reducing over the n kept slots selects the kept value
// whose position is j; the dense weight then goes through the contraction.
// CHECK-LABEL: func.func @nm_f32(
//       CHECK:   %[[POS:.*]] = arith.constant dense<{{\[}}[-100, -55, 78, -28]]> : tensor<1x4xi8>
//       CHECK:   %[[VALS:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2]] output_shape [2, 2, 4] : tensor<4x4xf32> into tensor<2x2x4xf32>
//       CHECK:   %[[INIT:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2]] output_shape [2, 4, 4] : tensor<8x4xf32> into tensor<2x4x4xf32>
//       CHECK:   %[[DENSE:.*]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[VALS]], %[[POS]] : tensor<2x2x4xf32>, tensor<1x4xi8>) outs(%[[INIT]] : tensor<2x4x4xf32>)
//       CHECK:     %[[SHIFTED:.*]] = arith.shrui %{{.*}}, %{{.*}} : i8
//       CHECK:     %[[P2:.*]] = arith.trunci %[[SHIFTED]] : i8 to i2
//       CHECK:     %[[P:.*]] = arith.index_castui %[[P2]] : i2 to index
//       CHECK:     %[[J:.*]] = linalg.index 1 : index
//       CHECK:     %[[HERE:.*]] = arith.cmpi eq, %[[P]], %[[J]] : index
//       CHECK:     arith.select %[[HERE]], %{{.*}}, %{{.*}} : f32
//       CHECK:   %[[W:.*]] = tensor.collapse_shape %[[DENSE]] {{\[}}[0, 1], [2]] : tensor<2x4x4xf32> into tensor<8x4xf32>
//       CHECK:   linalg.generic {{.*}} ins(%{{.*}}, %[[W]] : tensor<1x8xf32>, tensor<8x4xf32>)
// Direct: one contraction over [row, col, group, slot] that reads the kept
// values and takes x at group * 4 + position: a select among the group's
// four elements, loaded independently of the column.
// DIRECT-LABEL: func.func @nm_f32(
//   DIRECT-NOT:   tensor.collapse_shape
//       DIRECT:   linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<2x2x4xf32>, tensor<1x4xi8>) outs(%{{.*}} : tensor<1x4xf32>) attrs =  {sqz.nm_contraction = {m = 4 : i64, n = 2 : i64, positions_per_byte = 4 : i64}}
//       DIRECT:     %[[G:.*]] = linalg.index 2 : index
//       DIRECT:     %[[P2:.*]] = arith.trunci %{{.*}} : i8 to i2
//       DIRECT:     %[[BASE:.*]] = arith.muli %[[G]], %c4{{.*}} : index
//       DIRECT:     %[[P:.*]] = arith.index_castui %[[P2]] : i2 to index
//       DIRECT:     %[[X0:.*]] = tensor.extract %arg0[%{{.*}}, %{{.*}}] : tensor<1x8xf32>
//       DIRECT:     %[[K1:.*]] = arith.addi %[[BASE]], %c1{{.*}} : index
//       DIRECT:     %[[X1:.*]] = tensor.extract %arg0[%{{.*}}, %[[K1]]] : tensor<1x8xf32>
//       DIRECT:     %[[IS1:.*]] = arith.cmpi eq, %[[P]], %c1{{.*}} : index
//       DIRECT:     %[[S1:.*]] = arith.select %[[IS1]], %[[X1]], %[[X0]] : f32
//       DIRECT:     arith.select %{{.*}}, %{{.*}}, %[[S1]] : f32
//       DIRECT:     %[[X:.*]] = arith.select %{{.*}}, %{{.*}}, %{{.*}} : f32
//       DIRECT:     %[[PROD:.*]] = arith.mulf %[[X]], %{{.*}} : f32
//       DIRECT:     arith.addf %{{.*}}, %[[PROD]] : f32
//   DIRECT-NOT:   linalg.generic
//       DIRECT:   return
// direct-integer: an f32 weight is decompressed.
// INTEGER-LABEL: func.func @nm_f32(
//       INTEGER:   tensor.collapse_shape
//   INTEGER-NOT:   sqz.nm_contraction
func.func @nm_f32(%x: tensor<1x8xf32>) -> tensor<1x4xf32> {
  %v = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0], [13.0, 14.0, 15.0, 16.0]]> : tensor<4x4xf32>
  %p = arith.constant dense<[[0, 1, 2, 0], [3, 2, 3, 1], [1, 0, 0, 2], [2, 3, 1, 3]]> : tensor<4x4xi2>
  %w = sqz.pack %v metadata(%p : tensor<4x4xi2>) : tensor<4x4xf32> -> !sqz.tensor<8x4xf32, #sqz.sparsity<nm(2, 4, 0)>>
  %y = sqz.matmul %x, %w : tensor<1x8xf32>, !sqz.tensor<8x4xf32, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}

// -----

// A u8 asymmetric [N, K] weight, 2:4 along axis 1, positions held as i8 that
// are no constant (not packed), and an i8 activation quantized at run time.
// Decompress: the pruned codes are the zero point of their channel.
// CHECK-LABEL: func.func @nm_w8a8_transposed(
//       CHECK:   %[[FILL:.*]] = linalg.generic {{.*}} ins(%{{.*}} : tensor<2xi32>) outs(%{{.*}} : tensor<2x8xi8>)
//       CHECK:     arith.trunci %{{.*}} : i32 to i8
//       CHECK:   tensor.expand_shape %[[FILL]] {{\[}}[0], [1, 2]] output_shape [2, 2, 4] : tensor<2x8xi8> into tensor<2x2x4xi8>
//       CHECK:   arith.select
// Direct: integer throughout: (q - z) of the kept code times the gathered
// centered activation, accumulated in i32; then the usual epilogue.
// DIRECT-LABEL: func.func @nm_w8a8_transposed(
//       DIRECT:   %[[XC:.*]] = linalg.generic {{.*}} ins(%{{.*}} : tensor<1x8xi8>) outs(%{{.*}} : tensor<1x8xi32>)
//       DIRECT:   linalg.generic {{.*}} ins(%{{.*}}, %{{.*}}, %{{.*}} : tensor<2x2x2xi8>, tensor<2x2x2xi8>, tensor<2xi32>) outs(%{{.*}} : tensor<1x2xi32>) attrs =  {sqz.nm_contraction = {m = 4 : i64, n = 2 : i64, positions_per_byte = 1 : i64}}
// [N, K]: the slot loop stays innermost, x is gathered at g * 4 + position.
//       DIRECT:     %[[K:.*]] = arith.addi %{{.*}}, %{{.*}} : index
//       DIRECT:     %[[X:.*]] = tensor.extract %[[XC]][%{{.*}}, %[[K]]] : tensor<1x8xi32>
//       DIRECT:     %[[Q:.*]] = arith.extui %{{.*}} : i8 to i32
//       DIRECT:     %[[C:.*]] = arith.subi %[[Q]], %{{.*}} : i32
//       DIRECT:     %[[PROD:.*]] = arith.muli %[[X]], %[[C]] : i32
//       DIRECT:     arith.addi %{{.*}}, %[[PROD]] : i32
//   DIRECT-NOT:     arith.sitofp
//       DIRECT:   arith.sitofp %{{.*}} : i32 to f32
// INTEGER-LABEL: func.func @nm_w8a8_transposed(
//       INTEGER:   linalg.generic {{.*}} attrs =  {sqz.nm_contraction = {m = 4 : i64, n = 2 : i64, positions_per_byte = 1 : i64}}
func.func @nm_w8a8_transposed(%x: tensor<1x8xf32>, %v: tensor<2x4xi8>, %p: tensor<2x4xi8>) -> tensor<1x2xf32> {
  %s = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %z = arith.constant dense<[3, 130]> : tensor<2xi32>
  %w = sqz.pack %v scales(%s : tensor<2xf32>) zero_points(%z : tensor<2xi32>) metadata(%p : tensor<2x4xi8>) : tensor<2x4xi8> -> !sqz.tensor<2x8xf32, #sqz.quant<u8, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>>
  %q = sqz.quantize %x : tensor<1x8xf32> -> !sqz.tensor<1x8xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %y = sqz.matmul %q, %w {rhs_transposed} : !sqz.tensor<1x8xf32, #sqz.quant<i8, per_tensor, symmetric>>, !sqz.tensor<2x8xf32, #sqz.quant<u8, per_channel(0), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// Unstructured: the constant mask is packed 8 bits to a byte along the last
// dimension (row 0: bits 0, 3 -> 9; row 1: bits 1, 5, 6 -> 98), and a loop
// over the flat index counts the set bits to find the next kept value. Both
// modes decompress it.
// CHECK-LABEL: func.func @unstructured(
//       CHECK:   %[[MASK:.*]] = arith.constant dense<{{\[}}[9], [98]]> : tensor<2x1xi8>
//       CHECK:   %[[FLAT:.*]] = tensor.collapse_shape %{{.*}} {{\[}}[0, 1]] : tensor<2x8xf32> into tensor<16xf32>
//       CHECK:   %[[BYTES:.*]] = tensor.collapse_shape %[[MASK]] {{\[}}[0, 1]] : tensor<2x1xi8> into tensor<2xi8>
//       CHECK:   %[[LOOP:.*]]:2 = scf.for %[[I:.*]] = %{{.*}} to %c16 step %{{.*}} iter_args(%[[OUT:.*]] = %[[FLAT]], %[[COUNT:.*]] = %{{.*}}) -> (tensor<16xf32>, index)
//       CHECK:     tensor.extract %[[BYTES]]
//       CHECK:     %[[BIT:.*]] = arith.trunci %{{.*}} : i8 to i1
//       CHECK:     scf.if %[[BIT]] -> (tensor<16xf32>, index)
//       CHECK:       %[[V:.*]] = tensor.extract %arg0[%[[COUNT]]] : tensor<5xf32>
//       CHECK:       tensor.insert %[[V]] into %[[OUT]][%[[I]]] : tensor<16xf32>
//       CHECK:   tensor.expand_shape %[[LOOP]]#0 {{\[}}[0, 1]] output_shape [2, 8] : tensor<16xf32> into tensor<2x8xf32>
// DIRECT-LABEL: func.func @unstructured(
//       DIRECT:   scf.for
func.func @unstructured(%v: tensor<5xf32>) -> tensor<2x8xf32> {
  %mask = arith.constant dense<[[true, false, false, true, false, false, false, false], [false, true, false, false, false, true, true, false]]> : tensor<2x8xi1>
  %w = sqz.pack %v metadata(%mask : tensor<2x8xi1>) : tensor<5xf32> -> !sqz.tensor<2x8xf32, #sqz.sparsity<unstructured>>
  %d = sqz.dequantize %w : !sqz.tensor<2x8xf32, #sqz.sparsity<unstructured>> -> tensor<2x8xf32>
  return %d : tensor<2x8xf32>
}

// -----

// sqz.unpack of a sparse tensor gives back the parts as the pack took them,
// the positions unpacked.
// CHECK-LABEL: func.func @unpack_sparse(
//       CHECK:   %[[P:.*]] = arith.constant dense<{{\[}}[0, 1, -2, 0], [-1, -2, -1, 1], [1, 0, 0, -2], [-2, -1, 1, -1]]> : tensor<4x4xi2>
//       CHECK:   return %arg0, %arg1, %[[P]] : tensor<4x4xi8>, tensor<f32>, tensor<4x4xi2>
func.func @unpack_sparse(%v: tensor<4x4xi8>, %s: tensor<f32>) -> (tensor<4x4xi8>, tensor<f32>, tensor<4x4xi2>) {
  %p = arith.constant dense<[[0, 1, 2, 0], [3, 2, 3, 1], [1, 0, 0, 2], [2, 3, 1, 3]]> : tensor<4x4xi2>
  %w = sqz.pack %v scales(%s : tensor<f32>) metadata(%p : tensor<4x4xi2>) : tensor<4x4xi8> -> !sqz.tensor<8x4xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<nm(2, 4, 0)>>
  %a, %b, %c = sqz.unpack %w : !sqz.tensor<8x4xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<4x4xi8>, tensor<f32>, tensor<4x4xi2>
  return %a, %b, %c : tensor<4x4xi8>, tensor<f32>, tensor<4x4xi2>
}

// -----

// Symmetric signed 8-bit codes on both sides (W8A8 after pruning), the
// constant positions packed: the direct contraction says so for code
// generators (int8_operands: every value it reads fits in i8).
// CHECK-LABEL: func.func @nm_w8a8_symmetric(
//       CHECK:   tensor.collapse_shape
// DIRECT-LABEL: func.func @nm_w8a8_symmetric(
//       DIRECT:   linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<2x2x4xi8>, tensor<1x4xi8>) outs(%{{.*}} : tensor<1x4xi32>) attrs =  {sqz.nm_contraction = {int8_operands, m = 4 : i64, n = 2 : i64, positions_per_byte = 4 : i64}}
// INTEGER-LABEL: func.func @nm_w8a8_symmetric(
//   INTEGER-NOT:   tensor.collapse_shape
//       INTEGER:   linalg.generic {{.*}} attrs =  {sqz.nm_contraction = {int8_operands,
func.func @nm_w8a8_symmetric(%x: tensor<1x8xf32>) -> tensor<1x4xf32> {
  %v = arith.constant dense<[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]> : tensor<4x4xi8>
  %p = arith.constant dense<[[0, 1, 2, 0], [3, 2, 3, 1], [1, 0, 0, 2], [2, 3, 1, 3]]> : tensor<4x4xi2>
  %s = arith.constant dense<[0.5, 0.25, 1.0, 2.0]> : tensor<4xf32>
  %w = sqz.pack %v scales(%s : tensor<4xf32>) metadata(%p : tensor<4x4xi2>) : tensor<4x4xi8> -> !sqz.tensor<8x4xf32, #sqz.quant<i8, per_channel(1), symmetric>, #sqz.sparsity<nm(2, 4, 0)>>
  %q = sqz.quantize %x : tensor<1x8xf32> -> !sqz.tensor<1x8xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %y = sqz.matmul %q, %w : !sqz.tensor<1x8xf32, #sqz.quant<i8, per_tensor, symmetric>>, !sqz.tensor<8x4xf32, #sqz.quant<i8, per_channel(1), symmetric>, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<1x4xf32>
  return %y : tensor<1x4xf32>
}
