//===- Sparse24Avx512.cpp - The 2:4 sparse f32 GEMV on AVX-512 ------------===//
//
// The f32 kernel of Sparse24.h with its GEMV row on 512-bit vectors: one
// group of four K of a panel (eight columns, two kept values each) is one
// vector of 16 kept values, multiplied by one `vpermps` of the group's four
// activations; a row goes through four panels from four parts of the weight
// at once. Rows of several run on the 256-bit tiles as they are (with
// AVX-512 the compiler gives those layers the dense kernel from 16 rows).
//
// On an AMD EPYC (Zen 4) the row takes 0.85-0.95x the AVX2 row's time; both
// read their weight at 0.65-0.85x the rate of a plain read of it, although
// from L2 the row runs at twice that rate. Software prefetch (into L1 or L2,
// 1 to 32 KiB ahead) and dropping the metadata stream did not close the gap.
//
// Compiled with AVX-512 F and FMA: called only from code that the compiler
// generated for a CPU with them.
//
//===----------------------------------------------------------------------===//

#include "sqz/Runtime/CPUKernels.h"
#include "sqz/Runtime/WeightPacking.h"
#include "sqz/Runtime/WorkerPool.h"

#include <immintrin.h>

#include <algorithm>
#include <cstring>
#include <vector>

#pragma clang attribute push(__attribute__((target("avx512f,avx2,fma"))),      \
                             apply_to = function)

#include "Sparse24.h"

using namespace sqzrt;

namespace {

struct SparseF32Avx512 : SparseF32 {
  /// Independent sums per panel, to cover the multiply-add's latency.
  static constexpr int kChains = 4;
  /// Panels a row goes through at once (KernelSupport.h).
  static constexpr int kRowRegions = sqzrt::kRowRegions;

  /// c_s[0:columns_s] = x[0:4 groups] x panel s for the `Count` panels of
  /// `panels`: as SparseF32::row, a whole group per vector. Lane 2 j + s
  /// holds column j's kept value s; its position is bits [2 (2 j + s), +2)
  /// of the group's word. `vpermps` reads four bits of each index, the upper
  /// two from the next field, which pick a 128-bit lane of the group's four
  /// activations repeated four times: the same activation in every lane.
  template <int Count>
  static void rowOfPanels(int64_t groups, const float *x,
                          const PanelRow<float, float> *panels) {
    const __m512i fields = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18,
                                             20, 22, 24, 26, 28, 30);
    __m512 acc[Count][kChains];
    for (auto &sums : acc)
      for (__m512 &sum : sums)
        sum = _mm512_setzero_ps();
    auto step = [&](int chain, int64_t q) {
      __m512 group = _mm512_broadcast_f32x4(_mm_loadu_ps(x + 4 * q));
      for (int s = 0; s < Count; ++s) {
        __m512i index = _mm512_srlv_epi32(
            _mm512_set1_epi32(static_cast<int>(panels[s].meta[q])), fields);
        acc[s][chain] = _mm512_fmadd_ps(
            _mm512_permutexvar_ps(index, group),
            _mm512_loadu_ps(panels[s].values + q * 2 * kPanel), acc[s][chain]);
      }
    };
    int64_t q = 0;
    for (; q + kChains <= groups; q += kChains)
      for (int chain = 0; chain < kChains; ++chain)
        step(chain, q + chain);
    for (int chain = 0; q < groups; ++q, ++chain)
      step(chain, q);
    for (int s = 0; s < Count; ++s) {
      __m512 sums = _mm512_add_ps(_mm512_add_ps(acc[s][0], acc[s][1]),
                                  _mm512_add_ps(acc[s][2], acc[s][3]));
      // Each column's two slots added into the even lane, then the even
      // lanes gathered in column order.
      sums = _mm512_add_ps(sums, _mm512_permute_ps(sums, 0xb1));
      __m512 columnsInOrder = _mm512_permutexvar_ps(
          _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 0, 0, 0, 0, 0, 0, 0, 0),
          sums);
      _mm512_mask_storeu_ps(
          panels[s].c,
          columnMask16(std::min<int64_t>(panels[s].columns, kPanel)),
          columnsInOrder);
    }
  }

  static void rows(int64_t groups, const float *x,
                   const PanelRow<float, float> *panels, int count) {
    withPanelCount(count, [&](auto panelCount) {
      rowOfPanels<decltype(panelCount)::value>(groups, x, panels);
    });
  }
};

} // namespace

extern "C" void _mlir_ciface_sqz_cpu_gemm_sp24_f32_avx512(
    MemRef<float, 2> *c, MemRef<float, 2> *a, MemRef<float, 1> *values,
    MemRef<int32_t, 1> *meta, int64_t threads) {
  runSparse24<SparseF32Avx512>(c, a, values, meta, resolveThreads(threads));
}

#pragma clang attribute pop
