//===- GemmS8.h - int8 GEMM/GEMV on packed weights, any vector ISA -*- C++
//-*-===//
//
// C[M, N] = A[M, K] x B[K, N] in i32 on signed 8-bit codes, exact, with B
// packed in panels of `Isa::kS8Vectors` vectors of i32 lanes (columns) and
// groups of `Isa::kGroup` rows (WeightPacking.h). A is first copied into the
// form the dot-product instruction takes (`Isa::prepare`: widened to i16
// for `vpmaddwd`, offset by 128 to unsigned bytes for `vpdpbusd`), in blocks
// of tile rows, zero-padded to whole groups (`PackedRows`). A register tile of
// `Isa::kS8Rows` rows x one panel then takes, per group, one broadcast of
// the row's group and one dot-product step per row and vector. One row (a
// GEMV) goes through up to four panels from four parts of the weight at
// once, one set of accumulators each.
//
// Integer sums are exact in any order, so every tiling gives the
// reference's wrapping i32 result bit for bit. A call may instead store the
// W8A8 layer's dequantization of each sum, `float(acc) * (row scale *
// column scale) (+ bias)`, from the registers (`runScaled`).
//
// `Isa` provides the vector type and operations (GemmAvx2.cpp,
// GemmAvx512.cpp); everything here has internal linkage.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CPU_GEMMS8_H
#define SQZ_RUNTIME_CPU_GEMMS8_H

#include "KernelSupport.h"
#include "sqz/Runtime/WeightPacking.h"

#include <algorithm>
#include <array>
#include <type_traits>
#include <utility>
#include <vector>

