//===- Sparse24.h - 2:4 sparse GEMM kernels on 256-bit vectors -*- C++ -*-===//
//
// C[M, N] = A[M, K] x B[K, N] with B 2:4 sparse along K, packed by
// `packSparse24` (WeightPacking.h): only the kept half of B is stored and
// multiplied.
//
// One row (a GEMV) runs across columns: for each group of four K, the four
// activations are broadcast and each lane (a column's kept value) picks its
// own with a permute (`vpermps` for f32; for int8 a `vpermd` of the group's
// six i16 activation pairs by the column's pair index, then one `vpmaddwd`).
// Several rows run down the rows instead: a copy of A is packed per tile of up
// to 24 rows, K-major (f32: one vector of rows per k; int8: per group, one i16
// pair of rows for each of the six position pairs a column can keep), so that
// each kept weight is one broadcast multiplied into the vector(s) of rows at
// its own position. Accumulators of a tile are columns of C; they live in a
// column-major scratch per chunk of panels, K is blocked so that A's tile stays
// in L1, and the scratch is transposed into C at the end.
//
// Written with AVX2 and FMA intrinsics; each instruction set's translation
// unit (Sparse24Avx2.cpp, Sparse24Avx512.cpp) includes this under its own
// target flags, and a kernel struct may replace the GEMV row with a wider one
// (`runSparse24` calls `Kernel::rows`, which may go through several panels
// at once). The int8 kernel is exact (i16 products
// summed in pairs into wrapping i32, as the reference).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CPU_SPARSE24_H
#define SQZ_RUNTIME_CPU_SPARSE24_H

#include "KernelSupport.h"
#include "sqz/Runtime/WeightPacking.h"
#include "sqz/Runtime/WorkerPool.h"

#include <immintrin.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace sqzrt {
namespace {

constexpr int64_t kPanel = kSparse24Panel;
/// Rows of a tile: three vectors of eight.
constexpr int64_t kTileRows = 24;
/// Panels a task accumulates together while one block of A stays in L1.
constexpr int64_t kChunkPanels = 8;
/// Row counts below this run as GEMVs, one row after another.
constexpr int64_t kMinTileRows = 4;

__m256i laneMask8(int64_t count) {
  count = std::clamp<int64_t>(count, 0, 8);
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(count)),
                            _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

/// How the rows of A are cut into tiles: tile t has `rows(t)` rows padded
/// to `vectors(t)` vectors of eight, and its column of scratch starts at
/// row `t * kTileRows`.
struct RowTiles {
  int64_t m;
  int64_t count() const { return ceilDiv(m, kTileRows); }
  int64_t rows(int64_t t) const {
    return std::min(kTileRows, m - t * kTileRows);
  }
  int64_t vectors(int64_t t) const { return ceilDiv(rows(t), 8); }
  /// Rows of a scratch column: M rounded up to a vector.
  int64_t padded() const { return ceilDiv(m, 8) * 8; }
};

/// A chunk's accumulators, column-major (column c of the chunk at
/// `data + c * rows`), written into C row by row at the end.
template <typename T> struct ColumnScratch {
  std::vector<T> data;
  int64_t rows;
  ColumnScratch(int64_t columns, int64_t rows)
      : data(columns * rows, T(0)), rows(rows) {}
  T *column(int64_t c) { return data.data() + c * rows; }
  void writeTo(T *c, int64_t ldc, int64_t m, int64_t firstColumn,
               int64_t columns) {
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < columns; ++j)
        c[i * ldc + firstColumn + j] = data[j * rows + i];
  }
};

/// Runs `body(firstPanel, panelCount)` over chunks of panels on `threads`
/// threads.
template <typename Body>
void forEachChunk(int64_t panels, int threads, Body body) {
  auto chunk = [&](int64_t index) {
    int64_t first = index * kChunkPanels;
    body(first, std::min(kChunkPanels, panels - first));
  };
  parallelFor(ceilDiv(panels, kChunkPanels), threads, chunk);
}

/// One panel of a GEMV row: its kept values and metadata words, and where
/// its `columns` outputs go.
template <typename Kept, typename Out> struct PanelRow {
  const Kept *values;
  const uint32_t *meta;
  Out *c;
  int64_t columns;
};

