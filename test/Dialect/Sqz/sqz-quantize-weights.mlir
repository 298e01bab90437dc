// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights="bits=4 granularity=group group-size=2 symmetric=false" | FileCheck %s --check-prefix=GROUP
// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights="granularity=tensor narrow-range=true" | FileCheck %s --check-prefix=TENSOR

// Column 0 has absmax 2 (scale 2/127): 1.0 / scale = 63.5 rounds half to
// even to 64 and -1.0 to -64. Column 2 is all zeros and gets scale 1.
// CHECK-LABEL: func.func @linear
//  CHECK-SAME:   %[[X:.*]]: tensor<2x4xf32>
//   CHECK-DAG:   %[[CODES:.*]] = arith.constant dense<{{\[}}[64, -64, 0], [32, 127, 0], [-64, 32, 0], [127, 8, 0]]> : tensor<4x3xi8>
//   CHECK-DAG:   %[[SCALES:.*]] = arith.constant dense<[0.0157480314, 0.0314960629, 1.000000e+00]> : tensor<3xf32>
//       CHECK:   %[[W:.*]] = sqz.pack %[[CODES]] scales(%[[SCALES]] : tensor<3xf32>) {sqz.quant_error = {mse = {{.*}} : f64, sqnr_db = {{.*}} : f64}} : tensor<4x3xi8> -> !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %[[W]]
//       CHECK:   return %[[Y]]
//   CHECK-NOT:   linalg.fill
//   CHECK-NOT:   tensor<4x3xf32>

// The asymmetric 4-bit groups of two rows: [1, 0.5] in column 0 has range
// [0, 1], scale 1/15, zero point 0.
// GROUP-LABEL: func.func @linear
//   GROUP-DAG:   arith.constant dense<{{.*}}> : tensor<4x3xi4>
//   GROUP-DAG:   %[[S:.*]] = arith.constant dense<{{\[}}[0.0666666701, 4.000000e-01, 1.000000e+00], [2.000000e-01, 0.0666666701, 1.000000e+00]]> : tensor<2x3xf32>
//   GROUP-DAG:   %[[Z:.*]] = arith.constant dense<{{\[}}[0, 5, 0], [5, 0, 0]]> : tensor<2x3xi32>
//       GROUP:   sqz.pack {{.*}} scales(%[[S]] : tensor<2x3xf32>) zero_points(%[[Z]] : tensor<2x3xi32>) {{.*}} : tensor<4x3xi4> -> !sqz.tensor<4x3xf32, #sqz.quant<u4, per_group(0, 2), asymmetric>>

// TENSOR-LABEL: func.func @linear
//       TENSOR:   arith.constant dense<0.0314960629> : tensor<f32>
//       TENSOR:   #sqz.quant<i8, per_tensor, symmetric, narrow_range>
func.func @linear(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// A PyTorch-layout [N, K] weight read through transposing indexing maps stays
// [N, K]: scales per output channel are along axis 0. The layer keeps the
// name it had before the rewrite (docs/statistics.md), for the passes after.
// CHECK-LABEL: func.func @transposed_maps
//       CHECK:   sqz.pack {{.*}} : tensor<3x4xi8> -> !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>
//       CHECK:   sqz.matmul {{.*}} {rhs_transposed, sqz.layer = "transposed_maps.linear0"} : tensor<2x4xf32>, !sqz.tensor<3x4xf32, {{.*}}> -> tensor<2x3xf32>
// GROUP-LABEL: func.func @transposed_maps
//       GROUP:   #sqz.quant<u4, per_group(1, 2), asymmetric>
func.func @transposed_maps(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, 0.5, -1.0, 2.0], [-2.0, 4.0, 1.0, 0.25], [0.0, 0.0, 0.0, 0.0]]> : tensor<3x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
                     ins(%x, %w : tensor<2x4xf32>, tensor<3x4xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// A linalg.transpose of a constant [N, K] weight is the same weight, read
// [N, K]; the transpose goes away with the float weight.
// CHECK-LABEL: func.func @transpose_op
//   CHECK-NOT:   linalg.transpose
//       CHECK:   sqz.pack {{.*}} : tensor<3x4xi8> -> !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>
//       CHECK:   sqz.matmul {{.*}} {rhs_transposed
func.func @transpose_op(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, 0.5, -1.0, 2.0], [-2.0, 4.0, 1.0, 0.25], [0.0, 0.0, 0.0, 0.0]]> : tensor<3x4xf32>
  %et = tensor.empty() : tensor<4x3xf32>
  %wt = linalg.transpose ins(%w : tensor<3x4xf32>) outs(%et : tensor<4x3xf32>) permutation = [1, 0]
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %wt : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// dense_resource weights are read from their blob (1.0, 2.0, -4.0, 0.5 as
// little-endian f32, after the 4-byte alignment header).
// CHECK-LABEL: func.func @resource_weight
//       CHECK:   arith.constant dense<{{\[}}[32, 127], [-127, 32]]> : tensor<2x2xi8>
//       CHECK:   sqz.matmul
func.func @resource_weight(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %w = arith.constant dense_resource<weight> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2xf32>) -> tensor<1x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<1x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<1x2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      weight: "0x040000000000803F00000040000080C00000003F"
    }
  }
