// weight-only-compute=int8: weight-only layers run on the int8 dot-product
// kernels where the CPU has AVX-512 VNNI (znver4), their codes packed as
// unsigned bytes in quads of K; without VNNI (skylake-avx512) and for
// groups that are not whole quads of K they keep the f32 kernels.
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels="target-cpu=znver4 weight-only-compute=int8" --mlir-elide-resource-strings-if-larger=4096 | FileCheck %s --check-prefixes=CHECK,VNNI
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels="target-cpu=skylake-avx512 weight-only-compute=int8" | FileCheck %s --check-prefixes=CHECK,NOVNNI
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels="target-cpu=znver4 weight-only-compute=f32" | FileCheck %s --check-prefixes=CHECK,F32
// RUN: not sqz-opt %s --sqz-cpu-gemm-kernels="weight-only-compute=int4" 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: 'int4' is not one of: f32, int8
// The pipeline and the tools take the option too.
// RUN: sqz-opt %s -split-input-file --sqz-lower-to-cpu="target-cpu=znver4 weight-only-compute=int8 check=0" | FileCheck %s --check-prefix=PIPELINE
// PIPELINE: llvm.call @sqz_cpu_gemm_q4a8_avx512vnni(
// RUN: not sqz-run %s --entry w4_channel --weight-only-compute=int4 2>&1 | FileCheck %s --check-prefix=SQZRUNERR
// SQZRUNERR: sqz-run: for the --weight-only-compute option: 'int4' is not one of: f32, int8
// RUN: not sqz-compile %s --target=cpu --weight-only-compute=int4 -o %t.so 2>&1 | FileCheck %s --check-prefix=BADCOMPILE
// BADCOMPILE: sqz-compile: for the --weight-only-compute option: 'int4' is not one of: f32, int8

// 4-bit codes c + 8 in 64-column panels and one quad of K (128 bytes):
// column 0's two rows (9, 11) at bytes 0 and 1, column 1's (6, 0) at
// bytes 4 and 5, all in the low nibbles (columns 16-31 of the block would
// be the high ones); scales in 64-column panels.
// VNNI: memref.global "private" constant @__sqz_packed_scales : memref<64xf32>
// VNNI: memref.global "private" constant @__sqz_packed_codes : memref<128xi8>
// CHECK-LABEL: func.func @w4_channel(
// CHECK-NOT: sqz.pack
// VNNI: call @sqz_cpu_gemm_q4a8_avx512vnni(
// NOVNNI: call @sqz_cpu_gemm_q4_avx512(
// F32: call @sqz_cpu_gemm_q4_avx512(
// VNNI: __sqz_packed_codes: "0x40000000090B000006{{(00){123}()}}"
func.func @w4_channel(%x: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %codes = arith.constant dense<[[1, -2], [3, -8]]> : tensor<2x2xi4>
  %scales = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %w = sqz.pack %codes scales(%scales : tensor<2xf32>) : tensor<2x2xi4> -> !sqz.tensor<2x2xf32, #sqz.quant<i4, per_channel(1), symmetric>>
  %y = sqz.matmul %x, %w : tensor<3x2xf32>, !sqz.tensor<2x2xf32, #sqz.quant<i4, per_channel(1), symmetric>> -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// -----

// 8-bit unsigned codes are the kernel's unsigned bytes as stored (q - 128
// + 128), four rows of a column together: column 0 is bytes 0-3, column 1
// bytes 4-7; groups of four K (one quad each), zero points z - 128.
// VNNI: memref.global "private" constant @__sqz_packed_zero_points : memref<128xf32>
// VNNI: memref.global "private" constant @__sqz_packed_codes : memref<512xi8>
// CHECK-LABEL: func.func @u8_group4_zero_points(
// VNNI: call @sqz_cpu_gemm_q8a8_avx512vnni(
// NOVNNI: call @sqz_cpu_gemm_q8_avx512(
// VNNI: __sqz_packed_codes: "0x400000000103050702040608{{(00){248}()}}090B0D0F0A0C0E10{{(00){248}()}}"
func.func @u8_group4_zero_points(%x: tensor<3x8xf32>) -> tensor<3x2xf32> {
  %codes = arith.constant dense<[[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14], [15, 16]]> : tensor<8x2xi8>
  %scales = arith.constant dense<[[0.5, 0.25], [1.0, 2.0]]> : tensor<2x2xf32>
  %zeros = arith.constant dense<[[0, 255], [8, 128]]> : tensor<2x2xi32>
  %w = sqz.pack %codes scales(%scales : tensor<2x2xf32>) zero_points(%zeros : tensor<2x2xi32>) : tensor<8x2xi8> -> !sqz.tensor<8x2xf32, #sqz.quant<u8, per_group(0, 4), asymmetric>>
  %y = sqz.matmul %x, %w : tensor<3x8xf32>, !sqz.tensor<8x2xf32, #sqz.quant<u8, per_group(0, 4), asymmetric>> -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// -----

// Groups of two K are not whole quads: the f32 kernel.
// CHECK-LABEL: func.func @i8_group2(
// VNNI: call @sqz_cpu_gemm_q8_avx512(
// NOVNNI: call @sqz_cpu_gemm_q8_avx512(
func.func @i8_group2(%x: tensor<3x4xf32>) -> tensor<3x2xf32> {
  %codes = arith.constant dense<[[1, 2], [3, 4], [5, 6], [7, 8]]> : tensor<4x2xi8>
  %scales = arith.constant dense<[[0.5, 0.25], [1.0, 2.0]]> : tensor<2x2xf32>
  %w = sqz.pack %codes scales(%scales : tensor<2x2xf32>) : tensor<4x2xi8> -> !sqz.tensor<4x2xf32, #sqz.quant<i8, per_group(0, 2), symmetric>>
  %y = sqz.matmul %x, %w : tensor<3x4xf32>, !sqz.tensor<4x2xf32, #sqz.quant<i8, per_group(0, 2), symmetric>> -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}

// -----

// A group (here all of K, per channel) longer than kQuantVnniMaxGroup:
// its i32 sums could overflow, so the f32 kernel.
// CHECK-LABEL: func.func @i4_channel_too_long(
// VNNI: call @sqz_cpu_gemm_q4_avx512(
func.func @i4_channel_too_long(%x: tensor<1x65540xf32>) -> tensor<1x2xf32> {
  %codes = arith.constant dense<7> : tensor<65540x2xi4>
  %scales = arith.constant dense<[0.5, 0.25]> : tensor<2xf32>
  %w = sqz.pack %codes scales(%scales : tensor<2xf32>) : tensor<65540x2xi4> -> !sqz.tensor<65540x2xf32, #sqz.quant<i4, per_channel(1), symmetric>>
  %y = sqz.matmul %x, %w : tensor<1x65540xf32>, !sqz.tensor<65540x2xf32, #sqz.quant<i4, per_channel(1), symmetric>> -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}
