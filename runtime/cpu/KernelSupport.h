//===- KernelSupport.h - What the CPU kernels share ------------*- C++ -*-===//
//
// Operand views that give every kernel contiguous rows, and column masks.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CPU_KERNELSUPPORT_H
#define SQZ_RUNTIME_CPU_KERNELSUPPORT_H

#include "sqz/Runtime/CPUKernels.h"
#include "sqz/Runtime/WeightPacking.h"
#include "sqz/Runtime/WorkerPool.h"

#include <xmmintrin.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <type_traits>
#include <vector>

// Internal linkage: each instruction set's translation unit compiles its own
// copy for its own target.
namespace sqzrt {
namespace {

/// The mask of the first `columns` (clamped to [0, 16]) lanes of 16.
inline uint16_t columnMask16(int64_t columns) {
  if (columns <= 0)
    return 0;
  if (columns >= 16)
    return 0xffff;
  return static_cast<uint16_t>((1u << columns) - 1);
}

/// The per-group parameters of a weight-only kernel call as the compiler
/// packs them (packGemmGroupParams, panels of `panelWidth` columns): the
/// scales and, when the memref is not empty, the zero points. The number
/// of groups of K is the scales' size over the padded columns.
struct GroupParams {
  const float *scales, *zeros;
  int64_t panelWidth, groups, groupSize;

  GroupParams(const MemRef<float, 1> &scaleRef, const MemRef<float, 1> &zeroRef,
              int64_t k, int64_t n, int64_t panelWidth)
      : scales(scaleRef.data()),
        zeros(zeroRef.sizes[0] ? zeroRef.data() : nullptr),
        panelWidth(panelWidth),
        groups(scaleRef.sizes[0] / (ceilDiv(n, panelWidth) * panelWidth)),
        groupSize(groups ? ceilDiv(k, groups) : 0) {}

  /// Panel p's scales and zero points (null when symmetric).
  const float *scalesOf(int64_t p) const {
    return scales + p * groups * panelWidth;
  }
  const float *zerosOf(int64_t p) const {
    return zeros ? zeros + p * groups * panelWidth : nullptr;
  }
};

/// Cache lines a register tile fetches into L2 while it runs, spread over
/// its steps: its share of the next panel's packed weights. The first tile
/// of a panel otherwise streams the panel from L3 as fast as its dot
/// products consume it, faster than one core reads L3 (int8 128x4096x4096:
/// the tiles ran at 78% of the VNNI peak, 91% where the weight fits L2;
/// with this, the layer took 6.9 ms instead of 8.1-8.4).
struct PanelPrefetch {
  const char *begin = nullptr;
  int64_t lines = 0;
  /// One issue of `perIssue` lines every `interval` steps (no division in
  /// the loop: one cost a quarter of the f32 tile's time).
  int64_t interval = 1, perIssue = 0;

  /// Tile t of `tiles`' share of the `nextBytes` that follow the
  /// `currentBytes` at `current` (the next panel, or the next block of K;
  /// 0 when there is none), issued over the tile's `steps` steps.
  static PanelPrefetch share(const void *current, int64_t currentBytes,
                             int64_t nextBytes, int64_t t, int64_t tiles,
                             int64_t steps) {
    int64_t all = nextBytes / 64, first = t * all / tiles;
    PanelPrefetch ahead;
    ahead.begin =
        static_cast<const char *>(current) + currentBytes + first * 64;
    ahead.lines = (t + 1) * all / tiles - first;
    if (ahead.lines <= 0 || steps <= 0)
      return ahead;
    ahead.interval = std::max<int64_t>(1, steps / ahead.lines);
    ahead.perIssue = (ahead.lines + steps - 1) / steps;
    return ahead;
  }

  /// Where a tile is in issuing its lines.
  struct Progress {
    int64_t issued = 0, wait;
    explicit Progress(const PanelPrefetch &ahead) : wait(ahead.interval) {}
  };

