// RUN: sqz-opt %s --split-input-file --sqz-prune="pattern=rows sparsity=0.5 explain=true" --verify-diagnostics | FileCheck %s

// Channel norms (sum |w| over K) of %w1: 3, 0.3, 9, 0.6: channels 1 and 3
// go. fc1's weight, the bias and the ReLU shrink to 2 channels and fc2
// loses rows 1 and 3.
#id = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>
// CHECK-LABEL: func.func @rows_mlp
//       CHECK:   %[[W1:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 3.000000e+00], [1.000000e+00, -3.000000e+00], [1.000000e+00, 3.000000e+00]]> : tensor<3x2xf32>
//       CHECK:   %[[H:.*]] = linalg.matmul ins(%{{.*}}, %[[W1]] : tensor<2x3xf32>, tensor<3x2xf32>) outs(%{{.*}} : tensor<2x2xf32>) -> tensor<2x2xf32>
//       CHECK:   %[[B1:.*]] = arith.constant dense<[5.000000e-01, 0.699999988]> : tensor<2xf32>
//       CHECK:   %[[A:.*]] = linalg.generic {{.*}} ins(%[[H]], %[[B1]] : tensor<2x2xf32>, tensor<2xf32>) outs(%{{.*}} : tensor<2x2xf32>)
//       CHECK:   %[[W2:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [5.000000e+00, 6.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   linalg.matmul ins(%[[A]], %[[W2]] : tensor<2x2xf32>, tensor<2x2xf32>) outs(%{{.*}} : tensor<2x2xf32>) -> tensor<2x2xf32>
func.func @rows_mlp(%x: tensor<2x3xf32>) -> tensor<2x2xf32> {
  %w1 = arith.constant dense<[[1.0, -0.1, 3.0, 0.2], [1.0, 0.1, -3.0, 0.2], [1.0, 0.1, 3.0, 0.2]]> : tensor<3x4xf32>
  %b1 = arith.constant dense<[0.5, 0.6, 0.7, 0.8]> : tensor<4xf32>
  %w2 = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %h = linalg.matmul ins(%x, %w1 : tensor<2x3xf32>, tensor<3x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %a = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%h, %b1 : tensor<2x4xf32>, tensor<4xf32>) outs(%e : tensor<2x4xf32>) {
  ^bb0(%v: f32, %b: f32, %o: f32):
    %s = arith.addf %v, %b : f32
    %r = arith.maximumf %s, %zero : f32
    linalg.yield %r : f32
  } -> tensor<2x4xf32>
  %e2 = tensor.empty() : tensor<2x2xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-remark@+1 {{weight not pruned: the output leaves the function (its result keeps its shape)}}
  %y = linalg.matmul ins(%a, %w2 : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc2 : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// PyTorch's [N, K] weights read through transposing indexing_maps, and a
// per-channel scale with a constant [N] operand: norms 2, 4, 1, 3 (ties
// broken by index elsewhere): channels 2 and 0 go. The consumer's [N, K]
// weight (here [2, 4]) loses columns 0 and 2.
#mm_a = affine_map<(m, n, k) -> (m, k)>
#mm_bt = affine_map<(m, n, k) -> (n, k)>
#mm_c = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(i, j) -> (i, j)>
#col = affine_map<(i, j) -> (j)>
// CHECK-LABEL: func.func @rows_transposed
//       CHECK:   %[[W1:.*]] = arith.constant dense<{{\[}}[2.000000e+00, -2.000000e+00], [1.000000e+00, 2.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   %[[H:.*]] = linalg.matmul indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}] ins(%{{.*}}, %[[W1]] : tensor<3x2xf32>, tensor<2x2xf32>) outs(%{{.*}} : tensor<3x2xf32>)
//       CHECK:   %[[S:.*]] = arith.constant dense<[2.000000e+00, 4.000000e+00]> : tensor<2xf32>
//       CHECK:   %[[A:.*]] = linalg.generic {{.*}} ins(%[[H]], %[[S]] : tensor<3x2xf32>, tensor<2xf32>)
//       CHECK:   %[[W2:.*]] = arith.constant dense<{{\[}}[2.000000e+00, 4.000000e+00], [6.000000e+00, 8.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   linalg.matmul indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}] ins(%[[A]], %[[W2]] : tensor<3x2xf32>, tensor<2x2xf32>) outs(%{{.*}} : tensor<3x2xf32>)
func.func @rows_transposed(%x: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %w1 = arith.constant dense<[[1.0, 1.0], [2.0, -2.0], [0.5, 0.5], [1.0, 2.0]]> : tensor<4x2xf32>
  %s1 = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %w2 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<3x4xf32>) -> tensor<3x4xf32>
  %h = linalg.matmul indexing_maps = [#mm_a, #mm_bt, #mm_c] ins(%x, %w1 : tensor<3x2xf32>, tensor<4x2xf32>) outs(%acc : tensor<3x4xf32>) -> tensor<3x4xf32>
  %a = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%h, %s1 : tensor<3x4xf32>, tensor<4xf32>) outs(%e : tensor<3x4xf32>) {
  ^bb0(%v: f32, %c: f32, %o: f32):
    %m = arith.mulf %v, %c : f32
    linalg.yield %m : f32
  } -> tensor<3x4xf32>
  %e2 = tensor.empty() : tensor<3x2xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<3x2xf32>) -> tensor<3x2xf32>
  // expected-remark@+1 {{the output leaves the function}}
  %y = linalg.matmul indexing_maps = [#mm_a, #mm_bt, #mm_c] ins(%a, %w2 : tensor<3x4xf32>, tensor<2x4xf32>) outs(%acc2 : tensor<3x2xf32>) -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// -----

// Equal norms (1 each): the lower indices go first (channels 0 and 1). The
// [N, K] weight is read through a linalg.transpose; the new one is stored as
// the matmul reads it, [K, N].
// CHECK-LABEL: func.func @rows_ties_transpose
//       CHECK:   %[[W1:.*]] = arith.constant dense<{{\[}}[5.000000e-01, -1.000000e+00], [5.000000e-01, 0.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   %[[H:.*]] = linalg.matmul ins(%{{.*}}, %[[W1]] : tensor<2x2xf32>, tensor<2x2xf32>) outs(%{{.*}} : tensor<2x2xf32>)
//   CHECK-NOT:   linalg.transpose
//       CHECK:   %[[W2:.*]] = arith.constant dense<{{\[}}[3.000000e+00], [4.000000e+00]]> : tensor<2x1xf32>
//       CHECK:   linalg.matmul ins(%[[H]], %[[W2]] : tensor<2x2xf32>, tensor<2x1xf32>)
func.func @rows_ties_transpose(%x: tensor<2x2xf32>) -> tensor<2x1xf32> {
  %w1 = arith.constant dense<[[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [-1.0, 0.0]]> : tensor<4x2xf32>
  %w2 = arith.constant dense<[[1.0], [2.0], [3.0], [4.0]]> : tensor<4x1xf32>
  %zero = arith.constant 0.0 : f32
  %te = tensor.empty() : tensor<2x4xf32>
  %wt = linalg.transpose ins(%w1 : tensor<4x2xf32>) outs(%te : tensor<2x4xf32>) permutation = [1, 0]
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %h = linalg.matmul ins(%x, %wt : tensor<2x2xf32>, tensor<2x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %e2 = tensor.empty() : tensor<2x1xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x1xf32>) -> tensor<2x1xf32>
  // expected-remark@+1 {{the output leaves the function}}
  %y = linalg.matmul ins(%h, %w2 : tensor<2x4xf32>, tensor<4x1xf32>) outs(%acc2 : tensor<2x1xf32>) -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}

// -----

// Two consumers, both linear layers: both lose the rows of channels 0, 1.
// CHECK-LABEL: func.func @rows_two_consumers
//       CHECK:   arith.constant dense<{{\[}}[3.000000e+00, 4.000000e+00]]> : tensor<1x2xf32>
//       CHECK:   %[[H:.*]] = linalg.matmul {{.*}} -> tensor<2x2xf32>
//       CHECK:   %[[W2:.*]] = arith.constant dense<{{\[}}[7.000000e+00], [8.000000e+00]]> : tensor<2x1xf32>
//       CHECK:   linalg.matmul ins(%[[H]], %[[W2]] : tensor<2x2xf32>, tensor<2x1xf32>)
//       CHECK:   %[[W3:.*]] = arith.constant dense<{{\[}}[-3.000000e+00], [-4.000000e+00]]> : tensor<2x1xf32>
//       CHECK:   linalg.matmul ins(%[[H]], %[[W3]] : tensor<2x2xf32>, tensor<2x1xf32>)
func.func @rows_two_consumers(%x: tensor<2x1xf32>) -> (tensor<2x1xf32>, tensor<2x1xf32>) {
  %w1 = arith.constant dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>
  %w2 = arith.constant dense<[[5.0], [6.0], [7.0], [8.0]]> : tensor<4x1xf32>
  %w3 = arith.constant dense<[[-1.0], [-2.0], [-3.0], [-4.0]]> : tensor<4x1xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %h = linalg.matmul ins(%x, %w1 : tensor<2x1xf32>, tensor<1x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %e2 = tensor.empty() : tensor<2x1xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x1xf32>) -> tensor<2x1xf32>
  // expected-remark@+1 {{the output leaves the function}}
  %y = linalg.matmul ins(%h, %w2 : tensor<2x4xf32>, tensor<4x1xf32>) outs(%acc2 : tensor<2x1xf32>) -> tensor<2x1xf32>
  // expected-remark@+1 {{the output leaves the function}}
  %z = linalg.matmul ins(%h, %w3 : tensor<2x4xf32>, tensor<4x1xf32>) outs(%acc2 : tensor<2x1xf32>) -> tensor<2x1xf32>
  return %y, %z : tensor<2x1xf32>, tensor<2x1xf32>
}

// -----

// Left alone: the output is a function result.
func.func @negative_function_result(%x: tensor<2x2xf32>) -> tensor<2x4xf32> {
  %w = arith.constant dense<1.0> : tensor<2x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  // CHECK-LABEL: func.func @negative_function_result
  //       CHECK:   linalg.matmul {{.*}} tensor<2x4xf32>) -> tensor<2x4xf32>
  // expected-remark@+1 {{weight not pruned: the output leaves the function (its result keeps its shape)}}
  %h = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %h : tensor<2x4xf32>
}

// -----

// Left alone: a residual add with the function's input.
#id = affine_map<(i, j) -> (i, j)>
func.func @negative_residual(%x: tensor<2x4xf32>) -> tensor<2x1xf32> {
  %w = arith.constant dense<1.0> : tensor<4x4xf32>
  %w2 = arith.constant dense<1.0> : tensor<4x1xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  // CHECK-LABEL: func.func @negative_residual
  //       CHECK:   linalg.matmul {{.*}} -> tensor<2x4xf32>
  // expected-remark@+1 {{weight not pruned: 'linalg.generic' combines the channels with another tensor (a residual add?)}}
  %h = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %r = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%h, %x : tensor<2x4xf32>, tensor<2x4xf32>) outs(%e : tensor<2x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<2x4xf32>
  %e2 = tensor.empty() : tensor<2x1xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x1xf32>) -> tensor<2x1xf32>
  // expected-remark@+1 {{the output leaves the function}}
  %y = linalg.matmul ins(%r, %w2 : tensor<2x4xf32>, tensor<4x1xf32>) outs(%acc2 : tensor<2x1xf32>) -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}

// -----

// Left alone: a reshape of the channels that rows does not follow.
func.func @negative_reshape(%x: tensor<2x2xf32>) -> tensor<2x2x2xf32> {
  %w = arith.constant dense<1.0> : tensor<2x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  // CHECK-LABEL: func.func @negative_reshape
  //       CHECK:   linalg.matmul {{.*}} -> tensor<2x4xf32>
  // expected-remark@+1 {{weight not pruned: 'tensor.expand_shape' reshapes the units in a way the pass does not follow (pattern=rows follows unit dimensions only)}}
  %h = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %r = tensor.expand_shape %h [[0], [1, 2]] output_shape [2, 2, 2] : tensor<2x4xf32> into tensor<2x2x2xf32>
  return %r : tensor<2x2x2xf32>
}

// -----

// Left alone: a consumer that is not a linear layer (a reduction over the
// channels) next to one that is.
#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (i)>
func.func @negative_reduction(%x: tensor<2x2xf32>) -> (tensor<2x1xf32>, tensor<2xf32>) {
  %w = arith.constant dense<1.0> : tensor<2x4xf32>
  %w2 = arith.constant dense<1.0> : tensor<4x1xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  // CHECK-LABEL: func.func @negative_reduction
  //       CHECK:   linalg.matmul {{.*}} -> tensor<2x4xf32>
  // expected-remark@+1 {{weight not pruned: 'linalg.generic' reduces over the units}}
  %h = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %e2 = tensor.empty() : tensor<2x1xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2x1xf32>) -> tensor<2x1xf32>
  // expected-remark@+1 {{the output leaves the function}}
  %y = linalg.matmul ins(%h, %w2 : tensor<2x4xf32>, tensor<4x1xf32>) outs(%acc2 : tensor<2x1xf32>) -> tensor<2x1xf32>
  %e3 = tensor.empty() : tensor<2xf32>
  %s0 = linalg.fill ins(%zero : f32) outs(%e3 : tensor<2xf32>) -> tensor<2xf32>
  %s = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]}
      ins(%h : tensor<2x4xf32>) outs(%s0 : tensor<2xf32>) {
  ^bb0(%a: f32, %o: f32):
    %t = arith.addf %a, %o : f32
    linalg.yield %t : f32
  } -> tensor<2xf32>
  return %y, %s : tensor<2x1xf32>, tensor<2xf32>
}
