//===- GemmAvx512.cpp - The GEMM kernels for AVX-512 (and VNNI) -----------===//
//
// f32: 12 x 32 register tiles (24 zmm accumulators), the layout
// kGemmF32Avx512Layout. int8: `vpdpbusd` (u8 x s8 quads into i32): A is
// offset by 128 into unsigned bytes and the accumulators start from the
// packed correction `-128 * sum_k B[k, n]`; 6 x 64 tiles, the layout
// kGemmS8Avx512VnniLayout. Weight-only 8- and 4-bit codes: unpacked in
// registers, either converted to f32 (GemmDequant.h) or multiplied with
// activations quantized to int8 on `vpdpbusd` (GemmQuantA8.h).
//
// Compiled with AVX-512 F/BW/VL/DQ and VNNI: called only from code that the
// compiler generated for a CPU with them.
//
//===----------------------------------------------------------------------===//

#include "sqz/Runtime/CPUKernels.h"
#include "sqz/Runtime/WeightPacking.h"
#include "sqz/Runtime/WorkerPool.h"

#include <immintrin.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

// Every function from here on is compiled for the instruction set (the
// headers above, the standard library's included, keep the default target).
#pragma clang attribute push(                                                  \
    __attribute__((                                                            \
        target("avx512f,avx512bw,avx512vl,avx512dq,avx512vnni,fma"))),         \
    apply_to = function)

#include "ErfAvx512.h"
#include "GemmDequant.h"
#include "GemmF32.h"
#include "GemmQuantA8.h"
#include "GemmS8.h"
#include "QuantizeRows.h"

using namespace sqzrt;

namespace {

struct Avx512 {
  // ---- f32 ----
  using F32 = __m512;
  using F32Mask = __mmask16;
  static constexpr int64_t kF32Lanes = 16;
  static constexpr int kF32Rows = 12;
  static_assert(2 * kF32Lanes == kGemmF32Avx512Layout.panelWidth);

  static F32Mask f32Mask(int64_t columns) { return columnMask16(columns); }
  static F32 zeroF32() { return _mm512_setzero_ps(); }
  static F32 loadF32(const float *p) { return _mm512_loadu_ps(p); }
  static F32 loadF32(const float *p, F32Mask mask) {
    return _mm512_maskz_loadu_ps(mask, p);
  }
  static void storeF32(float *p, F32 value, F32Mask mask) {
    _mm512_mask_storeu_ps(p, mask, value);
  }
  static F32 broadcastF32(float value) { return _mm512_set1_ps(value); }
  static F32 fma(F32 a, F32 b, F32 acc) { return _mm512_fmadd_ps(a, b, acc); }
  static F32 addF32(F32 a, F32 b) { return _mm512_add_ps(a, b); }
  static F32 subF32(F32 a, F32 b) { return _mm512_sub_ps(a, b); }
  static F32 mulF32(F32 a, F32 b) { return _mm512_mul_ps(a, b); }
  static void storeF32(float *p, F32 value) { _mm512_storeu_ps(p, value); }
  /// acc - a * b.
  static F32 fnma(F32 a, F32 b, F32 acc) { return _mm512_fnmadd_ps(a, b, acc); }
  /// GELU in its erf form (ErfAvx512.h).
  static constexpr bool kHasGelu = true;
  static F32 gelu(F32 x) { return geluErfAvx512(x); }

  // ---- weight-only quantized: codes unpacked in registers ----
  static constexpr int kDequantRows = 6;
  /// 16 signed bytes as f32.
  static F32 bytesToF32(const int8_t *p) {
    return _mm512_cvtepi32_ps(_mm512_cvtepi8_epi32(
        _mm_loadu_si128(reinterpret_cast<const __m128i *>(p))));
  }
  /// 16 bytes of two nibbles each (code + 8): the low nibbles as the first
  /// 16 codes, the high ones as the next 16, in f32.
  /// A lookup, not arithmetic: `vpermps` picks from a table of the 16 codes
  /// (c - 8 as f32) by the low four bits of each lane, so the low nibble
  /// needs no mask and neither needs a subtract or a conversion. Three
  /// vector operations instead of seven on the two ports that also do the
  /// multiply-adds (the W4 GEMV was bound by them); the values are the same.
  static void nibblesToF32(const uint8_t *p, F32 &low, F32 &high) {
    const __m512 codes =
        _mm512_setr_ps(-8.0f, -7.0f, -6.0f, -5.0f, -4.0f, -3.0f, -2.0f, -1.0f,
                       0.0f, 1.0f, 2.0f, 3.0f, 4.0f, 5.0f, 6.0f, 7.0f);
    __m512i bytes = _mm512_cvtepu8_epi32(
        _mm_loadu_si128(reinterpret_cast<const __m128i *>(p)));
    low = _mm512_permutexvar_ps(bytes, codes);
    high = _mm512_permutexvar_ps(_mm512_srli_epi32(bytes, 4), codes);
  }

  // ---- int8 with VNNI ----
  using I32 = __m512i;
  using I32Mask = __mmask16;
  using AElement = uint8_t;
  static constexpr int64_t kI32Lanes = 16;
  static constexpr int kS8Vectors = 4;
  static constexpr int64_t kGroup = 4;
  static constexpr int kS8Rows = 6;
  static_assert(kS8Vectors * kI32Lanes == kGemmS8Avx512VnniLayout.panelWidth &&
                kGroup == kGemmS8Avx512VnniLayout.kGroup);

