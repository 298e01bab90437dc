//===- GemmDequant.h - Weight-only quantized GEMM/GEMV, any ISA -*- C++ -*-===//
//
// C[M, N] = A[M, K] x dequantize(B) in f32, B stored as `Bits`-bit codes
// (8 or 4) with one scale (and optionally one zero point) per group of K
// rows and column. The codes are unpacked and converted to f32 in registers
// (never into a buffer), multiplied with the broadcast rows of A into one
// partial sum per group, and each group's partial sum is scaled into C (in
// memory: a load and a store per group, which frees the registers for more
// rows) once:
//
//   C[m, n] = sum_g s[g, n] * (sum_{k in g} A[m, k] c[k, n] - z'[g, n] sum_{k
//   in g} A[m, k])
//
// with c the signed code and z' its zero point (zero when symmetric).
//
// Layouts (kGemmQ*Layout in WeightPacking.h): panels of two vectors of
// columns; per k, a panel's codes take `kPanel` bytes (8-bit, signed) or
// `kPanel / 2` bytes (4-bit: byte j holds column j in its low nibble and
// column j + kPanel / 2 in its high nibble, each as code + 8); scales and
// zero points as [panel][group][column] floats.
//
// `Isa` provides the vector type and operations; internal linkage.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CPU_GEMMDEQUANT_H
#define SQZ_RUNTIME_CPU_GEMMDEQUANT_H

#include "GemmF32.h"
#include "KernelSupport.h"
#include "sqz/Runtime/WeightPacking.h"

#include <algorithm>
#include <array>
#include <memory>
#include <utility>
#include <vector>

