// RUN: sqz-opt %s --split-input-file --linalg-generalize-named-ops --sqz-fuse-elementwise | FileCheck %s

// A bias add feeding a contraction is not fused into it: the contraction
// keeps its multiply-add body, the add runs on its own before it.
// CHECK-LABEL: func.func @bias_then_contraction
// CHECK:       %[[Q:.+]] = linalg.generic
// CHECK:         arith.addf
// CHECK:       linalg.generic {{.+}} iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%[[Q]], %{{.+}} :
// CHECK-NEXT:  ^bb0(%[[A:.+]]: f32, %[[B:.+]]: f32, %[[C:.+]]: f32):
// CHECK-NEXT:    %[[P:.+]] = arith.mulf %[[A]], %[[B]]
// CHECK-NEXT:    %[[S:.+]] = arith.addf %[[C]], %[[P]]
// CHECK-NEXT:    linalg.yield %[[S]]
func.func @bias_then_contraction(%q: tensor<2x4x8xf32>, %bias: tensor<8xf32>, %k: tensor<2x8x4xf32>) -> tensor<2x4x4xf32> {
  %e = tensor.empty() : tensor<2x4x8xf32>
  %qb = linalg.generic {indexing_maps = [affine_map<(b, m, d) -> (b, m, d)>, affine_map<(b, m, d) -> (d)>, affine_map<(b, m, d) -> (b, m, d)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%q, %bias : tensor<2x4x8xf32>, tensor<8xf32>) outs(%e : tensor<2x4x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<2x4x8xf32>
  %zero = arith.constant 0.0 : f32
  %e2 = tensor.empty() : tensor<2x4x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  %r = linalg.batch_matmul ins(%qb, %k : tensor<2x4x8xf32>, tensor<2x8x4xf32>) outs(%acc : tensor<2x4x4xf32>) -> tensor<2x4x4xf32>
  return %r : tensor<2x4x4xf32>
}

// -----

// Elementwise chains still fuse: exp after sub becomes one generic.
// CHECK-LABEL: func.func @elementwise_chain
// CHECK:       linalg.generic
// CHECK:         arith.subf
// CHECK-NEXT:    math.exp
// CHECK-NOT:   linalg.generic
func.func @elementwise_chain(%x: tensor<16xf32>, %y: tensor<16xf32>) -> tensor<16xf32> {
  %e = tensor.empty() : tensor<16xf32>
  %d = linalg.sub ins(%x, %y : tensor<16xf32>, tensor<16xf32>) outs(%e : tensor<16xf32>) -> tensor<16xf32>
  %r = linalg.exp ins(%d : tensor<16xf32>) outs(%e : tensor<16xf32>) -> tensor<16xf32>
  return %r : tensor<16xf32>
}
