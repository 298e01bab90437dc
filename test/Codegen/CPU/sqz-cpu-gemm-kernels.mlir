// Linear layers with constant weights become calls of the CPU GEMM kernels
// on weights packed at compile time, the kernel chosen from target-cpu's
// features: znver3 has AVX2 and FMA, znver4 AVX-512 with VNNI.
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver3 | FileCheck %s --check-prefixes=CHECK,AVX2
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver4 | FileCheck %s --check-prefixes=CHECK,AVX512
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=generic | FileCheck %s --check-prefix=GENERIC
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels="target-cpu=znver3 threads=2" | FileCheck %s --check-prefix=THREADS
// RUN: not sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=threads=-1 2>&1 | FileCheck %s --check-prefix=BADTHREADS
// RUN: not sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=pentium9 2>&1 | FileCheck %s --check-prefix=BADCPU

// THREADS-LABEL: func.func @f32_kn(
// THREADS: %[[T:.*]] = arith.constant 2 : i64
// THREADS: call @sqz_cpu_gemm_f32_avx2(%{{.*}}, %{{.*}}, %{{.*}}, %[[T]])
// BADTHREADS: error: sqz-cpu-gemm-kernels: threads must be 0 (all cores) or more, not -1
// BADCPU: error: sqz-cpu-gemm-kernels: unknown target-cpu 'pentium9' (host, generic, or an LLVM x86 CPU name such as znver4)

// An f32 [K, N] weight: panels of 16 (AVX2) or 32 (AVX-512) columns, K rows
// each; the float constant and the zero fill are gone.
// AVX2: memref.global "private" constant @__sqz_packed_weight : memref<48xf32> = dense_resource<__sqz_packed_weight> {alignment = 64 : i64}
// AVX512: memref.global "private" constant @__sqz_packed_weight : memref<96xf32> = dense_resource<__sqz_packed_weight> {alignment = 64 : i64}
// CHECK-LABEL: func.func @f32_kn(
// CHECK-SAME: %[[X:.*]]: tensor<4x3xf32>)
// CHECK-NOT: arith.constant
// CHECK-NOT: linalg.fill
// CHECK: %[[A:.*]] = bufferization.to_buffer %[[X]] read_only : tensor<4x3xf32> to memref<4x3xf32, strided<[?, ?], offset: ?>>
// CHECK: %[[ACAST:.*]] = memref.cast %[[A]] : memref<4x3xf32, strided<[?, ?], offset: ?>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK: %[[C:.*]] = memref.alloc() {alignment = 64 : i64} : memref<4x2xf32>
// CHECK: %[[CCAST:.*]] = memref.cast %[[C]]
// CHECK: %[[W:.*]] = memref.get_global @__sqz_packed_weight
// CHECK: %[[WCAST:.*]] = memref.cast %[[W]] {{.*}} to memref<?xf32>
// CHECK: %[[NT:.*]] = arith.constant 0 : i64
// AVX2: call @sqz_cpu_gemm_f32_avx2(%[[CCAST]], %[[ACAST]], %[[WCAST]], %[[NT]])
// AVX512: call @sqz_cpu_gemm_f32_avx512(%[[CCAST]], %[[ACAST]], %[[WCAST]], %[[NT]])
// CHECK: %[[Y:.*]] = bufferization.to_tensor %[[C]] restrict writable : memref<4x2xf32> to tensor<4x2xf32>
// CHECK: return %[[Y]]
// AVX2: func.func private @sqz_cpu_gemm_f32_avx2(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?xf32>, i64) attributes {llvm.emit_c_interface}
// The packed panel, row by row: [1 2 0 ... 0] [3 4 0 ... 0] [5 6 0 ... 0].
// AVX2: __sqz_packed_weight: "0x400000000000803F00000040{{(00000000){14}()}}0000404000008040{{(00000000){14}()}}0000A0400000C040{{(00000000){14}()}}"
// GENERIC-LABEL: func.func @f32_kn(
// GENERIC: linalg.matmul
func.func @f32_kn(%x: tensor<4x3xf32>) -> tensor<4x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x2xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<4x2xf32>) -> tensor<4x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x3xf32>, tensor<3x2xf32>) outs(%f : tensor<4x2xf32>) -> tensor<4x2xf32>
  return %y : tensor<4x2xf32>
}

