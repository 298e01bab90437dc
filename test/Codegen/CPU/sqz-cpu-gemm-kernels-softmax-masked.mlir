// Attention's scores under a softmax: x times (or divided by) a constant
// plus a mask, as torch's scaled dot-product attention computes them. Where
// the softmax is the only reader of the scores, the scaling and the mask go
// into the masked softmax kernel: it reads x and the mask, and the scores
// are never stored. The mask may be broadcast over one run of leading
// dimensions (the heads; the heads and the query rows); its rows are then
// shared, [outer, broadcast, inner] giving the broadcast and inner counts.
// The scaling and the mask may sit in two ops or one, and either may come
// alone (scale 1, or a mask of 0 rows). Anything else keeps the plain
// kernel on the computed scores: scores read elsewhere, a mask broadcast
// over two separate runs, a scale that is not a constant, fast-math flags
// that would let the reference round otherwise.
// (sqz-kernel-check checks the kernel bit for bit against the plain one on
// scores computed apart.)
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver4 | FileCheck %s

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#heads = affine_map<(d0, d1, d2, d3) -> (d0, 0, d2, d3)>

// CHECK-LABEL: func.func @sdpa_scores(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4x8xf32>, %[[MASK:[^:]*]]: tensor<2x1x4x8xf32>)
// CHECK: %[[MROWS:.*]] = tensor.collapse_shape %[[MASK]] {{\[\[}}0, 1, 2], [3]] : tensor<2x1x4x8xf32> into tensor<8x8xf32>
// CHECK-NEXT: %[[SCALE:.*]] = arith.constant 0.176776692 : f32
// CHECK-NEXT: %[[MUL:.*]] = arith.constant 0 : i64
// CHECK-NEXT: %[[HEADS:.*]] = arith.constant 3 : i64
// CHECK-NEXT: %[[INNER:.*]] = arith.constant 4 : i64
// CHECK-NEXT: %[[ROWS:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1, 2], [3]] : tensor<2x3x4x8xf32> into tensor<24x8xf32>
// CHECK: call @sqz_cpu_softmax_rows_masked_f32_avx512({{.*}}, {{.*}}, {{.*}}, %[[SCALE]], %[[MUL]], %[[HEADS]], %[[INNER]], {{.*}})
// CHECK-NOT: linalg.generic
// CHECK-NOT: linalg.softmax
// CHECK: func.func private @sqz_cpu_softmax_rows_masked_f32_avx512(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, f32, i64, i64, i64, i64) attributes {llvm.emit_c_interface}
func.func @sdpa_scores(%x: tensor<2x3x4x8xf32>, %mask: tensor<2x1x4x8xf32>) -> tensor<2x3x4x8xf32> {
  %scale = arith.constant 0.17677669529663689 : f64
  %e = tensor.empty() : tensor<2x3x4x8xf32>
  %scaled = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.truncf %scale : f64 to f32
    %v = arith.mulf %in, %s : f32
    linalg.yield %v : f32
  } -> tensor<2x3x4x8xf32>
  %scores = linalg.generic {indexing_maps = [#id, #heads, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%scaled, %mask : tensor<2x3x4x8xf32>, tensor<2x1x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) {
  ^bb0(%in: f32, %in_1: f32, %out: f32):
    %v = arith.addf %in, %in_1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x4x8xf32>
  %y = linalg.softmax dimension(3) ins(%scores : tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) -> tensor<2x3x4x8xf32>
  return %y : tensor<2x3x4x8xf32>
}

// -----

// One op divides and adds a mask shared by every batch element and head
// (rows [1, 6, 4]: 6 broadcast, 4 inner).
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#shared = affine_map<(d0, d1, d2, d3) -> (0, 0, d2, d3)>

// CHECK-LABEL: func.func @divided_shared_mask(
// CHECK: tensor.collapse_shape {{.*}} : tensor<1x1x4x8xf32> into tensor<4x8xf32>
// CHECK-NEXT: %[[SCALE:.*]] = arith.constant 8.000000e+00 : f32
// CHECK-NEXT: %[[DIV:.*]] = arith.constant 1 : i64
// CHECK-NEXT: %[[HEADS:.*]] = arith.constant 6 : i64
// CHECK-NEXT: %[[INNER:.*]] = arith.constant 4 : i64
// CHECK: call @sqz_cpu_softmax_rows_masked_f32_avx512({{.*}}, {{.*}}, {{.*}}, %[[SCALE]], %[[DIV]], %[[HEADS]], %[[INNER]], {{.*}})
// CHECK-NOT: linalg.generic
func.func @divided_shared_mask(%x: tensor<2x3x4x8xf32>, %mask: tensor<1x1x4x8xf32>) -> tensor<2x3x4x8xf32> {
  %eight = arith.constant 8.0 : f32
  %e = tensor.empty() : tensor<2x3x4x8xf32>
  %scores = linalg.generic {indexing_maps = [#shared, #id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%mask, %x : tensor<1x1x4x8xf32>, tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) {
  ^bb0(%m: f32, %in: f32, %out: f32):
    %d = arith.divf %in, %eight : f32
    %v = arith.addf %m, %d : f32
    linalg.yield %v : f32
  } -> tensor<2x3x4x8xf32>
  %y = linalg.softmax dimension(3) ins(%scores : tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) -> tensor<2x3x4x8xf32>
  return %y : tensor<2x3x4x8xf32>
}

// -----

// A scaling alone: a mask of 0 rows. A mask per sequence alone (broadcast
// over heads and query rows, [2, 12, 1]): scale 1.
#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#sequence = affine_map<(d0, d1, d2) -> (d0, 0, d2)>

// CHECK-LABEL: func.func @scaled_only(
// CHECK: %[[NONE:.*]] = tensor.empty() : tensor<0x16xf32>
// CHECK-NEXT: %[[SCALE:.*]] = arith.constant 2.500000e-01 : f32
// CHECK-NEXT: %[[MUL:.*]] = arith.constant 0 : i64
// CHECK-NEXT: %[[HEADS:.*]] = arith.constant 1 : i64
// CHECK-NEXT: %[[INNER:.*]] = arith.constant 1 : i64
// CHECK: %[[M:.*]] = bufferization.to_buffer %[[NONE]]
// CHECK: call @sqz_cpu_softmax_rows_masked_f32_avx512({{.*}}, {{.*}}, {{.*}}, %[[SCALE]], %[[MUL]], %[[HEADS]], %[[INNER]], {{.*}})
// CHECK-NOT: linalg.generic
func.func @scaled_only(%x: tensor<2x12x16xf32>) -> tensor<2x12x16xf32> {
  %quarter = arith.constant 0.25 : f32
  %e = tensor.empty() : tensor<2x12x16xf32>
  %scores = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<2x12x16xf32>) outs(%e : tensor<2x12x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = arith.mulf %quarter, %in : f32
    linalg.yield %v : f32
  } -> tensor<2x12x16xf32>
  %y = linalg.softmax dimension(2) ins(%scores : tensor<2x12x16xf32>) outs(%e : tensor<2x12x16xf32>) -> tensor<2x12x16xf32>
  return %y : tensor<2x12x16xf32>
}

// CHECK-LABEL: func.func @mask_only(
// CHECK: tensor.collapse_shape {{.*}} : tensor<2x1x16xf32> into tensor<2x16xf32>
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: arith.constant 0 : i64
// CHECK-NEXT: %[[HEADS:.*]] = arith.constant 12 : i64
// CHECK-NEXT: %[[INNER:.*]] = arith.constant 1 : i64
// CHECK: call @sqz_cpu_softmax_rows_masked_f32_avx512({{.*}}, {{.*}}, {{.*}}, %[[ONE]], {{.*}}, %[[HEADS]], %[[INNER]], {{.*}})
// CHECK-NOT: linalg.generic
func.func @mask_only(%x: tensor<2x12x16xf32>, %mask: tensor<2x1x16xf32>) -> tensor<2x12x16xf32> {
  %e = tensor.empty() : tensor<2x12x16xf32>
  %scores = linalg.generic {indexing_maps = [#id, #sequence, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x, %mask : tensor<2x12x16xf32>, tensor<2x1x16xf32>) outs(%e : tensor<2x12x16xf32>) {
  ^bb0(%in: f32, %m: f32, %out: f32):
    %v = arith.addf %in, %m : f32
    linalg.yield %v : f32
  } -> tensor<2x12x16xf32>
  %y = linalg.softmax dimension(2) ins(%scores : tensor<2x12x16xf32>) outs(%e : tensor<2x12x16xf32>) -> tensor<2x12x16xf32>
  return %y : tensor<2x12x16xf32>
}

// -----

// What stays on the plain kernel, the scores computed by their own op:
// scores also returned, a mask broadcast over two separate runs of
// dimensions, a run-time scale, a multiplication with fast-math flags.
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#split = affine_map<(d0, d1, d2, d3) -> (0, d1, 0, d3)>

// CHECK-LABEL: func.func @scores_read_twice(
// CHECK: linalg.generic
// CHECK: call @sqz_cpu_softmax_rows_f32_avx512(
func.func @scores_read_twice(%x: tensor<2x3x4x8xf32>) -> (tensor<2x3x4x8xf32>, tensor<2x3x4x8xf32>) {
  %eight = arith.constant 8.0 : f32
  %e = tensor.empty() : tensor<2x3x4x8xf32>
  %scores = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = arith.mulf %in, %eight : f32
    linalg.yield %v : f32
  } -> tensor<2x3x4x8xf32>
  %y = linalg.softmax dimension(3) ins(%scores : tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) -> tensor<2x3x4x8xf32>
  return %y, %scores : tensor<2x3x4x8xf32>, tensor<2x3x4x8xf32>
}

// CHECK-LABEL: func.func @mask_broadcast_twice(
// CHECK: linalg.generic
// CHECK: call @sqz_cpu_softmax_rows_f32_avx512(
func.func @mask_broadcast_twice(%x: tensor<2x3x4x8xf32>, %mask: tensor<1x3x1x8xf32>) -> tensor<2x3x4x8xf32> {
  %e = tensor.empty() : tensor<2x3x4x8xf32>
  %scores = linalg.generic {indexing_maps = [#id, #split, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x, %mask : tensor<2x3x4x8xf32>, tensor<1x3x1x8xf32>) outs(%e : tensor<2x3x4x8xf32>) {
  ^bb0(%in: f32, %m: f32, %out: f32):
    %v = arith.addf %in, %m : f32
    linalg.yield %v : f32
  } -> tensor<2x3x4x8xf32>
  %y = linalg.softmax dimension(3) ins(%scores : tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) -> tensor<2x3x4x8xf32>
  return %y : tensor<2x3x4x8xf32>
}

// CHECK-LABEL: func.func @runtime_scale(
// CHECK: linalg.generic
// CHECK: call @sqz_cpu_softmax_rows_f32_avx512(
func.func @runtime_scale(%x: tensor<2x3x4x8xf32>, %scale: f32) -> tensor<2x3x4x8xf32> {
  %e = tensor.empty() : tensor<2x3x4x8xf32>
  %scores = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = arith.mulf %in, %scale : f32
    linalg.yield %v : f32
  } -> tensor<2x3x4x8xf32>
  %y = linalg.softmax dimension(3) ins(%scores : tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) -> tensor<2x3x4x8xf32>
  return %y : tensor<2x3x4x8xf32>
}

// CHECK-LABEL: func.func @fast_math(
// CHECK: linalg.generic
// CHECK: call @sqz_cpu_softmax_rows_f32_avx512(
func.func @fast_math(%x: tensor<2x3x4x8xf32>, %mask: tensor<2x3x4x8xf32>) -> tensor<2x3x4x8xf32> {
  %eight = arith.constant 8.0 : f32
  %e = tensor.empty() : tensor<2x3x4x8xf32>
  %scores = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x, %mask : tensor<2x3x4x8xf32>, tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) {
  ^bb0(%in: f32, %m: f32, %out: f32):
    %s = arith.mulf %in, %eight fastmath<contract> : f32
    %v = arith.addf %s, %m fastmath<contract> : f32
    linalg.yield %v : f32
  } -> tensor<2x3x4x8xf32>
  %y = linalg.softmax dimension(3) ins(%scores : tensor<2x3x4x8xf32>) outs(%e : tensor<2x3x4x8xf32>) -> tensor<2x3x4x8xf32>
  return %y : tensor<2x3x4x8xf32>
}
