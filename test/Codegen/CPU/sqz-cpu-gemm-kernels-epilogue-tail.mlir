// A W8A8 layer's next elementwise op runs in the scaled int8 kernel too,
// on the dequantized sums in registers, when nothing else reads the layer's
// result (seen through one expand_shape): a residual add (`addend`, the
// other operand as [rows, columns]; both kernels), and on AVX-512 GELU in
// torch-mlir's erf form (`activation` 1). Anything else stays a generic
// after the call (its addend has no rows, its activation is 0), and so
// does an op in another block (a loop body), where the call would repeat.
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver3 | FileCheck %s --check-prefixes=CHECK,AVX2
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver4 | FileCheck %s --check-prefixes=CHECK,VNNI

#mk = affine_map<(m, n, k) -> (m, k)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>
#id3 = affine_map<(b, s, n) -> (b, s, n)>

// GELU on [2, 2, 2] after a layer on 4 rows: on AVX-512 the call applies
// it (activation 1, no addend rows) and its result is expanded as the
// GELU's input was; AVX2 keeps the GELU.
// CHECK-LABEL: func.func @gelu(
// VNNI-NOT: math.erf
// VNNI: %[[NOADD:.*]] = tensor.empty() : tensor<0x2xf32>
// VNNI: %[[ADDBUF:.*]] = bufferization.to_buffer %[[NOADD]] read_only
// VNNI: %[[ADD:.*]] = memref.cast %[[ADDBUF]]
// VNNI: %[[GELU:.*]] = arith.constant 1 : i64
// VNNI: call @sqz_cpu_gemm_s8_scaled_avx512vnni({{.*}}, %[[ADD]], %[[GELU]], %{{.*}}) :
// VNNI-NOT: math.erf
// VNNI: %[[R:.*]] = tensor.expand_shape %{{.*}} {{\[\[}}0, 1], [2]] output_shape [2, 2, 2] : tensor<4x2xf32> into tensor<2x2x2xf32>
// VNNI: return %[[R]]
// AVX2: call @sqz_cpu_gemm_s8_scaled_avx2(
// AVX2: tensor.expand_shape
// AVX2: math.erf
func.func @gelu(%x: tensor<4x3xi8>, %s: tensor<4xf32>) -> tensor<2x2x2xf32> {
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
    %vb = arith.addf %v, %bias : f32
    linalg.yield %vb : f32
  } -> tensor<4x2xf32>
  %y3 = tensor.expand_shape %y [[0, 1], [2]] output_shape [2, 2, 2] : tensor<4x2xf32> into tensor<2x2x2xf32>
  %ge = tensor.empty() : tensor<2x2x2xf32>
  %g = linalg.generic {indexing_maps = [#id3, #id3], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%y3 : tensor<2x2x2xf32>) outs(%ge : tensor<2x2x2xf32>) {
  ^bb0(%in: f32, %o: f32):
    %sqrt2 = arith.constant 1.41421354 : f32
    %one = arith.constant 1.000000e+00 : f32
    %half = arith.constant 5.000000e-01 : f32
    %t = arith.divf %in, %sqrt2 : f32
    %erf = math.erf %t : f32
    %p1 = arith.addf %erf, %one : f32
    %h = arith.mulf %p1, %half : f32
    %out = arith.mulf %in, %h : f32
    linalg.yield %out : f32
  } -> tensor<2x2x2xf32>
  return %g : tensor<2x2x2xf32>
}

// -----
#mk = affine_map<(m, n, k) -> (m, k)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>
#id3 = affine_map<(b, s, n) -> (b, s, n)>
// A residual added to the layer's result (here as the add's second
// operand): both kernels read it as their addend; the add is gone.
// CHECK-LABEL: func.func @residual(
// CHECK-SAME: %{{.*}}: tensor<4x3xi8>, %{{.*}}: tensor<4xf32>, %[[RES:.*]]: tensor<4x2xf32>)
// CHECK: %[[ADDBUF:.*]] = bufferization.to_buffer %[[RES]] read_only
// CHECK: %[[ADD:.*]] = memref.cast %[[ADDBUF]]
// AVX2: call @sqz_cpu_gemm_s8_scaled_avx2({{.*}}, %[[ADD]], %{{.*}}) :
// VNNI: call @sqz_cpu_gemm_s8_scaled_avx512vnni({{.*}}, %[[ADD]], %c0_i64, %{{.*}}) :
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @residual(%x: tensor<4x3xi8>, %s: tensor<4xf32>, %res: tensor<4x2xf32>) -> tensor<4x2xf32> {
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
    %vb = arith.addf %v, %bias : f32
    linalg.yield %vb : f32
  } -> tensor<4x2xf32>
  %ae = tensor.empty() : tensor<4x2xf32>
  %sum = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%res, %y : tensor<4x2xf32>, tensor<4x2xf32>) outs(%ae : tensor<4x2xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %v = arith.addf %c, %a : f32
    linalg.yield %v : f32
  } -> tensor<4x2xf32>
  return %sum : tensor<4x2xf32>
}

