// RUN: sqz-opt %s --split-input-file --sqz-contiguous-inner-loop | FileCheck %s

// linalg.matmul (loops i, j, k) becomes a generic with loops (i, k, j): the
// innermost loop walks B and C along their contiguous dimension.
// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @matmul_i8(
//       CHECK:   linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "reduction", "parallel"]}
//       CHECK:     arith.extsi
//       CHECK:     arith.muli
//       CHECK:     arith.addi
func.func @matmul_i8(%a: memref<4x8xi8>, %b: memref<8x16xi8>, %c: memref<4x16xi32>) {
  linalg.matmul ins(%a, %b : memref<4x8xi8>, memref<8x16xi8>) outs(%c : memref<4x16xi32>)
  return
}

// -----

// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// CHECK-LABEL: func.func @batch_matmul_tensor(
//       CHECK:   linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "reduction", "parallel"]}
func.func @batch_matmul_tensor(%a: tensor<2x4x8xf32>, %b: tensor<2x8x16xf32>,
                               %c: tensor<2x4x16xf32>) -> tensor<2x4x16xf32> {
  %r = linalg.batch_matmul ins(%a, %b : tensor<2x4x8xf32>, tensor<2x8x16xf32>)
                           outs(%c : tensor<2x4x16xf32>) -> tensor<2x4x16xf32>
  return %r : tensor<2x4x16xf32>
}

// -----

// A matrix-vector product: A walks the output loop along its rows, not its
// contiguous dimension, so the dot product stays innermost.
// CHECK-LABEL: func.func @negative_matvec(
//       CHECK:   linalg.matvec
func.func @negative_matvec(%a: memref<16x8xf32>, %x: memref<8xf32>, %y: memref<16xf32>) {
  linalg.matvec ins(%a, %x : memref<16x8xf32>, memref<8xf32>) outs(%y : memref<16xf32>)
  return
}

// -----

// B given transposed ([N, K]): no operand layout makes j contiguous.
// CHECK-LABEL: func.func @negative_matmul_transpose_b(
//       CHECK:   iterator_types = ["parallel", "parallel", "reduction"]
#mapA = affine_map<(i, j, k) -> (i, k)>
#mapB = affine_map<(i, j, k) -> (j, k)>
#mapC = affine_map<(i, j, k) -> (i, j)>
func.func @negative_matmul_transpose_b(%a: memref<4x8xf32>, %b: memref<16x8xf32>, %c: memref<4x16xf32>) {
  linalg.generic {indexing_maps = [#mapA, #mapB, #mapC],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : memref<4x8xf32>, memref<16x8xf32>) outs(%c : memref<4x16xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %o, %m : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Elementwise ops have no reduction to move.
// CHECK-LABEL: func.func @negative_elementwise(
//       CHECK:   linalg.add
func.func @negative_elementwise(%a: memref<4x8xf32>, %b: memref<4x8xf32>, %c: memref<4x8xf32>) {
  linalg.add ins(%a, %b : memref<4x8xf32>, memref<4x8xf32>) outs(%c : memref<4x8xf32>)
  return
}
