// The dequantization that sqz-fold-scales leaves after a W8A8 layer's i32
// product, `sitofp(acc) * (row scale * column scale) (+ bias)` with run-time
// row scales and constant column scales and bias, runs inside the int8
// kernel on its sums (gemm_s8_scaled_*): one call yields the f32 result.
// Other epilogues stay after a plain int8 call.
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver3 | FileCheck %s --check-prefixes=CHECK,AVX2
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver4 | FileCheck %s --check-prefixes=CHECK,VNNI

#mk = affine_map<(m, n, k) -> (m, k)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>

// Row scales, column scales and a bias: the scales and the bias become
// padded globals, the row scales a read-only buffer; the result is the
// call's f32 buffer.
// AVX2: memref.global "private" constant @__sqz_bias : memref<16xf32>
// AVX2: memref.global "private" constant @__sqz_column_scales : memref<16xf32>
// VNNI: memref.global "private" constant @__sqz_bias : memref<64xf32>
// VNNI: memref.global "private" constant @__sqz_column_scales : memref<64xf32>
// CHECK-LABEL: func.func @with_bias(
// CHECK-SAME: %[[X:.*]]: tensor<4x3xi8>, %[[S:.*]]: tensor<4xf32>)
// CHECK-NOT: linalg.generic
// CHECK: %[[ROWS:.*]] = bufferization.to_buffer %[[S]] read_only
// CHECK: %[[RCAST:.*]] = memref.cast %[[ROWS]] {{.*}} to memref<?xf32, strided<[?], offset: ?>>
// CHECK: %[[B:.*]] = memref.get_global @__sqz_bias
// CHECK: %[[BCAST:.*]] = memref.cast %[[B]] {{.*}} to memref<?xf32>
// CHECK: %[[C:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4x2xf32>
// AVX2: call @sqz_cpu_gemm_s8_scaled_avx2({{.*}}, %[[BCAST]], %[[RCAST]], %{{.*}})
// VNNI: call @sqz_cpu_gemm_s8_scaled_avx512vnni({{.*}}, %[[BCAST]], %[[RCAST]], %{{.*}})
// CHECK-NOT: linalg.generic
// CHECK: %[[Y:.*]] = bufferization.to_tensor %[[C]]
// CHECK: return %[[Y]]
// CHECK: __sqz_bias: "0x400000000000803F000000C0{{(00000000){14}()}}
// CHECK: __sqz_column_scales: "0x400000000000003F0000803E{{(00000000){14}()}}
func.func @with_bias(%x: tensor<4x3xi8>, %s: tensor<4xf32>) -> tensor<4x2xf32> {
  %w = arith.constant dense<[[1, -2, 3], [-4, 5, -6]]> : tensor<2x3xi8>
  %cs = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %b = arith.constant dense<[1.0, -2.0]> : tensor<2xf32>
  %zero = arith.constant 0 : i32
  %e = tensor.empty() : tensor<4x2xi32>
  %f = linalg.fill ins(%zero : i32) outs(%e : tensor<4x2xi32>) -> tensor<4x2xi32>
  %acc = linalg.generic {indexing_maps = [#mk, #nk, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<4x3xi8>, tensor<2x3xi8>) outs(%f : tensor<4x2xi32>) {
  ^bb0(%a: i8, %c: i8, %o: i32):
    %a32 = arith.extsi %a : i8 to i32
    %c32 = arith.extsi %c : i8 to i32
    %p = arith.muli %a32, %c32 : i32
    %sum = arith.addi %o, %p : i32
    linalg.yield %sum : i32
  } -> tensor<4x2xi32>
  %ye = tensor.empty() : tensor<4x2xf32>
  %y = linalg.generic {indexing_maps = [#id, #row, #col, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%acc, %s, %cs, %b : tensor<4x2xi32>, tensor<4xf32>, tensor<2xf32>, tensor<2xf32>) outs(%ye : tensor<4x2xf32>) {
  ^bb0(%in: i32, %r: f32, %c: f32, %bias: f32, %o: f32):
    %fl = arith.sitofp %in : i32 to f32
    %sc = arith.mulf %r, %c : f32
    %v = arith.mulf %fl, %sc : f32
    %w2 = arith.addf %v, %bias : f32
    linalg.yield %w2 : f32
  } -> tensor<4x2xf32>
  return %y : tensor<4x2xf32>
}

// -----

#mk = affine_map<(m, n, k) -> (m, k)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>

// No bias, operands in the other orders: an empty bias buffer.
// CHECK-LABEL: func.func @no_bias(
// CHECK: %[[NONE:.*]] = memref.alloca() : memref<0xf32>
// CHECK: %[[EMPTY:.*]] = memref.cast %[[NONE]] : memref<0xf32> to memref<?xf32>
// AVX2: call @sqz_cpu_gemm_s8_scaled_avx2({{.*}}, %[[EMPTY]], %{{.*}}, %{{.*}})
// VNNI: call @sqz_cpu_gemm_s8_scaled_avx512vnni({{.*}}, %[[EMPTY]], %{{.*}}, %{{.*}})
// CHECK-NOT: linalg.generic
func.func @no_bias(%x: tensor<4x3xi8>, %s: tensor<4xf32>) -> tensor<4x2xf32> {
  %w = arith.constant dense<[[1, -2, 3], [-4, 5, -6]]> : tensor<2x3xi8>
  %cs = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %zero = arith.constant 0 : i32
  %e = tensor.empty() : tensor<4x2xi32>
  %f = linalg.fill ins(%zero : i32) outs(%e : tensor<4x2xi32>) -> tensor<4x2xi32>
  %acc = linalg.generic {indexing_maps = [#mk, #nk, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<4x3xi8>, tensor<2x3xi8>) outs(%f : tensor<4x2xi32>) {
  ^bb0(%a: i8, %c: i8, %o: i32):
    %a32 = arith.extsi %a : i8 to i32
    %c32 = arith.extsi %c : i8 to i32
    %p = arith.muli %a32, %c32 : i32
    %sum = arith.addi %o, %p : i32
    linalg.yield %sum : i32
  } -> tensor<4x2xi32>
  %ye = tensor.empty() : tensor<4x2xf32>
  %y = linalg.generic {indexing_maps = [#col, #id, #row, #id], iterator_types = ["parallel", "parallel"]}
      ins(%cs, %acc, %s : tensor<2xf32>, tensor<4x2xi32>, tensor<4xf32>) outs(%ye : tensor<4x2xf32>) {
  ^bb0(%c: f32, %in: i32, %r: f32, %o: f32):
    %fl = arith.sitofp %in : i32 to f32
    %sc = arith.mulf %c, %r : f32
    %v = arith.mulf %sc, %fl : f32
    linalg.yield %v : f32
  } -> tensor<4x2xf32>
  return %y : tensor<4x2xf32>
}

// -----

#mk = affine_map<(m, n, k) -> (m, k)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>

// More than the dequantization (a ReLU), column scales that are not
// constants, a product that is read twice, and a scale that is no row
// scale times a column scale (two column vectors): the plain int8 call,
// the epilogue after it.
// CHECK-LABEL: func.func @not_fused(
// AVX2-COUNT-4: call @sqz_cpu_gemm_s8_avx2(
// VNNI-COUNT-4: call @sqz_cpu_gemm_s8_avx512vnni(
// CHECK-NOT: gemm_s8_scaled
func.func @not_fused(%x: tensor<4x3xi8>, %s: tensor<4xf32>, %dyn: tensor<2xf32>) -> (tensor<4x2xf32>, tensor<4x2xf32>, tensor<4x2xf32>, tensor<4x2xi32>, tensor<4x2xf32>) {
  %w = arith.constant dense<[[1, -2, 3], [-4, 5, -6]]> : tensor<2x3xi8>
  %cs = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %zero = arith.constant 0 : i32
  %fz = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x2xi32>
  %f = linalg.fill ins(%zero : i32) outs(%e : tensor<4x2xi32>) -> tensor<4x2xi32>
  %acc1 = linalg.generic {indexing_maps = [#mk, #nk, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<4x3xi8>, tensor<2x3xi8>) outs(%f : tensor<4x2xi32>) {
  ^bb0(%a: i8, %c: i8, %o: i32):
    %a32 = arith.extsi %a : i8 to i32
    %c32 = arith.extsi %c : i8 to i32
    %p = arith.muli %a32, %c32 : i32
    %sum = arith.addi %o, %p : i32
    linalg.yield %sum : i32
  } -> tensor<4x2xi32>
  %acc2 = linalg.generic {indexing_maps = [#mk, #nk, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<4x3xi8>, tensor<2x3xi8>) outs(%f : tensor<4x2xi32>) {
  ^bb0(%a: i8, %c: i8, %o: i32):
    %a32 = arith.extsi %a : i8 to i32
    %c32 = arith.extsi %c : i8 to i32
    %p = arith.muli %a32, %c32 : i32
    %sum = arith.addi %o, %p : i32
    linalg.yield %sum : i32
  } -> tensor<4x2xi32>
  %acc3 = linalg.generic {indexing_maps = [#mk, #nk, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<4x3xi8>, tensor<2x3xi8>) outs(%f : tensor<4x2xi32>) {
  ^bb0(%a: i8, %c: i8, %o: i32):
    %a32 = arith.extsi %a : i8 to i32
    %c32 = arith.extsi %c : i8 to i32
    %p = arith.muli %a32, %c32 : i32
    %sum = arith.addi %o, %p : i32
    linalg.yield %sum : i32
  } -> tensor<4x2xi32>
  %ye = tensor.empty() : tensor<4x2xf32>
  %relu = linalg.generic {indexing_maps = [#id, #row, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%acc1, %s, %cs : tensor<4x2xi32>, tensor<4xf32>, tensor<2xf32>) outs(%ye : tensor<4x2xf32>) {
  ^bb0(%in: i32, %r: f32, %c: f32, %o: f32):
    %fl = arith.sitofp %in : i32 to f32
    %sc = arith.mulf %r, %c : f32
    %v = arith.mulf %fl, %sc : f32
    %m = arith.maximumf %v, %fz : f32
    linalg.yield %m : f32
  } -> tensor<4x2xf32>
  %dynamic = linalg.generic {indexing_maps = [#id, #row, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%acc2, %s, %dyn : tensor<4x2xi32>, tensor<4xf32>, tensor<2xf32>) outs(%ye : tensor<4x2xf32>) {
  ^bb0(%in: i32, %r: f32, %c: f32, %o: f32):
    %fl = arith.sitofp %in : i32 to f32
    %sc = arith.mulf %r, %c : f32
    %v = arith.mulf %fl, %sc : f32
    linalg.yield %v : f32
  } -> tensor<4x2xf32>
  %twice = linalg.generic {indexing_maps = [#id, #row, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%acc3, %s, %cs : tensor<4x2xi32>, tensor<4xf32>, tensor<2xf32>) outs(%ye : tensor<4x2xf32>) {
  ^bb0(%in: i32, %r: f32, %c: f32, %o: f32):
    %fl = arith.sitofp %in : i32 to f32
    %sc = arith.mulf %r, %c : f32
    %v = arith.mulf %fl, %sc : f32
    linalg.yield %v : f32
  } -> tensor<4x2xf32>
  %acc4 = linalg.generic {indexing_maps = [#mk, #nk, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<4x3xi8>, tensor<2x3xi8>) outs(%f : tensor<4x2xi32>) {
  ^bb0(%a: i8, %c: i8, %o: i32):
    %a32 = arith.extsi %a : i8 to i32
    %c32 = arith.extsi %c : i8 to i32
    %p = arith.muli %a32, %c32 : i32
    %sum = arith.addi %o, %p : i32
    linalg.yield %sum : i32
  } -> tensor<4x2xi32>
  %columns = linalg.generic {indexing_maps = [#id, #col, #col, #id], iterator_types = ["parallel", "parallel"]}
      ins(%acc4, %cs, %cs : tensor<4x2xi32>, tensor<2xf32>, tensor<2xf32>) outs(%ye : tensor<4x2xf32>) {
  ^bb0(%in: i32, %c1: f32, %c2: f32, %o: f32):
    %fl = arith.sitofp %in : i32 to f32
    %sc = arith.mulf %c1, %c2 : f32
    %v = arith.mulf %fl, %sc : f32
    linalg.yield %v : f32
  } -> tensor<4x2xf32>
  return %relu, %dynamic, %twice, %acc3, %columns : tensor<4x2xf32>, tensor<4x2xf32>, tensor<4x2xf32>, tensor<4x2xi32>, tensor<4x2xf32>
}
