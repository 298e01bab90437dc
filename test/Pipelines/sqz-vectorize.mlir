// RUN: sqz-opt %s --split-input-file --sqz-vectorize="lower-contractions=0" | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-vectorize | FileCheck %s --check-prefix=LOWER

// A float matmul: 8x32 register tiles, k one at a time; the accumulator tile
// is read before the k loop, carried through it as a vector and written after.
// CHECK-LABEL: func.func @matmul_f32
//       CHECK:   scf.for {{.*}} step %c8
//       CHECK:     scf.for {{.*}} step %c32
//       CHECK:       %[[INIT:.*]] = vector.transfer_read {{.*}} : tensor<8x32xf32>, vector<8x32xf32>
//       CHECK:       %[[SUM:.*]] = scf.for {{.*}} iter_args(%[[ACC:.*]] = %[[INIT]]) -> (vector<8x32xf32>)
//       CHECK:         %[[A:.*]] = vector.transfer_read {{.*}} : tensor<8x1xf32>, vector<8x1xf32>
//       CHECK:         %[[B:.*]] = vector.transfer_read {{.*}} : tensor<1x32xf32>, vector<1x32xf32>
//       CHECK:         %[[C:.*]] = vector.contract {{.*}} %[[A]], %[[B]], %[[ACC]] : vector<8x1xf32>, vector<1x32xf32> into vector<8x32xf32>
//       CHECK:         scf.yield %[[C]]
//       CHECK:       vector.transfer_write %[[SUM]], {{.*}} : vector<8x32xf32>, tensor<8x32xf32>
//   CHECK-NOT:   linalg.matmul
// Lowered: a multiply and an add per step of k, as in the scalar loops (no
// fused multiply-add, which would round differently).
// LOWER-LABEL: func.func @matmul_f32
//       LOWER:   scf.for {{.*}} -> (vector<8x32xf32>)
//       LOWER:     %[[P:.*]] = arith.mulf %{{.*}}, %{{.*}} : vector<8x32xf32>
//       LOWER:     arith.addf %{{.*}}, %[[P]] : vector<8x32xf32>
//   LOWER-NOT:   vector.fma
//   LOWER-NOT:   vector.contract
func.func @matmul_f32(%a: tensor<16x64xf32>, %b: tensor<64x64xf32>,
                      %c: tensor<16x64xf32>) -> tensor<16x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<16x64xf32>, tensor<64x64xf32>)
                     outs(%c : tensor<16x64xf32>) -> tensor<16x64xf32>
  return %r : tensor<16x64xf32>
}

// -----

// Attention's P V over batch and heads (two batch loops, as the elementwise
// fusion leaves it): one batch element at a time, the same 8x32 register
// tiles of multiply and add as a plain matmul.
// CHECK-LABEL: func.func @batch_heads_pv
//       CHECK:   scf.for {{.*}} step %c1
//       CHECK:     scf.for {{.*}} step %c1
//       CHECK:       scf.for {{.*}} step %c8
//       CHECK:         scf.for {{.*}} iter_args({{.*}}) -> (vector<1x1x8x32xf32>)
//       CHECK:           vector.contract {{.*}} : vector<1x1x8x1xf32>, vector<1x1x1x32xf32> into vector<1x1x8x32xf32>
// LOWER-LABEL: func.func @batch_heads_pv
//       LOWER:   %[[BP:.*]] = arith.mulf %{{.*}}, %{{.*}} : vector<1x1x8x32xf32>
//       LOWER:   arith.addf %{{.*}}, %[[BP]] : vector<1x1x8x32xf32>
//   LOWER-NOT:   vector.contract
func.func @batch_heads_pv(%p: tensor<2x3x16x64xf32>, %v: tensor<2x3x64x32xf32>,
                          %c: tensor<2x3x16x32xf32>) -> tensor<2x3x16x32xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(b, h, m, n, k) -> (b, h, m, k)>,
                                        affine_map<(b, h, m, n, k) -> (b, h, k, n)>,
                                        affine_map<(b, h, m, n, k) -> (b, h, m, n)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
      ins(%p, %v : tensor<2x3x16x64xf32>, tensor<2x3x64x32xf32>) outs(%c : tensor<2x3x16x32xf32>) {
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<2x3x16x32xf32>
  return %r : tensor<2x3x16x32xf32>
}

// -----