  /// One step of the tile: issues lines when they are due.
  void step(Progress &progress) const {
    if (--progress.wait > 0)
      return;
    progress.wait = interval;
    for (int64_t i = 0; i < perIssue && progress.issued < lines; ++i)
      __builtin_prefetch(begin + 64 * progress.issued++, /*rw=*/0,
                         /*locality=*/2);
  }
};

/// A 2-D result written as contiguous rows: into the memref when its column
/// stride is 1, else into a row-major buffer that `finish` scatters.
template <typename T> struct RowMajorOutput {
  T *data;
  int64_t stride;
  const MemRef<T, 2> &ref;
  std::vector<T> buffer;

  explicit RowMajorOutput(const MemRef<T, 2> &ref) : ref(ref) {
    int64_t rows = ref.sizes[0], columns = ref.sizes[1];
    if (ref.strides[1] == 1 || columns <= 1) {
      data = ref.data();
      stride = rows > 1 ? ref.strides[0] : columns;
      return;
    }
    buffer.resize(rows * columns);
    data = buffer.data();
    stride = columns;
  }

  void fill(T value) {
    for (int64_t i = 0; i < ref.sizes[0]; ++i)
      for (int64_t j = 0; j < ref.sizes[1]; ++j)
        data[i * stride + j] = value;
    finish();
  }

  void finish() {
    if (buffer.empty())
      return;
    for (int64_t i = 0; i < ref.sizes[0]; ++i)
      for (int64_t j = 0; j < ref.sizes[1]; ++j)
        ref.data()[i * ref.strides[0] + j * ref.strides[1]] =
            buffer[i * stride + j];
  }
};

/// The addend of an epilogue's residual add, read as contiguous rows: the
/// memref itself when its column stride is 1, else a row-major copy. Null
/// data when it has no rows (the call has no addend).
struct RowMajorAddend {
  const float *data = nullptr;
  int64_t stride = 0;
  std::vector<float> copy;