/// A GEMV row that goes through one panel at a time: `rows` of a kernel
/// whose `row` takes one panel.
template <typename Kernel> struct OnePanelPerRow {
  static constexpr int kRowRegions = 1;
  template <typename In, typename Kept, typename Out>
  static void rows(int64_t groups, const In *x,
                   const PanelRow<Kept, Out> *panels, int) {
    Kernel::row(groups, x, panels->values, panels->meta, panels->c,
                panels->columns);
  }
};

//===----------------------------------------------------------------------===//
// f32
//===----------------------------------------------------------------------===//

struct SparseF32 : OnePanelPerRow<SparseF32> {
  /// Groups ahead (4 KiB of kept values) that the GEMV prefetches: its one
  /// stream of kept values otherwise reached 11-12 GB/s on an Intel Xeon
  /// where a plain read reaches 14-17 (4096x11008: 7.5-8.3 -> 5.0-5.3 ms;
  /// 1 and 2 KiB ahead gave 6.0-6.2 and 5.2-5.9 ms).
  static constexpr int64_t kPrefetchGroups = 64;
  /// Groups of four K per block: A's tile block (256 x 24 floats) in L1.
  static constexpr int64_t kBlockGroups = 64;

  /// c[0:columns] = x[0:4 groups] x panel, one row.
  static void row(int64_t groups, const float *x, const float *values,
                  const uint32_t *meta, float *c, int64_t columns) {
    const __m256i low = _mm256_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14);
    const __m256i high = _mm256_setr_epi32(16, 18, 20, 22, 24, 26, 28, 30);
    __m256 acc[2][2] = {{_mm256_setzero_ps(), _mm256_setzero_ps()},
                        {_mm256_setzero_ps(), _mm256_setzero_ps()}};
    auto step = [&](int set, int64_t q) {
      __m256i word = _mm256_set1_epi32(static_cast<int>(meta[q]));
      // `vpermps` reads the low three bits of each index: the third is the
      // next field's, and picks the same four values again.
      __m256i first = _mm256_srlv_epi32(word, low);
      __m256i second = _mm256_srlv_epi32(word, high);
      __m256 group =
          _mm256_broadcast_ps(reinterpret_cast<const __m128 *>(x + 4 * q));
      const float *kept = values + q * 2 * kPanel;
      __builtin_prefetch(kept + 16 * kPrefetchGroups, 0, 3);
      acc[set][0] = _mm256_fmadd_ps(_mm256_permutevar8x32_ps(group, first),
                                    _mm256_loadu_ps(kept), acc[set][0]);
      acc[set][1] = _mm256_fmadd_ps(_mm256_permutevar8x32_ps(group, second),
                                    _mm256_loadu_ps(kept + 8), acc[set][1]);
    };
    int64_t q = 0;
    for (; q + 2 <= groups; q += 2) {
      step(0, q);
      step(1, q + 1);
    }
    if (q < groups)
      step(0, q);
    // Lanes are [column][slot]: add each column's two slots, then restore
    // the column order that the pairwise add interleaves.
    __m256 sums = _mm256_hadd_ps(_mm256_add_ps(acc[0][0], acc[1][0]),
                                 _mm256_add_ps(acc[0][1], acc[1][1]));
    sums = _mm256_permutevar8x32_ps(sums,
                                    _mm256_setr_epi32(0, 1, 4, 5, 2, 3, 6, 7));
    _mm256_maskstore_ps(c, laneMask8(columns), sums);
  }

  /// Four columns (half `half` of a panel) of a tile of `Vectors` x 8 rows
  /// over groups [0, groups): `scratch` column c += sum over kept values of
  /// w * A[rows, 4 q + position]. `a` is the tile's block, one vector of
  /// rows per k (`Vectors * 8` floats per k).
  template <int Vectors>
  static void tile(int64_t groups, const float *a, const float *values,
                   const uint32_t *meta, int half, float *scratch,
                   int64_t scratchRows) {
    constexpr int64_t stride = Vectors * 8;
    __m256 acc[4][Vectors];
    for (int c = 0; c < 4; ++c)
      for (int v = 0; v < Vectors; ++v)
        acc[c][v] = _mm256_loadu_ps(scratch + c * scratchRows + v * 8);
    for (int64_t q = 0; q < groups; ++q) {
      uint32_t word = meta[q] >> (16 * half);
      const float *kept = values + (q * kPanel + 4 * half) * 2;
      const float *rows = a + 4 * q * stride;
      for (int c = 0; c < 4; ++c)
        for (int s = 0; s < 2; ++s) {
          const float *at = rows + ((word >> (4 * c + 2 * s)) & 3) * stride;
          __m256 w = _mm256_broadcast_ss(kept + 2 * c + s);
          for (int v = 0; v < Vectors; ++v)
            acc[c][v] =
                _mm256_fmadd_ps(w, _mm256_loadu_ps(at + v * 8), acc[c][v]);
        }
    }
    for (int c = 0; c < 4; ++c)
      for (int v = 0; v < Vectors; ++v)
        _mm256_storeu_ps(scratch + c * scratchRows + v * 8, acc[c][v]);
  }

  using TileFn = void (*)(int64_t, const float *, const float *,
                          const uint32_t *, int, float *, int64_t);
  static constexpr TileFn kTiles[3] = {&tile<1>, &tile<2>, &tile<3>};

  /// A copy of A's rows per tile, K-major: tile t at `t * kTileRows * k`,
  /// its element (row r, k) at `k * vectors * 8 + r` (zeros past M).
  static std::vector<float> packRows(const MemRef<float, 2> &a,
                                     const RowTiles &tiles) {
    int64_t k = a.sizes[1];
    std::vector<float> packed(tiles.count() * kTileRows * k, 0.0f);
    for (int64_t t = 0; t < tiles.count(); ++t) {
      float *block = packed.data() + t * kTileRows * k;
      int64_t stride = tiles.vectors(t) * 8;
      for (int64_t r = 0; r < tiles.rows(t); ++r) {
        const float *source = a.data() + (t * kTileRows + r) * a.strides[0];
        for (int64_t j = 0; j < k; ++j)
          block[j * stride + r] = source[j * a.strides[1]];
      }
    }
    return packed;
  }

  /// Each row of A contiguous, for the GEMV.
  static std::vector<std::vector<float>> gemvRows(const MemRef<float, 2> &a) {
    std::vector<std::vector<float>> rows(a.sizes[0]);
    for (int64_t i = 0; i < a.sizes[0]; ++i)
      for (int64_t j = 0; j < a.sizes[1]; ++j)
        rows[i].push_back(a.data()[i * a.strides[0] + j * a.strides[1]]);
    return rows;
  }

  using In = float;
  using Out = float;
  using Kept = float;
  /// Elements of packed A per group of K and row.
  static constexpr int64_t kPerGroup = 4;
  static std::vector<float> packTiles(const MemRef<float, 2> &a,
                                      const RowTiles &tiles) {
    return packRows(a, tiles);
  }
};