// int8 x int8 -> int32: 4x64 tiles; the sign extensions are folded into a
// mixed-type vector.contract that accumulates in i32.
// CHECK-LABEL: func.func @matmul_i8
//       CHECK:   scf.for {{.*}} -> (vector<4x64xi32>)
//   CHECK-NOT:     arith.extsi
//       CHECK:     vector.contract {{.*}} : vector<4x1xi8>, vector<1x64xi8> into vector<4x64xi32>
//   CHECK-NOT:   linalg.generic
// Lowered: outer products in i32 (sign-extend, multiply, add); no float.
// LOWER-LABEL: func.func @matmul_i8
//       LOWER:   scf.for {{.*}} -> (vector<4x64xi32>)
//       LOWER:     %[[BX:.*]] = arith.extsi %{{.*}} : vector<64xi8> to vector<64xi32>
//       LOWER:     %[[P:.*]] = arith.muli %{{.*}}, %[[BX]] : vector<64xi32>
//       LOWER:     arith.addi %[[P]], %{{.*}} : vector<64xi32>
//   LOWER-NOT:   {{sitofp|mulf|vector.contract}}
func.func @matmul_i8(%a: tensor<8x32xi8>, %b: tensor<32x128xi8>,
                     %c: tensor<8x128xi32>) -> tensor<8x128xi32> {
  %r = linalg.generic {
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                       affine_map<(m, n, k) -> (k, n)>,
                       affine_map<(m, n, k) -> (m, n)>],
      iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<8x32xi8>, tensor<32x128xi8>)
      outs(%c : tensor<8x128xi32>) {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %xe = arith.extsi %x : i8 to i32
    %ye = arith.extsi %y : i8 to i32
    %p = arith.muli %xe, %ye : i32
    %s = arith.addi %acc, %p : i32
    linalg.yield %s : i32
  } -> tensor<8x128xi32>
  return %r : tensor<8x128xi32>
}

// -----

// An elementwise op with a broadcast operand: 1x16 tiles.
// CHECK-LABEL: func.func @bias_add
//       CHECK:   scf.for {{.*}} step %c1
//       CHECK:     scf.for {{.*}} step %c16
//       CHECK:       %[[X:.*]] = vector.transfer_read {{.*}} : tensor<1x16xf32>, vector<1x16xf32>
//       CHECK:       %[[B:.*]] = vector.transfer_read {{.*}} : tensor<16xf32>, vector<16xf32>
//       CHECK:       %[[BB:.*]] = vector.broadcast %[[B]] : vector<16xf32> to vector<1x16xf32>
//       CHECK:       %[[S:.*]] = arith.addf %[[X]], %[[BB]] : vector<1x16xf32>
//       CHECK:       vector.transfer_write %[[S]], {{.*}} : vector<1x16xf32>, tensor<1x16xf32>
//   CHECK-NOT:   linalg.generic
func.func @bias_add(%x: tensor<4x64xf32>, %b: tensor<64xf32>) -> tensor<4x64xf32> {
  %e = tensor.empty() : tensor<4x64xf32>
  %r = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (j)>,
                       affine_map<(i, j) -> (i, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%x, %b : tensor<4x64xf32>, tensor<64xf32>)
      outs(%e : tensor<4x64xf32>) {
  ^bb0(%in: f32, %bias: f32, %out: f32):
    %s = arith.addf %in, %bias : f32
    linalg.yield %s : f32
  } -> tensor<4x64xf32>
  return %r : tensor<4x64xf32>
}

// -----

// Left to the loop path: a row reduction (neither a matmul nor elementwise),
// a transposing copy (the input does not read the innermost loop
// contiguously), a matmul whose n (37) has no divisor from 16 to 32 (the
// tile would be one column wide), and a dynamic shape.
// CHECK-LABEL: func.func @negative_row_sum
//   CHECK-NOT:   vector.
//       CHECK:   linalg.generic
//  CHECK-SAME:     iterator_types = ["parallel", "reduction"]
//   CHECK-NOT:   vector.
func.func @negative_row_sum(%x: tensor<4x64xf32>, %acc: tensor<4xf32>) -> tensor<4xf32> {
  %r = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>],
      iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<4x64xf32>) outs(%acc : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %out, %in : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @negative_transpose
//   CHECK-NOT:   vector.
//       CHECK:   linalg.transpose
func.func @negative_transpose(%x: tensor<64x32xf32>, %e: tensor<32x64xf32>) -> tensor<32x64xf32> {
  %r = linalg.transpose ins(%x : tensor<64x32xf32>) outs(%e : tensor<32x64xf32>)
                        permutation = [1, 0]
  return %r : tensor<32x64xf32>
}

// -----

// CHECK-LABEL: func.func @negative_odd_matmul
//   CHECK-NOT:   vector.
//       CHECK:   linalg.matmul
func.func @negative_odd_matmul(%a: tensor<16x64xf32>, %b: tensor<64x37xf32>,
                               %c: tensor<16x37xf32>) -> tensor<16x37xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<16x64xf32>, tensor<64x37xf32>)
                     outs(%c : tensor<16x37xf32>) -> tensor<16x37xf32>
  return %r : tensor<16x37xf32>
}

