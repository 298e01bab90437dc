//===- GemmQuantA8.h - Weight-only GEMM/GEMV on int8 dot products -*- C++
//-*-===//
//
// C[M, N] = A[M, K] x dequantize(B) with B's 8- or 4-bit codes multiplied
// as integers: A is quantized at run time to symmetric int8, one scale per
// row and group of K (the weight's groups; per channel and per tensor are
// one group), and each group's integer dot products run on `vpdpbusd`
// (AVX-512 VNNI), the weight's unsigned codes `u = c + 2^(bits - 1)` against
// the activation codes `a`:
//
//   C[m, n] = sum_g sa[m, g] s[g, n] (sum_{k in g} u a - o[g, n] sum_{k in g}
//   a)
//
// with `o = 2^(bits - 1) + z'` (z' the zero point as the f32 kernels take
// it, zero when symmetric). The error against the reference is the
// activations' rounding (half a step of max|A[m, g]| / 127), not float
// rounding: this is what `weight-only-compute=int8` asks for.
//
// Codes are unpacked in registers: 8-bit ones are `vpdpbusd`'s operand as
// stored; 4-bit ones take one AND per two vectors: the dot products run on
// the stored bytes `lo + 16 hi` and on their high nibbles `16 hi`, and the
// group's end separates the two sums (a subtraction and a shift).
// Layout: kGemmQuantVnniLayout (WeightPacking.h); scales and zero points as
// [panel][group][column] floats of 64-column panels.
//
// AVX-512 with VNNI only; included by GemmAvx512.cpp under its target
// attribute. Internal linkage.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CPU_GEMMQUANTA8_H
#define SQZ_RUNTIME_CPU_GEMMQUANTA8_H

#include "KernelSupport.h"
#include "QuantizeRows.h"
#include "sqz/Runtime/WeightPacking.h"

#include <immintrin.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

namespace sqzrt {
namespace {

/// A[M, K] as symmetric int8 codes, one scale per row and group of K,
/// written straight into the kernel's packed rows (`PackedRows<int8_t, 4>`,
/// quads of K; zeros past K), with `scales[i * groups + g]` and the codes'
/// sum per row and group `sums[i * groups + g]`.
struct QuantizedActivations {
  int64_t groups, groupSize;
  std::vector<float> scales, sums;

  /// The buffers; `quantizeTile` fills them.
  QuantizedActivations(int64_t m, int64_t groups, int64_t groupSize)
      : groups(groups), groupSize(groupSize), scales(m * groups, 0.0f),
        sums(m * groups, 0.0f) {}

  /// The rows of tile t of `rows` from A: their codes into `rows`, their
  /// scales and sums here.
  void quantizeTile(const MemRef<float, 2> &a, PackedRows<int8_t, 4> &rows,
                    int64_t t) {
    int64_t k = a.sizes[1];
    std::vector<float> copy(a.strides[1] == 1 ? 0 : k);
    for (int64_t r = 0; r < rows.split.rows(t); ++r) {
      int64_t i = rows.split.start(t) + r;
      // A row of unit stride is read in place; another is copied first.
      const float *row = a.data() + i * a.strides[0];
      if (a.strides[1] != 1) {
        for (int64_t j = 0; j < k; ++j)
          copy[j] = row[j * a.strides[1]];
        row = copy.data();
      }
      QuadRow out{rows.rowStart(t, r, k), rows.groupStride(t)};
      for (int64_t g = 0; g < groups; ++g) {
        int64_t first = g * groupSize, last = std::min(k, first + groupSize);
        quantizeGroup(row + first, last - first, out, first,
                      scales[i * groups + g], sums[i * groups + g]);
      }
      rows.zeroPadding(t, r, k);
    }
  }

private:
  /// A packed row: element j at `base[(j / 4) * quadStride + j % 4]`.
  struct QuadRow {
    int8_t *base;
    int64_t quadStride;
    int8_t &at(int64_t j) const { return base[(j / 4) * quadStride + j % 4]; }
  };