// -----
#mk = affine_map<(m, n, k) -> (m, k)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>
#id3 = affine_map<(b, s, n) -> (b, s, n)>
// The same on [2, 2, 2]: the residual is collapsed into the call's rows.
// CHECK-LABEL: func.func @residual_expanded(
// CHECK-SAME: %{{.*}}: tensor<4xf32>, %[[RES:[^:]*]]: tensor<2x2x2xf32>)
// CHECK: %[[ROWS:.*]] = tensor.collapse_shape %[[RES]] {{\[\[}}0, 1], [2]] : tensor<2x2x2xf32> into tensor<4x2xf32>
// CHECK: bufferization.to_buffer %[[ROWS]] read_only
// CHECK-NOT: linalg.generic
// CHECK: tensor.expand_shape
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @residual_expanded(%x: tensor<4x3xi8>, %s: tensor<4xf32>, %res: tensor<2x2x2xf32>) -> tensor<2x2x2xf32> {
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
    %vb = arith.addf %v, %bias : f32
    linalg.yield %vb : f32
  } -> tensor<4x2xf32>
  %y3 = tensor.expand_shape %y [[0, 1], [2]] output_shape [2, 2, 2] : tensor<4x2xf32> into tensor<2x2x2xf32>
  %ae = tensor.empty() : tensor<2x2x2xf32>
  %sum = linalg.generic {indexing_maps = [#id3, #id3, #id3], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%y3, %res : tensor<2x2x2xf32>, tensor<2x2x2xf32>) outs(%ae : tensor<2x2x2xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %v = arith.addf %a, %c : f32
    linalg.yield %v : f32
  } -> tensor<2x2x2xf32>
  return %sum : tensor<2x2x2xf32>
}

// -----
#mk = affine_map<(m, n, k) -> (m, k)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>
#id3 = affine_map<(b, s, n) -> (b, s, n)>
// Dividing by 1.5 is not GELU: the op stays, the call applies nothing.
// CHECK-LABEL: func.func @not_gelu(
// VNNI: call @sqz_cpu_gemm_s8_scaled_avx512vnni({{.*}}, %c0_i64, %{{.*}}) :
// CHECK: math.erf
func.func @not_gelu(%x: tensor<4x3xi8>, %s: tensor<4xf32>) -> tensor<4x2xf32> {
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
    %vb = arith.addf %v, %bias : f32
    linalg.yield %vb : f32
  } -> tensor<4x2xf32>
  %ge = tensor.empty() : tensor<4x2xf32>
  %g = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%y : tensor<4x2xf32>) outs(%ge : tensor<4x2xf32>) {
  ^bb0(%in: f32, %o: f32):
    %sqrt2 = arith.constant 1.500000e+00 : f32
    %one = arith.constant 1.000000e+00 : f32
    %half = arith.constant 5.000000e-01 : f32
    %t = arith.divf %in, %sqrt2 : f32
    %erf = math.erf %t : f32
    %p1 = arith.addf %erf, %one : f32
    %h = arith.mulf %p1, %half : f32
    %out = arith.mulf %in, %h : f32
    linalg.yield %out : f32
  } -> tensor<4x2xf32>
  return %g : tensor<4x2xf32>
}

// -----
#mk = affine_map<(m, n, k) -> (m, k)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>
#id3 = affine_map<(b, s, n) -> (b, s, n)>
// The layer's result is also returned: the add stays after the call.
// CHECK-LABEL: func.func @read_twice(
// CHECK: tensor.empty() : tensor<0x2xf32>
// CHECK: call @sqz_cpu_gemm_s8_scaled_
// CHECK: linalg.generic
// CHECK: arith.addf
func.func @read_twice(%x: tensor<4x3xi8>, %s: tensor<4xf32>, %res: tensor<4x2xf32>) -> (tensor<4x2xf32>, tensor<4x2xf32>) {
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
    %vb = arith.addf %v, %bias : f32
    linalg.yield %vb : f32
  } -> tensor<4x2xf32>
  %ae = tensor.empty() : tensor<4x2xf32>
  %sum = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%y, %res : tensor<4x2xf32>, tensor<4x2xf32>) outs(%ae : tensor<4x2xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %v = arith.addf %a, %c : f32
    linalg.yield %v : f32
  } -> tensor<4x2xf32>
  return %sum, %y : tensor<4x2xf32>, tensor<4x2xf32>
}

