// RUN: sqz-opt %s --split-input-file --sqz-vectorize="lower-contractions=0" | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-vectorize | FileCheck %s --check-prefix=LOWER
// RUN: sqz-opt %s --split-input-file --sqz-vectorize="reductions=0" | FileCheck %s --check-prefix=NORED

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

// A row sum: one row at a time, 16 partial sums carried through the loop
// over the row in a register, merged once per row with the row's initial
// value by one vector.reduction.
// CHECK-LABEL: func.func @row_sum
//       CHECK:   scf.for {{.*}} to %c4 step %c1
//       CHECK:     %[[PART:.*]] = scf.for {{.*}} to %c64 step %c16 iter_args(%[[ACC:.*]] = %{{.*}}) -> (vector<1x16xf32>)
//       CHECK:       %[[X:.*]] = vector.transfer_read {{.*}} : tensor<1x16xf32>, vector<1x16xf32>
//       CHECK:       %[[S:.*]] = arith.addf %[[ACC]], %[[X]] : vector<1x16xf32>
//       CHECK:       scf.yield %[[S]] : vector<1x16xf32>
//       CHECK:     %[[LANES:.*]] = vector.extract %[[PART]][0] : vector<16xf32> from vector<1x16xf32>
//       CHECK:     vector.reduction <add>, %[[LANES]], %{{.*}} : vector<16xf32> into f32
//   CHECK-NOT:   linalg.generic
// LOWER-LABEL: func.func @row_sum
// NORED-LABEL: func.func @row_sum
//   NORED-NOT:   vector.
//       NORED:   linalg.generic
//  NORED-SAME:     iterator_types = ["parallel", "reduction"]
func.func @row_sum(%x: tensor<4x64xf32>, %acc: tensor<4xf32>) -> tensor<4xf32> {
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

// Softmax's row max as torch-mlir leaves it: the statistic keeps a unit dim
// (output map `(i, j) -> (i, 0)`), which is dropped first (the vectorizer
// writes an output through the inverse of its map); then the exp step reads
// it broadcast along the row (a constant 0 in an input map).
// CHECK-LABEL: func.func @softmax_max_exp
//       CHECK:   tensor.collapse_shape {{.*}} tensor<4x1xf32> into tensor<4xf32>
//       CHECK:   scf.for {{.*}} to %c128 step %c16 iter_args({{.*}}) -> (vector<1x16xf32>)
//       CHECK:     arith.maximumf {{.*}} : vector<1x16xf32>
//       CHECK:   vector.reduction <maximumf>
//       CHECK:   tensor.expand_shape {{.*}} tensor<4xf32> into tensor<4x1xf32>
//       CHECK:   vector.transfer_read {{.*}} permutation_map = #{{.*}}} : tensor<1x1xf32>, vector<1x16xf32>
//       CHECK:   math.exp {{.*}} : vector<1x16xf32>
//   CHECK-NOT:   linalg.generic
func.func @softmax_max_exp(%x: tensor<4x128xf32>, %m0: tensor<4x1xf32>) -> tensor<4x128xf32> {
  %m = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, 0)>],
      iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<4x128xf32>) outs(%m0 : tensor<4x1xf32>) {
  ^bb0(%in: f32, %out: f32):
    %r = arith.maximumf %in, %out : f32
    linalg.yield %r : f32
  } -> tensor<4x1xf32>
  %e = tensor.empty() : tensor<4x128xf32>
  %p = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, 0)>,
                       affine_map<(i, j) -> (i, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%x, %m : tensor<4x128xf32>, tensor<4x1xf32>) outs(%e : tensor<4x128xf32>) {
  ^bb0(%in: f32, %mm: f32, %out: f32):
    %s = arith.subf %in, %mm : f32
    %r = math.exp %s : f32
    linalg.yield %r : f32
  } -> tensor<4x128xf32>
  return %p : tensor<4x128xf32>
}

// -----

// Dynamic quantization's row min and max: two outputs, one loop, both
// partial results in registers.
// CHECK-LABEL: func.func @row_min_max
//       CHECK:   scf.for {{.*}} to %c384 step %c16 iter_args({{.*}}, {{.*}}) -> (vector<1x16xf32>, vector<1x16xf32>)
//   CHECK-DAG:     arith.minimumf {{.*}} : vector<1x16xf32>
//   CHECK-DAG:     arith.maximumf {{.*}} : vector<1x16xf32>
//   CHECK-DAG:   vector.reduction <minimumf>
//   CHECK-DAG:   vector.reduction <maximumf>
func.func @row_min_max(%x: tensor<8x384xf32>, %lo: tensor<8xf32>, %hi: tensor<8xf32>) -> (tensor<8xf32>, tensor<8xf32>) {
  %r:2 = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>,
                       affine_map<(i, j) -> (i)>],
      iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<8x384xf32>) outs(%lo, %hi : tensor<8xf32>, tensor<8xf32>) {
  ^bb0(%in: f32, %l: f32, %h: f32):
    %a = arith.minimumf %in, %l : f32
    %b = arith.maximumf %in, %h : f32
    linalg.yield %a, %b : f32, f32
  } -> (tensor<8xf32>, tensor<8xf32>)
  return %r#0, %r#1 : tensor<8xf32>, tensor<8xf32>
}

// -----

// Left to the loop path: a row whose length (20) has no divisor from 16 up
// (a tile of 10 lanes), and a contraction with B as [N, K]: it reduces the
// innermost loop contiguously too, but from two operands indexed by
// different parallel loops, and it keeps summing in order.
// CHECK-LABEL: func.func @negative_short_row
//   CHECK-NOT:   vector.
//       CHECK:   linalg.generic
//  CHECK-SAME:     iterator_types = ["parallel", "reduction"]
func.func @negative_short_row(%x: tensor<4x20xf32>, %acc: tensor<4xf32>) -> tensor<4xf32> {
  %r = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i)>],
      iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<4x20xf32>) outs(%acc : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %out, %in : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// CHECK-LABEL: func.func @negative_matmul_nk
//   CHECK-NOT:   vector.
//       CHECK:   linalg.generic
//  CHECK-SAME:     iterator_types = ["parallel", "parallel", "reduction"]
func.func @negative_matmul_nk(%a: tensor<4x64xf32>, %b: tensor<32x64xf32>, %c: tensor<4x32xf32>) -> tensor<4x32xf32> {
  %r = linalg.generic {
      indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>,
                       affine_map<(m, n, k) -> (m, n)>],
      iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%a, %b : tensor<4x64xf32>, tensor<32x64xf32>) outs(%c : tensor<4x32xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %o, %p : f32
    linalg.yield %s : f32
  } -> tensor<4x32xf32>
  return %r : tensor<4x32xf32>
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