  /// `x[0:count]` to codes `round(x / scale)` at elements `first ..` of
  /// `out` (`first` a multiple of 4), scale = max|x| / 127 (0, with zero
  /// codes, when all are zero); rounding to nearest even.
  static void quantizeGroup(const float *x, int64_t count, const QuadRow &out,
                            int64_t first, float &scale, float &sum) {
    const __m512 signBit = _mm512_set1_ps(-0.0f);
    __m512 maxima = _mm512_setzero_ps();
    int64_t j = 0;
    for (; j + 16 <= count; j += 16)
      maxima = _mm512_max_ps(maxima,
                             _mm512_andnot_ps(signBit, _mm512_loadu_ps(x + j)));
    float largest = _mm512_reduce_max_ps(maxima);
    for (; j < count; ++j)
      largest = std::max(largest, std::fabs(x[j]));
    scale = largest / 127.0f;
    sum = 0.0f;
    if (largest == 0.0f) {
      for (j = 0; j < count; ++j)
        out.at(first + j) = 0;
      return;
    }
    const __m512 inverse = _mm512_set1_ps(127.0f / largest);
    __m512i sums = _mm512_setzero_si512();
    j = 0;
    for (; j + 16 <= count; j += 16) {
      __m512i q =
          _mm512_cvtps_epi32(_mm512_mul_ps(_mm512_loadu_ps(x + j), inverse));
      sums = _mm512_add_epi32(sums, q);
      storeQuads(&out.at(first + j), out.quadStride, _mm512_cvtsepi32_epi8(q));
    }
    int32_t total = _mm512_reduce_add_epi32(sums);
    for (; j < count; ++j) {
      auto q = static_cast<int32_t>(std::nearbyint(x[j] * (127.0f / largest)));
      q = std::clamp(q, -127, 127);
      out.at(first + j) = static_cast<int8_t>(q);
      total += q;
    }
    sum = static_cast<float>(total);
  }
};

template <int Bits> struct GemmQuantA8 {
  static_assert(Bits == 8 || Bits == 4, "8- or 4-bit codes");
  static constexpr int64_t kPanel = kGemmQuantVnniLayout.panelWidth;
  static constexpr int64_t kQuad = kGemmQuantVnniLayout.kGroup;
  static_assert(kQuad == 4, "QuantizedActivations writes quads of K");
  static constexpr int64_t kQuadBytes = kPanel * kQuad * Bits / 8;
  static constexpr int kVectors = 4;
  static constexpr int kRows = 6;
  /// 2^(bits - 1): the unsigned codes' offset.
  static constexpr float kOffset = Bits == 8 ? 128.0f : 8.0f;

  struct Masks {
    __mmask16 vector[kVectors];
    explicit Masks(int64_t columns) {
      for (int j = 0; j < kVectors; ++j)
        vector[j] = columnMask16(columns - 16 * j);
    }
  };

  /// The operands of one panel.
  struct Panel {
    const uint8_t *codes;
    const float *scales;
    /// Null when symmetric.
    const float *zeros;
    int64_t groups, quadsPerGroup, quads;
  };

  /// The dot-product operands of one quad of K of the panel: 8-bit, four
  /// vectors of 16 columns x 4 rows of unsigned codes. 4-bit, per block of
  /// 64 bytes (columns [32 h, 32 h + 32)), the bytes as they are,
  /// `lo + 16 hi`, and their high nibbles in place, `16 hi`: one AND per
  /// two vectors, no shift. Their sums give the columns' in `unpackSums`.
  static void decode(const uint8_t *quad, __m512i w[kVectors]) {
    if constexpr (Bits == 8) {
      for (int j = 0; j < kVectors; ++j)
        w[j] = _mm512_loadu_si512(quad + 64 * j);
    } else {
      const __m512i high = _mm512_set1_epi8(static_cast<char>(0xf0));
      for (int h = 0; h < 2; ++h) {
        __m512i bytes = _mm512_loadu_si512(quad + 64 * h);
        w[2 * h] = bytes;
        w[2 * h + 1] = _mm512_and_si512(bytes, high);
      }
    }
  }

  /// The sums of `u a` of the four vectors of columns from those of the
  /// `decode` operands: for 4-bit codes, block h's low-nibble columns sum
  /// `(lo + 16 hi) - 16 hi` and its high-nibble columns `16 hi / 16`, both
  /// exact (modular i32 arithmetic; `16 hi` is a multiple of 16 that fits
  /// in groups of up to kQuantVnniMaxGroup, which the compiler ensures).
  static void unpackSums(__m512i sums[kVectors]) {
    if constexpr (Bits == 4)
      for (int h = 0; h < 2; ++h) {
        __m512i both = sums[2 * h], high = sums[2 * h + 1];
        sums[2 * h] = _mm512_sub_epi32(both, high);
        sums[2 * h + 1] = _mm512_srai_epi32(high, 4);
      }
  }

  static __m512i broadcastQuad(const int8_t *quad) {
    int32_t bits;
    std::memcpy(&bits, quad, sizeof(bits));
    return _mm512_set1_epi32(bits);
  }

  /// Group g's `o = offset + z'` for vector j.
  static __m512 offsets(const Panel &b, int64_t g, int j) {
    __m512 offset = _mm512_set1_ps(kOffset);
    if (!b.zeros)
      return offset;
    return _mm512_add_ps(offset,
                         _mm512_loadu_ps(b.zeros + g * kPanel + 16 * j));
  }

  /// The quads [begin, end) of group g.
  static std::pair<int64_t, int64_t> quadsOf(const Panel &b, int64_t g) {
    int64_t begin = g * b.quadsPerGroup;
    return {begin, std::min(b.quads, begin + b.quadsPerGroup)};
  }

  /// C[0:Rows, panel] = A[0:Rows] x dequantize(panel), A's codes packed as
  /// `a[(q * Rows + r) * 4 + i]` (PackedRows), its scales and sums
  /// `[r * groups + g]`. Each group's sums are scaled into C in memory.
  template <int Rows>
  static void tile(const Panel &b, const int8_t *a, const float *rowScales,
                   const float *rowSums, float *c, int64_t ldc,
                   const Masks &masks, const PanelPrefetch &ahead) {
    PanelPrefetch::Progress progress(ahead);
    for (int64_t g = 0; g < b.groups; ++g) {
      __m512i acc[Rows][kVectors];
      for (auto &row : acc)
        for (auto &vector : row)
          vector = _mm512_setzero_si512();
      auto [begin, end] = quadsOf(b, g);
      for (int64_t q = begin; q < end; ++q) {
        __m512i w[kVectors];
        decode(b.codes + q * kQuadBytes, w);
        for (int r = 0; r < Rows; ++r) {
          __m512i x = broadcastQuad(a + (q * Rows + r) * kQuad);
          for (int j = 0; j < kVectors; ++j)
            acc[r][j] = _mm512_dpbusd_epi32(acc[r][j], w[j], x);
        }
        ahead.step(progress);
      }
      // Scales and offsets are read where they are used (memory operands):
      // held in registers beside the accumulators, they made the compiler
      // keep the accumulators in memory.
      for (int r = 0; r < Rows; ++r) {
        // A copy: unpacking the accumulators in place kept them in memory
        // through the loop above.
        __m512i sums[kVectors];
        for (int j = 0; j < kVectors; ++j)
          sums[j] = acc[r][j];
        unpackSums(sums);
        __m512 rowSum = _mm512_set1_ps(rowSums[r * b.groups + g]);
        __m512 rowScale = _mm512_set1_ps(rowScales[r * b.groups + g]);
        for (int j = 0; j < kVectors; ++j) {
          float *out = c + r * ldc + 16 * j;
          __m512 sum = _mm512_fnmadd_ps(offsets(b, g, j), rowSum,
                                        _mm512_cvtepi32_ps(sums[j]));
          __m512 previous = g ? _mm512_maskz_loadu_ps(masks.vector[j], out)
                              : _mm512_setzero_ps();
          __m512 scale = _mm512_loadu_ps(b.scales + g * kPanel + 16 * j);
          _mm512_mask_storeu_ps(
              out, masks.vector[j],
              _mm512_fmadd_ps(sum, _mm512_mul_ps(scale, rowScale), previous));
        }
      }
    }
  }

  /// One row: two sets of accumulators (alternate quads) per group, C in
  /// registers.
  static void row(const Panel &b, const int8_t *a, const float *rowScales,
                  const float *rowSums, float *c, const Masks &masks) {
    __m512 out[kVectors];
    for (auto &vector : out)
      vector = _mm512_setzero_ps();
    for (int64_t g = 0; g < b.groups; ++g) {
      __m512i acc[2][kVectors];
      for (auto &set : acc)
        for (auto &vector : set)
          vector = _mm512_setzero_si512();
      auto step = [&](int set, int64_t q) {
        __m512i w[kVectors];
        decode(b.codes + q * kQuadBytes, w);
        __m512i x = broadcastQuad(a + q * kQuad);
        for (int j = 0; j < kVectors; ++j)
          acc[set][j] = _mm512_dpbusd_epi32(acc[set][j], w[j], x);
      };
      auto [begin, end] = quadsOf(b, g);
      int64_t q = begin;
      for (; q + 2 <= end; q += 2) {
        step(0, q);
        step(1, q + 1);
      }
      if (q < end)
        step(0, q);
      __m512 rowSum = _mm512_set1_ps(rowSums[g]);
      __m512 rowScale = _mm512_set1_ps(rowScales[g]);
      __m512i sums[kVectors];
      for (int j = 0; j < kVectors; ++j)
        sums[j] = _mm512_add_epi32(acc[0][j], acc[1][j]);
      unpackSums(sums);
      for (int j = 0; j < kVectors; ++j) {
        __m512 sum = _mm512_fnmadd_ps(offsets(b, g, j), rowSum,
                                      _mm512_cvtepi32_ps(sums[j]));
        __m512 scale = _mm512_loadu_ps(b.scales + g * kPanel + 16 * j);
        out[j] = _mm512_fmadd_ps(sum, _mm512_mul_ps(scale, rowScale), out[j]);
      }
    }
    for (int j = 0; j < kVectors; ++j)
      _mm512_mask_storeu_ps(c + 16 * j, masks.vector[j], out[j]);
  }

  using TileFn = void (*)(const Panel &, const int8_t *, const float *,
                          const float *, float *, int64_t, const Masks &,
                          const PanelPrefetch &);
  template <int... Rows>
  static constexpr std::array<TileFn, sizeof...(Rows)>
  tiles(std::integer_sequence<int, Rows...>) {
    return {&tile<Rows + 1>...};
  }

  /// The kernel entry, with the operands of the f32 weight-only kernels
  /// (`zeros` empty when symmetric; the number of groups is the scales'
  /// size over the padded columns). A group of more than one must be a
  /// whole number of quads of K.
  static void run(MemRef<float, 2> *c, MemRef<float, 2> *a,
                  MemRef<int8_t, 1> *codes, MemRef<float, 1> *scales,
                  MemRef<float, 1> *zeros, int threads) {
    static constexpr auto kTiles =
        tiles(std::make_integer_sequence<int, kRows>());
    int64_t m = a->sizes[0], k = a->sizes[1], n = c->sizes[1];
    if (m == 0 || n == 0)
      return;
    RowMajorOutput<float> out(*c);
    int64_t panels = ceilDiv(n, kPanel);
    GroupParams params(*scales, *zeros, k, n, kPanel);
    int64_t groups = params.groups;
    if (k == 0 || groups == 0) {
      out.fill(0.0f);
      return;
    }
    int64_t quads = ceilDiv(k, kQuad), panelBytes = quads * kQuadBytes;
    int64_t quadsPerGroup = groups == 1 ? quads : params.groupSize / kQuad;
    QuantizedActivations activations(m, groups, params.groupSize);
    PackedRows<int8_t, kQuad> rows(m, k, kRows);
    // Each row tile is quantized straight into its packed rows on the
    // kernel's threads.
    auto prepareTile = [&](int64_t t) {
      activations.quantizeTile(*a, rows, t);
    };
    const auto *packed = reinterpret_cast<const uint8_t *>(codes->data());
    auto panelBody = [&](int64_t p) {
      Panel b{packed + p * panelBytes, params.scalesOf(p),
              params.zerosOf(p),       groups,
              quadsPerGroup,           quads};
      Masks masks(std::min(kPanel, n - p * kPanel));
      float *outPanel = out.data + p * kPanel;
      if (m == 1) {
        row(b, rows.data.data(), activations.scales.data(),
            activations.sums.data(), outPanel, masks);
        return;
      }
      const RowSplit &split = rows.split;
      bool last = (p + 1) * kPanel >= n;
      for (int64_t t = 0; t < split.count; ++t) {
        int64_t i = split.start(t), tileRows = split.rows(t);
        auto ahead = PanelPrefetch::share(
            b.codes, panelBytes, last ? 0 : panelBytes, t, split.count, quads);
        kTiles[tileRows - 1](b, rows.data.data() + i * quads * kQuad,
                             activations.scales.data() + i * groups,
                             activations.sums.data() + i * groups,
                             outPanel + i * out.stride, out.stride, masks,
                             ahead);
      }
    };
    parallelForAfter(rows.split.count, prepareTile, panels,
                     threadsForWork(threads, m * n * k), panelBody);
    out.finish();
  }
};

} // namespace
} // namespace sqzrt

#endif // SQZ_RUNTIME_CPU_GEMMQUANTA8_H