// -----

// CHECK-LABEL: func.func @negative_dynamic
//   CHECK-NOT:   vector.
//       CHECK:   linalg.matmul
func.func @negative_dynamic(%a: tensor<?x64xf32>, %b: tensor<64x64xf32>,
                            %c: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<?x64xf32>, tensor<64x64xf32>)
                     outs(%c : tensor<?x64xf32>) -> tensor<?x64xf32>
  return %r : tensor<?x64xf32>
}

// -----

// Left to the loop path: ops on sub-byte elements (i4 here; i2 and i1 alike).
// The scalar loops store a memref of i4 one element a byte, a vector<16xi4>
// transfer 8 bytes of packed elements: mixed, they read other bytes than
// were written (the decompressed codes of a sparse int4 weight: a vectorized
// fill, then scalar inserts, then a vectorized sign extension).
// CHECK-LABEL: func.func @negative_fill_i4
//   CHECK-NOT:   vector.
//       CHECK:   linalg.fill ins(%{{.*}} : i4) outs(%{{.*}} : tensor<4x64xi4>)
//   CHECK-NOT:   vector.
func.func @negative_fill_i4(%e: tensor<4x64xi4>) -> tensor<4x64xi4> {
  %zero = arith.constant 0 : i4
  %r = linalg.fill ins(%zero : i4) outs(%e : tensor<4x64xi4>) -> tensor<4x64xi4>
  return %r : tensor<4x64xi4>
}

// -----

// CHECK-LABEL: func.func @negative_extend_i4
//   CHECK-NOT:   vector.
//       CHECK:   linalg.generic
//       CHECK:     arith.extsi %{{.*}} : i4 to i32
//   CHECK-NOT:   vector.
func.func @negative_extend_i4(%x: tensor<4x64xi4>) -> tensor<4x64xi32> {
  %e = tensor.empty() : tensor<4x64xi32>
  %r = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x64xi4>) outs(%e : tensor<4x64xi32>) {
  ^bb0(%in: i4, %out: i32):
    %w = arith.extsi %in : i4 to i32
    linalg.yield %w : i32
  } -> tensor<4x64xi32>
  return %r : tensor<4x64xi32>
}

// -----

// An i4 tensor read inside the body (it would become a vector load or
// gather of packed elements).
// CHECK-LABEL: func.func @negative_extract_i4
//   CHECK-NOT:   vector.
//       CHECK:   linalg.generic
//       CHECK:     tensor.extract %{{.*}} : tensor<64xi4>
//   CHECK-NOT:   vector.
func.func @negative_extract_i4(%codes: tensor<64xi4>, %x: tensor<4x64xi32>) -> tensor<4x64xi32> {
  %e = tensor.empty() : tensor<4x64xi32>
  %r = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x64xi32>) outs(%e : tensor<4x64xi32>) {
  ^bb0(%in: i32, %out: i32):
    %j = linalg.index 1 : index
    %c = tensor.extract %codes[%j] : tensor<64xi4>
    %w = arith.extsi %c : i4 to i32
    %p = arith.muli %in, %w : i32
    linalg.yield %p : i32
  } -> tensor<4x64xi32>
  return %r : tensor<4x64xi32>
}

// -----

// The same sign extension of i8 codes is vectorized.
// CHECK-LABEL: func.func @extend_i8
//       CHECK:   vector.transfer_read {{.*}} : tensor<1x16xi8>, vector<1x16xi8>
//       CHECK:   arith.extsi %{{.*}} : vector<1x16xi8> to vector<1x16xi32>
//   CHECK-NOT:   linalg.generic
func.func @extend_i8(%x: tensor<4x64xi8>) -> tensor<4x64xi32> {
  %e = tensor.empty() : tensor<4x64xi32>
  %r = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x64xi8>) outs(%e : tensor<4x64xi32>) {
  ^bb0(%in: i8, %out: i32):
    %w = arith.extsi %in : i8 to i32
    linalg.yield %w : i32
  } -> tensor<4x64xi32>
  return %r : tensor<4x64xi32>
}
