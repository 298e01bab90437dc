// sqz-prune then sqz-quantize-weights: the dense pruned weight is quantized as
// a dense weight (scales over the zeros too) and the codes of the kept
// positions are packed with the pruning's metadata. Numbers from
// python/sqz_prune_ref.py and python/sqz_ref.py.
// RUN: sqz-opt %s --split-input-file --sqz-prune="pattern=nm" --sqz-quantize-weights | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-prune --sqz-quantize-weights="bits=4 granularity=group group-size=4 symmetric=false" | FileCheck %s --check-prefix=UNSTRUCTURED
// A weight that is not a constant stays a pack of floats, with a remark.
// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights="explain=true" --verify-diagnostics -o /dev/null

// The dense pruned weight, column 0: [1, 0, -3, 0, 2, -1.5, 0, 0], absmax 3,
// scale 3/127; the kept 1 and -3 have codes 42 and -127. The 2-bit
// positions are the pruning's (2 prints as -2, 3 as -1).
// CHECK-LABEL: func.func @kn
//   CHECK-DAG:   %[[P:.*]] = arith.constant dense<{{\[}}[0, 0, -2, 0], [-2, 1, -1, -1], [0, 1, -2, 1], [1, -1, -1, -2]]> : tensor<4x4xi2>
//   CHECK-DAG:   %[[C:.*]] = arith.constant dense<{{\[}}[42, -64, 64, 127], [-127, 127, 48, -85], [85, 95, 127, 42], [-64, 64, -95, -21]]> : tensor<4x4xi8>
//   CHECK-DAG:   %[[S:.*]] = arith.constant dense<[0.0236220472, 0.0314960629, 0.0314960629, 0.0236220472]> : tensor<4xf32>
//       CHECK:   %[[W:.*]] = sqz.pack %[[C]] scales(%[[S]] : tensor<4xf32>) metadata(%[[P]] : tensor<4x4xi2>) {sqz.quant_error = {mse = {{.*}} : f64, sqnr_db = {{.*}} : f64}} : tensor<4x4xi8> -> !sqz.tensor<8x4xf32, #sqz.quant<i8, per_channel(1), symmetric>, #sqz.sparsity<nm(2, 4, 0)>>
//       CHECK:   sqz.matmul %{{.*}}, %[[W]] {sqz.layer = "kn.linear0"}
//   CHECK-NOT:   tensor<4x4xf32>

// Asymmetric 4-bit groups of 4 rows: the unsigned codes print as signless
// i4 (15 as -1, 11 as -5, 10 as -6).
// UNSTRUCTURED-LABEL: func.func @kn
//   UNSTRUCTURED-DAG:   %[[MASK:.*]] = arith.constant dense<{{\[}}[false, true, false, true], {{.*}}]> : tensor<8x4xi1>
//   UNSTRUCTURED-DAG:   %[[C:.*]] = arith.constant dense<[0, -1, -1, 0, -1, -5, 0, -1, 0, -1, -1, 0, -1, -6, -5, 0]> : tensor<16xi4>
//   UNSTRUCTURED-DAG:   %[[S:.*]] = arith.constant dense<{{\[}}[2.000000e-01, 4.000000e-01, 0.13333334, 0.333333343], [0.233333334, 0.266666681, 0.466666669, 0.0666666701]]> : tensor<2x4xf32>
//   UNSTRUCTURED-DAG:   %[[Z:.*]] = arith.constant dense<{{\[}}[15, 5, 0, 6], [6, 4, 6, 0]]> : tensor<2x4xi32>
//       UNSTRUCTURED:   sqz.pack %[[C]] scales(%[[S]] : tensor<2x4xf32>) zero_points(%[[Z]] : tensor<2x4xi32>) metadata(%[[MASK]] : tensor<8x4xi1>) {{.*}} : tensor<16xi4> -> !sqz.tensor<8x4xf32, #sqz.quant<u4, per_group(0, 4), asymmetric>, #sqz.sparsity<unstructured>>

func.func @kn(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.5, 3.0], [0.25, 4.0, -1.0, 0.0], [-3.0, 0.5, 2.0, 1.0], [0.5, -0.25, 1.5, -2.0], [2.0, 1.0, -0.5, 0.25], [-1.5, 3.0, 0.25, 1.0], [0.75, -1.0, 4.0, -0.5], [1.0, 2.0, -3.0, 0.125]]> : tensor<8x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x8xf32>, tensor<8x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

// [N, K] weight with bias: scales per output channel along axis 0, 2:4 along
// axis 1; the bias stays.
// CHECK-LABEL: func.func @nk_bias
//       CHECK:   %[[W:.*]] = sqz.pack %{{.*}} scales(%{{.*}} : tensor<4xf32>) metadata(%{{.*}} : tensor<4x4xi2>) {{.*}} : tensor<4x4xi8> -> !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(0), symmetric>, #sqz.sparsity<nm(2, 4, 1)>>
//       CHECK:   sqz.matmul %{{.*}}, %[[W]] bias(%{{.*}} : tensor<4xf32>) {rhs_transposed, sqz.layer = "nk_bias.linear0"}
// UNSTRUCTURED-LABEL: func.func @nk_bias
//       UNSTRUCTURED:   #sqz.quant<u4, per_group(1, 4), asymmetric>, #sqz.sparsity<unstructured>>
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

// The dense layer is pruned and quantized; the pack of non-constant values
// is left as it is.
// CHECK-LABEL: func.func @dense_and_pruned
//  CHECK-SAME:   %[[VALS:[^:]*]]: tensor<8xf32>
//       CHECK:   sqz.matmul {{.*}} #sqz.quant<i8, per_channel(1), symmetric>, #sqz.sparsity<nm(2, 4, 0)>>
//       CHECK:   %[[P:.*]] = sqz.pack %[[VALS]] metadata
//       CHECK:   sqz.matmul %{{.*}}, %[[P]] {sqz.layer = "dense_and_pruned.linear1"} : tensor<2x4xf32>, !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
func.func @dense_and_pruned(%x: tensor<2x4xf32>, %vals: tensor<8xf32>) -> tensor<2x4xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0, 0.5], [0.5, 4.0, 0.0, -1.0], [-1.0, 1.0, 0.0, 2.0], [2.0, 0.25, 0.0, 1.0]]> : tensor<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>
  %mask = arith.constant dense<[[true, false, true, false], [false, true, false, true], [true, true, false, false], [false, false, true, true]]> : tensor<4x4xi1>
  %p = sqz.pack %vals metadata(%mask : tensor<4x4xi1>) : tensor<8xf32> -> !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
  // expected-remark@+1 {{weight not quantized: sparse weight values: weight is not a constant}}
  %z = sqz.matmul %y, %p : tensor<2x4xf32>, !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>> -> tensor<2x4xf32>
  return %z : tensor<2x4xf32>
}
