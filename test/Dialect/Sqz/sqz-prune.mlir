// RUN: sqz-opt %s --split-input-file --sqz-prune | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-prune="pattern=nm" | FileCheck %s --check-prefix=NM
// RUN: sqz-opt %s --split-input-file --sqz-prune="pattern=nm n=1 m=2" | FileCheck %s --check-prefix=NM12
// RUN: sqz-opt %s --split-input-file --sqz-prune="scope=global" | FileCheck %s --check-prefix=GLOBAL
// RUN: sqz-opt %s --split-input-file --sqz-prune="method=wanda stats=%S/Inputs/prune-stats.json allow-unknown-layers=1" | FileCheck %s --check-prefix=WANDA
// RUN: sqz-opt %s --split-input-file --sqz-prune="method=wanda pattern=nm stats=%S/Inputs/prune-stats.json allow-unknown-layers=1" | FileCheck %s --check-prefix=WANDANM

// The numbers below were computed with python/sqz_prune_ref.py. N:M
// positions are i2 for 2:4 and print as signed: 2 prints as -2, 3 as -1.

// A [K, N] = 8x4 weight. Magnitude, unstructured: the 16 smallest |w| of 32
// go (ties remove the lower flat index first: of the five 1.0s, the first
// two); the 16 kept values in row-major order and the mask.
// CHECK-LABEL: func.func @kn
//  CHECK-SAME:   %[[X:.*]]: tensor<2x8xf32>
//   CHECK-DAG:   %[[V:.*]] = arith.constant dense<[-2.000000e+00, 3.000000e+00, 4.000000e+00, -3.000000e+00, 2.000000e+00, 1.500000e+00, -2.000000e+00, 2.000000e+00, -1.500000e+00, 3.000000e+00, 1.000000e+00, -1.000000e+00, 4.000000e+00, 1.000000e+00, 2.000000e+00, -3.000000e+00]> : tensor<16xf32>
//   CHECK-DAG:   %[[MASK:.*]] = arith.constant dense<{{\[}}[false, true, false, true], [false, true, false, false], [true, false, true, false], [false, false, true, true], [true, false, false, false], [true, true, false, true], [false, true, true, false], [true, true, true, false]]> : tensor<8x4xi1>
//       CHECK:   %[[W:.*]] = sqz.pack %[[V]] metadata(%[[MASK]] : tensor<8x4xi1>) : tensor<16xf32> -> !sqz.tensor<8x4xf32, #sqz.sparsity<unstructured>>
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %[[W]] {sqz.layer = "kn.linear0"} : tensor<2x8xf32>, !sqz.tensor<8x4xf32, #sqz.sparsity<unstructured>> -> tensor<2x4xf32>
//       CHECK:   return %[[Y]]
//   CHECK-NOT:   linalg.matmul

// 2:4 along K (axis 0): column 0 = [1, .25, -3, .5 | 2, -1.5, .75, 1] keeps
// 1 and -3 (positions 0, 2), then 2 and -1.5 (0, 1).
// NM-LABEL: func.func @kn
//   NM-DAG:   %[[V:.*]] = arith.constant dense<{{\[}}[1.000000e+00, -2.000000e+00, 2.000000e+00, 3.000000e+00], [-3.000000e+00, 4.000000e+00, 1.500000e+00, -2.000000e+00], [2.000000e+00, 3.000000e+00, 4.000000e+00, 1.000000e+00], [-1.500000e+00, 2.000000e+00, -3.000000e+00, -5.000000e-01]]> : tensor<4x4xf32>
//   NM-DAG:   %[[P:.*]] = arith.constant dense<{{\[}}[0, 0, -2, 0], [-2, 1, -1, -1], [0, 1, -2, 1], [1, -1, -1, -2]]> : tensor<4x4xi2>
//       NM:   %[[W:.*]] = sqz.pack %[[V]] metadata(%[[P]] : tensor<4x4xi2>) : tensor<4x4xf32> -> !sqz.tensor<8x4xf32, #sqz.sparsity<nm(2, 4, 0)>>
//       NM:   sqz.matmul %{{.*}}, %[[W]] {sqz.layer = "kn.linear0"}

