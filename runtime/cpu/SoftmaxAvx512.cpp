//===- SoftmaxAvx512.cpp - Softmax over rows, AVX-512 ---------------------===//
//
// y[i, :] = exp(x[i, :] - max(x[i, :])) / sum(exp(x[i, :] - max(x[i, :])))
// one row at a time, so that a row's three passes (largest value,
// exponentials and their sum, division) read it from L1 instead of
// streaming the whole tensor through memory three times, as the four
// generic ops of a decomposed softmax did (40% of the compiled glue of a
// MiniLM layer). Rows are split over threads.
//
// The masked variant first computes what attention exponentiates, x times
// (or divided by, through ExactDivision) a scale plus a mask row that rows may
// share (a mask per sequence, broadcast over the heads), in the row's first
// pass: the scaled and masked scores never exist as a tensor.
//
// The maximum propagates NaN like `arith.maximumf`; exp is a polynomial on
// a reduced argument (within 2 ulp of the exact value for the arguments at
// or below 0 that it gets, 0 below -104); the division is the true
// division's (ExactDivision; for exponentials below 2^-100 it may be an
// ulp off). The sum is taken 16 lanes at a time, so it
// rounds differently from an in-order sum.
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
#include <optional>

using namespace sqzrt;

#pragma clang attribute push(                                                  \
    __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,fma"))),         \
    apply_to = function)

#include "RowsAvx512.h"

namespace {

/// An element's work in multiply-adds, for threadsForWork (the
/// exponential's polynomial and the division).
constexpr int64_t kWorkPerElement = 16;

/// e^x lane by lane for x <= 0 or NaN: x = n ln 2 + r with |r| <= ln 2 / 2,
/// e^r by a degree-7 polynomial, scaled by 2^n. Below -104, where e^x is
/// under half the smallest subnormal, exactly 0; NaN stays NaN.
__m512 expNonPositive(__m512 x) {
  __mmask16 vanishing =
      _mm512_cmp_ps_mask(x, _mm512_set1_ps(-104.0f), _CMP_LT_OQ);
  x = _mm512_max_ps(_mm512_set1_ps(-104.0f), x); // NaN: returns x
  __m512 n = _mm512_roundscale_ps(
      _mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
      _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  // ln 2 in two parts, the first exact in few bits: r is exact.
  __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693145751953125f), x);
  r = _mm512_fnmadd_ps(n, _mm512_set1_ps(1.428606765330187e-06f), r);
  // 1 + r + r^2/2! + ... + r^7/7! (Horner); the truncation error is below
  // (ln 2 / 2)^8 / 8! ~ 5e-9, under half an ulp of the result.
  __m512 p = _mm512_set1_ps(1.0f / 5040.0f);
  for (float c : {1.0f / 720.0f, 1.0f / 120.0f, 1.0f / 24.0f, 1.0f / 6.0f, 0.5f,
                  1.0f, 1.0f})
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(c));
  return _mm512_maskz_mov_ps(__mmask16(~vanishing), _mm512_scalef_ps(p, n));
}

/// What a masked softmax exponentiates, computed as the reference does:
/// x times (or divided by) one scale, rounded, plus the row's mask value,
/// rounded (no fused multiply-add). A null mask adds nothing.
/// A divisor divides through its reciprocal (ExactDivision): the true
/// quotient, without a `vdivps` per vector.
struct ScaledScores {
  __m512 scale;
  const ExactDivision *divisor;
  const float *mask;
  int64_t maskStride;

  __m512 apply(__m512 x, int64_t j, int64_t count, __mmask16 lanes) const {
    __m512 v = divisor ? divisor->divideAll(x) : _mm512_mul_ps(x, scale);
    if (!mask)
      return v;
    return _mm512_add_ps(
        v, loadLanes(mask + j * maskStride, maskStride, count, lanes));
  }
};

