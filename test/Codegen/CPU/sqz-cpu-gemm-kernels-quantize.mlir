// The dynamic symmetric int8 quantization of a 2-D f32 activation with one
// scale per row (W8A8's per-token scheme) runs on the runtime's quantize
// kernels on AVX-512 targets: one call computes the row scales, one the
// codes, and a sqz.pack assembles them for the layer that reads them (the
// same scales and codes as the reference lowering, to the bit:
// sqz-kernel-check and the W8A8 integration tests check them). Other
// quantizations, and targets without AVX-512, keep the reference lowering.
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver4 | FileCheck %s
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver3 | FileCheck %s --check-prefix=AVX2

// CHECK-LABEL: func.func @per_token(
// CHECK-SAME: %[[X:.*]]: tensor<16x40xf32>)
// CHECK-DAG: %[[QMAX:.*]] = arith.constant 1.270000e+02 : f32
// CHECK-DAG: %[[QMIN:.*]] = arith.constant -1.280000e+02 : f32
// CHECK: %[[SBUF:.*]] = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
// CHECK: %[[XBUF:.*]] = bufferization.to_buffer %[[X]] read_only
// CHECK: call @sqz_cpu_quantize_row_scales_avx512({{.*}}, {{.*}}, %[[QMAX]], %c0_i64)
// CHECK: %[[S:.*]] = bufferization.to_tensor %[[SBUF]] restrict writable : memref<16xf32>
// CHECK: %[[CBUF:.*]] = memref.alloc() {alignment = 64 : i64} : memref<16x40xi8>
// CHECK: call @sqz_cpu_quantize_rows_s8_avx512({{.*}}, {{.*}}, {{.*}}, %[[QMIN]], %[[QMAX]], %c0_i64{{.*}})
// CHECK: %[[C:.*]] = bufferization.to_tensor %[[CBUF]] restrict writable : memref<16x40xi8>
// CHECK: %[[Q:.*]] = sqz.pack %[[C]] scales(%[[S]] : tensor<16xf32>) : tensor<16x40xi8> -> !sqz.tensor<16x40xf32, #sqz.quant<i8, per_channel(0), symmetric>>
// CHECK-NOT: sqz.quantize
// CHECK: sqz.unpack %[[Q]]
// CHECK: func.func private @sqz_cpu_quantize_row_scales_avx512(memref<?xf32, strided<[?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, f32, i64) attributes {llvm.emit_c_interface}
// CHECK: func.func private @sqz_cpu_quantize_rows_s8_avx512(memref<?x?xi8, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?xf32, strided<[?], offset: ?>>, f32, f32, i64) attributes {llvm.emit_c_interface}
// AVX2-LABEL: func.func @per_token(
// AVX2: sqz.quantize
// AVX2-NOT: call @sqz_cpu_quantize
func.func @per_token(%x: tensor<16x40xf32>) -> (tensor<16x40xi8>, tensor<16xf32>) {
  %q = sqz.quantize %x : tensor<16x40xf32> -> !sqz.tensor<16x40xf32, #sqz.quant<i8, per_channel(0), symmetric>>
  %c, %s = sqz.unpack %q : !sqz.tensor<16x40xf32, #sqz.quant<i8, per_channel(0), symmetric>> -> tensor<16x40xi8>, tensor<16xf32>
  return %c, %s : tensor<16x40xi8>, tensor<16xf32>
}

// -----

// Narrow range clamps at -127; dynamic rows and columns are passed on.
// CHECK-LABEL: func.func @narrow_dynamic(
// CHECK-SAME: %[[X:.*]]: tensor<?x?xf32>)
// CHECK-DAG: %[[QMIN:.*]] = arith.constant -1.270000e+02 : f32
// CHECK-DAG: %[[M:.*]] = tensor.dim %[[X]], %c0
// CHECK-DAG: %[[K:.*]] = tensor.dim %[[X]], %c1
// CHECK: memref.alloc(%[[M]]) {alignment = 64 : i64} : memref<?xf32>
// CHECK: call @sqz_cpu_quantize_row_scales_avx512(
// CHECK: memref.alloc(%[[M]], %[[K]]) {alignment = 64 : i64} : memref<?x?xi8>
// CHECK: call @sqz_cpu_quantize_rows_s8_avx512({{.*}}, {{.*}}, {{.*}}, %[[QMIN]],
// CHECK: sqz.pack
func.func @narrow_dynamic(%x: tensor<?x?xf32>) -> !sqz.tensor<?x?xf32, #sqz.quant<i8, per_channel(0), symmetric, narrow_range>> {
  %q = sqz.quantize %x : tensor<?x?xf32> -> !sqz.tensor<?x?xf32, #sqz.quant<i8, per_channel(0), symmetric, narrow_range>>
  return %q : !sqz.tensor<?x?xf32, #sqz.quant<i8, per_channel(0), symmetric, narrow_range>>
}