  static I32Mask i32Mask(int64_t columns) { return columnMask16(columns); }
  /// s8 + 128 as u8: the sign bit flipped.
  static uint8_t prepare(int8_t value) {
    return static_cast<uint8_t>(value) ^ 0x80;
  }
  static I32 startI32(const int32_t *start, int j) {
    return start ? _mm512_loadu_si512(start + 16 * j) : _mm512_setzero_si512();
  }
  /// Columns [16 j, 16 j + 16) of a group: 64 bytes, 4 per column.
  static I32 loadWeights(const int8_t *group, int j) {
    return _mm512_loadu_si512(group + 64 * j);
  }
  static I32 broadcastGroup(const uint8_t *quad) {
    int32_t bits;
    std::memcpy(&bits, quad, sizeof(bits));
    return _mm512_set1_epi32(bits);
  }
  static I32 dot(I32 acc, I32 a, I32 b) {
    return _mm512_dpbusd_epi32(acc, a, b);
  }
  static I32 addI32(I32 a, I32 b) { return _mm512_add_epi32(a, b); }
  static F32 i32ToF32(I32 value) { return _mm512_cvtepi32_ps(value); }
  static void storeI32(int32_t *p, I32 value, I32Mask mask) {
    _mm512_mask_storeu_epi32(p, mask, value);
  }
};

} // namespace

extern "C" void _mlir_ciface_sqz_cpu_gemm_f32_avx512(MemRef<float, 2> *c,
                                                     MemRef<float, 2> *a,
                                                     MemRef<float, 1> *packed,
                                                     int64_t threads) {
  GemmF32<Avx512>::run(c, a, packed, resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_batch_matmul_f32_avx512(
    MemRef<float, 3> *c, MemRef<float, 3> *a, MemRef<float, 3> *b,
    int64_t threads) {
  GemmF32<Avx512>::runBatched(c, a, b, resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_q8_avx512(
    MemRef<float, 2> *c, MemRef<float, 2> *a, MemRef<int8_t, 1> *codes,
    MemRef<float, 1> *scales, MemRef<float, 1> *zeros, int64_t threads) {
  GemmDequant<Avx512, 8>::run(c, a, codes, scales, zeros,
                              resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_q4_avx512(
    MemRef<float, 2> *c, MemRef<float, 2> *a, MemRef<int8_t, 1> *codes,
    MemRef<float, 1> *scales, MemRef<float, 1> *zeros, int64_t threads) {
  GemmDequant<Avx512, 4>::run(c, a, codes, scales, zeros,
                              resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_q8a8_avx512vnni(
    MemRef<float, 2> *c, MemRef<float, 2> *a, MemRef<int8_t, 1> *codes,
    MemRef<float, 1> *scales, MemRef<float, 1> *zeros, int64_t threads) {
  GemmQuantA8<8>::run(c, a, codes, scales, zeros, resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_q4a8_avx512vnni(
    MemRef<float, 2> *c, MemRef<float, 2> *a, MemRef<int8_t, 1> *codes,
    MemRef<float, 1> *scales, MemRef<float, 1> *zeros, int64_t threads) {
  GemmQuantA8<4>::run(c, a, codes, scales, zeros, resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_s8_avx512vnni(
    MemRef<int32_t, 2> *c, MemRef<int8_t, 2> *a, MemRef<int8_t, 1> *packed,
    MemRef<int32_t, 1> *correction, int64_t threads) {
  GemmS8<Avx512>::run(c, a, packed, correction->data(),
                      resolveThreads(threads));
}

namespace {

/// The epilogue of a scaled call: the dequantization, then GELU when
/// `activation` asks for it, then the addend's rows (none when it has no
/// rows).
GemmS8<Avx512>::Scales scaledEpilogue(const float *rowScales, int64_t rowStride,
                                      MemRef<float, 1> *columnScales,
                                      MemRef<float, 1> *bias,
                                      const RowMajorAddend &addend,
                                      int64_t activation) {
  GemmS8<Avx512>::Scales scales{rowScales, rowStride, columnScales->data(),
                                bias->sizes[0] ? bias->data() : nullptr};
  scales.gelu = activation == int64_t(EpilogueActivation::GeluErf);
  scales.addend = addend.data;
  scales.addendStride = addend.stride;
  return scales;
}

} // namespace

extern "C" void _mlir_ciface_sqz_cpu_gemm_s8_scaled_avx512vnni(
    MemRef<float, 2> *c, MemRef<int8_t, 2> *a, MemRef<int8_t, 1> *packed,
    MemRef<int32_t, 1> *correction, MemRef<float, 1> *columnScales,
    MemRef<float, 1> *bias, MemRef<float, 1> *rowScales,
    MemRef<float, 2> *addend, int64_t activation, int64_t threads) {
  RowMajorAddend rows(*addend);
  GemmS8<Avx512>::runScaled(c, a, packed, correction->data(),
                            scaledEpilogue(rowScales->data(),
                                           rowScales->strides[0], columnScales,
                                           bias, rows, activation),
                            resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_s8_quantized_avx512vnni(
    MemRef<float, 2> *c, MemRef<float, 2> *x, MemRef<int8_t, 1> *packed,
    MemRef<int32_t, 1> *correction, MemRef<float, 1> *columnScales,
    MemRef<float, 1> *bias, float qmin, float qmax, MemRef<float, 2> *addend,
    int64_t activation, int64_t threads) {
  RowMajorAddend rows(*addend);
  GemmS8<Avx512>::runQuantizing(
      c, x, packed, correction->data(),
      scaledEpilogue(nullptr, 0, columnScales, bias, rows, activation),
      quantizeRowToQuads, qmin, qmax, resolveThreads(threads));
}

#pragma clang attribute pop