// -----

// An [N, K] weight through linalg.transpose (torch-mlir's form), rows of a
// dynamic size: the same packed panel, and the result's rows from the input.
// CHECK-LABEL: func.func @f32_nk_dynamic_rows(
// CHECK-SAME: %[[X:.*]]: tensor<?x3xf32>)
// CHECK-NOT: linalg.transpose
// CHECK: %[[A:.*]] = bufferization.to_buffer %[[X]] read_only
// CHECK: %[[M:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<?x3xf32>
// CHECK: memref.alloc(%[[M]]) {alignment = 64 : i64} : memref<?x2xf32>
// AVX2: call @sqz_cpu_gemm_f32_avx2
// AVX512: call @sqz_cpu_gemm_f32_avx512
// AVX2: __sqz_packed_weight: "0x400000000000803F00000040{{(00000000){14}()}}0000404000008040{{(00000000){14}()}}0000A0400000C040{{(00000000){14}()}}"
func.func @f32_nk_dynamic_rows(%x: tensor<?x3xf32>) -> tensor<?x2xf32> {
  %w = arith.constant dense<[[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]]> : tensor<2x3xf32>
  %et = tensor.empty() : tensor<3x2xf32>
  %t = linalg.transpose ins(%w : tensor<2x3xf32>) outs(%et : tensor<3x2xf32>) permutation = [1, 0]
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %m = tensor.dim %x, %c0 : tensor<?x3xf32>
  %e = tensor.empty(%m) : tensor<?x2xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x2xf32>) -> tensor<?x2xf32>
  %y = linalg.matmul ins(%x, %t : tensor<?x3xf32>, tensor<3x2xf32>) outs(%f : tensor<?x2xf32>) -> tensor<?x2xf32>
  return %y : tensor<?x2xf32>
}

// -----

// The integer matmul that sqz-fold-scales leaves (i8 codes, sign-extended,
// i32 accumulator). With AVX2 in i16 pairs, panels of 16 columns, K in groups of 2;
// with VNNI in byte quads, panels of 64 columns, and the correction
// -128 * sum_k w[k, n] of activations offset by 128 (-1152, -512, 0...).
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
// AVX2: memref.global "private" constant @__sqz_packed_weight : memref<64xi8>
// AVX512: memref.global "private" constant @__sqz_weight_correction : memref<64xi32>
// AVX512: memref.global "private" constant @__sqz_packed_weight : memref<256xi8>
// CHECK-LABEL: func.func @s8(
// CHECK-NOT: linalg.generic
// CHECK: memref.alloc() {alignment = 64 : i64} : memref<4x2xi32>
// AVX2: call @sqz_cpu_gemm_s8_avx2(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<?x?xi32, strided<[?, ?], offset: ?>>, memref<?x?xi8, strided<[?, ?], offset: ?>>, memref<?xi8>, i64) -> ()
// AVX512: call @sqz_cpu_gemm_s8_avx512vnni(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<?x?xi32, strided<[?, ?], offset: ?>>, memref<?x?xi8, strided<[?, ?], offset: ?>>, memref<?xi8>, memref<?xi32>, i64) -> ()
// AVX2: __sqz_packed_weight: "0x40000000010302FC{{(00){28}()}}05000600{{(00){28}()}}"
// AVX512: __sqz_weight_correction: "0x4000000080FBFFFF00FEFFFF{{(00000000){62}()}}"
// AVX512: __sqz_packed_weight: "0x400000000103050002FC0600{{(00){248}()}}"
// GENERIC-LABEL: func.func @s8(
// GENERIC: linalg.generic
func.func @s8(%x: tensor<4x3xi8>) -> tensor<4x2xi32> {
  %w = arith.constant dense<[[1, 2], [3, -4], [5, 6]]> : tensor<3x2xi8>
  %zero = arith.constant 0 : i32
  %e = tensor.empty() : tensor<4x2xi32>
  %f = linalg.fill ins(%zero : i32) outs(%e : tensor<4x2xi32>) -> tensor<4x2xi32>
  %y = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<4x3xi8>, tensor<3x2xi8>) outs(%f : tensor<4x2xi32>) {
  ^bb0(%a: i8, %b: i8, %acc: i32):
    %a32 = arith.extsi %a : i8 to i32
    %b32 = arith.extsi %b : i8 to i32
    %p = arith.muli %a32, %b32 : i32
    %s = arith.addi %acc, %p : i32
    linalg.yield %s : i32
  } -> tensor<4x2xi32>
  return %y : tensor<4x2xi32>
}