  explicit RowMajorAddend(const MemRef<float, 2> &ref) {
    int64_t rows = ref.sizes[0], columns = ref.sizes[1];
    if (rows == 0)
      return;
    if (ref.strides[1] == 1 || columns <= 1) {
      data = ref.data();
      stride = rows > 1 ? ref.strides[0] : columns;
      return;
    }
    copy.resize(rows * columns);
    for (int64_t i = 0; i < rows; ++i)
      for (int64_t j = 0; j < columns; ++j)
        copy[i * columns + j] =
            ref.data()[i * ref.strides[0] + j * ref.strides[1]];
    data = copy.data();
    stride = columns;
  }
};

/// Panels that a one-row product (a GEMV) goes through at once, each from
/// its own part of the weight: on the Zen 4 machine one thread reads a
/// weight from DRAM 1.1-1.2x faster as four streams far apart than as one
/// (docs/design.md, "A GEMV reads its weight as four streams").
constexpr int kRowRegions = 4;

/// The work items of a one-row product over `panels` panels taken
/// `regions` at a time.
inline int64_t regionItems(int64_t panels, int regions) {
  return ceilDiv(panels, regions);
}

/// The panels of item `item`: item, item + items, ... below `panels`, at
/// most `regions` of them (so every panel belongs to exactly one item);
/// `visit(slot, panel)` for each in order. Returns how many.
template <typename Visit>
int forEachRegionPanel(int64_t item, int64_t panels, int regions, Visit visit) {
  int64_t items = regionItems(panels, regions);
  int count = 0;
  for (int64_t p = item; p < panels && count < regions; p += items)
    visit(count++, p);
  return count;
}

/// `body(std::integral_constant<int, Count>())` for a run-time `count` in
/// [1, kRowRegions]: picks a kernel's rowOfPanels<Count>.
template <typename Body> void withPanelCount(int count, Body body) {
  static_assert(kRowRegions == 4, "one case per count");
  switch (count) {
  case 1:
    return body(std::integral_constant<int, 1>());
  case 2:
    return body(std::integral_constant<int, 2>());
  case 3:
    return body(std::integral_constant<int, 3>());
  default:
    return body(std::integral_constant<int, 4>());
  }
}

/// The row tiles of M rows for a register tile of at most `maxRows` rows:
/// as few tiles as that allows, their sizes differing by at most one (M = 4
/// in tiles of at most 3 is 2 + 2, not 3 + 1: a one-row tile has too few
/// independent accumulators to cover the fused multiply-add's latency).
/// Tile t covers rows [start(t), start(t) + rows(t)).
struct RowSplit {
  int64_t m, count, base, extra;
  RowSplit(int64_t m, int64_t maxRows)
      : m(m), count((m + maxRows - 1) / maxRows), base(count ? m / count : 0),
        extra(count ? m % count : 0) {}
  int64_t rows(int64_t t) const { return base + (t < extra ? 1 : 0); }
  int64_t start(int64_t t) const { return t * base + std::min(t, extra); }
};

/// A buffer of `count` elements that are not initialized: zeroing a
/// call's packed activations before writing every element of them ran on
/// one thread (4% of a two-thread W4 int8-compute layer).
template <typename T> struct UninitializedBuffer {
  std::unique_ptr<T[]> storage;
  explicit UninitializedBuffer(int64_t count) : storage(new T[count]) {}
  T *data() { return storage.get(); }
  const T *data() const { return storage.get(); }
};

/// A copy of the rows of a 2-D operand A[M, K] in the order a register tile
/// reads them: the tiles of a `RowSplit`, each
/// block group by group of `Group` elements of K (K zero-padded to whole
/// groups), row by row within a group. Block b starts at element
/// `b * tileRows * paddedK`; within a block of `rows` rows, group g of row r
/// is at `(g * rows + r) * Group`. `convert` maps each element of A. A
/// `tileRows` of 1 gives the rows one after another.
template <typename T, int64_t Group> struct PackedRows {
  UninitializedBuffer<T> data;
  RowSplit split;

  /// The buffer alone, for `packTile` on each tile of `split`: a kernel
  /// packs the tiles on its threads (`parallelForAfter`) instead of before
  /// them. Packing a row writes all of it, the padding of its last group
  /// too (`zeroPadding`).
  PackedRows(int64_t m, int64_t k, int64_t tileRows)
      : data(m * ((k + Group - 1) / Group * Group)), split(m, tileRows) {}

  template <typename Source, typename Convert>
  PackedRows(const MemRef<Source, 2> &a, int64_t tileRows, Convert convert)
      : PackedRows(a.sizes[0], a.sizes[1], tileRows) {
    for (int64_t t = 0; t < split.count; ++t)
      packTile(a, t, convert);
  }

  PackedRows(const MemRef<T, 2> &a, int64_t tileRows)
      : PackedRows(a.sizes[0], a.sizes[1], tileRows) {
    for (int64_t t = 0; t < split.count; ++t)
      packTile(a, t);
  }

  /// Copies the rows of tile t of A, unconverted.
  void packTile(const MemRef<T, 2> &a, int64_t t) {
    if constexpr (Group == 1 && std::is_same_v<T, float>) {
      if (a.strides[1] == 1 && split.rows(t) >= 4) {
        transposeTile(a.data() + split.start(t) * a.strides[0], a.strides[0],
                      split.rows(t), a.sizes[1],
                      data.data() + split.start(t) * a.sizes[1]);
        return;
      }
    }
    packTile(a, t, [](T value) { return value; });
  }

  /// Copies the rows of tile t of A (the A of the constructor's sizes).
  template <typename Source, typename Convert>
  void packTile(const MemRef<Source, 2> &a, int64_t t, Convert convert) {
    for (int64_t r = 0; r < split.rows(t); ++r)
      packRow(t, r, a.data() + (split.start(t) + r) * a.strides[0], a.sizes[1],
              a.strides[1], convert);
  }

  /// Where row r of tile t starts (for rows of `k` elements), and how far
  /// apart its groups are.
  T *rowStart(int64_t t, int64_t r, int64_t k) {
    return data.data() + split.start(t) * ((k + Group - 1) / Group * Group) +
           r * Group;
  }
  int64_t groupStride(int64_t t) const { return split.rows(t) * Group; }

  /// Copies row r of tile t from `row` (k elements `stride` apart).
  template <typename Source, typename Convert>
  void packRow(int64_t t, int64_t r, const Source *row, int64_t k,
               int64_t stride, Convert convert) {
    int64_t paddedK = (k + Group - 1) / Group * Group;
    int64_t rows = split.rows(t);
    T *block = data.data() + split.start(t) * paddedK;
    if (stride == 1)
      copyContiguousRow(row, k, rows, block + r * Group, convert);
    else
      for (int64_t j = 0; j < k; ++j)
        block[((j / Group) * rows + r) * Group + j % Group] =
            convert(row[j * stride]);
    zeroPadding(t, r, k);
  }

  /// Zeros the elements of row r of tile t past k in its last group (the
  /// weights there are zero-padded too, but an uninitialized float could be
  /// a NaN and poison the sums).
  void zeroPadding(int64_t t, int64_t r, int64_t k) {
    int64_t paddedK = (k + Group - 1) / Group * Group;
    T *block = data.data() + split.start(t) * paddedK;
    for (int64_t j = k; j < paddedK; ++j)
      block[((j / Group) * split.rows(t) + r) * Group + j % Group] = T(0);
  }

private:
  /// Rows of unit stride (`rows` of them, at least 4, `lda` apart) copied
  /// column by column, `out[j * rows + r] = a[r * lda + j]`: the f32
  /// tile's order (Group 1). Four rows by four columns at a time through a
  /// transpose in registers, the last four rows overlapping the ones before
  /// when `rows` is not a multiple of 4, and K in chunks whose copy stays in
  /// L1. (Row by row, each store went to another cache line of a tile that
  /// does not fit L1: 2.5 cycles an element, 8% of MiniLM's fp32 time.)
  static void transposeTile(const float *a, int64_t lda, int64_t rows,
                            int64_t k, float *out) {
    constexpr int64_t kChunk = 64;
    for (int64_t j0 = 0; j0 < k; j0 += kChunk) {
      int64_t end = std::min(k, j0 + kChunk);
      for (int64_t r0 = 0; r0 < rows; r0 += 4) {
        int64_t r = std::min(r0, rows - 4);
        const float *s0 = a + r * lda, *s1 = s0 + lda, *s2 = s1 + lda,
                    *s3 = s2 + lda;
        int64_t j = j0;
        for (; j + 4 <= end; j += 4) {
          __m128 x0 = _mm_loadu_ps(s0 + j), x1 = _mm_loadu_ps(s1 + j),
                 x2 = _mm_loadu_ps(s2 + j), x3 = _mm_loadu_ps(s3 + j);
          _MM_TRANSPOSE4_PS(x0, x1, x2, x3);
          float *o = out + j * rows + r;
          _mm_storeu_ps(o, x0);
          _mm_storeu_ps(o + rows, x1);
          _mm_storeu_ps(o + 2 * rows, x2);
          _mm_storeu_ps(o + 3 * rows, x3);
        }
        for (; j < end; ++j) {
          float *o = out + j * rows + r;
          o[0] = s0[j];
          o[1] = s1[j];
          o[2] = s2[j];
          o[3] = s3[j];
        }
      }
    }
  }

  /// One row of unit stride, whole groups at a time: group g goes to
  /// `out + g * rows * Group`; the elements of a last partial group are
  /// followed by the padding that zeroPadding writes. (Per element, the general
  /// loop's group and slot arithmetic cost several times the copy: a third of
  /// the int8 kernel's time on MiniLM's 1024-row layers.)
  template <typename Source, typename Convert>
  static void copyContiguousRow(const Source *row, int64_t k, int64_t rows,
                                T *out, Convert convert) {
    int64_t step = rows * Group, j = 0;
    for (; j + Group <= k; j += Group, out += step) {
      // Through a local group, which the compiler keeps in a register: the
      // stores to `out` may not alias `row` then, so a group is one load,
      // one vector conversion and one store instead of one of each per
      // element.
      T group[Group];
      for (int64_t i = 0; i < Group; ++i)
        group[i] = convert(row[j + i]);
      std::memcpy(out, group, sizeof(group));
    }
    for (int64_t i = 0; j + i < k; ++i)
      out[i] = convert(row[j + i]);
  }
};

} // namespace
} // namespace sqzrt

#endif // SQZ_RUNTIME_CPU_KERNELSUPPORT_H
