// RUN: sqz-opt %s --split-input-file --sqz-instrument | FileCheck %s
// Idempotent: a second run changes nothing.
// RUN: sqz-opt %s --split-input-file --sqz-instrument > %t.once.mlir
// RUN: sqz-opt %s --split-input-file --sqz-instrument --sqz-instrument > %t.twice.mlir
// RUN: diff %t.once.mlir %t.twice.mlir
// RUN: sqz-opt %s --split-input-file --sqz-instrument --sqz-instrument | FileCheck %s --check-prefix=TWICE
// TWICE-COUNT-6: sqz.observe
// TWICE-NOT: sqz.observe

// Two layers get <function>.linear<i> and an observe of their activation.
// CHECK-LABEL: func.func @mlp
//  CHECK-SAME:   (%[[X:.*]]: tensor<3x8xf32>)
//       CHECK:   %[[O0:.*]] = sqz.observe %[[X]] {id = "mlp.linear0"} : tensor<3x8xf32>
//       CHECK:   %[[H:.*]] = linalg.matmul {sqz.layer = "mlp.linear0"} ins(%[[O0]], %{{.*}} :
//       CHECK:   %[[O1:.*]] = sqz.observe %[[H]] {id = "mlp.linear1"} : tensor<3x6xf32>
//       CHECK:   linalg.matmul {sqz.layer = "mlp.linear1"} ins(%[[O1]], %{{.*}} :
func.func @mlp(%x: tensor<3x8xf32>) -> tensor<3x4xf32> {
  %w0 = arith.constant dense<0.5> : tensor<8x6xf32>
  %w1 = arith.constant dense<0.25> : tensor<6x4xf32>
  %c0 = arith.constant 0.0 : f32
  %z0 = tensor.empty() : tensor<3x6xf32>
  %f0 = linalg.fill ins(%c0 : f32) outs(%z0 : tensor<3x6xf32>) -> tensor<3x6xf32>
  %h = linalg.matmul ins(%x, %w0 : tensor<3x8xf32>, tensor<8x6xf32>) outs(%f0 : tensor<3x6xf32>) -> tensor<3x6xf32>
  %z1 = tensor.empty() : tensor<3x4xf32>
  %f1 = linalg.fill ins(%c0 : f32) outs(%z1 : tensor<3x4xf32>) -> tensor<3x4xf32>
  %y = linalg.matmul ins(%h, %w1 : tensor<3x6xf32>, tensor<6x4xf32>) outs(%f1 : tensor<3x4xf32>) -> tensor<3x4xf32>
  return %y : tensor<3x4xf32>
}

// -----

// An existing sqz.layer is kept; a transposed weight ([N, K]) is a layer too.
// CHECK-LABEL: func.func @named_transposed
//       CHECK:   sqz.observe %{{.*}} {id = "encoder.fc1"} : tensor<2x8xf32>
//       CHECK:   linalg.matmul {{.*}}sqz.layer = "encoder.fc1"
func.func @named_transposed(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w = arith.constant dense<1.0> : tensor<4x8xf32>
  %c0 = arith.constant 0.0 : f32
  %z = tensor.empty() : tensor<2x4xf32>
  %f = linalg.fill ins(%c0 : f32) outs(%z : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = linalg.matmul
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
      ins(%x, %w : tensor<2x8xf32>, tensor<4x8xf32>) outs(%f : tensor<2x4xf32>) {sqz.layer = "encoder.fc1"} -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// sqz.matmul ops count with the linalg layers: a float lhs is observed, a
// quantized lhs is only named.
// CHECK-LABEL: func.func @sqz_matmul
//       CHECK:   %[[O:.*]] = sqz.observe %{{.*}} {id = "sqz_matmul.linear0"} : tensor<2x8xf32>
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[O]], %{{.*}} {sqz.layer = "sqz_matmul.linear0"}
//       CHECK:   sqz.observe %[[Y]] {id = "sqz_matmul.linear1"} : tensor<2x4xf32>
//       CHECK:   linalg.matmul {sqz.layer = "sqz_matmul.linear1"}
//   CHECK-NOT:   sqz.observe
//       CHECK:   sqz.matmul %{{.*}}, %{{.*}} {sqz.layer = "sqz_matmul.linear2"}
func.func @sqz_matmul(%x: tensor<2x8xf32>, %w: !sqz.tensor<8x4xf32, #sqz.quant<i8, per_tensor>>,
                      %q: !sqz.tensor<2x4xf32, #sqz.quant<i8, per_tensor>>,
                      %w2: !sqz.tensor<4x4xf32, #sqz.quant<i8, per_tensor>>) -> (tensor<2x4xf32>, tensor<2x4xf32>) {
  %y = sqz.matmul %x, %w : tensor<2x8xf32>, !sqz.tensor<8x4xf32, #sqz.quant<i8, per_tensor>> -> tensor<2x4xf32>
  %w1 = arith.constant dense<1.0> : tensor<4x4xf32>
  %c0 = arith.constant 0.0 : f32
  %z = tensor.empty() : tensor<2x4xf32>
  %f = linalg.fill ins(%c0 : f32) outs(%z : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y1 = linalg.matmul ins(%y, %w1 : tensor<2x4xf32>, tensor<4x4xf32>) outs(%f : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y2 = sqz.matmul %q, %w2 : !sqz.tensor<2x4xf32, #sqz.quant<i8, per_tensor>>, !sqz.tensor<4x4xf32, #sqz.quant<i8, per_tensor>> -> tensor<2x4xf32>
  return %y1, %y2 : tensor<2x4xf32>, tensor<2x4xf32>
}

// -----

// Batched activations [B, M, K]; a contraction of two activations (no
// weight shared by the rows) is no layer.
// CHECK-LABEL: func.func @batched
//       CHECK:   sqz.observe %{{.*}} {id = "batched.linear0"} : tensor<2x3x8xf32>
//       CHECK:   linalg.batch_matmul {sqz.layer = "batched.linear0"}
func.func @batched(%x: tensor<2x3x8xf32>) -> tensor<2x3x4xf32> {
  %w = arith.constant dense<1.0> : tensor<2x8x4xf32>
  %c0 = arith.constant 0.0 : f32
  %z = tensor.empty() : tensor<2x3x4xf32>
  %f = linalg.fill ins(%c0 : f32) outs(%z : tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %y = linalg.batch_matmul ins(%x, %w : tensor<2x3x8xf32>, tensor<2x8x4xf32>) outs(%f : tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %y : tensor<2x3x4xf32>
}
