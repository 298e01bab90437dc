//===- QuantizeRows.h - Per-row int8 quantization, AVX-512 -*- C++ -*-===//
//
// The dynamic symmetric quantization of one activation row, as the
// reference lowering computes it and to the bit: `scale = max(-min(0, x),
// max(0, x)) / qmax` (1 where that is 0), then `code = clamp(roundeven(x /
// scale), qmin, qmax)`. The quotient is the true division's, as in the
// reference (a multiply by the reciprocal alone rounds differently near half
// steps), computed from the reciprocal with one correction (ExactDivision),
// and NaN follows the reference's compiled code: a row with a NaN gets a NaN
// scale, and an element whose quotient is NaN the code 0.
//
// AVX-512 intrinsics with internal linkage: include it only inside a region
// compiled for AVX-512 F/BW/VL/DQ (QuantizeAvx512.cpp, GemmAvx512.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CPU_QUANTIZEROWS_H
#define SQZ_RUNTIME_CPU_QUANTIZEROWS_H

#include "RowsAvx512.h"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace sqzrt {
namespace {

/// The 16 bytes of `bytes` as four quads of a packed row: bytes 4q .. 4q + 3
/// at `quad + q * quadStride`.
inline void storeQuads(void *quad, int64_t quadStride, __m128i bytes) {
  auto *out = static_cast<char *>(quad);
  _mm_storeu_si32(out, bytes);
  _mm_storeu_si32(out + quadStride, _mm_srli_si128(bytes, 4));
  _mm_storeu_si32(out + 2 * quadStride, _mm_srli_si128(bytes, 8));
  _mm_storeu_si32(out + 3 * quadStride, _mm_srli_si128(bytes, 12));
}

/// `max |x|` over a row of `k` elements `stride` apart, NaN if one is NaN.
inline float rowAbsMax(const float *x, int64_t k, int64_t stride) {
  const __m512 signBit = _mm512_set1_ps(-0.0f);
  __m512 largest = _mm512_setzero_ps();
  __mmask16 nan = 0;
  if (stride == 1) {
    for (int64_t j = 0; j < k; j += kRowLanes) {
      __m512 v = _mm512_maskz_loadu_ps(firstLanes(k - j), x + j);
      nan |= _mm512_cmp_ps_mask(v, v, _CMP_UNORD_Q);
      largest = _mm512_max_ps(largest, _mm512_andnot_ps(signBit, v));
    }
  } else {
    float scalar = 0.0f;
    for (int64_t j = 0; j < k; ++j) {
      float v = x[j * stride];
      if (std::isnan(v))
        return std::numeric_limits<float>::quiet_NaN();
      scalar = std::max(scalar, std::fabs(v));
    }
    return scalar;
  }
  if (nan)
    return std::numeric_limits<float>::quiet_NaN();
  return _mm512_reduce_max_ps(largest);
}

/// `x / scale` rounded to nearest even, clamped to [qmin, qmax], as int32
/// lanes; 0 where the quotient is NaN.
inline __m512i quantizeLanes(__m512 x, const ExactDivision &scale, __m512 qmin,
                             __m512 qmax) {
  __m512 q = scale.divide(x);
  __mmask16 nan = _mm512_cmp_ps_mask(q, q, _CMP_UNORD_Q);
  __m512 r =
      _mm512_roundscale_ps(q, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  r = _mm512_min_ps(_mm512_max_ps(r, qmin), qmax);
  return _mm512_maskz_cvtps_epi32(__mmask16(~nan), r);
}

/// The code of one element (the strided rows' path, a lane at a time).
inline int32_t quantizeOne(float x, const ExactDivision &scale, __m512 qmin,
                           __m512 qmax) {
  return _mm_cvtsi128_si32(_mm512_castsi512_si128(
      quantizeLanes(_mm512_set1_ps(x), scale, qmin, qmax)));
}

/// Row i's codes from its scale.
inline void quantizeRow(const float *x, int64_t k, int64_t stride, float scale,
                        float qmin, float qmax, int8_t *out) {
  ExactDivision s(scale);
  __m512 lo = _mm512_set1_ps(qmin), hi = _mm512_set1_ps(qmax);
  if (stride == 1) {
    for (int64_t j = 0; j < k; j += kRowLanes) {
      __mmask16 lanes = firstLanes(k - j);
      __m512i codes =
          quantizeLanes(_mm512_maskz_loadu_ps(lanes, x + j), s, lo, hi);
      _mm512_mask_cvtepi32_storeu_epi8(out + j, lanes, codes);
    }
    return;
  }
  for (int64_t j = 0; j < k; ++j)
    out[j] = int8_t(quantizeOne(x[j * stride], s, lo, hi));
}

/// The scale of a row whose largest magnitude is `absMax`.
inline float scaleOf(float absMax, float qmax) {
  float scale = absMax / qmax;
  return scale == 0.0f ? 1.0f : scale;
}

/// Row `x` (k elements `stride` apart) quantized with its own scale
/// (returned), its codes offset by 128 into unsigned bytes (`vpdpbusd`'s
/// operand) and stored four at a time as a row of the int8 kernel's packed
/// A: codes 4g .. 4g + 3 at `out + g * quadStride`.
inline float quantizeRowToQuads(const float *x, int64_t k, int64_t stride,
                                float qmin, float qmax, uint8_t *out,
                                int64_t quadStride) {
  float scale = scaleOf(rowAbsMax(x, k, stride), qmax);
  ExactDivision s(scale);
  __m512 lo = _mm512_set1_ps(qmin), hi = _mm512_set1_ps(qmax);
  const __m128i offset = _mm_set1_epi8(char(0x80));
  int64_t j = 0;
  if (stride == 1)
    for (; j + kRowLanes <= k; j += kRowLanes) {
      __m128i bytes = _mm_xor_si128(_mm512_cvtepi32_epi8(quantizeLanes(
                                        _mm512_loadu_ps(x + j), s, lo, hi)),
                                    offset);
      storeQuads(out + (j / 4) * quadStride, quadStride, bytes);
    }
  for (; j < k; ++j)
    out[(j / 4) * quadStride + j % 4] =
        uint8_t(quantizeOne(x[j * stride], s, lo, hi) ^ 0x80);
  return scale;
}

} // namespace
} // namespace sqzrt

#endif // SQZ_RUNTIME_CPU_QUANTIZEROWS_H