//===----------------------------------------------------------------------===//
// int8 -> i32
//===----------------------------------------------------------------------===//

struct SparseS8 : OnePanelPerRow<SparseS8> {
  /// Groups per block: A's tile block (32 groups x 6 pairs x 24 i32) in L1.
  static constexpr int64_t kBlockGroups = 32;

  /// The six pairs of each group of a row x (i16 pairs x[4 q + p0] |
  /// x[4 q + p1] << 16 in the order of kSparse24Pairs, two lanes of padding):
  /// eight i32 per group, a `vpermd` table.
  static std::vector<int32_t> rowPairs(const int8_t *x, int64_t stride,
                                       int64_t groups) {
    std::vector<int32_t> pairs(groups * 8, 0);
    for (int64_t q = 0; q < groups; ++q)
      for (int i = 0; i < 6; ++i) {
        auto at = [&](int position) {
          return static_cast<uint32_t>(static_cast<uint16_t>(
              static_cast<int16_t>(x[(4 * q + position) * stride])));
        };
        pairs[q * 8 + i] = static_cast<int32_t>(at(kSparse24Pairs[i][0]) |
                                                at(kSparse24Pairs[i][1]) << 16);
      }
    return pairs;
  }

  /// c[0:columns] = x x panel in i32, one row given by its pair tables.
  static void row(int64_t groups, const int32_t *pairs, const int8_t *values,
                  const uint32_t *meta, int32_t *c, int64_t columns) {
    const __m256i shifts = _mm256_setr_epi32(0, 4, 8, 12, 16, 20, 24, 28);
    __m256i acc[2] = {_mm256_setzero_si256(), _mm256_setzero_si256()};
    auto step = [&](int set, int64_t q) {
      // `vpermd` reads the low three bits of each index: the pair index
      // (0..5), whatever the fields above it hold.
      __m256i index = _mm256_srlv_epi32(
          _mm256_set1_epi32(static_cast<int>(meta[q])), shifts);
      __m256i activations = _mm256_permutevar8x32_epi32(
          _mm256_loadu_si256(reinterpret_cast<const __m256i *>(pairs + 8 * q)),
          index);
      __m256i weights = _mm256_cvtepi8_epi16(_mm_loadu_si128(
          reinterpret_cast<const __m128i *>(values + q * 2 * kPanel)));
      acc[set] =
          _mm256_add_epi32(acc[set], _mm256_madd_epi16(activations, weights));
    };
    int64_t q = 0;
    for (; q + 2 <= groups; q += 2) {
      step(0, q);
      step(1, q + 1);
    }
    if (q < groups)
      step(0, q);
    _mm256_maskstore_epi32(reinterpret_cast<int *>(c), laneMask8(columns),
                           _mm256_add_epi32(acc[0], acc[1]));
  }