/// One row of `k` elements (`stride` apart) into `y` (unit stride); with
/// `scores`, the softmax of the scaled and masked row, which the first pass
/// writes into `y` for the next one to read.
void softmaxRow(const float *x, int64_t k, int64_t stride, float *y,
                const ScaledScores *scores) {
  // The largest value; NaN if any is NaN.
  __m512 largest = _mm512_set1_ps(-std::numeric_limits<float>::infinity());
  __mmask16 nan = 0;
  for (int64_t j = 0; j < k; j += kRowLanes) {
    __mmask16 lanes = firstLanes(k - j);
    __m512 v = loadLanes(x + j * stride, stride, k - j, lanes);
    if (scores) {
      v = scores->apply(v, j, k - j, lanes);
      _mm512_mask_storeu_ps(y + j, lanes, v);
    }
    nan |= _mm512_mask_cmp_ps_mask(lanes, v, v, _CMP_UNORD_Q);
    largest = _mm512_mask_max_ps(largest, lanes, largest, v);
  }
  float top = nan ? std::numeric_limits<float>::quiet_NaN()
                  : _mm512_reduce_max_ps(largest);
  if (scores) {
    x = y;
    stride = 1;
  }
  // The exponentials, kept in y, and their sum.
  __m512 shift = _mm512_set1_ps(top), sum = _mm512_setzero_ps();
  for (int64_t j = 0; j < k; j += kRowLanes) {
    __mmask16 lanes = firstLanes(k - j);
    __m512 e = expNonPositive(
        _mm512_sub_ps(loadLanes(x + j * stride, stride, k - j, lanes), shift));
    sum = _mm512_mask_add_ps(sum, lanes, sum, e);
    _mm512_mask_storeu_ps(y + j, lanes, e);
  }
  ExactDivision total(_mm512_reduce_add_ps(sum));
  for (int64_t j = 0; j < k; j += kRowLanes) {
    __mmask16 lanes = firstLanes(k - j);
    _mm512_mask_storeu_ps(y + j, lanes,
                          total.divide(_mm512_maskz_loadu_ps(lanes, y + j)));
  }
}

/// The masked variant's arguments: one scale or one divisor, and a mask
/// whose row r(i) = i / (broadcastRows * innerRows) * innerRows +
/// i % innerRows row i of the scores reads (a mask of 0 rows adds nothing).
struct MaskedRows {
  float scale;
  std::optional<ExactDivision> divisor;
  const MemRef<float, 2> *mask;
  int64_t broadcastRows, innerRows;

  ScaledScores ofRow(int64_t i) const {
    const float *row = nullptr;
    if (mask->sizes[0] != 0) {
      int64_t r = i / (broadcastRows * innerRows) * innerRows + i % innerRows;
      row = mask->data() + r * mask->strides[0];
    }
    return {_mm512_set1_ps(scale), divisor ? &*divisor : nullptr, row,
            mask->strides[1]};
  }
};

/// Softmax of each row of `x` into `y` on `threads`, of the scaled and
/// masked rows when `masked`.
void softmaxRows(MemRef<float, 2> *y, MemRef<float, 2> *x, int64_t threads,
                 const MaskedRows *masked) {
  int64_t m = x->sizes[0], k = x->sizes[1];
  auto row = [&](int64_t i) {
    std::optional<ScaledScores> scores;
    if (masked)
      scores = masked->ofRow(i);
    softmaxRow(x->data() + i * x->strides[0], k, x->strides[1],
               y->data() + i * y->strides[0], scores ? &*scores : nullptr);
  };
  parallelForRows(m, kRowsPerTask, m * k * kWorkPerElement,
                  resolveThreads(threads), row);
}

} // namespace

extern "C" void _mlir_ciface_sqz_cpu_softmax_rows_f32_avx512(
    MemRef<float, 2> *y, MemRef<float, 2> *x, int64_t threads) {
  softmaxRows(y, x, threads, nullptr);
}

extern "C" void _mlir_ciface_sqz_cpu_softmax_rows_masked_f32_avx512(
    MemRef<float, 2> *y, MemRef<float, 2> *x, MemRef<float, 2> *mask,
    float scale, int64_t divides, int64_t broadcastRows, int64_t innerRows,
    int64_t threads) {
  MaskedRows masked{scale, std::nullopt, mask, broadcastRows, innerRows};
  if (divides)
    masked.divisor.emplace(scale);
  softmaxRows(y, x, threads, &masked);
}

#pragma clang attribute pop
