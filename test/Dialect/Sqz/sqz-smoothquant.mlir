// RUN: sqz-opt %s --split-input-file --sqz-smoothquant="stats=%S/Inputs/smoothquant-stats.json allow-unknown-layers=1" | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-smoothquant="stats=%S/Inputs/smoothquant-stats.json allow-unknown-layers=1 search-alpha=true explain=true" -o /dev/null 2>&1 | FileCheck %s --check-prefix=SEARCH
// sqz-quantize-weights keeps the record of s on the sqz.matmul it makes.
// RUN: sqz-opt %s --split-input-file --sqz-smoothquant="stats=%S/Inputs/smoothquant-stats.json allow-unknown-layers=1" --sqz-quantize-weights | FileCheck %s --check-prefix=QUANT

// The numbers: s_j = sqrt(absmax_j / max_n |W[j, n]|) (alpha = 0.5), from
// python/sqz_smooth_ref.py; absmax and weights are chosen so that s is exact.

// 1/s folds into a plain per-channel `x * gamma + beta`:
// absmax = [16, 1], max|W_j| = [1, 4] -> s = [4, 0.5];
// gamma [1, 2] -> [0.25, 4], beta [4, 8] -> [1, 16], W -> diag(s) W.
#id = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>
#row = affine_map<(i, j) -> (i)>
// CHECK-LABEL: func.func @affine
//   CHECK-DAG:   %[[G:.*]] = arith.constant dense<[2.500000e-01, 4.000000e+00]> : tensor<2xf32>
//   CHECK-DAG:   %[[B:.*]] = arith.constant dense<[1.000000e+00, 1.600000e+01]> : tensor<2xf32>
//       CHECK:   %[[H:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[G]], %[[B]] :
//       CHECK:   %[[W:.*]] = arith.constant dense<{{\[}}[4.000000e+00, -4.000000e+00], [2.000000e+00, 1.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   linalg.matmul {sqz.layer = "affine.linear0", sqz.smoothing = dense<[4.000000e+00, 5.000000e-01]> : tensor<2xf32>} ins(%[[H]], %[[W]] :
// QUANT-LABEL: func.func @affine
//       QUANT:   sqz.matmul {{.*}}{sqz.layer = "affine.linear0", sqz.smoothing = dense<[4.000000e+00, 5.000000e-01]> : tensor<2xf32>}
func.func @affine(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %gamma = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %beta = arith.constant dense<[4.0, 8.0]> : tensor<2xf32>
  %w = arith.constant dense<[[1.0, -1.0], [4.0, 2.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %h = linalg.generic {indexing_maps = [#id, #col, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x, %gamma, %beta : tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>) outs(%e : tensor<2x2xf32>) {
  ^bb0(%a: f32, %g: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %g : f32
    %y = arith.addf %m, %b : f32
    linalg.yield %y : f32
  } -> tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %r = linalg.matmul ins(%h, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %r : tensor<2x2xf32>
}

// -----

// A function argument: an explicit multiply by 1/s; then 1/s of the second
// layer folds into the first layer's output channels and bias.
// linear0: absmax = [4, 16], max|W0_j| = [1, 1] -> s = [2, 4];
//   W0 = [[1, 0.5], [-1, 0.25]] -> [[2, 1], [-4, 1]].
// linear1: absmax = [16, 1], max|W1_j| = [1, 4] -> s = [4, 0.5];
//   W0's columns / [4, 0.5] -> [[0.5, 2], [-1, 2]], b0 [8, 1] -> [2, 2].
#id = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>
// CHECK-LABEL: func.func @chain
//   CHECK-DAG:   %[[INV:.*]] = arith.constant dense<[5.000000e-01, 2.500000e-01]> : tensor<2xf32>
//       CHECK:   %[[XS:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[INV]] : tensor<2x2xf32>, tensor<2xf32>)
//       CHECK:     arith.mulf
//       CHECK:   %[[W0:.*]] = arith.constant dense<{{\[}}[5.000000e-01, 2.000000e+00], [-1.000000e+00, 2.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   %[[Y0:.*]] = linalg.matmul {sqz.layer = "chain.linear0", sqz.smoothing = dense<[2.000000e+00, 4.000000e+00]> : tensor<2xf32>} ins(%[[XS]], %[[W0]] :
//       CHECK:   %[[B0:.*]] = arith.constant dense<2.000000e+00> : tensor<2xf32>
//       CHECK:   %[[Z:.*]] = linalg.generic {{.*}} ins(%[[Y0]], %[[B0]] :
//       CHECK:   %[[W1:.*]] = arith.constant dense<{{\[}}[4.000000e+00, -4.000000e+00], [2.000000e+00, 1.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   linalg.matmul {sqz.layer = "chain.linear1", sqz.smoothing = dense<[4.000000e+00, 5.000000e-01]> : tensor<2xf32>} ins(%[[Z]], %[[W1]] :
func.func @chain(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w0 = arith.constant dense<[[1.0, 0.5], [-1.0, 0.25]]> : tensor<2x2xf32>
  %b0 = arith.constant dense<[8.0, 1.0]> : tensor<2xf32>
  %w1 = arith.constant dense<[[1.0, -1.0], [4.0, 2.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y0 = linalg.matmul ins(%x, %w0 : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  %z = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%y0, %b0 : tensor<2x2xf32>, tensor<2xf32>) outs(%e : tensor<2x2xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<2x2xf32>
  %y1 = linalg.matmul ins(%z, %w1 : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y1 : tensor<2x2xf32>
}

// -----

// Q, K and V read one LayerNorm (its last step as run_quantized_models.py
// writes it): one s for the three, from the max over their weights' rows.
// absmax = [16, 1], max|W_j| over Q, K, V = [1, 4] -> s = [4, 0.5];
// gamma [2, 4] -> [0.5, 8], beta [1, 1] -> [0.25, 2].
#id = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>
#row = affine_map<(i, j) -> (i)>
#mm_a = affine_map<(m, n, k) -> (m, k)>
#mm_bt = affine_map<(m, n, k) -> (n, k)>
#mm_c = affine_map<(m, n, k) -> (m, n)>
// CHECK-LABEL: func.func @qkv
//   CHECK-DAG:   %[[G:.*]] = arith.constant dense<[5.000000e-01, 8.000000e+00]> : tensor<2xf32>
//   CHECK-DAG:   %[[B:.*]] = arith.constant dense<[2.500000e-01, 2.000000e+00]> : tensor<2xf32>
//       CHECK:   %[[H:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}}, %{{.*}}, %[[G]], %[[B]] :
//       CHECK:   %[[WQ:.*]] = arith.constant dense<{{\[}}[4.000000e+00, 2.000000e+00], [1.000000e+00, 5.000000e-01]]>
//       CHECK:   linalg.matmul {sqz.layer = "qkv.linear0", sqz.smoothing = dense<[4.000000e+00, 5.000000e-01]> : tensor<2xf32>} ins(%[[H]], %[[WQ]] :
//       CHECK:   %[[WK:.*]] = arith.constant dense<{{\[}}[2.000000e+00, 2.000000e+00], [4.000000e+00, 5.000000e-01]]>
//       CHECK:   linalg.matmul {{.*}}sqz.layer = "qkv.linear1", sqz.smoothing = dense<[4.000000e+00, 5.000000e-01]> : tensor<2xf32>} ins(%[[H]], %[[WK]] :
//       CHECK:   %[[WV:.*]] = arith.constant dense<{{\[}}[-4.000000e+00, 5.000000e-01], [1.000000e+00, -1.000000e+00]]>
//       CHECK:   %[[WVT:.*]] = linalg.transpose ins(%[[WV]] :
//       CHECK:   linalg.matmul {sqz.layer = "qkv.linear2", sqz.smoothing = dense<[4.000000e+00, 5.000000e-01]> : tensor<2xf32>} ins(%[[H]], %[[WVT]] :
func.func @qkv(%x: tensor<2x2xf32>, %mean: tensor<2xf32>, %den: tensor<2xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>) {
  %gamma = arith.constant dense<[2.0, 4.0]> : tensor<2xf32>
  %beta = arith.constant dense<[1.0, 1.0]> : tensor<2xf32>
  %wq = arith.constant dense<[[1.0, 0.5], [2.0, 1.0]]> : tensor<2x2xf32>
  %wk = arith.constant dense<[[0.5, 4.0], [1.0, 1.0]]> : tensor<2x2xf32>
  %wv = arith.constant dense<[[-1.0, 1.0], [0.25, -2.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %h = linalg.generic {indexing_maps = [#id, #row, #row, #col, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x, %mean, %den, %gamma, %beta : tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) outs(%e : tensor<2x2xf32>) {
  ^bb0(%a: f32, %m: f32, %d: f32, %g: f32, %b: f32, %o: f32):
    %c = arith.subf %a, %m : f32
    %n = arith.divf %c, %d : f32
    %gn = arith.mulf %n, %g : f32
    %y = arith.addf %gn, %b : f32
    linalg.yield %y : f32
  } -> tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %q = linalg.matmul ins(%h, %wq : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  %k = linalg.matmul indexing_maps = [#mm_a, #mm_bt, #mm_c] ins(%h, %wk : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  %te = tensor.empty() : tensor<2x2xf32>
  %wvt = linalg.transpose ins(%wv : tensor<2x2xf32>) outs(%te : tensor<2x2xf32>) permutation = [1, 0]
  %v = linalg.matmul ins(%h, %wvt : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %q, %k, %v : tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>
}

// -----

// search-alpha=true: alpha per group from 0, 0.05, ..., 1, as
// python/sqz_smooth_ref.py search_alpha picks it for the data of this file
// (absmax = [4, 1, 2, 1] and this weight: 4.97e-4 at 0.7, next best 5.59e-4
// at 0.4); s = absmax^0.7 / max|W_j|^0.3.
// SEARCH: remark: layer 'affine.linear0' smoothed with alpha = 0.95 in a group of 1, 1/s folded into the per-channel affine that produces the input
// SEARCH: remark: layer 'chain.linear0' smoothed with alpha = 0.95 in a group of 1, 1/s applied as an explicit multiply
// SEARCH: remark: layer 'chain.linear1' smoothed with alpha = 0.95 in a group of 1, 1/s folded into the preceding linear layer 'chain.linear0'
// SEARCH: remark: layer 'qkv.linear0' smoothed with alpha = 0.7 in a group of 3
// SEARCH: remark: layer 'qkv.linear1' smoothed with alpha = 0.7 in a group of 3
// SEARCH: remark: layer 'qkv.linear2' smoothed with alpha = 0.7 in a group of 3
// SEARCH: remark: layer 'search.linear0' smoothed with alpha = 0.7 in a group of 1, 1/s applied as an explicit multiply
// SEARCH-NEXT: %y = linalg.matmul
// SEARCH-NEXT: ^
// SEARCH-NEXT: note: see current operation: {{.*}}sqz.smoothing = dense<[3.24900961, 1.000000e+00, 1.31950796, 1.09013832]> : tensor<4xf32>
func.func @search(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[0.5, -0.25], [1.0, 0.5], [-2.0, 1.0], [0.25, 0.75]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// A weight that is not a constant: left alone, with a remark.
// CHECK-LABEL: func.func @negative_activation_weight
//   CHECK-NOT:   sqz.smoothing
// SEARCH: remark: layer 'negative_activation_weight.matmul0' not smoothed: {{.+}}
func.func @negative_activation_weight(%x: tensor<2x2xf32>, %w: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// RMSNorm's last step `x * r * gamma` (no shift): gamma [1, 2] -> [0.25, 4].
#id = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>
#row = affine_map<(i, j) -> (i)>
// CHECK-LABEL: func.func @rms
//       CHECK:   %[[G:.*]] = arith.constant dense<[2.500000e-01, 4.000000e+00]> : tensor<2xf32>
//       CHECK:   %[[H:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}}, %[[G]] :
//       CHECK:   linalg.matmul {sqz.layer = "rms.linear0", sqz.smoothing = dense<[4.000000e+00, 5.000000e-01]> : tensor<2xf32>} ins(%[[H]],
func.func @rms(%x: tensor<2x2xf32>, %r: tensor<2xf32>) -> tensor<2x2xf32> {
  %gamma = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %w = arith.constant dense<[[1.0, -1.0], [4.0, 2.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %h = linalg.generic {indexing_maps = [#id, #row, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x, %r, %gamma : tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>) outs(%e : tensor<2x2xf32>) {
  ^bb0(%a: f32, %rr: f32, %g: f32, %o: f32):
    %n = arith.mulf %a, %rr : f32
    %y = arith.mulf %n, %g : f32
    linalg.yield %y : f32
  } -> tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %out = linalg.matmul ins(%h, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %out : tensor<2x2xf32>
}

// -----

// The norm's output is also returned: gamma and beta stay, 1/s = [0.25, 2]
// is an explicit multiply that only the layer reads.
#id = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>
// CHECK-LABEL: func.func @negative_shared_output
//       CHECK:   %[[G:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
//       CHECK:   %[[H:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %[[G]], %{{.*}} :
//       CHECK:   %[[INV:.*]] = arith.constant dense<[2.500000e-01, 2.000000e+00]> : tensor<2xf32>
//       CHECK:   %[[HS:.*]] = linalg.generic {{.*}} ins(%[[H]], %[[INV]] :
//       CHECK:   %[[Y:.*]] = linalg.matmul {sqz.layer = "negative_shared_output.linear0", sqz.smoothing = dense<[4.000000e+00, 5.000000e-01]> : tensor<2xf32>} ins(%[[HS]],
//       CHECK:   return %[[H]], %[[Y]]
func.func @negative_shared_output(%x: tensor<2x2xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>) {
  %gamma = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %beta = arith.constant dense<[4.0, 8.0]> : tensor<2xf32>
  %w = arith.constant dense<[[1.0, -1.0], [4.0, 2.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %h = linalg.generic {indexing_maps = [#id, #col, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x, %gamma, %beta : tensor<2x2xf32>, tensor<2xf32>, tensor<2xf32>) outs(%e : tensor<2x2xf32>) {
  ^bb0(%a: f32, %g: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %g : f32
    %y = arith.addf %m, %b : f32
    linalg.yield %y : f32
  } -> tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %r = linalg.matmul ins(%h, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %h, %r : tensor<2x2xf32>, tensor<2x2xf32>
}
