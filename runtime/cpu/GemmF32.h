//===- GemmF32.h - f32 GEMM/GEMV on packed weights, any vector ISA -*- C++
//-*-===//
//
// C[M, N] = A[M, K] x B[K, N] with B packed in panels of two vectors of
// columns (kGroup 1). A register tile of `Isa::kRows` rows x one panel (two
// vectors per row) is accumulated over a block of K with one fused
// multiply-add per row, vector and k, the row's A element broadcast from a
// copy of A packed so that the tile reads it in order; the panel's block
// (kBlockK x panel floats) stays in L1 while every row block of A passes over
// it. One row (a GEMV) keeps two partial sums per vector instead and goes
// through up to four panels from four parts of the weight at once, so that
// independent chains cover the fused multiply-add's latency and the weight,
// read once, comes as several streams.
//
// `Isa` provides the vector type and operations (GemmAvx2.cpp,
// GemmAvx512.cpp). Everything here has internal linkage: each instruction
// set's translation unit compiles its own copy with its own target flags.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CPU_GEMMF32_H
#define SQZ_RUNTIME_CPU_GEMMF32_H

#include "KernelSupport.h"
#include "sqz/Runtime/WeightPacking.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace sqzrt {
namespace {

template <typename Isa> struct GemmF32 {
  using Vec = typename Isa::F32;
  using Mask = typename Isa::F32Mask;
  static constexpr int64_t kLanes = Isa::kF32Lanes;
  static constexpr int64_t kPanel = 2 * kLanes;
  static constexpr int kRows = Isa::kF32Rows;
  /// Rows of K per block: 256 rows of a panel stay in L1.
  static constexpr int64_t kBlockK = 256;

  /// The masks of a panel's two vectors when it has `columns` columns.
  struct Masks {
    Mask low, high;
    explicit Masks(int64_t columns)
        : low(Isa::f32Mask(columns)), high(Isa::f32Mask(columns - kLanes)) {}
  };

  /// C[0:Rows, panel] (+)= A[0:Rows, 0:depth] x panel[0:depth], A packed
  /// as `a[k * Rows + r]`.
  template <int Rows>
  static void tile(int64_t depth, const float *a, const float *panel, float *c,
                   int64_t ldc, Masks masks, bool accumulate,
                   const PanelPrefetch &ahead) {
    Vec acc[Rows][2];
    for (int r = 0; r < Rows; ++r) {
      acc[r][0] =
          accumulate ? Isa::loadF32(c + r * ldc, masks.low) : Isa::zeroF32();
      acc[r][1] = accumulate ? Isa::loadF32(c + r * ldc + kLanes, masks.high)
                             : Isa::zeroF32();
    }
    PanelPrefetch::Progress progress(ahead);
    for (int64_t k = 0; k < depth; ++k) {
      Vec b0 = Isa::loadF32(panel + k * kPanel);
      Vec b1 = Isa::loadF32(panel + k * kPanel + kLanes);
      for (int r = 0; r < Rows; ++r) {
        Vec x = Isa::broadcastF32(a[k * Rows + r]);
        acc[r][0] = Isa::fma(x, b0, acc[r][0]);
        acc[r][1] = Isa::fma(x, b1, acc[r][1]);
      }
      ahead.step(progress);
    }
    for (int r = 0; r < Rows; ++r) {
      Isa::storeF32(c + r * ldc, acc[r][0], masks.low);
      Isa::storeF32(c + r * ldc + kLanes, acc[r][1], masks.high);
    }
  }

  /// tile<Rows> on A read in place, row r at `a + r * lda` (unit column
  /// stride), over the whole depth at once: the same multiply-adds in the
  /// same order, for a product of one panel, where a packed copy of A would
  /// be read once.
  template <int Rows>
  static void tileInPlace(int64_t depth, const float *a, int64_t lda,
                          const float *panel, float *c, int64_t ldc,
                          Masks masks, const float *next) {
    Vec acc[Rows][2];
    for (int r = 0; r < Rows; ++r)
      acc[r][0] = acc[r][1] = Isa::zeroF32();
    // One line of the next tile's rows per step of k, to be in L1 when it
    // starts (A usually comes from L3: the softmax of every head ran
    // before).
    constexpr int64_t kLineFloats = 64 / sizeof(float);
    const int64_t linesPerRow = ceilDiv(depth, kLineFloats);
    for (int64_t k = 0; k < depth; ++k) {
      if (next && k < Rows * linesPerRow)
        __builtin_prefetch(next + k / linesPerRow * lda +
                           k % linesPerRow * kLineFloats);
      Vec b0 = Isa::loadF32(panel + k * kPanel);
      Vec b1 = Isa::loadF32(panel + k * kPanel + kLanes);
      for (int r = 0; r < Rows; ++r) {
        Vec x = Isa::broadcastF32(a[r * lda + k]);
        acc[r][0] = Isa::fma(x, b0, acc[r][0]);
        acc[r][1] = Isa::fma(x, b1, acc[r][1]);
      }
    }
    for (int r = 0; r < Rows; ++r) {
      Isa::storeF32(c + r * ldc, acc[r][0], masks.low);
      Isa::storeF32(c + r * ldc + kLanes, acc[r][1], masks.high);
    }
  }

  using InPlaceTileFn = void (*)(int64_t, const float *, int64_t, const float *,
                                 float *, int64_t, Masks, const float *);
  template <int... Rows>
  static constexpr std::array<InPlaceTileFn, sizeof...(Rows)>
  inPlaceTiles(std::integer_sequence<int, Rows...>) {
    return {&tileInPlace<Rows + 1>...};
  }

  /// Whether C = A x B is one panel of C over a block of K that stays in L1,
  /// with rows of A (more than one: a row has its own path) of unit column
  /// stride: A is then read in place.
  static bool readsAInPlace(const MemRef<float, 2> &a, int64_t n) {
    return n <= kPanel && a.sizes[0] > 1 && a.sizes[1] <= kBlockK &&
           a.strides[1] == 1;
  }

  /// C (`ldc` apart, n columns) = A x the one packed panel, A in place.
  static void onePanelInPlace(const MemRef<float, 2> &a, const float *panel,
                              int64_t n, float *c, int64_t ldc) {
    static constexpr auto kTiles =
        inPlaceTiles(std::make_integer_sequence<int, kRows>());
    RowSplit split(a.sizes[0], kRows);
    Masks masks(n);
    for (int64_t t = 0; t < split.count; ++t) {
      int64_t i = split.start(t);
      const float *next = t + 1 < split.count
                              ? a.data() + split.start(t + 1) * a.strides[0]
                              : nullptr;
      kTiles[split.rows(t) - 1](a.sizes[1], a.data() + i * a.strides[0],
                                a.strides[0], panel, c + i * ldc, ldc, masks,
                                next);
    }
  }

  /// One row against `Count` panels: c_s[0:columns] = a[0:depth] x panel s,
  /// two partial sums per vector (even and odd k), added at the end. Every
  /// row sums in this order, however many panels it shares a pass with.
  template <int Count>
  static void rowOfPanels(int64_t depth, const float *a,
                          const float *const *panels, float *const *outs,
                          const Masks *masks) {
    Vec acc[Count][2][2];
    for (auto &panel : acc)
      for (auto &set : panel)
        set[0] = set[1] = Isa::zeroF32();
    auto step = [&](int set, int64_t k) {
      Vec x = Isa::broadcastF32(a[k]);
      for (int s = 0; s < Count; ++s) {
        const float *b = panels[s] + k * kPanel;
        acc[s][set][0] = Isa::fma(x, Isa::loadF32(b), acc[s][set][0]);
        acc[s][set][1] = Isa::fma(x, Isa::loadF32(b + kLanes), acc[s][set][1]);
      }
    };
    int64_t k = 0;
    for (; k + 2 <= depth; k += 2) {
      step(0, k);
      step(1, k + 1);
    }
    if (k < depth)
      step(0, k);
    for (int s = 0; s < Count; ++s)
      for (int half = 0; half < 2; ++half)
        Isa::storeF32(outs[s] + half * kLanes,
                      Isa::addF32(acc[s][0][half], acc[s][1][half]),
                      half ? masks[s].high : masks[s].low);
  }

  /// One row: c[panel] = a[0:depth] x panel[0:depth].
  static void row(int64_t depth, const float *a, const float *panel, float *c,
                  Masks masks) {
    rowOfPanels<1>(depth, a, &panel, &c, &masks);
  }

  /// Item `item` of a one-row product over `panels` panels: its panels
  /// (forEachRegionPanel) in one pass over the row.
  static void rowOfRegions(int64_t item, int64_t panels, int64_t k, int64_t n,
                           const float *a, const float *packed, float *c) {
    const float *weights[kRowRegions];
    float *outs[kRowRegions];
    Masks masks[kRowRegions] = {Masks(0), Masks(0), Masks(0), Masks(0)};
    int count =
        forEachRegionPanel(item, panels, kRowRegions, [&](int s, int64_t p) {
          weights[s] = packed + p * k * kPanel;
          outs[s] = c + p * kPanel;
          masks[s] = Masks(std::min(kPanel, n - p * kPanel));
        });
    withPanelCount(count, [&](auto panelCount) {
      rowOfPanels<decltype(panelCount)::value>(k, a, weights, outs, masks);
    });
  }

  using TileFn = void (*)(int64_t, const float *, const float *, float *,
                          int64_t, Masks, bool, const PanelPrefetch &);
  template <int... Rows>
  static constexpr std::array<TileFn, sizeof...(Rows)>
  tiles(std::integer_sequence<int, Rows...>) {
    return {&tile<Rows + 1>...};
  }

  /// The columns of panel p of C; A packed in the tiles of RowSplit(m, kRows)
  /// (`PackedRows`).
  static void panel(int64_t p, int64_t m, int64_t n, int64_t k, const float *a,
                    const float *packed, float *c, int64_t ldc) {
    panelColumns(packed + p * k * kPanel, std::min(kPanel, n - p * kPanel), m,
                 k, a, c + p * kPanel, ldc,
                 /*hasNext=*/(p + 1) * kPanel < n);
  }

  /// The `columns` (at most kPanel) columns of C at `out` from one packed
  /// panel `weights` ([k][kPanel] floats). The tiles of each block of K
  /// prefetch the next block, and those of the last block the next panel
  /// when `hasNext` (it follows `weights` in memory).
  static void panelColumns(const float *weights, int64_t columns, int64_t m,
                           int64_t k, const float *a, float *out, int64_t ldc,
                           bool hasNext = false) {
    static constexpr auto kTiles =
        tiles(std::make_integer_sequence<int, kRows>());
    Masks masks(columns);
    if (m == 1) {
      row(k, a, weights, out, masks);
      return;
    }
    for (int64_t k0 = 0; k0 < k; k0 += kBlockK) {
      int64_t depth = std::min(kBlockK, k - k0);
      bool lastBlock = k0 + depth >= k;
      // The block after this one: the next K block, or the next panel's
      // first.
      int64_t nextDepth =
          lastBlock ? std::min(kBlockK, k) : std::min(kBlockK, k - k0 - depth);
      const float *block = weights + k0 * kPanel;
      RowSplit split(m, kRows);
      for (int64_t t = 0; t < split.count; ++t) {
        int64_t i = split.start(t), rows = split.rows(t);
        int64_t bytes = sizeof(float) * kPanel;
        auto ahead = PanelPrefetch::share(
            block, depth * bytes, lastBlock && !hasNext ? 0 : nextDepth * bytes,
            t, split.count, depth);
        kTiles[rows - 1](depth, a + i * k + k0 * rows, block, out + i * ldc,
                         ldc, masks, k0 > 0, ahead);
      }
    }
  }

  /// Batch element `i` of a 3-D operand, as a 2-D view.
  static MemRef<float, 2> batchElement(const MemRef<float, 3> &x, int64_t i) {
    return {x.allocated,
            x.aligned,
            x.offset + i * x.strides[0],
            {x.sizes[1], x.sizes[2]},
            {x.strides[1], x.strides[2]}};
  }

  /// B[K, N] (any strides) packed as a constant weight would be
  /// (`packGemmWeight`'s f32 layout: panels of kPanel columns, zero-padded).
  static void packRhs(const MemRef<float, 2> &b, std::vector<float> &packed) {
    int64_t k = b.sizes[0], n = b.sizes[1];
    packed.assign(ceilDiv(n, kPanel) * k * kPanel, 0.0f);
    for (int64_t kk = 0; kk < k; ++kk) {
      const float *row = b.data() + kk * b.strides[0];
      for (int64_t j0 = 0; j0 < n; j0 += kPanel) {
        float *out = packed.data() + ((j0 / kPanel) * k + kk) * kPanel;
        int64_t width = std::min(kPanel, n - j0);
        if (b.strides[1] == 1)
          std::memcpy(out, row + j0, width * sizeof(float));
        else
          for (int64_t j = 0; j < width; ++j)
            out[j] = row[(j0 + j) * b.strides[1]];
      }
    }
  }

  /// The batched entry: C[i] = A[i] x B[i] for each i of the batch, both
  /// operands values of the run (attention's Q Kᵀ and P V): B is packed per
  /// batch element, into the layout of the constant weights, and the batch
  /// elements are shared among the threads. C must have unit column stride
  /// (the caller's own buffer).
  static void runBatched(MemRef<float, 3> *c, MemRef<float, 3> *a,
                         MemRef<float, 3> *b, int threads) {
    int64_t batch = a->sizes[0], m = a->sizes[1], k = a->sizes[2];
    int64_t n = c->sizes[2];
    if (batch == 0 || m == 0 || n == 0)
      return;
    auto body = [&](int64_t i) {
      float *out = c->data() + i * c->strides[0];
      int64_t ldc = m > 1 ? c->strides[1] : n;
      if (k == 0) {
        for (int64_t r = 0; r < m; ++r)
          std::fill_n(out + r * ldc, n, 0.0f);
        return;
      }
      MemRef<float, 2> lhsView = batchElement(*a, i);
      std::vector<float> rhs;
      packRhs(batchElement(*b, i), rhs);
      if (readsAInPlace(lhsView, n))
        return onePanelInPlace(lhsView, rhs.data(), n, out, ldc);
      PackedRows<float, 1> lhs(lhsView, kRows);
      for (int64_t p = 0; p < ceilDiv(n, kPanel); ++p)
        panel(p, m, n, k, lhs.data.data(), rhs.data(), out, ldc);
    };
    parallelFor(batch, threadsForWork(threads, batch * m * n * k), body);
  }

  /// The kernel entry: C = A x B.
  static void run(MemRef<float, 2> *c, MemRef<float, 2> *a,
                  MemRef<float, 1> *packed, int threads) {
    int64_t m = a->sizes[0], k = a->sizes[1], n = c->sizes[1];
    if (m == 0 || n == 0)
      return;
    RowMajorOutput<float> out(*c);
    if (k == 0) {
      out.fill(0.0f);
      return;
    }
    PackedRows<float, 1> lhs(m, k, kRows);
    auto packTile = [&](int64_t t) { lhs.packTile(*a, t); };
    int64_t panels = ceilDiv(n, kPanel);
    threads = threadsForWork(threads, m * n * k);
    if (m == 1) {
      int64_t items = regionItems(panels, kRowRegions);
      auto rowBody = [&](int64_t item) {
        rowOfRegions(item, panels, k, n, lhs.data.data(), packed->data(),
                     out.data);
      };
      parallelForAfter(lhs.split.count, packTile, items, threads, rowBody);
    } else {
      auto panelBody = [&](int64_t p) {
        panel(p, m, n, k, lhs.data.data(), packed->data(), out.data,
              out.stride);
      };
      parallelForAfter(lhs.split.count, packTile, panels, threads, panelBody);
    }
    out.finish();
  }
};

} // namespace
} // namespace sqzrt

#endif // SQZ_RUNTIME_CPU_GEMMF32_H
