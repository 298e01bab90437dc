// RUN: sqz-opt %s --sqz-prune="pattern=nm layers=two.linear1 explain=true" --verify-diagnostics | FileCheck %s
// RUN: sqz-opt %s --sqz-prune="layers=two.linear0,two.linear1" | FileCheck %s --check-prefix=BOTH
// RUN: sqz-opt %s --sqz-prune="layers=two.linear0 scope=global" | FileCheck %s --check-prefix=GLOBAL
// RUN: not sqz-opt %s --sqz-prune="layers=two.linear0,fc9" 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not sqz-opt %s --sqz-prune="pattern=rows layers=two.linear0" 2>&1 | FileCheck %s --check-prefix=ROWS

// layers= prunes only the named layers: two chained linear layers, only the
// second (two.linear1) becomes a 2:4 sqz.matmul, the first stays a dense
// linalg.matmul on its constant, with a remark under explain=true.
// CHECK-LABEL: func.func @two
//       CHECK:   %[[H:.*]] = linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<2x8xf32>, tensor<8x8xf32>)
//   CHECK-NOT:   sqz.layer = "two.linear0"
//       CHECK:   %[[W:.*]] = sqz.pack %{{.*}} metadata(%{{.*}} : tensor<4x4xi2>) : tensor<4x4xf32> -> !sqz.tensor<8x4xf32, #sqz.sparsity<nm(2, 4, 0)>>
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[H]], %[[W]] {sqz.layer = "two.linear1"}
//       CHECK:   return %[[Y]]

// BOTH-LABEL: func.func @two
//       BOTH:   sqz.matmul %{{.*}} {sqz.layer = "two.linear0"}
//       BOTH:   sqz.matmul %{{.*}} {sqz.layer = "two.linear1"}
//   BOTH-NOT:   linalg.matmul

// scope=global ranks the named layers only: half of linear0's 64 weights go,
// linear1 is untouched.
// GLOBAL-LABEL: func.func @two
//       GLOBAL:   %[[V:.*]] = arith.constant dense<{{.*}}> : tensor<32xf32>
//       GLOBAL:   sqz.pack %[[V]] {{.*}} -> !sqz.tensor<8x8xf32, #sqz.sparsity<unstructured>>
//       GLOBAL:   sqz.matmul %{{.*}} {sqz.layer = "two.linear0"}
//       GLOBAL:   linalg.matmul
//   GLOBAL-NOT:   sqz.matmul

// UNKNOWN: error: sqz-prune: layers= names 'fc9', which is not a linear layer of the module (its layers: two.linear0, two.linear1)
// ROWS: error: sqz-prune: layers= needs pattern=unstructured or pattern=nm

func.func @two(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w1 = arith.constant dense<[[1.0, -2.0, 0.5, 3.0, 0.1, 0.2, 0.3, 0.4], [0.25, 4.0, -1.0, 0.0, 1.1, 1.2, 1.3, 1.4], [-3.0, 0.5, 2.0, 1.0, 2.1, 2.2, 2.3, 2.4], [0.5, -0.25, 1.5, -2.0, 3.1, 3.2, 3.3, 3.4], [2.0, 1.0, -0.5, 0.25, 4.1, 4.2, 4.3, 4.4], [-1.5, 3.0, 0.25, 1.0, 5.1, 5.2, 5.3, 5.4], [0.75, -1.0, 4.0, -0.5, 6.1, 6.2, 6.3, 6.4], [1.0, 2.0, -3.0, 0.125, 7.1, 7.2, 7.3, 7.4]]> : tensor<8x8xf32>
  %w2 = arith.constant dense<[[1.0, -2.0, 0.5, 3.0], [0.25, 4.0, -1.0, 0.0], [-3.0, 0.5, 2.0, 1.0], [0.5, -0.25, 1.5, -2.0], [2.0, 1.0, -0.5, 0.25], [-1.5, 3.0, 0.25, 1.0], [0.75, -1.0, 4.0, -0.5], [1.0, 2.0, -3.0, 0.125]]> : tensor<8x4xf32>
  %zero = arith.constant 0.0 : f32
  %e1 = tensor.empty() : tensor<2x8xf32>
  %acc1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<2x8xf32>) -> tensor<2x8xf32>
  // expected-remark @below {{weight not pruned: layer 'two.linear0' is not in layers=}}
  %h = linalg.matmul ins(%x, %w1 : tensor<2x8xf32>, tensor<8x8xf32>) outs(%acc1 : tensor<2x8xf32>) -> tensor<2x8xf32>
  %e2 = tensor.empty() : tensor<2x4xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = linalg.matmul ins(%h, %w2 : tensor<2x8xf32>, tensor<8x4xf32>) outs(%acc2 : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}
