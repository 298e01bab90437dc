//===- QuantizeAvx512.cpp - Dynamic per-row int8 quantization, AVX-512 ----===//
//
// The dynamic symmetric quantization of activations, one scale per row (the
// per-token scheme of W8A8), as the reference lowering computes it and to
// the bit: per row, `scale = max(-min(0, x), max(0, x)) / qmax` (1 where
// that is 0), then `code = clamp(roundeven(x / scale), qmin, qmax)`. The
// division is a true division, as in the reference (a multiply by the
// reciprocal rounds differently near half steps), and NaN follows the
// reference's compiled code: a row with a NaN gets a NaN scale, and an
// element whose quotient is NaN the code 0. Rows are split over threads.
//
// Compiled with AVX-512 F/BW/VL/DQ: called only from code generated for a
// CPU with them.
//
//===----------------------------------------------------------------------===//

#include "sqz/Runtime/CPUKernels.h"
#include "sqz/Runtime/WorkerPool.h"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace sqzrt;

#pragma clang attribute push(                                                  \
    __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,fma"))),         \
    apply_to = function)

namespace {

constexpr int64_t kLanes = 16;
/// Rows per parallel iteration: a few rows' work outweighs taking one.
constexpr int64_t kRowsPerTask = 8;
/// An element's work in multiply-adds, for threadsForWork: a vector
/// division costs about as many (128 x 1024 elements took 47 us).
constexpr int64_t kWorkPerElement = 16;

/// The lanes of the first `count` (at most 16) elements.
__mmask16 firstLanes(int64_t count) {
  return count >= kLanes ? __mmask16(0xffff) : __mmask16((1u << count) - 1);
}

/// `max |x|` over a row of `k` elements `stride` apart, NaN if one is NaN.
float rowAbsMax(const float *x, int64_t k, int64_t stride) {
  const __m512 signBit = _mm512_set1_ps(-0.0f);
  __m512 largest = _mm512_setzero_ps();
  __mmask16 nan = 0;
  if (stride == 1) {
    for (int64_t j = 0; j < k; j += kLanes) {
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
__m512i quantizeLanes(__m512 x, __m512 scale, __m512 qmin, __m512 qmax) {
  __m512 q = _mm512_div_ps(x, scale);
  __mmask16 nan = _mm512_cmp_ps_mask(q, q, _CMP_UNORD_Q);
  __m512 r =
      _mm512_roundscale_ps(q, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  r = _mm512_min_ps(_mm512_max_ps(r, qmin), qmax);
  return _mm512_maskz_cvtps_epi32(__mmask16(~nan), r);
}

/// Row i's codes from its scale.
void quantizeRow(const float *x, int64_t k, int64_t stride, float scale,
                 float qmin, float qmax, int8_t *out) {
  __m512 s = _mm512_set1_ps(scale), lo = _mm512_set1_ps(qmin),
         hi = _mm512_set1_ps(qmax);
  if (stride == 1) {
    for (int64_t j = 0; j < k; j += kLanes) {
      __mmask16 lanes = firstLanes(k - j);
      __m512i codes =
          quantizeLanes(_mm512_maskz_loadu_ps(lanes, x + j), s, lo, hi);
      _mm512_mask_cvtepi32_storeu_epi8(out + j, lanes, codes);
    }
    return;
  }
  for (int64_t j = 0; j < k; ++j) {
    __m512i code = quantizeLanes(_mm512_set1_ps(x[j * stride]), s, lo, hi);
    out[j] = int8_t(_mm_cvtsi128_si32(_mm512_castsi512_si128(code)));
  }
}

/// The scale of a row whose largest magnitude is `absMax`.
float scaleOf(float absMax, float qmax) {
  float scale = absMax / qmax;
  return scale == 0.0f ? 1.0f : scale;
}

} // namespace

extern "C" void
_mlir_ciface_sqz_cpu_quantize_row_scales_avx512(MemRef<float, 1> *scales,
                                                MemRef<float, 2> *x, float qmax,
                                                int64_t threads) {
  int64_t m = x->sizes[0], k = x->sizes[1];
  auto body = [&](int64_t task) {
    for (int64_t i = task * kRowsPerTask;
         i < std::min(m, (task + 1) * kRowsPerTask); ++i)
      scales->data()[i * scales->strides[0]] = scaleOf(
          rowAbsMax(x->data() + i * x->strides[0], k, x->strides[1]), qmax);
  };
  parallelFor((m + kRowsPerTask - 1) / kRowsPerTask,
              threadsForWork(resolveThreads(threads), m * k * kWorkPerElement),
              body);
}

extern "C" void _mlir_ciface_sqz_cpu_quantize_rows_s8_avx512(
    MemRef<int8_t, 2> *codes, MemRef<float, 2> *x, MemRef<float, 1> *scales,
    float qmin, float qmax, int64_t threads) {
  int64_t m = x->sizes[0], k = x->sizes[1];
  auto body = [&](int64_t task) {
    for (int64_t i = task * kRowsPerTask;
         i < std::min(m, (task + 1) * kRowsPerTask); ++i) {
      int8_t *out = codes->data() + i * codes->strides[0];
      quantizeRow(x->data() + i * x->strides[0], k, x->strides[1],
                  scales->data()[i * scales->strides[0]], qmin, qmax, out);
    }
  };
  parallelFor((m + kRowsPerTask - 1) / kRowsPerTask,
              threadsForWork(resolveThreads(threads), m * k * kWorkPerElement),
              body);
}

#pragma clang attribute pop