// 1:2 has 1-bit positions: i1.
// NM12-LABEL: func.func @kn
//       NM12:   %[[P:.*]] = arith.constant dense<{{\[}}[false, true, true, false], [false, false, false, true], [false, true, false, true], [true, true, false, false]]> : tensor<4x4xi1>
//       NM12:   sqz.pack %{{.*}} metadata(%[[P]] : tensor<4x4xi1>) : tensor<4x4xf32> -> !sqz.tensor<8x4xf32, #sqz.sparsity<nm(1, 2, 0)>>

// Wanda with l2 = [1, .5, 4, 2, .25, 1, .5, 8]: each output channel (column)
// keeps its 4 best |w| * l2 of 8; row 4 (l2 .25) loses all, row 7 (l2 8)
// keeps all.
// WANDA-LABEL: func.func @kn
//   WANDA-DAG:   %[[V:.*]] = arith.constant dense<[3.000000e+00, 4.000000e+00, -3.000000e+00, 5.000000e-01, 2.000000e+00, 1.000000e+00, 5.000000e-01, 1.500000e+00, -2.000000e+00, -1.500000e+00, 3.000000e+00, 4.000000e+00, 1.000000e+00, 2.000000e+00, -3.000000e+00, 1.250000e-01]> : tensor<16xf32>
//   WANDA-DAG:   %[[MASK:.*]] = arith.constant dense<{{\[}}[false, false, false, true], [false, true, false, false], [true, true, true, true], [true, false, true, true], [false, false, false, false], [true, true, false, false], [false, false, true, false], [true, true, true, true]]> : tensor<8x4xi1>
//       WANDA:   sqz.pack %[[V]] metadata(%[[MASK]] : tensor<8x4xi1>) : tensor<16xf32> -> !sqz.tensor<8x4xf32, #sqz.sparsity<unstructured>>

// WANDANM-LABEL: func.func @kn
//   WANDANM-DAG:   %[[V:.*]] = arith.constant dense<{{\[}}[1.000000e+00, -2.000000e+00, 2.000000e+00, 1.000000e+00], [-3.000000e+00, 4.000000e+00, 1.500000e+00, -2.000000e+00], [-1.500000e+00, 3.000000e+00, 4.000000e+00, 1.000000e+00], [1.000000e+00, 2.000000e+00, -3.000000e+00, 1.250000e-01]]> : tensor<4x4xf32>
//   WANDANM-DAG:   %[[P:.*]] = arith.constant dense<{{\[}}[0, 0, -2, -2], [-2, 1, -1, -1], [1, 1, -2, 1], [-1, -1, -1, -1]]> : tensor<4x4xi2>
//       WANDANM:   sqz.pack %[[V]] metadata(%[[P]] : tensor<4x4xi2>) : tensor<4x4xf32> -> !sqz.tensor<8x4xf32, #sqz.sparsity<nm(2, 4, 0)>>
func.func @kn(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.5, 3.0], [0.25, 4.0, -1.0, 0.0], [-3.0, 0.5, 2.0, 1.0], [0.5, -0.25, 1.5, -2.0], [2.0, 1.0, -0.5, 0.25], [-1.5, 3.0, 0.25, 1.0], [0.75, -1.0, 4.0, -0.5], [1.0, 2.0, -3.0, 0.125]]> : tensor<8x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x8xf32>, tensor<8x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}


// -----

// A PyTorch [N, K] = 4x8 weight with a bias: N:M groups run along axis 1,
// the bias stays on the sqz.matmul.
// CHECK-LABEL: func.func @nk_bias
//   CHECK-DAG:   %[[B:.*]] = arith.constant dense<[5.000000e-01, -5.000000e-01, 1.000000e+00, 2.000000e+00]> : tensor<4xf32>
//       CHECK:   %[[W:.*]] = sqz.pack {{.*}} : tensor<16xf32> -> !sqz.tensor<4x8xf32, #sqz.sparsity<unstructured>>
//       CHECK:   sqz.matmul %{{.*}}, %[[W]] bias(%[[B]] : tensor<4xf32>) {rhs_transposed, sqz.layer = "nk_bias.linear0"}
//   CHECK-NOT:   linalg.add