// -----

// Not the kernels' scheme: asymmetric, per tensor, per column, 3-D, static
// parameters.
// CHECK-LABEL: func.func @others(
// CHECK-NOT: call
// CHECK-COUNT-5: sqz.quantize
// CHECK-NOT: call
func.func @others(%x: tensor<16x40xf32>, %y: tensor<2x16x40xf32>, %s: tensor<16xf32>) -> (!sqz.tensor<16x40xf32, #sqz.quant<u8, per_channel(0), asymmetric>>, !sqz.tensor<16x40xf32, #sqz.quant<i8, per_tensor, symmetric>>, !sqz.tensor<16x40xf32, #sqz.quant<i8, per_channel(1), symmetric>>, !sqz.tensor<2x16x40xf32, #sqz.quant<i8, per_channel(0), symmetric>>, !sqz.tensor<16x40xf32, #sqz.quant<i8, per_channel(0), symmetric>>) {
  %a = sqz.quantize %x : tensor<16x40xf32> -> !sqz.tensor<16x40xf32, #sqz.quant<u8, per_channel(0), asymmetric>>
  %b = sqz.quantize %x : tensor<16x40xf32> -> !sqz.tensor<16x40xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %c = sqz.quantize %x : tensor<16x40xf32> -> !sqz.tensor<16x40xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %d = sqz.quantize %y : tensor<2x16x40xf32> -> !sqz.tensor<2x16x40xf32, #sqz.quant<i8, per_channel(0), symmetric>>
  %e = sqz.quantize %x scales(%s : tensor<16xf32>) : tensor<16x40xf32> -> !sqz.tensor<16x40xf32, #sqz.quant<i8, per_channel(0), symmetric>>
  return %a, %b, %c, %d, %e : !sqz.tensor<16x40xf32, #sqz.quant<u8, per_channel(0), asymmetric>>, !sqz.tensor<16x40xf32, #sqz.quant<i8, per_tensor, symmetric>>, !sqz.tensor<16x40xf32, #sqz.quant<i8, per_channel(1), symmetric>>, !sqz.tensor<2x16x40xf32, #sqz.quant<i8, per_channel(0), symmetric>>, !sqz.tensor<16x40xf32, #sqz.quant<i8, per_channel(0), symmetric>>
}

// -----