#-}

// -----

// Left alone: the weight is a function argument, not a constant.
// CHECK-LABEL: func.func @negative_argument_weight
//       CHECK:   linalg.matmul
//   CHECK-NOT:   sqz.matmul
func.func @negative_argument_weight(%x: tensor<2x4xf32>, %w: tensor<4x3xf32>) -> tensor<2x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// A linalg.generic matmul reading a [K, N] weight (the body may multiply in
// either order) is the same layer as linalg.matmul.
// CHECK-LABEL: func.func @generic_weight_kn
//  CHECK-SAME:   %[[X:.*]]: tensor<2x4xf32>
//   CHECK-DAG:   %[[CODES:.*]] = arith.constant dense<{{\[}}[64, -64, 0], [32, 127, 0], [-64, 32, 0], [127, 8, 0]]> : tensor<4x3xi8>
//       CHECK:   %[[W:.*]] = sqz.pack %[[CODES]] {{.*}} -> !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %[[W]] {{.*}}: tensor<2x4xf32>, !sqz.tensor<4x3xf32, {{.*}}> -> tensor<2x3xf32>
//       CHECK:   return %[[Y]]
//   CHECK-NOT:   linalg.generic
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
func.func @generic_weight_kn(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %p = arith.mulf %b, %a : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// A linalg.generic reading a PyTorch-layout [N, K] weight, listed before the
// activation: the activation is the operand read [M, K], whatever its place.
// CHECK-LABEL: func.func @generic_weight_nk_first
//  CHECK-SAME:   %[[X:.*]]: tensor<2x4xf32>
//       CHECK:   %[[W:.*]] = sqz.pack {{.*}} : tensor<3x4xi8> -> !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>
//       CHECK:   sqz.matmul %[[X]], %[[W]] {rhs_transposed{{.*}}} {{.*}}: tensor<2x4xf32>, !sqz.tensor<3x4xf32, {{.*}}> -> tensor<2x3xf32>
// GROUP-LABEL: func.func @generic_weight_nk_first
//       GROUP:   #sqz.quant<u4, per_group(1, 2), asymmetric>
#nk2 = affine_map<(m, n, k) -> (n, k)>
#mk2 = affine_map<(m, n, k) -> (m, k)>
#mn2 = affine_map<(m, n, k) -> (m, n)>
func.func @generic_weight_nk_first(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, 0.5, -1.0, 2.0], [-2.0, 4.0, 1.0, 0.25], [0.0, 0.0, 0.0, 0.0]]> : tensor<3x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.generic {indexing_maps = [#nk2, #mk2, #mn2], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%w, %x : tensor<3x4xf32>, tensor<2x4xf32>) outs(%acc : tensor<2x3xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %p, %c : f32
    linalg.yield %s : f32
  } -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// torch-mlir's `x @ W.T` on a 3-D activation: a 4-loop linalg.generic with
// the [N, K] weight shared by the whole batch. It becomes an sqz.matmul with
// a 3-D lhs and the 2-D weight.
// CHECK-LABEL: func.func @generic_batched_shared_weight
//  CHECK-SAME:   %[[X:.*]]: tensor<2x5x4xf32>
//       CHECK:   %[[W:.*]] = sqz.pack {{.*}} : tensor<3x4xi8> -> !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>
//       CHECK:   sqz.matmul %[[X]], %[[W]] {rhs_transposed{{.*}}} {{.*}}: tensor<2x5x4xf32>, !sqz.tensor<3x4xf32, {{.*}}> -> tensor<2x5x3xf32>
//   CHECK-NOT:   linalg.generic
#bmk = affine_map<(b, m, n, k) -> (b, m, k)>
#nk3 = affine_map<(b, m, n, k) -> (n, k)>
#bmn = affine_map<(b, m, n, k) -> (b, m, n)>
func.func @generic_batched_shared_weight(%x: tensor<2x5x4xf32>) -> tensor<2x5x3xf32> {
  %w = arith.constant dense<[[1.0, 0.5, -1.0, 2.0], [-2.0, 4.0, 1.0, 0.25], [0.0, 0.0, 0.0, 0.0]]> : tensor<3x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x5x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  %y = linalg.generic {indexing_maps = [#bmk, #nk3, #bmn], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<2x5x4xf32>, tensor<3x4xf32>) outs(%acc : tensor<2x5x3xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %p = arith.mulf %a, %b : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x5x3xf32>
  return %y : tensor<2x5x3xf32>
}

// -----

// The same layer as linalg.contract (any linalg op that is a contraction is
// read through its indexing maps).
// CHECK-LABEL: func.func @contract_batched_shared_weight
//  CHECK-SAME:   %[[X:.*]]: tensor<2x5x4xf32>
//       CHECK:   %[[W:.*]] = sqz.pack {{.*}} : tensor<3x4xi8> -> !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>
//       CHECK:   sqz.matmul %[[X]], %[[W]] {rhs_transposed{{.*}}} {{.*}}: tensor<2x5x4xf32>, !sqz.tensor<3x4xf32, {{.*}}> -> tensor<2x5x3xf32>
//   CHECK-NOT:   linalg.contract
func.func @contract_batched_shared_weight(%x: tensor<2x5x4xf32>) -> tensor<2x5x3xf32> {
  %w = arith.constant dense<[[1.0, 0.5, -1.0, 2.0], [-2.0, 4.0, 1.0, 0.25], [0.0, 0.0, 0.0, 0.0]]> : tensor<3x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x5x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  %y = linalg.contract indexing_maps = [affine_map<(b, m, n, k) -> (b, m, k)>, affine_map<(b, m, n, k) -> (n, k)>, affine_map<(b, m, n, k) -> (b, m, n)>]
      ins(%x, %w : tensor<2x5x4xf32>, tensor<3x4xf32>) outs(%acc : tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  return %y : tensor<2x5x3xf32>
}

// -----

// linalg.batch_matmul of a linalg.broadcast of a constant [K, N] weight: the
// weight is shared, so the sqz.matmul takes it 2-D; the broadcast goes.
// CHECK-LABEL: func.func @batch_matmul_broadcast
//  CHECK-SAME:   %[[X:.*]]: tensor<2x5x4xf32>
//   CHECK-NOT:   linalg.broadcast
//       CHECK:   %[[W:.*]] = sqz.pack {{.*}} : tensor<4x3xi8> -> !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %[[W]] {{.*}}: tensor<2x5x4xf32>, !sqz.tensor<4x3xf32, {{.*}}> -> tensor<2x5x3xf32>
//       CHECK:   return %[[Y]]
// GROUP-LABEL: func.func @batch_matmul_broadcast
//       GROUP:   #sqz.quant<u4, per_group(0, 2), asymmetric>
func.func @batch_matmul_broadcast(%x: tensor<2x5x4xf32>) -> tensor<2x5x3xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %eb = tensor.empty() : tensor<2x4x3xf32>
  %wb = linalg.broadcast ins(%w : tensor<4x3xf32>) outs(%eb : tensor<2x4x3xf32>) dimensions = [0]
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x5x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  %y = linalg.batch_matmul ins(%x, %wb : tensor<2x5x4xf32>, tensor<2x4x3xf32>) outs(%acc : tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  return %y : tensor<2x5x3xf32>
}

// -----

// torch-mlir's `x @ W.T` through aten.matmul: a linalg.generic broadcast of a
// linalg.transpose of the [N, K] weight, then linalg.batch_matmul. Both views
// are looked through: the weight stays [N, K], read transposed.
// CHECK-LABEL: func.func @batch_matmul_generic_broadcast_of_transpose
//   CHECK-NOT:   linalg.transpose
//   CHECK-NOT:   linalg.generic
//       CHECK:   %[[W:.*]] = sqz.pack {{.*}} : tensor<3x4xi8> -> !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>
//       CHECK:   sqz.matmul %{{.*}}, %[[W]] {rhs_transposed{{.*}}} {{.*}}: tensor<2x5x4xf32>, !sqz.tensor<3x4xf32, {{.*}}> -> tensor<2x5x3xf32>
#kn_b = affine_map<(b, k, n) -> (k, n)>
#bkn = affine_map<(b, k, n) -> (b, k, n)>
func.func @batch_matmul_generic_broadcast_of_transpose(%x: tensor<2x5x4xf32>) -> tensor<2x5x3xf32> {
  %w = arith.constant dense<[[1.0, 0.5, -1.0, 2.0], [-2.0, 4.0, 1.0, 0.25], [0.0, 0.0, 0.0, 0.0]]> : tensor<3x4xf32>
  %et = tensor.empty() : tensor<4x3xf32>
  %wt = linalg.transpose ins(%w : tensor<3x4xf32>) outs(%et : tensor<4x3xf32>) permutation = [1, 0]
  %eb = tensor.empty() : tensor<2x4x3xf32>
  %wb = linalg.generic {indexing_maps = [#kn_b, #bkn], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%wt : tensor<4x3xf32>) outs(%eb : tensor<2x4x3xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<2x4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x5x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  %y = linalg.batch_matmul ins(%x, %wb : tensor<2x5x4xf32>, tensor<2x4x3xf32>) outs(%acc : tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  return %y : tensor<2x5x3xf32>
}

// -----

// A real [B, K, N] weight, one matrix per batch, packed 3-D. Per channel, the
// scales are per output channel N over all batches; groups run along K
// within each batch and channel. The accumulator is a zero splat constant.
// CHECK-LABEL: func.func @batch_matmul_weight_per_batch
//  CHECK-SAME:   %[[X:.*]]: tensor<2x5x4xf32>
//   CHECK-DAG:   %[[CODES:.*]] = arith.constant dense<{{\[}}{{\[}}[32, -32, 0], [16, 64, 0], [-32, 16, 0], [64, 4, 0]], {{\[}}[64, -64, 0], [32, 127, 0], [-64, 32, 0], [127, 8, 127]]]> : tensor<2x4x3xi8>
//   CHECK-DAG:   %[[SCALES:.*]] = arith.constant dense<[0.0314960629, 0.0629921257, 0.00787401571]> : tensor<3xf32>
//       CHECK:   %[[W:.*]] = sqz.pack %[[CODES]] scales(%[[SCALES]] : tensor<3xf32>) {{.*}} : tensor<2x4x3xi8> -> !sqz.tensor<2x4x3xf32, #sqz.quant<i8, per_channel(2), symmetric>>
//       CHECK:   sqz.matmul %[[X]], %[[W]] {{.*}}: tensor<2x5x4xf32>, !sqz.tensor<2x4x3xf32, {{.*}}> -> tensor<2x5x3xf32>
// GROUP-LABEL: func.func @batch_matmul_weight_per_batch
//       GROUP:   sqz.pack {{.*}} scales({{.*}} : tensor<2x2x3xf32>) zero_points({{.*}} : tensor<2x2x3xi32>) {{.*}} -> !sqz.tensor<2x4x3xf32, #sqz.quant<u4, per_group(1, 2), asymmetric>>
func.func @batch_matmul_weight_per_batch(%x: tensor<2x5x4xf32>) -> tensor<2x5x3xf32> {
  %w = arith.constant dense<[[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]],
                             [[2.0, -4.0, 0.0], [1.0, 8.0, 0.0], [-2.0, 2.0, 0.0], [4.0, 0.5, 1.0]]]> : tensor<2x4x3xf32>
  %zero = arith.constant dense<0.0> : tensor<2x5x3xf32>
  %y = linalg.batch_matmul ins(%x, %w : tensor<2x5x4xf32>, tensor<2x4x3xf32>) outs(%zero : tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  return %y : tensor<2x5x3xf32>
}

// -----

// A weight held in an ml_program.global: the codes and scales become
// constants at the use, and the global goes once nothing loads it.
// (The global is written after the function, so that it prints inside this
// function's CHECK-LABEL block.)
// CHECK-LABEL: func.func @global_weight
//   CHECK-NOT:   ml_program.global_load_const
//   CHECK-DAG:   %[[CODES:.*]] = arith.constant dense<{{\[}}[64, -64, 0], [32, 127, 0], [-64, 32, 0], [127, 8, 0]]> : tensor<4x3xi8>
//       CHECK:   %[[W:.*]] = sqz.pack %[[CODES]]
//       CHECK:   sqz.matmul %{{.*}}, %[[W]]
//   CHECK-NOT:   ml_program.global
func.func @global_weight(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = ml_program.global_load_const @weight : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
ml_program.global private @weight(dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>) : tensor<4x3xf32>

// -----

// A global that is still loaded elsewhere (here returned) stays; so does a
// public one that nothing loads any more. Two layers that share a global
// weight each get their own packed constant.
// CHECK-LABEL: func.func @global_weight_kept
//       CHECK:   %[[W:.*]] = ml_program.global_load_const @shared
//       CHECK:   sqz.matmul
//       CHECK:   sqz.matmul
//   CHECK-NOT:   ml_program.global_load_const
//       CHECK:   return %{{.*}}, %{{.*}}, %[[W]]
//       CHECK:   ml_program.global private @shared
//       CHECK:   ml_program.global public @exported
func.func @global_weight_kept(%x: tensor<2x4xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<4x3xf32>) {
  %w = ml_program.global_load_const @shared : tensor<4x3xf32>
  %v = ml_program.global_load_const @exported : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  %z = linalg.matmul ins(%x, %v : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y, %z, %w : tensor<2x3xf32>, tensor<2x3xf32>, tensor<4x3xf32>
}
ml_program.global private @shared(dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>) : tensor<4x3xf32>
ml_program.global public @exported(dense<1.0> : tensor<4x3xf32>) : tensor<4x3xf32>

// -----

// A bias add as linalg.generic with the [N] bias broadcast along the rows is
// folded: the sqz.matmul takes the bias and replaces the add.
// CHECK-LABEL: func.func @bias_generic
//  CHECK-SAME:   %[[X:.*]]: tensor<2x4xf32>
//   CHECK-DAG:   %[[B:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>
//       CHECK:   %[[W:.*]] = sqz.pack
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %[[W]] bias(%[[B]] {{.*}}: tensor<3xf32>) {{.*}}: tensor<2x4xf32>, !sqz.tensor<4x3xf32, {{.*}}> -> tensor<2x3xf32>
//       CHECK:   return %[[Y]]
//   CHECK-NOT:   linalg
#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
func.func @bias_generic(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %b = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  %r = linalg.generic {indexing_maps = [#id2, #row, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%y, %b : tensor<2x3xf32>, tensor<3xf32>) outs(%e : tensor<2x3xf32>) {
  ^bb0(%v: f32, %c: f32, %out: f32):
    %s = arith.addf %v, %c : f32
    linalg.yield %s : f32
  } -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

// linalg.add of a linalg.broadcast of the bias, the bias first; the layer
// itself is a linalg.generic with a 3-D activation.
// CHECK-LABEL: func.func @bias_linalg_add_batched
//   CHECK-DAG:   %[[B:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>
//       CHECK:   %[[Y:.*]] = sqz.matmul %{{.*}}, %{{.*}} bias(%[[B]] {{.*}}: tensor<3xf32>) {rhs_transposed{{.*}}} : tensor<2x5x4xf32>, !sqz.tensor<3x4xf32, {{.*}}> -> tensor<2x5x3xf32>
//       CHECK:   return %[[Y]]
//   CHECK-NOT:   linalg
#bmk_b = affine_map<(b, m, n, k) -> (b, m, k)>
#nk_b = affine_map<(b, m, n, k) -> (n, k)>
#bmn_b = affine_map<(b, m, n, k) -> (b, m, n)>
func.func @bias_linalg_add_batched(%x: tensor<2x5x4xf32>) -> tensor<2x5x3xf32> {
  %w = arith.constant dense<[[1.0, 0.5, -1.0, 2.0], [-2.0, 4.0, 1.0, 0.25], [0.0, 0.0, 0.0, 0.0]]> : tensor<3x4xf32>
  %b = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x5x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  %y = linalg.generic {indexing_maps = [#bmk_b, #nk_b, #bmn_b], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<2x5x4xf32>, tensor<3x4xf32>) outs(%acc : tensor<2x5x3xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %p = arith.mulf %a, %c : f32
    %s = arith.addf %o, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x5x3xf32>
  %bb = linalg.broadcast ins(%b : tensor<3xf32>) outs(%e : tensor<2x5x3xf32>) dimensions = [0, 1]
  %r = linalg.add ins(%bb, %y : tensor<2x5x3xf32>, tensor<2x5x3xf32>) outs(%e : tensor<2x5x3xf32>) -> tensor<2x5x3xf32>
  return %r : tensor<2x5x3xf32>
}

// -----

// arith.addf on tensors with the broadcast bias, and a bias that is not a
// constant (a function argument [N]) folds the same way.
// CHECK-LABEL: func.func @bias_arith_addf
//  CHECK-SAME:   %[[X:.*]]: tensor<2x4xf32>, %[[B:.*]]: tensor<3xf32>
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %{{.*}} bias(%[[B]] {{.*}}: tensor<3xf32>)
//       CHECK:   return %[[Y]]
//   CHECK-NOT:   arith.addf
func.func @bias_arith_addf(%x: tensor<2x4xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  %eb = tensor.empty() : tensor<2x3xf32>
  %bb = linalg.broadcast ins(%b : tensor<3xf32>) outs(%eb : tensor<2x3xf32>) dimensions = [0]
  %r = arith.addf %y, %bb : tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

// Not folded: a bias add followed by a ReLU in the same body, an add of a
// full [M, N] tensor (a residual, not a bias), and an add that writes into
// the matmul result without reading it. The layers are still quantized.
// CHECK-LABEL: func.func @negative_bias_relu
//       CHECK:   %[[Y:.*]] = sqz.matmul %{{.*}}, %{{.*}} {{.*}}: tensor<2x4xf32>
//       CHECK:   linalg.generic {{.*}} ins(%[[Y]], %{{.*}} : tensor<2x3xf32>, tensor<3xf32>)
//       CHECK:   arith.maximumf
#id2r = affine_map<(d0, d1) -> (d0, d1)>
#rowr = affine_map<(d0, d1) -> (d1)>
func.func @negative_bias_relu(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %b = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  %r = linalg.generic {indexing_maps = [#id2r, #rowr, #id2r], iterator_types = ["parallel", "parallel"]}
      ins(%y, %b : tensor<2x3xf32>, tensor<3xf32>) outs(%e : tensor<2x3xf32>) {
  ^bb0(%v: f32, %c: f32, %out: f32):
    %s = arith.addf %v, %c : f32
    %m = arith.maximumf %s, %zero : f32
    linalg.yield %m : f32
  } -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @negative_residual_add
//  CHECK-SAME:   %[[X:.*]]: tensor<2x4xf32>, %[[R:.*]]: tensor<2x3xf32>
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %{{.*}} {{.*}}: tensor<2x4xf32>
//       CHECK:   linalg.add ins(%[[Y]], %[[R]]
func.func @negative_residual_add(%x: tensor<2x4xf32>, %res: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  %r = linalg.add ins(%y, %res : tensor<2x3xf32>, tensor<2x3xf32>) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// The add does not read the matmul result as an input: it only overwrites it.
// CHECK-LABEL: func.func @negative_add_overwrites_result
//       CHECK:   %[[Y:.*]] = sqz.matmul %{{.*}}, %{{.*}} {{.*}}: tensor<2x4xf32>
//       CHECK:   linalg.generic {{.*}} outs(%[[Y]] : tensor<2x3xf32>)
#id2o = affine_map<(d0, d1) -> (d0, d1)>
#rowo = affine_map<(d0, d1) -> (d1)>
func.func @negative_add_overwrites_result(%x: tensor<2x4xf32>, %a: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %b = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  %r = linalg.generic {indexing_maps = [#rowo, #id2o, #id2o], iterator_types = ["parallel", "parallel"]}
      ins(%b, %a : tensor<3xf32>, tensor<2x3xf32>) outs(%y : tensor<2x3xf32>) {
  ^bb0(%c: f32, %v: f32, %out: f32):
    %s = arith.addf %v, %c : f32
    linalg.yield %s : f32
  } -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// -----

// f16 and bf16 weights are widened to f32 from their bits (exactly) and
// quantized as such; the expressed type stays f16 / bf16, the scales f32.
// CHECK-LABEL: func.func @f16_weight
//   CHECK-DAG:   %[[CODES:.*]] = arith.constant dense<{{\[}}[64, -64, 0], [32, 127, 0], [-64, 32, 0], [127, 8, 0]]> : tensor<4x3xi8>
//   CHECK-DAG:   %[[SCALES:.*]] = arith.constant dense<[0.0157480314, 0.0314960629, 1.000000e+00]> : tensor<3xf32>
//       CHECK:   %[[W:.*]] = sqz.pack %[[CODES]] scales(%[[SCALES]] : tensor<3xf32>) {{.*}} : tensor<4x3xi8> -> !sqz.tensor<4x3xf16, #sqz.quant<i8, per_channel(1), symmetric>>
//       CHECK:   sqz.matmul %{{.*}}, %[[W]] {{.*}}: tensor<2x4xf16>, !sqz.tensor<4x3xf16, {{.*}}> -> tensor<2x3xf16>
func.func @f16_weight(%x: tensor<2x4xf16>) -> tensor<2x3xf16> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf16>
  %zero = arith.constant 0.0 : f16
  %e = tensor.empty() : tensor<2x3xf16>
  %acc = linalg.fill ins(%zero : f16) outs(%e : tensor<2x3xf16>) -> tensor<2x3xf16>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf16>, tensor<4x3xf16>) outs(%acc : tensor<2x3xf16>) -> tensor<2x3xf16>
  return %y : tensor<2x3xf16>
}

// -----

// f16 bits 0x0001 (2^-24, the smallest subnormal), 0xC000 (-2), 0x0080
// (2^-17, subnormal) and 0x7BFF (65504, the largest finite): column 0 has
// scale 2^-17 / 127 and codes 1, 127; column 1 scale 65504 / 127.
// CHECK-LABEL: func.func @f16_weight_extremes
//   CHECK-DAG:   arith.constant dense<{{\[}}[1, 0], [127, 127]]> : tensor<2x2xi8>
//   CHECK-DAG:   arith.constant dense<[6.00739725E-8, 515.779541]> : tensor<2xf32>
func.func @f16_weight_extremes(%x: tensor<1x2xf16>) -> tensor<1x2xf16> {
  %w = arith.constant dense<"0x010000C08000FF7B"> : tensor<2x2xf16>
  %zero = arith.constant 0.0 : f16
  %e = tensor.empty() : tensor<1x2xf16>
  %acc = linalg.fill ins(%zero : f16) outs(%e : tensor<1x2xf16>) -> tensor<1x2xf16>
  %y = linalg.matmul ins(%x, %w : tensor<1x2xf16>, tensor<2x2xf16>) outs(%acc : tensor<1x2xf16>) -> tensor<1x2xf16>
  return %y : tensor<1x2xf16>
}

// -----

// A bf16 dense_resource weight: 1.0, 2.0, -4.0, 0.5 as bf16 bits
// (0x3F80, 0x4000, 0xC080, 0x3F00), little-endian, after the alignment header.
// CHECK-LABEL: func.func @bf16_resource_weight
//       CHECK:   arith.constant dense<{{\[}}[32, 127], [-127, 32]]> : tensor<2x2xi8>
//       CHECK:   sqz.pack {{.*}} -> !sqz.tensor<2x2xbf16, #sqz.quant<i8, per_channel(1), symmetric>>
func.func @bf16_resource_weight(%x: tensor<1x2xbf16>) -> tensor<1x2xbf16> {
  %w = arith.constant dense_resource<weight_bf16> : tensor<2x2xbf16>
  %zero = arith.constant 0.0 : bf16
  %e = tensor.empty() : tensor<1x2xbf16>
  %acc = linalg.fill ins(%zero : bf16) outs(%e : tensor<1x2xbf16>) -> tensor<1x2xbf16>
  %y = linalg.matmul ins(%x, %w : tensor<1x2xbf16>, tensor<2x2xbf16>) outs(%acc : tensor<1x2xbf16>) -> tensor<1x2xbf16>
  return %y : tensor<1x2xbf16>
}
{-#
  dialect_resources: {
    builtin: {
      weight_bf16: "0x02000000803F004080C0003F"
    }
  }
#-}
