//===- QuantizeAvx512.cpp - Dynamic per-row int8 quantization, AVX-512 ----===//
//
// The dynamic symmetric quantization of activations, one scale per row (the
// per-token scheme of W8A8), bit-identical to the reference lowering's
// (QuantizeRows.h), as two kernels: the row scales, then the codes. Rows are
// split over threads.
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

#include "QuantizeRows.h"

namespace {

/// An element's work in multiply-adds, for threadsForWork (128 x 1024
/// elements took 47 us when each vector was divided; the reciprocal's
/// correction costs less, so this errs towards using the threads).
constexpr int64_t kWorkPerElement = 16;

} // namespace

extern "C" void
_mlir_ciface_sqz_cpu_quantize_row_scales_avx512(MemRef<float, 1> *scales,
                                                MemRef<float, 2> *x, float qmax,
                                                int64_t threads) {
  int64_t m = x->sizes[0], k = x->sizes[1];
  auto row = [&](int64_t i) {
    scales->data()[i * scales->strides[0]] = scaleOf(
        rowAbsMax(x->data() + i * x->strides[0], k, x->strides[1]), qmax);
  };
  parallelForRows(m, kRowsPerTask, m * k * kWorkPerElement,
                  resolveThreads(threads), row);
}

extern "C" void _mlir_ciface_sqz_cpu_quantize_rows_s8_avx512(
    MemRef<int8_t, 2> *codes, MemRef<float, 2> *x, MemRef<float, 1> *scales,
    float qmin, float qmax, int64_t threads) {
  int64_t m = x->sizes[0], k = x->sizes[1];
  auto row = [&](int64_t i) {
    quantizeRow(x->data() + i * x->strides[0], k, x->strides[1],
                scales->data()[i * scales->strides[0]], qmin, qmax,
                codes->data() + i * codes->strides[0]);
  };
  parallelForRows(m, kRowsPerTask, m * k * kWorkPerElement,
                  resolveThreads(threads), row);
}

#pragma clang attribute pop