// A W8A8 layer whose activation codes come from such a quantization and
// whose epilogue reads its row scales: with AVX-512 VNNI one call of the
// quantizing int8 kernel on the f32 activation (it quantizes the rows as it
// packs them; the codes are never stored), and the quantization is gone. A
// second reader of the codes (here, the returned codes of @shared) keeps
// the quantize kernels for itself.
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (m)>
#col = affine_map<(m, n) -> (n)>
// CHECK-LABEL: func.func @fused(
// CHECK-SAME: %[[X:.*]]: tensor<4x8xf32>)
// CHECK-NOT: sqz.quantize
// CHECK-NOT: call @sqz_cpu_quantize
// CHECK-DAG: %[[QMIN:.*]] = arith.constant -1.280000e+02 : f32
// CHECK-DAG: %[[QMAX:.*]] = arith.constant 1.270000e+02 : f32
// CHECK: %[[XBUF:.*]] = bufferization.to_buffer %[[X]] read_only : tensor<4x8xf32>
// CHECK: %[[XCAST:.*]] = memref.cast %[[XBUF]]
// CHECK: call @sqz_cpu_gemm_s8_quantized_avx512vnni(%{{.*}}, %[[XCAST]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[QMIN]], %[[QMAX]], %{{.*}}, %c0_i64, %{{.*}})
// CHECK-NOT: linalg.generic
// CHECK: return
// AVX2-LABEL: func.func @fused(
// AVX2: sqz.quantize
// AVX2: call @sqz_cpu_gemm_s8_scaled_avx2(
func.func @fused(%x: tensor<4x8xf32>) -> tensor<4x3xf32> {
  %q = sqz.quantize %x : tensor<4x8xf32> -> !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(0), symmetric>>
  %w = arith.constant dense<[[64, -127, 32], [127, 64, -64], [-32, 95, 127], [16, -64, 64], [127, 127, -127], [-95, 32, 64], [64, -32, 95], [32, 64, -16]]> : tensor<8x3xi8>
  %cs = arith.constant dense<0.00787401571> : tensor<3xf32>
  %p:2 = sqz.unpack %q : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(0), symmetric>> -> tensor<4x8xi8>, tensor<4xf32>
  %e = tensor.empty() : tensor<4x3xi32>
  %c0 = arith.constant 0 : i32
  %f = linalg.fill ins(%c0 : i32) outs(%e : tensor<4x3xi32>) -> tensor<4x3xi32>
  %acc = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]} ins(%p#0, %w : tensor<4x8xi8>, tensor<8x3xi8>) outs(%f : tensor<4x3xi32>) {
  ^bb0(%a: i8, %b: i8, %o: i32):
    %a32 = arith.extsi %a : i8 to i32
    %b32 = arith.extsi %b : i8 to i32
    %m = arith.muli %a32, %b32 : i32
    %s = arith.addi %o, %m : i32
    linalg.yield %s : i32
  } -> tensor<4x3xi32>
  %e2 = tensor.empty() : tensor<4x3xf32>
  %y = linalg.generic {indexing_maps = [#id, #row, #col, #id], iterator_types = ["parallel", "parallel"]} ins(%acc, %p#1, %cs : tensor<4x3xi32>, tensor<4xf32>, tensor<3xf32>) outs(%e2 : tensor<4x3xf32>) {
  ^bb0(%a: i32, %r: f32, %c: f32, %o: f32):
    %af = arith.sitofp %a : i32 to f32
    %rc = arith.mulf %r, %c : f32
    %v = arith.mulf %af, %rc : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  return %y : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @shared(
// CHECK: call @sqz_cpu_quantize_row_scales_avx512(
// CHECK: call @sqz_cpu_quantize_rows_s8_avx512(
// CHECK: call @sqz_cpu_gemm_s8_quantized_avx512vnni(
func.func @shared(%x: tensor<4x8xf32>) -> (tensor<4x3xf32>, tensor<4x8xi8>) {
  %q = sqz.quantize %x : tensor<4x8xf32> -> !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(0), symmetric>>
  %w = arith.constant dense<[[64, -127, 32], [127, 64, -64], [-32, 95, 127], [16, -64, 64], [127, 127, -127], [-95, 32, 64], [64, -32, 95], [32, 64, -16]]> : tensor<8x3xi8>
  %cs = arith.constant dense<0.00787401571> : tensor<3xf32>
  %p:2 = sqz.unpack %q : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(0), symmetric>> -> tensor<4x8xi8>, tensor<4xf32>
  %e = tensor.empty() : tensor<4x3xi32>
  %c0 = arith.constant 0 : i32
  %f = linalg.fill ins(%c0 : i32) outs(%e : tensor<4x3xi32>) -> tensor<4x3xi32>
  %acc = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]} ins(%p#0, %w : tensor<4x8xi8>, tensor<8x3xi8>) outs(%f : tensor<4x3xi32>) {
  ^bb0(%a: i8, %b: i8, %o: i32):
    %a32 = arith.extsi %a : i8 to i32
    %b32 = arith.extsi %b : i8 to i32
    %m = arith.muli %a32, %b32 : i32
    %s = arith.addi %o, %m : i32
    linalg.yield %s : i32
  } -> tensor<4x3xi32>
  %e2 = tensor.empty() : tensor<4x3xf32>
  %y = linalg.generic {indexing_maps = [#id, #row, #col, #id], iterator_types = ["parallel", "parallel"]} ins(%acc, %p#1, %cs : tensor<4x3xi32>, tensor<4xf32>, tensor<3xf32>) outs(%e2 : tensor<4x3xf32>) {
  ^bb0(%a: i32, %r: f32, %c: f32, %o: f32):
    %af = arith.sitofp %a : i32 to f32
    %rc = arith.mulf %r, %c : f32
    %v = arith.mulf %af, %rc : f32
    linalg.yield %v : f32
  } -> tensor<4x3xf32>
  return %y, %p#0 : tensor<4x3xf32>, tensor<4x8xi8>
}
