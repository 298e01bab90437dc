// RUN: sqz-opt %s --sqz-decompose-aggregate-ops | FileCheck %s

// softmax = exp(x - max) / sum(exp(x - max)) along dimension 1, as structured
// ops that bufferization and convert-linalg-to-loops handle.
// CHECK-LABEL: func.func @softmax(
//   CHECK-NOT:   linalg.softmax
//       CHECK:   linalg.fill
//       CHECK:   linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
//       CHECK:     arith.maxnumf
//       CHECK:   linalg.generic
//       CHECK:     arith.subf
//       CHECK:     math.exp
//       CHECK:   linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
//       CHECK:     arith.addf
//       CHECK:   linalg.generic
//       CHECK:     arith.divf
//   CHECK-NOT:   linalg.softmax
func.func @softmax(%x: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %e = tensor.empty() : tensor<4x16xf32>
  %r = linalg.softmax dimension(1) ins(%x : tensor<4x16xf32>)
                                   outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}

// Structured ops are no aggregates: left alone.
// CHECK-LABEL: func.func @negative_matmul(
//       CHECK:   linalg.matmul
func.func @negative_matmul(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>,
                           %c: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>)
                     outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}

// On buffers the tensor decomposition does not apply: left as it is.
// CHECK-LABEL: func.func @negative_softmax_memref(
//       CHECK:   linalg.softmax dimension(1) ins(%{{.*}} : memref<2x16xf32>) outs(%{{.*}} : memref<2x16xf32>)
func.func @negative_softmax_memref(%x: memref<2x16xf32>, %y: memref<2x16xf32>) {
  linalg.softmax dimension(1) ins(%x : memref<2x16xf32>) outs(%y : memref<2x16xf32>)
  return
}