  /// As SparseF32::tile, in i32: `a` holds, per group, the six pair copies
  /// of the tile's rows (`6 * Vectors * 8` i32 per group, each an i16 pair
  /// x[4 q + p0] | x[4 q + p1] << 16).
  template <int Vectors>
  static void tile(int64_t groups, const int32_t *a, const int8_t *values,
                   const uint32_t *meta, int half, int32_t *scratch,
                   int64_t scratchRows) {
    constexpr int64_t stride = Vectors * 8;
    __m256i acc[4][Vectors];
    for (int c = 0; c < 4; ++c)
      for (int v = 0; v < Vectors; ++v)
        acc[c][v] = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(
            scratch + c * scratchRows + v * 8));
    for (int64_t q = 0; q < groups; ++q) {
      uint32_t word = meta[q] >> (16 * half);
      int64_t kept;
      std::memcpy(&kept, values + (q * kPanel + 4 * half) * 2, sizeof(kept));
      alignas(16) int32_t weights[4];
      _mm_store_si128(reinterpret_cast<__m128i *>(weights),
                      _mm_cvtepi8_epi16(_mm_cvtsi64_si128(kept)));
      const int32_t *pairs = a + q * 6 * stride;
      for (int c = 0; c < 4; ++c) {
        const int32_t *at = pairs + ((word >> (4 * c)) & 15) * stride;
        __m256i w = _mm256_set1_epi32(weights[c]);
        for (int v = 0; v < Vectors; ++v)
          acc[c][v] = _mm256_add_epi32(
              acc[c][v],
              _mm256_madd_epi16(
                  w, _mm256_loadu_si256(
                         reinterpret_cast<const __m256i *>(at + v * 8))));
      }
    }
    for (int c = 0; c < 4; ++c)
      for (int v = 0; v < Vectors; ++v)
        _mm256_storeu_si256(
            reinterpret_cast<__m256i *>(scratch + c * scratchRows + v * 8),
            acc[c][v]);
  }

  using TileFn = void (*)(int64_t, const int32_t *, const int8_t *,
                          const uint32_t *, int, int32_t *, int64_t);
  static constexpr TileFn kTiles[3] = {&tile<1>, &tile<2>, &tile<3>};

  /// The pair copies of A per tile: tile t at `t * kTileRows * 6 * groups`,
  /// the pair i of group q of row r at `(q * 6 + i) * vectors * 8 + r`.
  static std::vector<int32_t> packPairs(const MemRef<int8_t, 2> &a,
                                        const RowTiles &tiles) {
    int64_t groups = sparse24Groups(a.sizes[1]);
    std::vector<int32_t> packed(tiles.count() * kTileRows * 6 * groups, 0);
    for (int64_t t = 0; t < tiles.count(); ++t) {
      int32_t *block = packed.data() + t * kTileRows * 6 * groups;
      int64_t stride = tiles.vectors(t) * 8;
      for (int64_t r = 0; r < tiles.rows(t); ++r) {
        const int8_t *source = a.data() + (t * kTileRows + r) * a.strides[0];
        for (int64_t q = 0; q < groups; ++q)
          for (int i = 0; i < 6; ++i) {
            auto at = [&](int position) {
              return static_cast<uint16_t>(static_cast<int16_t>(
                  source[(4 * q + position) * a.strides[1]]));
            };
            block[(q * 6 + i) * stride + r] = static_cast<int32_t>(
                at(kSparse24Pairs[i][0]) |
                static_cast<uint32_t>(at(kSparse24Pairs[i][1])) << 16);
          }
      }
    }
    return packed;
  }

  /// Each row of A as its pair tables, for the GEMV.
  static std::vector<std::vector<int32_t>>
  gemvRows(const MemRef<int8_t, 2> &a) {
    std::vector<std::vector<int32_t>> rows;
    for (int64_t i = 0; i < a.sizes[0]; ++i)
      rows.push_back(rowPairs(a.data() + i * a.strides[0], a.strides[1],
                              sparse24Groups(a.sizes[1])));
    return rows;
  }

  using In = int8_t;
  using Out = int32_t;
  using Kept = int8_t;
  /// Elements of packed A per group of K and row: the six pairs.
  static constexpr int64_t kPerGroup = 6;
  static std::vector<int32_t> packTiles(const MemRef<int8_t, 2> &a,
                                        const RowTiles &tiles) {
    return packPairs(a, tiles);
  }
};

