//===- LayerNormAvx512.cpp - Layer normalization over rows, AVX-512 -------===//
//
// y[i, :] = ((x[i, :] - mean) * rstd) * gamma + beta, rstd = 1 / sqrt(var +
// epsilon), one row at a time with the row in L1, as torch-mlir decomposes
// `aten.layer_norm`: the mean is the f32 sum over the row divided by its
// length; the variance, when `varianceF64`, comes from the row converted to
// f64 (its own f64 mean, the f64 sum of squared differences divided by the
// length) and is rounded to f32, else it is computed the same way in f32.
// The decomposed form is sixteen generic ops that stream the tensor
// through memory one after the other, an f64 copy of it included: on
// MiniLM about 40% of the compiled glue.
//
// Every operation rounds as the decomposed form's does (no fused
// multiply-add); only the sums are taken in another order (16 or 8 lanes
// at a time), as the compiled row reductions take them too. Rows are split
// over threads.
//
// Compiled with AVX-512 F/BW/VL/DQ: called only from code generated for a
// CPU with them.
//
//===----------------------------------------------------------------------===//

#include "sqz/Runtime/CPUKernels.h"
#include "sqz/Runtime/WorkerPool.h"

#include <immintrin.h>

#include <cmath>

using namespace sqzrt;

#pragma clang attribute push(                                                  \
    __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,fma"))),         \
    apply_to = function)

#include "RowsAvx512.h"

namespace {

/// An element's work in multiply-adds, for threadsForWork (three passes,
/// f64 conversions).
constexpr int64_t kWorkPerElement = 8;

/// A row of floats `stride` apart.
struct Row {
  const float *data;
  int64_t stride;
  /// Lanes j .. j + 15, those past `k` zero.
  __m512 load(int64_t j, int64_t k) const {
    return loadLanes(data + j * stride, stride, k - j, firstLanes(k - j));
  }
};

/// The variance of a row of `k` floats in f64, rounded to f32: the mean of
/// the squared differences from the f64 mean.
float varianceF64(Row x, int64_t k) {
  __m512d low = _mm512_setzero_pd(), high = _mm512_setzero_pd();
  for (int64_t j = 0; j < k; j += kRowLanes) {
    __m512 v = x.load(j, k);
    low = _mm512_add_pd(low, _mm512_cvtps_pd(_mm512_castps512_ps256(v)));
    high = _mm512_add_pd(high, _mm512_cvtps_pd(_mm512_extractf32x8_ps(v, 1)));
  }
  double length = static_cast<double>(k);
  __m512d mean =
      _mm512_set1_pd(_mm512_reduce_add_pd(_mm512_add_pd(low, high)) / length);
  low = high = _mm512_setzero_pd();
  for (int64_t j = 0; j < k; j += kRowLanes) {
    __mmask16 lanes = firstLanes(k - j);
    __m512 v = x.load(j, k);
    __m512d d0 =
        _mm512_sub_pd(_mm512_cvtps_pd(_mm512_castps512_ps256(v)), mean);
    __m512d d1 =
        _mm512_sub_pd(_mm512_cvtps_pd(_mm512_extractf32x8_ps(v, 1)), mean);
    // Lanes past the row would add mean^2.
    low = _mm512_mask_add_pd(low, __mmask8(lanes), low, _mm512_mul_pd(d0, d0));
    high = _mm512_mask_add_pd(high, __mmask8(lanes >> 8), high,
                              _mm512_mul_pd(d1, d1));
  }
  return static_cast<float>(_mm512_reduce_add_pd(_mm512_add_pd(low, high)) /
                            length);
}

/// The same in f32, from the f32 mean.
float varianceF32(Row x, int64_t k, float mean) {
  __m512 sum = _mm512_setzero_ps(), shift = _mm512_set1_ps(mean);
  for (int64_t j = 0; j < k; j += kRowLanes) {
    __mmask16 lanes = firstLanes(k - j);
    __m512 d = _mm512_sub_ps(x.load(j, k), shift);
    sum = _mm512_mask_add_ps(sum, lanes, sum, _mm512_mul_ps(d, d));
  }
  return _mm512_reduce_add_ps(sum) / static_cast<float>(k);
}

/// One row of `k` elements into `y` (unit stride).
void layerNormRow(Row x, int64_t k, Row gamma, Row beta, float epsilon,
                  bool f64Variance, float *y) {
  __m512 sum = _mm512_setzero_ps();
  for (int64_t j = 0; j < k; j += kRowLanes)
    sum = _mm512_add_ps(sum, x.load(j, k));
  float mean = _mm512_reduce_add_ps(sum) / static_cast<float>(k);
  float variance = f64Variance ? varianceF64(x, k) : varianceF32(x, k, mean);
  __m512 shift = _mm512_set1_ps(mean);
  __m512 rstd = _mm512_set1_ps(1.0f / std::sqrt(variance + epsilon));
  for (int64_t j = 0; j < k; j += kRowLanes) {
    __mmask16 lanes = firstLanes(k - j);
    __m512 v = _mm512_mul_ps(_mm512_sub_ps(x.load(j, k), shift), rstd);
    v = _mm512_mul_ps(v, gamma.load(j, k));
    v = _mm512_add_ps(v, beta.load(j, k));
    _mm512_mask_storeu_ps(y + j, lanes, v);
  }
}

} // namespace

extern "C" void _mlir_ciface_sqz_cpu_layer_norm_rows_f32_avx512(
    MemRef<float, 2> *y, MemRef<float, 2> *x, MemRef<float, 1> *gamma,
    MemRef<float, 1> *beta, float epsilon, int64_t varianceF64,
    int64_t threads) {
  int64_t m = x->sizes[0], k = x->sizes[1];
  Row g{gamma->data(), gamma->strides[0]}, b{beta->data(), beta->strides[0]};
  auto row = [&](int64_t i) {
    layerNormRow({x->data() + i * x->strides[0], x->strides[1]}, k, g, b,
                 epsilon, varianceF64 != 0, y->data() + i * y->strides[0]);
  };
  parallelForRows(m, kRowsPerTask, m * k * kWorkPerElement,
                  resolveThreads(threads), row);
}

#pragma clang attribute pop