// NM-LABEL: func.func @nk_bias
//   NM-DAG:   %[[V:.*]] = arith.constant dense<{{\[}}[1.000000e+00, -3.000000e+00, 2.000000e+00, -1.500000e+00], [-2.000000e+00, 4.000000e+00, 3.000000e+00, 2.000000e+00], [2.000000e+00, 1.500000e+00, 4.000000e+00, -3.000000e+00], [3.000000e+00, -2.000000e+00, 1.000000e+00, -5.000000e-01]]> : tensor<4x4xf32>
//   NM-DAG:   %[[P:.*]] = arith.constant dense<{{\[}}[0, -2, 0, 1], [0, 1, 1, -1], [-2, -1, -2, -1], [0, -1, 1, -2]]> : tensor<4x4xi2>
//       NM:   %[[W:.*]] = sqz.pack %[[V]] metadata(%[[P]] : tensor<4x4xi2>) : tensor<4x4xf32> -> !sqz.tensor<4x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
//       NM:   sqz.matmul %{{.*}}, %[[W]] bias(%{{.*}} : tensor<4xf32>) {rhs_transposed, sqz.layer = "nk_bias.linear0"}

// Wanda from sumsq (no l2 in the file): norms sqrt([16, 1, .25, 4, 1,
// .0625, 9, 1]) = [4, 1, .5, 2, 1, .25, 3, 1], each row of 8 keeps 4.
// WANDA-LABEL: func.func @nk_bias
//   WANDA-DAG:   %[[V:.*]] = arith.constant dense<[1.000000e+00, -3.000000e+00, 2.000000e+00, 7.500000e-01, -2.000000e+00, 4.000000e+00, -1.000000e+00, 2.000000e+00, 5.000000e-01, 1.500000e+00, 4.000000e+00, -3.000000e+00, 3.000000e+00, 1.000000e+00, -2.000000e+00, -5.000000e-01]> : tensor<16xf32>
//   WANDA-DAG:   %[[MASK:.*]] = arith.constant dense<{{\[}}[true, false, true, false, true, false, true, false], [true, true, false, false, false, false, true, true], [true, false, false, true, false, false, true, true], [true, false, true, true, false, false, true, false]]> : tensor<4x8xi1>
//       WANDA:   sqz.pack %[[V]] metadata(%[[MASK]] : tensor<4x8xi1>) : tensor<16xf32> -> !sqz.tensor<4x8xf32, #sqz.sparsity<unstructured>>

func.func @nk_bias(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w = arith.constant dense<[[1.0, 0.25, -3.0, 0.5, 2.0, -1.5, 0.75, 1.0], [-2.0, 4.0, 0.5, -0.25, 1.0, 3.0, -1.0, 2.0], [0.5, -1.0, 2.0, 1.5, -0.5, 0.25, 4.0, -3.0], [3.0, 0.0, 1.0, -2.0, 0.25, 1.0, -0.5, 0.125]]> : tensor<4x8xf32>
  %b = arith.constant dense<[0.5, -0.5, 1.0, 2.0]> : tensor<4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
                     ins(%x, %w : tensor<2x8xf32>, tensor<4x8xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %bb = linalg.broadcast ins(%b : tensor<4xf32>) outs(%e : tensor<2x4xf32>) dimensions = [0]
  %z = linalg.add ins(%y, %bb : tensor<2x4xf32>, tensor<2x4xf32>) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %z : tensor<2x4xf32>
}


// -----

// f16 weights keep f16 values.
// CHECK-LABEL: func.func @f16
//   CHECK-DAG:   %[[V:.*]] = arith.constant dense<[1.500000e+00, -3.000000e+00, 2.000000e+00, -4.000000e+00]> : tensor<4xf16>
//   CHECK-DAG:   %[[MASK:.*]] = arith.constant dense<{{\[}}[true, false], [true, false], [false, true], [false, true]]> : tensor<4x2xi1>
//       CHECK:   sqz.pack %[[V]] metadata(%[[MASK]] : tensor<4x2xi1>) : tensor<4xf16> -> !sqz.tensor<4x2xf16, #sqz.sparsity<unstructured>>
//       CHECK:   sqz.matmul {{.*}} : tensor<2x4xf16>, !sqz.tensor<4x2xf16, #sqz.sparsity<unstructured>> -> tensor<2x2xf16>

// NM-LABEL: func.func @f16
//   NM-DAG:   %[[V:.*]] = arith.constant dense<{{\[}}[1.500000e+00, 2.000000e+00], [-3.000000e+00, -4.000000e+00]]> : tensor<2x2xf16>
//       NM:   sqz.pack %[[V]] metadata(%{{.*}} : tensor<2x2xi2>) : tensor<2x2xf16> -> !sqz.tensor<4x2xf16, #sqz.sparsity<nm(2, 4, 0)>>

func.func @f16(%x: tensor<2x4xf16>) -> tensor<2x2xf16> {
  %w = arith.constant dense<[[1.5, -0.125], [-3.0, 0.0625], [0.5, 2.0], [-0.25, -4.0]]> : tensor<4x2xf16>
  %zero = arith.constant 0.0 : f16
  %e = tensor.empty() : tensor<2x2xf16>
  %acc = linalg.fill ins(%zero : f16) outs(%e : tensor<2x2xf16>) -> tensor<2x2xf16>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf16>, tensor<4x2xf16>) outs(%acc : tensor<2x2xf16>) -> tensor<2x2xf16>
  return %y : tensor<2x2xf16>
}