//===----------------------------------------------------------------------===//
// The driver both element types share
//===----------------------------------------------------------------------===//

/// C = A x B for the element type of `Kernel` (SparseF32 or SparseS8): one
/// GEMV per row below kMinTileRows rows, else tiles down the rows over
/// chunks of panels, K blocked by Kernel::kBlockGroups.
template <typename Kernel>
void runSparse24(MemRef<typename Kernel::Out, 2> *c,
                 MemRef<typename Kernel::In, 2> *a,
                 MemRef<typename Kernel::Kept, 1> *values,
                 MemRef<int32_t, 1> *metaRef, int threads) {
  using Out = typename Kernel::Out;
  int64_t m = a->sizes[0], k = a->sizes[1], n = c->sizes[1];
  if (m == 0 || n == 0)
    return;
  RowMajorOutput<Out> out(*c);
  int64_t groups = sparse24Groups(k), panels = ceilDiv(n, kPanel);
  threads = threadsForWork(threads, m * n * k / 2);
  const uint32_t *meta = reinterpret_cast<const uint32_t *>(metaRef->data());
  const typename Kernel::Kept *kept = values->data();
  auto columnsOf = [&](int64_t p) { return std::min(kPanel, n - p * kPanel); };
  if (m < kMinTileRows) {
    // Item t: its panels (forEachRegionPanel, Kernel::kRowRegions at a
    // time) in one pass over each row.
    auto rows = Kernel::gemvRows(*a);
    int64_t items = regionItems(panels, Kernel::kRowRegions);
    auto item = [&](int64_t t) {
      for (int64_t i = 0; i < m; ++i) {
        PanelRow<typename Kernel::Kept, Out> row[Kernel::kRowRegions];
        int count = forEachRegionPanel(
            t, panels, Kernel::kRowRegions, [&](int s, int64_t p) {
              row[s] = {kept + p * groups * 2 * kPanel, meta + p * groups,
                        out.data + i * out.stride + p * kPanel, columnsOf(p)};
            });
        Kernel::rows(groups, rows[i].data(), row, count);
      }
    };
    parallelFor(items, threads, item);
    out.finish();
    return;
  }
  RowTiles tiles{m};
  auto packed = Kernel::packTiles(*a, tiles);
  constexpr int64_t perGroup = Kernel::kPerGroup;
  forEachChunk(panels, threads, [&](int64_t first, int64_t count) {
    ColumnScratch<Out> scratch(count * kPanel, tiles.padded());
    for (int64_t q0 = 0; q0 < groups; q0 += Kernel::kBlockGroups) {
      int64_t depth = std::min(Kernel::kBlockGroups, groups - q0);
      for (int64_t t = 0; t < tiles.count(); ++t) {
        int64_t stride = tiles.vectors(t) * 8;
        auto *block = packed.data() + t * kTileRows * perGroup * groups +
                      q0 * perGroup * stride;
        for (int64_t p = first; p < first + count; ++p)
          for (int half = 0; half < 2; ++half)
            Kernel::kTiles[tiles.vectors(t) - 1](
                depth, block, kept + (p * groups + q0) * 2 * kPanel,
                meta + p * groups + q0, half,
                scratch.column((p - first) * kPanel + 4 * half) + t * kTileRows,
                scratch.rows);
      }
    }
    scratch.writeTo(out.data, out.stride, m, first * kPanel,
                    std::min(count * kPanel, n - first * kPanel));
  });
  out.finish();
}

} // namespace
} // namespace sqzrt

#endif // SQZ_RUNTIME_CPU_SPARSE24_H
