//===- GemmAvx2.cpp - The GEMM kernels for AVX2 with FMA ------------------===//
//
// f32: 6 x 16 register tiles (12 ymm accumulators), the layout
// kGemmF32Avx2Layout. int8: AVX2 has no 8-bit dot product that is exact for
// every code (`vpmaddubsw` saturates its 16-bit pair sums), so bytes are
// widened to i16 (A once per call, B on load with `vpmovsxbw`) and
// multiplied in pairs with `vpmaddwd` into i32: 4 x 16 tiles, the layout
// kGemmS8Avx2Layout.
//
// Compiled for AVX2 and FMA: called only from code that the compiler
// generated for a CPU with both.
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
#pragma clang attribute push(__attribute__((target("avx2,fma"))),              \
                             apply_to = function)

#include "GemmDequant.h"
#include "GemmF32.h"
#include "GemmS8.h"

using namespace sqzrt;

namespace {

/// The lane mask of the first `count` (clamped to [0, 8]) of 8 lanes.
__m256i laneMask8(int64_t count) {
  count = std::clamp<int64_t>(count, 0, 8);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(count)),
                            _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

struct Avx2 {
  // ---- f32 ----
  using F32 = __m256;
  using F32Mask = __m256i;
  static constexpr int64_t kF32Lanes = 8;
  static constexpr int kF32Rows = 6;
  static_assert(2 * kF32Lanes == kGemmF32Avx2Layout.panelWidth);

  static F32Mask f32Mask(int64_t columns) { return laneMask8(columns); }
  static F32 zeroF32() { return _mm256_setzero_ps(); }
  static F32 loadF32(const float *p) { return _mm256_loadu_ps(p); }
  static F32 loadF32(const float *p, F32Mask mask) {
    return _mm256_maskload_ps(p, mask);
  }
  static void storeF32(float *p, F32 value, F32Mask mask) {
    _mm256_maskstore_ps(p, mask, value);
  }
  static F32 broadcastF32(float value) { return _mm256_set1_ps(value); }
  static F32 fma(F32 a, F32 b, F32 acc) { return _mm256_fmadd_ps(a, b, acc); }
  static F32 addF32(F32 a, F32 b) { return _mm256_add_ps(a, b); }
  static F32 subF32(F32 a, F32 b) { return _mm256_sub_ps(a, b); }
  static F32 mulF32(F32 a, F32 b) { return _mm256_mul_ps(a, b); }
  static void storeF32(float *p, F32 value) { _mm256_storeu_ps(p, value); }
  /// acc - a * b.
  static F32 fnma(F32 a, F32 b, F32 acc) { return _mm256_fnmadd_ps(a, b, acc); }
  /// No GELU epilogue: the compiler fuses activations on AVX-512 only.
  static constexpr bool kHasGelu = false;

  // ---- weight-only quantized: codes unpacked in registers ----
  static constexpr int kDequantRows = 6;
  /// 8 signed bytes as f32.
  static F32 bytesToF32(const int8_t *p) {
    return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(
        _mm_loadl_epi64(reinterpret_cast<const __m128i *>(p))));
  }
  /// 8 bytes of two nibbles each (code + 8): the low nibbles as the first 8
  /// codes, the high ones as the next 8, in f32.
  static void nibblesToF32(const uint8_t *p, F32 &low, F32 &high) {
    __m256i bytes = _mm256_cvtepu8_epi32(
        _mm_loadl_epi64(reinterpret_cast<const __m128i *>(p)));
    __m256i eight = _mm256_set1_epi32(8);
    low = _mm256_cvtepi32_ps(_mm256_sub_epi32(
        _mm256_and_si256(bytes, _mm256_set1_epi32(0xf)), eight));
    high = _mm256_cvtepi32_ps(
        _mm256_sub_epi32(_mm256_srli_epi32(bytes, 4), eight));
  }