// -----

// Two chained layers; the first is named by its sqz.layer, the second by
// its function and position. Per layer each keeps 8 of 16; with one global
// threshold the large weights of the first keep 9 and the second keeps 7.
// CHECK-LABEL: func.func @two_layers
//       CHECK:   %[[W0:.*]] = sqz.pack {{.*}} : tensor<8xf32> -> !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
//       CHECK:   %[[H:.*]] = sqz.matmul %{{.*}}, %[[W0]] {sqz.layer = "encoder.fc1"}
//       CHECK:   %[[W1:.*]] = sqz.pack {{.*}} : tensor<8xf32> -> !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
//       CHECK:   sqz.matmul %[[H]], %[[W1]] {sqz.layer = "two_layers.linear1"}

// GLOBAL-LABEL: func.func @two_layers
//   GLOBAL-DAG:   %[[V0:.*]] = arith.constant dense<[8.000000e+00, 6.000000e+00, -7.000000e+00, 5.000000e+00, -6.000000e+00, 7.000000e+00, 8.000000e+00, -5.000000e+00, 1.500000e+00]> : tensor<9xf32>
//       GLOBAL:   %[[W0:.*]] = sqz.pack %[[V0]] metadata(%{{.*}} : tensor<4x4xi1>) : tensor<9xf32>
//       GLOBAL:   %[[H:.*]] = sqz.matmul %{{.*}}, %[[W0]] {sqz.layer = "encoder.fc1"}
//   GLOBAL-DAG:   %[[V1:.*]] = arith.constant dense<[2.000000e+00, 1.000000e+00, 3.000000e+00, -2.000000e+00, 1.500000e+00, 1.250000e+00, 2.500000e+00]> : tensor<7xf32>
//   GLOBAL-DAG:   %[[M1:.*]] = arith.constant dense<{{\[}}[false, false, true, false], [true, false, false, true], [true, false, true, false], [false, true, false, true]]> : tensor<4x4xi1>
//       GLOBAL:   %[[W1:.*]] = sqz.pack %[[V1]] metadata(%[[M1]] : tensor<4x4xi1>) : tensor<7xf32>
//       GLOBAL:   sqz.matmul %[[H]], %[[W1]] {sqz.layer = "two_layers.linear1"}

// The statistics of "two_layers.linear1" have both l2 and sumsq: l2 wins.
// WANDA-LABEL: func.func @two_layers
//       WANDA:   sqz.matmul {{.*}} {sqz.layer = "encoder.fc1"}
//       WANDA:   arith.constant dense<[-1.000000e+00, 2.000000e+00, 1.000000e+00, -7.500000e-01, 3.000000e+00, -2.000000e+00, 1.500000e+00, 2.500000e+00]> : tensor<8xf32>
//       WANDA:   sqz.matmul {{.*}} {sqz.layer = "two_layers.linear1"}

func.func @two_layers(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %w0 = arith.constant dense<[[8.0, 0.5, -1.0, 6.0], [-7.0, 0.25, 5.0, -0.5], [1.0, -6.0, 0.75, 7.0], [-0.125, 8.0, -5.0, 1.5]]> : tensor<4x4xf32>
  %w1 = arith.constant dense<[[0.5, -1.0, 2.0, 0.25], [1.0, -0.75, 0.125, 3.0], [-2.0, 0.5, 1.5, -0.25], [0.375, 1.25, -0.5, 2.5]]> : tensor<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %h = linalg.matmul {sqz.layer = "encoder.fc1"} ins(%x, %w0 : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = linalg.matmul ins(%h, %w1 : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}
