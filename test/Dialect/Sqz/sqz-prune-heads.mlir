// RUN: sqz-opt %s --split-input-file --sqz-prune="pattern=heads num-heads=2 sparsity=0.5 explain=true" --verify-diagnostics | FileCheck %s

// Attention as python/run_quantized_models.py writes it: Q [K, N], K [N, K]
// read through transposing maps, V [N, K] through a linalg.transpose,
// expand_shape into [S, H, dh], transposes, batch matmuls, softmax,
// collapse_shape. Hidden 4, 2 heads of 2. Head 0 (columns 0-1 of Q, K, V;
// rows 0-1 of O) weighs 0.1 each, head 1 weighs 1 each: head 0 goes.
#id3 = affine_map<(h, i, j) -> (h, i, j)>
#id = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>
#mm_a = affine_map<(m, n, k) -> (m, k)>
#mm_bt = affine_map<(m, n, k) -> (n, k)>
#mm_c = affine_map<(m, n, k) -> (m, n)>
// CHECK-LABEL: func.func @attention
//       CHECK:   %[[WQ:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00], [5.000000e+00, 6.000000e+00], [7.000000e+00, 8.000000e+00]]> : tensor<4x2xf32>
//       CHECK:   linalg.matmul ins(%{{.*}}, %[[WQ]] : tensor<2x4xf32>, tensor<4x2xf32>) outs(%{{.*}} : tensor<2x2xf32>)
//       CHECK:   arith.constant dense<{{\[}}[1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00], [2.000000e+00, 2.000000e+00, 2.000000e+00, 2.000000e+00]]> : tensor<2x4xf32>
//       CHECK:   linalg.matmul indexing_maps = {{.*}} -> tensor<2x2xf32>
//       CHECK:   %[[WV:.*]] = arith.constant dense<{{\[}}[3.000000e+00, 4.000000e+00], [3.000000e+00, 4.000000e+00], [3.000000e+00, 4.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<4x2xf32>
//       CHECK:   linalg.matmul ins(%{{.*}}, %[[WV]] : tensor<2x4xf32>, tensor<4x2xf32>)
//       CHECK:   arith.constant dense<[3.000000e+00, 4.000000e+00]> : tensor<2xf32>
//       CHECK:   tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2]] output_shape [2, 1, 2] : tensor<2x2xf32> into tensor<2x1x2xf32>
//       CHECK:   linalg.transpose ins(%{{.*}} : tensor<2x1x2xf32>) outs(%{{.*}} : tensor<1x2x2xf32>)
//       CHECK:   linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<1x2x2xf32>, tensor<1x2x2xf32>) outs(%{{.*}} : tensor<1x2x2xf32>)
//       CHECK:   linalg.softmax dimension(2) ins(%{{.*}} : tensor<1x2x2xf32>)
//       CHECK:   tensor.collapse_shape %{{.*}} {{\[}}[0], [1, 2]] : tensor<2x1x2xf32> into tensor<2x2xf32>
//       CHECK:   %[[WO:.*]] = arith.constant dense<{{\[}}[5.000000e+00, 6.000000e+00, 7.000000e+00, 8.000000e+00], [9.000000e+00, 1.000000e+01, 1.100000e+01, 1.200000e+01]]> : tensor<2x4xf32>
//       CHECK:   linalg.matmul ins(%{{.*}}, %[[WO]] : tensor<2x2xf32>, tensor<2x4xf32>) outs(%{{.*}} : tensor<2x4xf32>)
func.func @attention(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %wq = arith.constant dense<[[0.1, 0.1, 1.0, 2.0], [0.1, 0.1, 3.0, 4.0], [0.1, 0.1, 5.0, 6.0], [0.1, 0.1, 7.0, 8.0]]> : tensor<4x4xf32>
  %wk = arith.constant dense<[[0.1, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.1], [1.0, 1.0, 1.0, 1.0], [2.0, 2.0, 2.0, 2.0]]> : tensor<4x4xf32>
  %wv = arith.constant dense<[[0.1, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.1], [3.0, 3.0, 3.0, 3.0], [4.0, 4.0, 4.0, 4.0]]> : tensor<4x4xf32>
  %bv = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %wo = arith.constant dense<[[0.1, 0.1, 0.1, 0.1], [0.1, 0.1, 0.1, 0.1], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]]> : tensor<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %scale = arith.constant 0.5 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %q = linalg.matmul ins(%x, %wq : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %k = linalg.matmul indexing_maps = [#mm_a, #mm_bt, #mm_c] ins(%x, %wk : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %te = tensor.empty() : tensor<4x4xf32>
  %wvt = linalg.transpose ins(%wv : tensor<4x4xf32>) outs(%te : tensor<4x4xf32>) permutation = [1, 0]
  %v0 = linalg.matmul ins(%x, %wvt : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %v = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%v0, %bv : tensor<2x4xf32>, tensor<4xf32>) outs(%e : tensor<2x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<2x4xf32>
  %qx = tensor.expand_shape %q [[0], [1, 2]] output_shape [2, 2, 2] : tensor<2x4xf32> into tensor<2x2x2xf32>
  %kx = tensor.expand_shape %k [[0], [1, 2]] output_shape [2, 2, 2] : tensor<2x4xf32> into tensor<2x2x2xf32>
  %vx = tensor.expand_shape %v [[0], [1, 2]] output_shape [2, 2, 2] : tensor<2x4xf32> into tensor<2x2x2xf32>
  %he = tensor.empty() : tensor<2x2x2xf32>
  %qh = linalg.transpose ins(%qx : tensor<2x2x2xf32>) outs(%he : tensor<2x2x2xf32>) permutation = [1, 0, 2]
  %kt = linalg.transpose ins(%kx : tensor<2x2x2xf32>) outs(%he : tensor<2x2x2xf32>) permutation = [1, 2, 0]
  %vh = linalg.transpose ins(%vx : tensor<2x2x2xf32>) outs(%he : tensor<2x2x2xf32>) permutation = [1, 0, 2]
  %sacc = linalg.fill ins(%zero : f32) outs(%he : tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  %scores = linalg.batch_matmul ins(%qh, %kt : tensor<2x2x2xf32>, tensor<2x2x2xf32>) outs(%sacc : tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  %scaled = linalg.generic {indexing_maps = [#id3, #id3], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%scores : tensor<2x2x2xf32>) outs(%he : tensor<2x2x2xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.mulf %a, %scale : f32
    linalg.yield %m : f32
  } -> tensor<2x2x2xf32>
  %probs = linalg.softmax dimension(2) ins(%scaled : tensor<2x2x2xf32>) outs(%he : tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  %ctxh = linalg.batch_matmul ins(%probs, %vh : tensor<2x2x2xf32>, tensor<2x2x2xf32>) outs(%sacc : tensor<2x2x2xf32>) -> tensor<2x2x2xf32>
  %ctxt = linalg.transpose ins(%ctxh : tensor<2x2x2xf32>) outs(%he : tensor<2x2x2xf32>) permutation = [1, 0, 2]
  %ctx = tensor.collapse_shape %ctxt [[0], [1, 2]] : tensor<2x2x2xf32> into tensor<2x4xf32>
  // expected-remark@+1 {{weight not pruned: the output leaves the function (its result keeps its shape)}}
  %y = linalg.matmul ins(%ctx, %wo : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// Left alone: a projection whose output is not split into heads.
func.func @negative_no_heads(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %w = arith.constant dense<1.0> : tensor<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  // CHECK-LABEL: func.func @negative_no_heads
  //       CHECK:   linalg.matmul {{.*}} -> tensor<2x4xf32>
  //       CHECK:   linalg.matmul {{.*}} -> tensor<2x4xf32>
  // expected-remark@+1 {{weight not pruned: not an attention projection: its output is not split into heads by a tensor.expand_shape}}
  %h = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  // expected-remark@+1 {{the output leaves the function}}
  %y = linalg.matmul ins(%h, %w : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// Left alone: heads reshaped in a way the pass does not follow ([S, 4] into
// [S, 2, 1, 2] is fine, but here [2, 4] into [4, 2] mixes rows and heads).
func.func @negative_unknown_reshape(%x: tensor<2x4xf32>) -> tensor<4x2xf32> {
  %w = arith.constant dense<1.0> : tensor<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  // CHECK-LABEL: func.func @negative_unknown_reshape
  //       CHECK:   linalg.matmul {{.*}} -> tensor<2x4xf32>
  // expected-remark@+1 {{weight not pruned: 'tensor.collapse_shape' reshapes the units in a way the pass does not follow (only a split into [num-heads, dh] and its inverse)}}
  %h = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %s = tensor.expand_shape %h [[0], [1, 2]] output_shape [2, 2, 2] : tensor<2x4xf32> into tensor<2x2x2xf32>
  %c = tensor.collapse_shape %s [[0, 1], [2]] : tensor<2x2x2xf32> into tensor<4x2xf32>
  return %c : tensor<4x2xf32>
}
