//===- Sparse24Avx2.cpp - 2:4 sparse GEMM kernels for AVX2 with FMA -------===//
//
// The kernels of Sparse24.h as they are, compiled for AVX2 and FMA: called
// only from code that the compiler generated for a CPU with both.
//
//===----------------------------------------------------------------------===//

#include "sqz/Runtime/CPUKernels.h"
#include "sqz/Runtime/WeightPacking.h"
#include "sqz/Runtime/WorkerPool.h"

#include <immintrin.h>

#include <algorithm>
#include <cstring>
#include <vector>

#pragma clang attribute push(__attribute__((target("avx2,fma"))),              \
                             apply_to = function)

#include "Sparse24.h"

using namespace sqzrt;

extern "C" void _mlir_ciface_sqz_cpu_gemm_sp24_f32_avx2(
    MemRef<float, 2> *c, MemRef<float, 2> *a, MemRef<float, 1> *values,
    MemRef<int32_t, 1> *meta, int64_t threads) {
  runSparse24<SparseF32>(c, a, values, meta, resolveThreads(threads));
}

extern "C" void _mlir_ciface_sqz_cpu_gemm_sp24_s8_avx2(
    MemRef<int32_t, 2> *c, MemRef<int8_t, 2> *a, MemRef<int8_t, 1> *values,
    MemRef<int32_t, 1> *meta, int64_t threads) {
  runSparse24<SparseS8>(c, a, values, meta, resolveThreads(threads));
}

#pragma clang attribute pop