namespace sqzrt {
namespace {

template <typename Isa> struct GemmS8 {
  using Vec = typename Isa::I32;
  using Mask = typename Isa::I32Mask;
  using AElem = typename Isa::AElement;
  static constexpr int64_t kLanes = Isa::kI32Lanes;
  static constexpr int kVectors = Isa::kS8Vectors;
  static constexpr int64_t kPanel = kVectors * kLanes;
  static constexpr int64_t kGroup = Isa::kGroup;
  /// Bytes of a panel per group of rows.
  static constexpr int64_t kGroupBytes = kPanel * kGroup;
  static constexpr int kRows = Isa::kS8Rows;

  struct Masks {
    Mask vector[kVectors];
    explicit Masks(int64_t columns) {
      for (int j = 0; j < kVectors; ++j)
        vector[j] = Isa::i32Mask(columns - j * kLanes);
    }
  };

  /// The f32 dequantization a call may apply to its sums:
  /// `float(acc) * (rows[m] * columns[n]) (+ bias[n])`, the reference's
  /// epilogue of a W8A8 layer, in its order of operations (so bit for bit
  /// the same). `columns` and `bias` are padded to whole panels. Then, in
  /// this order, what the layer's next elementwise op did: GELU in its erf
  /// form when `gelu` (only where `Isa::kHasGelu`), and `+ addend[m, n]`
  /// (a residual) when `addend` is not null.
  struct Scales {
    const float *rows;
    int64_t rowStride;
    const float *columns;
    /// Null when there is none.
    const float *bias;
    bool gelu = false;
    /// Unit column stride, rows `addendStride` apart.
    const float *addend = nullptr;
    int64_t addendStride = 0;
  };

  /// Where a tile's results go: i32 sums (`i32`), or their dequantization
  /// by `scales` (`f32`); `i32`/`f32`, `scales.rows` and `scales.columns`
  /// already point at the tile's first row and panel.
  struct Output {
    int32_t *i32;
    float *f32;
    int64_t ldc;
    Scales scales;

    void store(int r, int j, Vec acc, Mask mask) const {
      int64_t offset = r * ldc + j * kLanes;
      if (i32) {
        Isa::storeI32(i32 + offset, acc, mask);
        return;
      }
      auto scale =
          Isa::mulF32(Isa::broadcastF32(scales.rows[r * scales.rowStride]),
                      Isa::loadF32(scales.columns + j * kLanes));
      auto value = Isa::mulF32(Isa::i32ToF32(acc), scale);
      if (scales.bias)
        value = Isa::addF32(value, Isa::loadF32(scales.bias + j * kLanes));
      if constexpr (Isa::kHasGelu)
        if (scales.gelu)
          value = Isa::gelu(value);
      if (scales.addend)
        value = Isa::addF32(
            value,
            Isa::loadF32(scales.addend + r * scales.addendStride + j * kLanes,
                         mask));
      Isa::storeF32(f32 + offset, value, mask);
    }

    /// The output from row `i` on.
    Output rowsFrom(int64_t i) const {
      Output rest = *this;
      if (i32)
        rest.i32 += i * ldc;
      else
        rest.f32 += i * ldc;
      rest.scales.rows += i * scales.rowStride;
      if (scales.addend)
        rest.scales.addend += i * scales.addendStride;
      return rest;
    }
  };

  /// C[0:Rows, panel] = start + A'[0:Rows] x panel, A' packed as
  /// `a[(g * Rows + r) * kGroup + i]`.
  template <int Rows>
  static void tile(int64_t groups, const AElem *a, const int8_t *panel,
                   const int32_t *start, const Output &c, const Masks &masks,
                   const PanelPrefetch &ahead) {
    Vec acc[Rows][kVectors];
    for (int j = 0; j < kVectors; ++j) {
      Vec init = Isa::startI32(start, j);
      for (int r = 0; r < Rows; ++r)
        acc[r][j] = init;
    }
    PanelPrefetch::Progress progress(ahead);
    for (int64_t g = 0; g < groups; ++g) {
      const int8_t *b = panel + g * kGroupBytes;
      Vec weights[kVectors];
      for (int j = 0; j < kVectors; ++j)
        weights[j] = Isa::loadWeights(b, j);
      for (int r = 0; r < Rows; ++r) {
        Vec x = Isa::broadcastGroup(a + (g * Rows + r) * kGroup);
        for (int j = 0; j < kVectors; ++j)
          acc[r][j] = Isa::dot(acc[r][j], x, weights[j]);
      }
      ahead.step(progress);
    }
    for (int r = 0; r < Rows; ++r)
      for (int j = 0; j < kVectors; ++j)
        c.store(r, j, acc[r][j], masks.vector[j]);
  }

  /// One panel of a one-row product: its packed weight, accumulator
  /// start, output and column masks.
  struct RowPanel {
    const int8_t *panel;
    const int32_t *start;
    Output output;
    Masks masks;
  };

  /// One row against `Count` panels at once (each from its own part of the
  /// weight, as GemmF32's GEMV reads them: several streams read a weight
  /// from DRAM faster than one). Integer sums are exact in any order, so
  /// the result is `row`'s.
  template <int Count>
  static void rowOfPanels(int64_t groups, const AElem *a,
                          const RowPanel *panels) {
    Vec acc[Count][kVectors];
    for (int s = 0; s < Count; ++s)
      for (int j = 0; j < kVectors; ++j)
        acc[s][j] = Isa::startI32(panels[s].start, j);
    for (int64_t g = 0; g < groups; ++g) {
      Vec x = Isa::broadcastGroup(a + g * kGroup);
      for (int s = 0; s < Count; ++s) {
        const int8_t *b = panels[s].panel + g * kGroupBytes;
        for (int j = 0; j < kVectors; ++j)
          acc[s][j] = Isa::dot(acc[s][j], x, Isa::loadWeights(b, j));
      }
    }
    for (int s = 0; s < Count; ++s)
      for (int j = 0; j < kVectors; ++j)
        panels[s].output.store(0, j, acc[s][j], panels[s].masks.vector[j]);
  }

  using TileFn = void (*)(int64_t, const AElem *, const int8_t *,
                          const int32_t *, const Output &, const Masks &,
                          const PanelPrefetch &);
  template <int... Rows>
  static constexpr std::array<TileFn, sizeof...(Rows)>
  tiles(std::integer_sequence<int, Rows...>) {
    return {&tile<Rows + 1>...};
  }

  /// The kernel entry: C = A x B; `start`, when not null, holds the
  /// accumulators' first value per padded column.
  static void run(MemRef<int32_t, 2> *c, MemRef<int8_t, 2> *a,
                  MemRef<int8_t, 1> *packed, const int32_t *start,
                  int threads) {
    runInto(*c, *a, *packed, start, nullptr, threads);
  }

  /// The same with the product dequantized by `scales` into the f32 C.
  static void runScaled(MemRef<float, 2> *c, MemRef<int8_t, 2> *a,
                        MemRef<int8_t, 1> *packed, const int32_t *start,
                        const Scales &scales, int threads) {
    runInto(*c, *a, *packed, start, &scales, threads);
  }

  /// How a W8A8 layer's activation row becomes codes: its scale (returned)
  /// and its k codes, as the dynamic per-token quantization computes them,
  /// stored as `Isa::prepare` would make them in a packed row: element j at
  /// `out[(j / kGroup) * groupStride + j % kGroup]` (the instruction set's
  /// own routine).
  using QuantizeRow = float (*)(const float *x, int64_t k, int64_t stride,
                                float qmin, float qmax, AElem *out,
                                int64_t groupStride);

  /// `runScaled` on f32 activations that the kernel quantizes itself, one
  /// scale per row by `quantizeRow`, as it packs them (on its threads):
  /// the row scales of `scales` are those, not given.
  static void runQuantizing(MemRef<float, 2> *c, MemRef<float, 2> *x,
                            MemRef<int8_t, 1> *packed, const int32_t *start,
                            Scales scales, QuantizeRow quantizeRow, float qmin,
                            float qmax, int threads) {
    int64_t m = x->sizes[0], k = x->sizes[1];
    std::vector<float> rowScales(m);
    scales.rows = rowScales.data();
    scales.rowStride = 1;
    PackedRows<AElem, kGroup> rows(m, k, kRows);
    auto packTile = [&](int64_t t) {
      for (int64_t r = 0; r < rows.split.rows(t); ++r) {
        int64_t i = rows.split.start(t) + r;
        rowScales[i] =
            quantizeRow(x->data() + i * x->strides[0], k, x->strides[1], qmin,
                        qmax, rows.rowStart(t, r, k), rows.groupStride(t));
        rows.zeroPadding(t, r, k);
      }
    };
    runInto(*c, rows, k, packTile, *packed, start, &scales, threads);
  }

private:
  template <typename T>
  static void runInto(MemRef<T, 2> &c, MemRef<int8_t, 2> &a,
                      MemRef<int8_t, 1> &packed, const int32_t *start,
                      const Scales *scales, int threads) {
    PackedRows<AElem, kGroup> rows(a.sizes[0], a.sizes[1], kRows);
    auto packTile = [&](int64_t t) { rows.packTile(a, t, Isa::prepare); };
    runInto(c, rows, a.sizes[1], packTile, packed, start, scales, threads);
  }

  /// C from A's rows in `rows` (K = k), which `packTile(t)` fills tile by
  /// tile on the threads before the panels start.
  template <typename T, typename PackTile>
  static void runInto(MemRef<T, 2> &c, PackedRows<AElem, kGroup> &rows,
                      int64_t k, PackTile &packTile, MemRef<int8_t, 1> &packed,
                      const int32_t *start, const Scales *scales, int threads) {
    static constexpr auto kTiles =
        tiles(std::make_integer_sequence<int, kRows>());
    int64_t m = rows.split.m, n = c.sizes[1];
    if (m == 0 || n == 0)
      return;
    RowMajorOutput<T> out(c);
    int64_t groups = ceilDiv(k, kGroup);
    const int8_t *weights = packed.data();
    auto panelOf = [&](int64_t p) {
      RowPanel row{weights + p * groups * kGroupBytes,
                   start ? start + p * kPanel : nullptr,
                   Output{nullptr, nullptr, out.stride, {}},
                   Masks(std::min(kPanel, n - p * kPanel))};
      Output &output = row.output;
      if constexpr (std::is_same_v<T, float>) {
        output.f32 = out.data + p * kPanel;
        output.scales = *scales;
        output.scales.columns += p * kPanel;
        if (output.scales.bias)
          output.scales.bias += p * kPanel;
        if (output.scales.addend)
          output.scales.addend += p * kPanel;
      } else {
        output.i32 = out.data + p * kPanel;
      }
      return row;
    };
    int64_t panels = ceilDiv(n, kPanel);
    threads = threadsForWork(threads, m * n * k);
    if (m == 1) {
      // Item t: its panels (forEachRegionPanel) in one pass over the row.
      int64_t items = regionItems(panels, kRowRegions);
      auto item = [&](int64_t t) {
        RowPanel row[kRowRegions] = {panelOf(t), panelOf(t), panelOf(t),
                                     panelOf(t)};
        int count =
            forEachRegionPanel(t, panels, kRowRegions,
                               [&](int s, int64_t p) { row[s] = panelOf(p); });
        withPanelCount(count, [&](auto panelCount) {
          rowOfPanels<decltype(panelCount)::value>(groups, rows.data.data(),
                                                   row);
        });
      };
      parallelForAfter(rows.split.count, packTile, items, threads, item);
      out.finish();
      return;
    }
    auto panelBody = [&](int64_t p) {
      RowPanel row = panelOf(p);
      const int8_t *panel = row.panel;
      const int32_t *panelStart = row.start;
      const Output &output = row.output;
      const Masks &masks = row.masks;
      const RowSplit &split = rows.split;
      int64_t panelBytes = groups * kGroupBytes;
      bool last = (p + 1) * kPanel >= n;
      for (int64_t t = 0; t < split.count; ++t) {
        int64_t i = split.start(t), tileRows = split.rows(t);
        auto ahead = PanelPrefetch::share(
            panel, panelBytes, last ? 0 : panelBytes, t, split.count, groups);
        kTiles[tileRows - 1](groups, rows.data.data() + i * groups * kGroup,
                             panel, panelStart, output.rowsFrom(i), masks,
                             ahead);
      }
    };
    parallelForAfter(rows.split.count, packTile, panels, threads, panelBody);
    out.finish();
  }
};

} // namespace
} // namespace sqzrt

#endif // SQZ_RUNTIME_CPU_GEMMS8_H