namespace sqzrt {
namespace {

template <typename Isa, int Bits> struct GemmDequant {
  static_assert(Bits == 8 || Bits == 4, "8- or 4-bit codes");
  using Vec = typename Isa::F32;
  using Mask = typename Isa::F32Mask;
  static constexpr int64_t kLanes = Isa::kF32Lanes;
  static constexpr int64_t kPanel = 2 * kLanes;
  static constexpr int64_t kBytesPerK = Bits == 8 ? kPanel : kPanel / 2;
  static constexpr int kRows = Isa::kDequantRows;

  struct Masks {
    Mask low, high;
    explicit Masks(int64_t columns)
        : low(Isa::f32Mask(columns)), high(Isa::f32Mask(columns - kLanes)) {}
  };

  /// The weights of row k of a panel, as f32 codes.
  static void decode(const int8_t *codes, Vec &low, Vec &high) {
    if constexpr (Bits == 8) {
      low = Isa::bytesToF32(codes);
      high = Isa::bytesToF32(codes + kLanes);
    } else {
      Isa::nibblesToF32(reinterpret_cast<const uint8_t *>(codes), low, high);
    }
  }

  /// The operands of one panel.
  struct Panel {
    const int8_t *codes;
    const float *scales;
    /// Null when symmetric.
    const float *zeros;
    int64_t groupSize, groups, k;
  };

  /// C[0:Rows, panel] = A[0:Rows] x dequantize(panel), A packed as
  /// `a[k * Rows + r]`, `sums[r * groups + g]` the rows' sums over each
  /// group (read only with zero points).
  template <int Rows>
  static void tile(const Panel &b, const float *a, const float *sums, float *c,
                   int64_t ldc, Masks masks) {
    // Fewer than three rows give too few accumulator chains to cover the
    // fused multiply-add's latency: two sets of partial sums (even and odd
    // k) then, added at the end of the group.
    constexpr int kSets = Rows <= 2 ? 2 : 1;
    for (int64_t g = 0; g < b.groups; ++g) {
      Vec part[kSets][Rows][2];
      for (auto &set : part)
        for (auto &pair : set)
          pair[0] = pair[1] = Isa::zeroF32();
      auto step = [&](int set, int64_t k) {
        Vec w0, w1;
        decode(b.codes + k * kBytesPerK, w0, w1);
        for (int r = 0; r < Rows; ++r) {
          Vec x = Isa::broadcastF32(a[k * Rows + r]);
          part[set][r][0] = Isa::fma(x, w0, part[set][r][0]);
          part[set][r][1] = Isa::fma(x, w1, part[set][r][1]);
        }
      };
      int64_t k = g * b.groupSize, end = std::min(b.k, (g + 1) * b.groupSize);
      for (; k + kSets <= end; k += kSets)
        for (int set = 0; set < kSets; ++set)
          step(set, k + set);
      for (; k < end; ++k)
        step(0, k);
      for (int set = 1; set < kSets; ++set)
        for (int r = 0; r < Rows; ++r)
          for (int half = 0; half < 2; ++half)
            part[0][r][half] =
                Isa::addF32(part[0][r][half], part[set][r][half]);
      const float *scale = b.scales + g * kPanel;
      Vec s0 = Isa::loadF32(scale), s1 = Isa::loadF32(scale + kLanes);
      if (b.zeros) {
        const float *zero = b.zeros + g * kPanel;
        Vec z0 = Isa::loadF32(zero), z1 = Isa::loadF32(zero + kLanes);
        for (int r = 0; r < Rows; ++r) {
          Vec sum = Isa::broadcastF32(sums[r * b.groups + g]);
          part[0][r][0] = Isa::fnma(z0, sum, part[0][r][0]);
          part[0][r][1] = Isa::fnma(z1, sum, part[0][r][1]);
        }
      }
      // C (+)= part * scale, accumulated in memory rather than in
      // registers: a group is many k, so one load and store of C per group
      // and row cost nothing, and the registers go to more rows.
      for (int r = 0; r < Rows; ++r) {
        float *row = c + r * ldc;
        Vec c0 = g ? Isa::loadF32(row, masks.low) : Isa::zeroF32();
        Vec c1 = g ? Isa::loadF32(row + kLanes, masks.high) : Isa::zeroF32();
        Isa::storeF32(row, Isa::fma(part[0][r][0], s0, c0), masks.low);
        Isa::storeF32(row + kLanes, Isa::fma(part[0][r][1], s1, c1),
                      masks.high);
      }
    }
  }

  /// One row: four partial sums per vector within each group.
  static void row(const Panel &b, const float *a, const float *sums, float *c,
                  Masks masks) {
    Vec acc0 = Isa::zeroF32(), acc1 = Isa::zeroF32();
    for (int64_t g = 0; g < b.groups; ++g) {
      Vec part[4][2];
      for (auto &pair : part)
        pair[0] = pair[1] = Isa::zeroF32();
      auto step = [&](int set, int64_t k) {
        Vec w0, w1;
        decode(b.codes + k * kBytesPerK, w0, w1);
        Vec x = Isa::broadcastF32(a[k]);
        part[set][0] = Isa::fma(x, w0, part[set][0]);
        part[set][1] = Isa::fma(x, w1, part[set][1]);
      };
      int64_t k = g * b.groupSize, end = std::min(b.k, k + b.groupSize);
      for (; k + 4 <= end; k += 4)
        for (int set = 0; set < 4; ++set)
          step(set, k + set);
      for (; k < end; ++k)
        step(0, k);
      Vec p0 = Isa::addF32(Isa::addF32(part[0][0], part[1][0]),
                           Isa::addF32(part[2][0], part[3][0]));
      Vec p1 = Isa::addF32(Isa::addF32(part[0][1], part[1][1]),
                           Isa::addF32(part[2][1], part[3][1]));
      const float *scale = b.scales + g * kPanel;
      if (b.zeros) {
        const float *zero = b.zeros + g * kPanel;
        Vec sum = Isa::broadcastF32(sums[g]);
        p0 = Isa::fnma(Isa::loadF32(zero), sum, p0);
        p1 = Isa::fnma(Isa::loadF32(zero + kLanes), sum, p1);
      }
      acc0 = Isa::fma(p0, Isa::loadF32(scale), acc0);
      acc1 = Isa::fma(p1, Isa::loadF32(scale + kLanes), acc1);
    }
    Isa::storeF32(c, acc0, masks.low);
    Isa::storeF32(c + kLanes, acc1, masks.high);
  }

  /// The panel's weights dequantized, `s (c - z')` per element (the
  /// reference's dequantized value: `c - z'` is an exact integer in f32,
  /// one rounding in the multiply), as the f32 kernel's packed panel:
  /// [k][kPanel] floats.
  static void dequantizePanel(const Panel &b, float *out) {
    for (int64_t g = 0; g < b.groups; ++g) {
      const float *scale = b.scales + g * kPanel;
      Vec s0 = Isa::loadF32(scale), s1 = Isa::loadF32(scale + kLanes);
      Vec z0 = Isa::zeroF32(), z1 = Isa::zeroF32();
      if (b.zeros) {
        z0 = Isa::loadF32(b.zeros + g * kPanel);
        z1 = Isa::loadF32(b.zeros + g * kPanel + kLanes);
      }
      int64_t end = std::min(b.k, (g + 1) * b.groupSize);
      for (int64_t k = g * b.groupSize; k < end; ++k) {
        Vec w0, w1;
        decode(b.codes + k * kBytesPerK, w0, w1);
        Isa::storeF32(out + k * kPanel, Isa::mulF32(Isa::subF32(w0, z0), s0));
        Isa::storeF32(out + k * kPanel + kLanes,
                      Isa::mulF32(Isa::subF32(w1, z1), s1));
      }
    }
  }

  /// Rows from which a call dequantizes each panel once into an f32 panel
  /// and runs the f32 kernel's taller register tiles over it: decoding
  /// costs about 4/M of the multiply-adds then, and the f32 tile (12 rows
  /// on AVX-512, against 6 here) is the faster one (W8 128x4096x4096 on
  /// one core of an Intel Xeon: 55.7 ms here, 39.5 ms in f32).
  static constexpr int64_t kDequantizeFirstRows = 32;

  using TileFn = void (*)(const Panel &, const float *, const float *, float *,
                          int64_t, Masks);
  template <int... Rows>
  static constexpr std::array<TileFn, sizeof...(Rows)>
  tiles(std::integer_sequence<int, Rows...>) {
    return {&tile<Rows + 1>...};
  }

  /// The kernel entry. `zeros` is empty when the scheme is symmetric; the
  /// number of groups is the scales' size over the padded columns.
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
    int64_t groups = params.groups, groupSize = params.groupSize;
    if (k == 0 || groups == 0) {
      out.fill(0.0f);
      return;
    }
    bool zeroPoints = params.zeros != nullptr;
    auto panelOf = [&](int64_t p) {
      return Panel{codes->data() + p * k * kBytesPerK,
                   params.scalesOf(p),
                   params.zerosOf(p),
                   groupSize,
                   groups,
                   k};
    };
    if (m >= kDequantizeFirstRows) {
      using F32 = GemmF32<Isa>;
      static_assert(F32::kPanel == kPanel, "the f32 kernel's panel width");
      PackedRows<float, 1> lhs(m, k, F32::kRows);
      auto packTile = [&](int64_t t) { lhs.packTile(*a, t); };
      auto panelBody = [&](int64_t p) {
        // Every element is written by dequantizePanel: no zero fill (it
        // cost as much as the dequantization).
        std::unique_ptr<float[]> weights(new float[k * kPanel]);
        dequantizePanel(panelOf(p), weights.get());
        F32::panelColumns(weights.get(), std::min(kPanel, n - p * kPanel), m, k,
                          lhs.data.data(), out.data + p * kPanel, out.stride);
      };
      parallelForAfter(lhs.split.count, packTile, panels,
                       threadsForWork(threads, m * n * k), panelBody);
      out.finish();
      return;
    }
    PackedRows<float, 1> lhs(*a, kRows);
    // Each row's sum over each group, for the zero points: in order, a
    // group at a time in a register (a division and a store per element
    // made this a tenth of an asymmetric W4 model's time).
    std::vector<float> sums;
    if (zeroPoints) {
      sums.assign(m * groups, 0.0f);
      for (int64_t i = 0; i < m; ++i) {
        const float *row = a->data() + i * a->strides[0];
        for (int64_t g = 0; g < groups; ++g) {
          float sum = 0.0f;
          for (int64_t j = g * groupSize; j < std::min(k, (g + 1) * groupSize);
               ++j)
            sum += row[j * a->strides[1]];
          sums[i * groups + g] = sum;
        }
      }
    }
    auto panelBody = [&](int64_t p) {
      Panel b = panelOf(p);
      Masks masks(std::min(kPanel, n - p * kPanel));
      float *outPanel = out.data + p * kPanel;
      if (m == 1) {
        row(b, lhs.data.data(), sums.data(), outPanel, masks);
        return;
      }
      RowSplit split(m, kRows);
      for (int64_t t = 0; t < split.count; ++t) {
        int64_t i = split.start(t), rows = split.rows(t);
        kTiles[rows - 1](b, lhs.data.data() + i * k,
                         zeroPoints ? sums.data() + i * groups : nullptr,
                         outPanel + i * out.stride, out.stride, masks);
      }
    };
    parallelFor(panels, threadsForWork(threads, m * n * k), panelBody);
    out.finish();
  }
};

} // namespace
} // namespace sqzrt

#endif // SQZ_RUNTIME_CPU_GEMMDEQUANT_H