// -----

// Weight-only quantized: an sqz.matmul of f32 activations by a constant
// pack. 4-bit codes two to a byte (column j low, column j + 8 high with
// AVX2), as code + 8; scales per column (one group); no zero points (an
// empty memref); the bias added after the call.
// AVX2: memref.global "private" constant @__sqz_packed_scales : memref<16xf32>
// AVX2: memref.global "private" constant @__sqz_packed_codes : memref<16xi8>
// AVX512: memref.global "private" constant @__sqz_packed_scales : memref<32xf32>
// AVX512: memref.global "private" constant @__sqz_packed_codes : memref<32xi8>
// CHECK-LABEL: func.func @w4_channel_bias(
// CHECK-SAME: %[[X:.*]]: tensor<3x2xf32>, %[[B:.*]]: tensor<2xf32>)
// CHECK-NOT: sqz.pack
// CHECK: %[[NONE:.*]] = memref.alloca() : memref<0xf32>
// CHECK: %[[ZEROS:.*]] = memref.cast %[[NONE]] : memref<0xf32> to memref<?xf32>
// AVX2: call @sqz_cpu_gemm_q4_avx2(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[ZEROS]], %{{.*}})
// AVX512: call @sqz_cpu_gemm_q4_avx512(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[ZEROS]], %{{.*}})
// CHECK: %[[Y:.*]] = bufferization.to_tensor
// CHECK: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[Y]], %[[B]] : tensor<3x2xf32>, tensor<2xf32>)
// CHECK: arith.addf
// CHECK: return %[[SUM]]
// AVX2: __sqz_packed_scales: "0x400000000000003F0000803E{{(00000000){14}()}}"
// AVX2: __sqz_packed_codes: "0x4000000009060000000000000B00000000000000"
// GENERIC-LABEL: func.func @w4_channel_bias(
// GENERIC: sqz.matmul
func.func @w4_channel_bias(%x: tensor<3x2xf32>, %b: tensor<2xf32>) -> tensor<3x2xf32> {
  %codes = arith.constant dense<[[1, -2], [3, -8]]> : tensor<2x2xi4>
  %scales = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %w = sqz.pack %codes scales(%scales : tensor<2xf32>) : tensor<2x2xi4> -> !sqz.tensor<2x2xf32, #sqz.quant<i4, per_channel(1), symmetric>>
  %y = sqz.matmul %x, %w bias(%b : tensor<2xf32>) : tensor<3x2xf32>, !sqz.tensor<2x2xf32, #sqz.quant<i4, per_channel(1), symmetric>> -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// -----

// Zero points: packed per group and column as z - bias (u8: z - 128).
// AVX2: memref.global "private" constant @__sqz_packed_zero_points : memref<32xf32>
// CHECK-LABEL: func.func @u8_group_zero_points(
// CHECK: %[[Z:.*]] = memref.get_global @__sqz_packed_zero_points
// CHECK: %[[ZC:.*]] = memref.cast %[[Z]]
// AVX2: call @sqz_cpu_gemm_q8_avx2(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[ZC]], %{{.*}})
// AVX512: call @sqz_cpu_gemm_q8_avx512(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[ZC]], %{{.*}})
// AVX2: __sqz_packed_zero_points: "0x40000000000000C30000FE42{{(00000000){14}()}}0000F0C200000000{{(00000000){14}()}}"
func.func @u8_group_zero_points(%x: tensor<3x4xf32>) -> tensor<3x2xf32> {
  %codes = arith.constant dense<[[1, 2], [3, 4], [5, 6], [7, 8]]> : tensor<4x2xi8>
  %scales = arith.constant dense<[[0.5, 0.25], [1.0, 2.0]]> : tensor<2x2xf32>
  %zeros = arith.constant dense<[[0, 255], [8, 128]]> : tensor<2x2xi32>
  %w = sqz.pack %codes scales(%scales : tensor<2x2xf32>) zero_points(%zeros : tensor<2x2xi32>) : tensor<4x2xi8> -> !sqz.tensor<4x2xf32, #sqz.quant<u8, per_group(0, 2), asymmetric>>
  %y = sqz.matmul %x, %w : tensor<3x4xf32>, !sqz.tensor<4x2xf32, #sqz.quant<u8, per_group(0, 2), asymmetric>> -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// -----

// A 2:4 f32 weight ([N, K], sparse along K): the kept values of each group
// of four K as [column][slot] in panels of 8 columns, and one i32 word per
// panel and group with each kept value's position in 2 bits (column 0
// keeps 0 and 2: 0b1000; column 1 keeps 1 and 3: 0b1101). The same layout
// on both: AVX-512 machines run its one-row products on 512-bit vectors.
// CHECK: memref.global "private" constant @__sqz_sparse_meta : memref<1xi32>
// CHECK: memref.global "private" constant @__sqz_sparse_values : memref<16xf32>
// CHECK-LABEL: func.func @sp24_f32(
// CHECK-NOT: sqz.pack
// AVX2: call @sqz_cpu_gemm_sp24_f32_avx2(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?xf32>, memref<?xi32>, i64) -> ()
// AVX512: call @sqz_cpu_gemm_sp24_f32_avx512(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?xf32>, memref<?xi32>, i64) -> ()
// CHECK: __sqz_sparse_meta: "0x40000000D8000000"
// CHECK: __sqz_sparse_values: "0x400000000000803F000000400000404000008040{{(00000000){12}()}}"
// GENERIC-LABEL: func.func @sp24_f32(
// GENERIC: sqz.matmul
func.func @sp24_f32(%x: tensor<3x4xf32>) -> tensor<3x2xf32> {
  %values = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %positions = arith.constant dense<[[0, -2], [1, -1]]> : tensor<2x2xi2>
  %w = sqz.pack %values metadata(%positions : tensor<2x2xi2>) : tensor<2x2xf32> -> !sqz.tensor<2x4xf32, #sqz.sparsity<nm(2, 4, 1)>>
  %y = sqz.matmul %x, %w {rhs_transposed} : tensor<3x4xf32>, !sqz.tensor<2x4xf32, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// -----

// The same weight under an activation of 16 rows or more (here 2 x 8): on
// AVX-512 the dense f32 kernel, faster there than the AVX2 sparse one, on
// the weight decompressed at compile time ([K, N] = column 0 is 1, 0, 2, 0
// and column 1 is 0, 3, 0, 4: per k, a panel of 32 columns); AVX2 keeps
// the sparse kernel.
// CHECK-LABEL: func.func @sp24_f32_tall(
// CHECK: tensor.collapse_shape {{.*}} tensor<2x8x4xf32> into tensor<16x4xf32>
// AVX2: call @sqz_cpu_gemm_sp24_f32_avx2(
// AVX512: call @sqz_cpu_gemm_f32_avx512(
// AVX512: __sqz_packed_weight: "0x400000000000803F00000000{{(00000000){30}()}}0000000000004040{{(00000000){30}()}}0000004000000000{{(00000000){30}()}}0000000000008040{{(00000000){30}()}}"
func.func @sp24_f32_tall(%x: tensor<2x8x4xf32>) -> tensor<2x8x2xf32> {
  %values = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %positions = arith.constant dense<[[0, -2], [1, -1]]> : tensor<2x2xi2>
  %w = sqz.pack %values metadata(%positions : tensor<2x2xi2>) : tensor<2x2xf32> -> !sqz.tensor<2x4xf32, #sqz.sparsity<nm(2, 4, 1)>>
  %y = sqz.matmul %x, %w {rhs_transposed} : tensor<2x8x4xf32>, !sqz.tensor<2x4xf32, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<2x8x2xf32>
  return %y : tensor<2x8x2xf32>
}

// -----

// 2:4 int8 codes under per-token quantized activations (W8A8 on a pruned
// weight): the activation's codes and scales unpacked, the i32 product from
// the kernel, then the reference's `sitofp(acc) * (sx * sw)`. On AVX2 the
// sparse kernel: the metadata holds each column's pair of positions as an
// index into the six pairs ((0, 2) is 1, (1, 3) is 4), four bits a column.
// With AVX-512 VNNI the dense `vpdpbusd` kernel, faster than the AVX2 sparse
// one: the weight decompressed at compile time (column 0 is 1, 0, -2, 0 and
// column 1 is 0, 3, 0, 4: four bytes of K per column) and the correction
// -128 sum_k w per column (128 and -896), its scaled variant applying
// `sitofp(acc) * (sx * sw)` to the sums (the channel scales a global padded
// to the 64-column panel); its quantizing form, since the activation is
// quantized per token here: it takes the f32 activation and computes the
// token scales and codes itself (sqz-cpu-gemm-kernels-quantize.mlir).
// CHECK-LABEL: func.func @sp24_w8a8(
// CHECK-SAME: %[[X:.*]]: tensor<3x4xf32>)
// AVX2: %[[Q:.*]] = sqz.quantize
// AVX2: %[[CODES:.*]]:2 = sqz.unpack %[[Q]]
// AVX2: %[[A:.*]] = bufferization.to_buffer %[[CODES]]#0
// AVX2: call @sqz_cpu_gemm_sp24_s8_avx2(
// AVX2: %[[ACC:.*]] = bufferization.to_tensor {{.*}} : memref<3x2xi32> to tensor<3x2xi32>
// AVX2: linalg.generic {{.*}} ins(%[[ACC]], %[[CODES]]#1, %{{.*}} : tensor<3x2xi32>, tensor<3xf32>, tensor<2xf32>)
// AVX2: arith.sitofp
// AVX2: arith.mulf
// AVX2: arith.mulf
// AVX512-NOT: sqz.quantize
// AVX512: %[[A:.*]] = bufferization.to_buffer %[[X]] read_only
// AVX512: call @sqz_cpu_gemm_s8_quantized_avx512vnni(
// AVX512: bufferization.to_tensor {{.*}} : memref<3x2xf32> to tensor<3x2xf32>
// AVX512-NOT: linalg.generic
// AVX512: __sqz_column_scales: "0x400000000000003F0000803E{{(00000000){62}()}}"
// AVX2: __sqz_sparse_meta: "0x4000000041000000"
// AVX2: __sqz_sparse_values: "0x4000000001FE0304{{(00){12}()}}"
// AVX512: __sqz_weight_correction: "0x400000008000000080FCFFFF{{(00000000){62}()}}"
// AVX512: __sqz_packed_weight: "0x400000000100FE0000030004{{(00000000){62}()}}"
func.func @sp24_w8a8(%x: tensor<3x4xf32>) -> tensor<3x2xf32> {
  %codes = arith.constant dense<[[1, -2], [3, 4]]> : tensor<2x2xi8>
  %positions = arith.constant dense<[[0, -2], [1, -1]]> : tensor<2x2xi2>
  %scales = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %w = sqz.pack %codes scales(%scales : tensor<2xf32>) metadata(%positions : tensor<2x2xi2>) : tensor<2x2xi8> -> !sqz.tensor<2x4xf32, #sqz.quant<i8, per_channel(0), symmetric>, #sqz.sparsity<nm(2, 4, 1)>>
  %q = sqz.quantize %x : tensor<3x4xf32> -> !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>
  %y = sqz.matmul %q, %w {rhs_transposed} : !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>, !sqz.tensor<2x4xf32, #sqz.quant<i8, per_channel(0), symmetric>, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// -----

// What stays for the generic lowering: an accumulator that is not zero (2-D
// and batched), a weight that is not a constant (2-D).
// CHECK-LABEL: func.func @not_kernels(
// CHECK-NOT: call @sqz_cpu
// CHECK: linalg.matmul
// CHECK: linalg.matmul
// CHECK: linalg.batch_matmul
// CHECK-NOT: call @sqz_cpu
// CHECK: return
func.func @not_kernels(%x: tensor<4x3xf32>, %v: tensor<3x2xf32>, %b: tensor<2x4x3xf32>)
    -> (tensor<4x2xf32>, tensor<4x2xf32>, tensor<2x4x2xf32>) {
  %w = arith.constant dense<1.0> : tensor<3x2xf32>
  %wb = arith.constant dense<1.0> : tensor<2x3x2xf32>
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %e = tensor.empty() : tensor<4x2xf32>
  %f1 = linalg.fill ins(%one : f32) outs(%e : tensor<4x2xf32>) -> tensor<4x2xf32>
  %y1 = linalg.matmul ins(%x, %w : tensor<4x3xf32>, tensor<3x2xf32>) outs(%f1 : tensor<4x2xf32>) -> tensor<4x2xf32>
  %f0 = linalg.fill ins(%zero : f32) outs(%e : tensor<4x2xf32>) -> tensor<4x2xf32>
  %y2 = linalg.matmul ins(%x, %v : tensor<4x3xf32>, tensor<3x2xf32>) outs(%f0 : tensor<4x2xf32>) -> tensor<4x2xf32>
  %eb = tensor.empty() : tensor<2x4x2xf32>
  %fb = linalg.fill ins(%one : f32) outs(%eb : tensor<2x4x2xf32>) -> tensor<2x4x2xf32>
  %y3 = linalg.batch_matmul ins(%b, %wb : tensor<2x4x3xf32>, tensor<2x3x2xf32>) outs(%fb : tensor<2x4x2xf32>) -> tensor<2x4x2xf32>
  return %y1, %y2, %y3 : tensor<4x2xf32>, tensor<4x2xf32>, tensor<2x4x2xf32>
}

// -----

// A batched f32 matmul of two run-time values from zero (attention's Q Kᵀ
// and P V): the batch kernel, which packs B per batch element; both
// operands in as read-only buffers of any strides, the result a new
// buffer. A dynamic batch takes A's size, a dynamic n B's. No kernel
// without AVX2 and FMA.
// CHECK-LABEL: func.func @batch_matmul_f32(
// CHECK-SAME: %[[A:.*]]: tensor<?x4x3xf32>, %[[B:.*]]: tensor<?x3x?xf32>
// CHECK-DAG: %[[BATCH:.*]] = tensor.dim %[[A]], %c0
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[B]], %c2
// CHECK: %[[C:.*]] = memref.alloc(%[[BATCH]], %[[N]]) {alignment = 64 : i64} : memref<?x4x?xf32>
// CHECK: bufferization.to_buffer %[[A]] read_only : tensor<?x4x3xf32> to memref<?x4x3xf32, strided<[?, ?, ?], offset: ?>>
// CHECK: bufferization.to_buffer %[[B]] read_only : tensor<?x3x?xf32> to memref<?x3x?xf32, strided<[?, ?, ?], offset: ?>>
// AVX2: call @sqz_cpu_batch_matmul_f32_avx2(
// AVX512: call @sqz_cpu_batch_matmul_f32_avx512(
// CHECK-SAME: (memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>, i64) -> ()
// CHECK: bufferization.to_tensor %[[C]] restrict writable
// CHECK-NOT: linalg.fill
// GENERIC-LABEL: func.func @batch_matmul_f32(
// GENERIC: linalg.batch_matmul
func.func @batch_matmul_f32(%a: tensor<?x4x3xf32>, %b: tensor<?x3x?xf32>) -> tensor<?x4x?xf32> {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %batch = tensor.dim %a, %c0 : tensor<?x4x3xf32>
  %n = tensor.dim %b, %c2 : tensor<?x3x?xf32>
  %e = tensor.empty(%batch, %n) : tensor<?x4x?xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<?x4x?xf32>) -> tensor<?x4x?xf32>
  %c = linalg.batch_matmul ins(%a, %b : tensor<?x4x3xf32>, tensor<?x3x?xf32>) outs(%f : tensor<?x4x?xf32>) -> tensor<?x4x?xf32>
  return %c : tensor<?x4x?xf32>
}