  // ---- int8 through i16 pairs ----
  using I32 = __m256i;
  using I32Mask = __m256i;
  using AElement = int16_t;
  static constexpr int64_t kI32Lanes = 8;
  static constexpr int kS8Vectors = 2;
  static constexpr int64_t kGroup = 2;
  static constexpr int kS8Rows = 4;
  static_assert(kS8Vectors * kI32Lanes == kGemmS8Avx2Layout.panelWidth &&
                kGroup == kGemmS8Avx2Layout.kGroup);

  static I32Mask i32Mask(int64_t columns) { return laneMask8(columns); }
  static int16_t prepare(int8_t value) { return value; }
  static I32 startI32(const int32_t *start, int j) {
    return start ? _mm256_loadu_si256(
                       reinterpret_cast<const __m256i *>(start + 8 * j))
                 : _mm256_setzero_si256();
  }
  /// Columns [8 j, 8 j + 8) of a group: 16 bytes, widened to 8 i16 pairs.
  static I32 loadWeights(const int8_t *group, int j) {
    return _mm256_cvtepi8_epi16(
        _mm_loadu_si128(reinterpret_cast<const __m128i *>(group + 16 * j)));
  }
  static I32 broadcastGroup(const int16_t *pair) {
    int32_t bits;
    std::memcpy(&bits, pair, sizeof(bits));
    return _mm256_set1_epi32(bits);
  }
  static I32 dot(I32 acc, I32 a, I32 b) {
    return _mm256_add_epi32(acc, _mm256_madd_epi16(a, b));
  }
  static I32 addI32(I32 a, I32 b) { return _mm256_add_epi32(a, b); }
  static void storeI32(int32_t *p, I32 value, I32Mask mask) {
    _mm256_maskstore_epi32(reinterpret_cast<int *>(p), mask, value);
  }
  static F32 i32ToF32(I32 value) { return _mm256_cvtepi32_ps(value); }
};

} // namespace

extern "C" void _mlir_ciface_sqz_cpu_gemm_f32_avx2(MemRef<float, 2> *c,
                                                   MemRef<float, 2> *a,
                                                   MemRef<float, 1> *packed,
                                                   int64_t threads) {
  GemmF32<Avx2>::run(c, a, packed, resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_batch_matmul_f32_avx2(MemRef<float, 3> *c,
                                                           MemRef<float, 3> *a,
                                                           MemRef<float, 3> *b,
                                                           int64_t threads) {
  GemmF32<Avx2>::runBatched(c, a, b, resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_q8_avx2(
    MemRef<float, 2> *c, MemRef<float, 2> *a, MemRef<int8_t, 1> *codes,
    MemRef<float, 1> *scales, MemRef<float, 1> *zeros, int64_t threads) {
  GemmDequant<Avx2, 8>::run(c, a, codes, scales, zeros,
                            resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_q4_avx2(
    MemRef<float, 2> *c, MemRef<float, 2> *a, MemRef<int8_t, 1> *codes,
    MemRef<float, 1> *scales, MemRef<float, 1> *zeros, int64_t threads) {
  GemmDequant<Avx2, 4>::run(c, a, codes, scales, zeros,
                            resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_s8_avx2(MemRef<int32_t, 2> *c,
                                                  MemRef<int8_t, 2> *a,
                                                  MemRef<int8_t, 1> *packed,
                                                  int64_t threads) {
  GemmS8<Avx2>::run(c, a, packed, /*start=*/nullptr, resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_s8_scaled_avx2(
    MemRef<float, 2> *c, MemRef<int8_t, 2> *a, MemRef<int8_t, 1> *packed,
    MemRef<float, 1> *columnScales, MemRef<float, 1> *bias,
    MemRef<float, 1> *rowScales, MemRef<float, 2> *addend, int64_t threads) {
  RowMajorAddend rows(*addend);
  GemmS8<Avx2>::Scales scales{rowScales->data(), rowScales->strides[0],
                              columnScales->data(),
                              bias->sizes[0] ? bias->data() : nullptr};
  scales.addend = rows.data;
  scales.addendStride = rows.stride;
  GemmS8<Avx2>::runScaled(c, a, packed, /*start=*/nullptr, scales,
                          resolveThreads(threads));
}

#pragma clang attribute pop