// -----
#mk = affine_map<(m, n, k) -> (m, k)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>
#id3 = affine_map<(b, s, n) -> (b, s, n)>

// The add runs in a loop: the call stays where the layer was (not moved
// into the loop), and the add stays a generic.
// CHECK-LABEL: func.func @in_loop(
// CHECK: tensor.empty() : tensor<0x2xf32>
// CHECK: call @sqz_cpu_gemm_s8_scaled_
// CHECK: scf.for
// CHECK: linalg.generic
// CHECK: arith.addf
func.func @in_loop(%x: tensor<4x3xi8>, %s: tensor<4xf32>, %res: tensor<4x2xf32>) -> tensor<4x2xf32> {
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
    %vb = arith.addf %v, %bias : f32
    linalg.yield %vb : f32
  } -> tensor<4x2xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %ae = tensor.empty() : tensor<4x2xf32>
  %out = scf.for %i = %c0 to %c3 step %c1 iter_args(%carried = %res) -> (tensor<4x2xf32>) {
    %sum = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%y, %carried : tensor<4x2xf32>, tensor<4x2xf32>) outs(%ae : tensor<4x2xf32>) {
    ^bb0(%a: f32, %c: f32, %o: f32):
      %v = arith.addf %a, %c : f32
      linalg.yield %v : f32
    } -> tensor<4x2xf32>
    scf.yield %sum : tensor<4x2xf32>
  }
  return %out : tensor<4x2xf32>
}

// -----

// A 2:4 W8A8 layer (rewritten after the dense layers) whose GELU a dense
// f32 layer reads: the call applies the GELU (activation 1) and the f32
// layer reads the call's result. The dense layer recorded the GELU as its
// input's producer before the sparse rewrite erased it; the pass forgets
// it then (the sanitizer build of this test caught the stale pointer).
// CHECK-LABEL: func.func @sp24_gelu_dense(
// VNNI-NOT: math.erf
// VNNI: %[[ACT:.*]] = arith.constant 1 : i64
// VNNI: call @sqz_cpu_gemm_s8_quantized_avx512vnni({{.*}}, %[[ACT]], %{{.*}}) :
// VNNI: call @sqz_cpu_gemm_f32_avx512(
// AVX2: call @sqz_cpu_gemm_sp24_s8_avx2(
// AVX2: math.erf
// AVX2: call @sqz_cpu_gemm_f32_avx2(
func.func @sp24_gelu_dense(%x: tensor<3x4xf32>) -> tensor<3x2xf32> {
  %codes = arith.constant dense<[[1, -2], [3, 4]]> : tensor<2x2xi8>
  %positions = arith.constant dense<[[0, -2], [1, -1]]> : tensor<2x2xi2>
  %scales = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %w = sqz.pack %codes scales(%scales : tensor<2xf32>) metadata(%positions : tensor<2x2xi2>) : tensor<2x2xi8> -> !sqz.tensor<2x4xf32, #sqz.quant<i8, per_channel(0), symmetric>, #sqz.sparsity<nm(2, 4, 1)>>
  %q = sqz.quantize %x : tensor<3x4xf32> -> !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>
  %y = sqz.matmul %q, %w {rhs_transposed} : !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>, !sqz.tensor<2x4xf32, #sqz.quant<i8, per_channel(0), symmetric>, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<3x2xf32>
  %ge = tensor.empty() : tensor<3x2xf32>
  %g = linalg.generic {indexing_maps = [affine_map<(m, n) -> (m, n)>, affine_map<(m, n) -> (m, n)>], iterator_types = ["parallel", "parallel"]}
      ins(%y : tensor<3x2xf32>) outs(%ge : tensor<3x2xf32>) {
  ^bb0(%in: f32, %o: f32):
    %sqrt2 = arith.constant 1.41421354 : f32
    %one = arith.constant 1.000000e+00 : f32
    %half = arith.constant 5.000000e-01 : f32
    %t = arith.divf %in, %sqrt2 : f32
    %erf = math.erf %t : f32
    %p1 = arith.addf %erf, %one : f32
    %h = arith.mulf %p1, %half : f32
    %out = arith.mulf %in, %h : f32
    linalg.yield %out : f32
  } -> tensor<3x2xf32>
  %w2 = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x2xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<3x2xf32>) -> tensor<3x2xf32>
  %z = linalg.matmul ins(%g, %w2 : tensor<3x2xf32>, tensor<2x2xf32>) outs(%f : tensor<3x2xf32>) -> tensor<3x2xf32>
  return %z : tensor<3x2xf32>
}
