//===- WeightPacking.cpp - Packed weight layouts of the CPU kernels -------===//
//
// Portable code: it runs in the compiler, on any host.
//
//===----------------------------------------------------------------------===//

#include "sqz/Runtime/WeightPacking.h"

#include <algorithm>
#include <cstring>

using namespace sqzrt;

template <typename T>
static void pack(const T *weight, int64_t k, int64_t n, bool transposed,
                 GemmLayout layout, T *packed) {
  std::memset(packed, 0, sizeof(T) * layout.packedSize(k, n));
  int64_t width = layout.panelWidth, group = layout.kGroup;
  int64_t groups = layout.groups(k);
  auto at = [&](int64_t row, int64_t column) -> T & {
    int64_t p = column / width, j = column % width;
    int64_t q = row / group, r = row % group;
    return packed[((p * groups + q) * width + j) * group + r];
  };
  // Read the weight in its memory order.
  if (transposed) {
    for (int64_t column = 0; column < n; ++column)
      for (int64_t row = 0; row < k; ++row)
        at(row, column) = weight[column * k + row];
    return;
  }
  for (int64_t row = 0; row < k; ++row)
    for (int64_t column = 0; column < n; ++column)
      at(row, column) = weight[row * n + column];
}

void sqzrt::packGemmWeight(const float *weight, int64_t k, int64_t n,
                           bool transposed, GemmLayout layout, float *packed) {
  pack(weight, k, n, transposed, layout, packed);
}

void sqzrt::packGemmWeight(const int8_t *weight, int64_t k, int64_t n,
                           bool transposed, GemmLayout layout, int8_t *packed) {
  pack(weight, k, n, transposed, layout, packed);
}

void sqzrt::gemmS8OffsetCorrection(const int8_t *weight, int64_t k, int64_t n,
                                   bool transposed, GemmLayout layout,
                                   int32_t *correction) {
  std::fill_n(correction, layout.paddedColumns(n), 0);
  // Wrapping arithmetic, as the kernels' and the reference's i32 sums.
  for (int64_t column = 0; column < n; ++column) {
    uint32_t sum = 0;
    for (int64_t row = 0; row < k; ++row)
      sum += static_cast<uint32_t>(static_cast<int32_t>(
          transposed ? weight[column * k + row] : weight[row * n + column]));
    correction[column] = static_cast<int32_t>(sum * uint32_t(-128));
  }
}

/// The stored code at (row, column) of a K x N weight of `bits`-bit codes
/// (one per byte, [K, N] or [N, K] when transposed) as a signed value
/// `q - bias` (quantCodeBias).
static int32_t signedCode(const int8_t *codes, int64_t k, int64_t n,
                          bool transposed, int bits, bool isSigned, int64_t row,
                          int64_t column) {
  uint32_t raw = static_cast<uint8_t>(transposed ? codes[column * k + row]
                                                 : codes[row * n + column]) &
                 ((1u << bits) - 1);
  int32_t value = static_cast<int32_t>(raw);
  if (isSigned && (raw >> (bits - 1)))
    value -= 1 << bits;
  return value - quantCodeBias(bits, isSigned);
}

void sqzrt::packGemmQuantCodes(const int8_t *codes, int64_t k, int64_t n,
                               bool transposed, int bits, bool isSigned,
                               GemmLayout layout, int8_t *packed) {
  int64_t width = layout.panelWidth;
  int64_t bytesPerK = width * bits / 8;
  std::memset(packed, 0, quantPackedBytes(layout, k, n, bits));
  for (int64_t column = 0; column < n; ++column) {
    int64_t p = column / width, j = column % width;
    for (int64_t row = 0; row < k; ++row) {
      int8_t *rowBytes = packed + (p * k + row) * bytesPerK;
      int32_t value =
          signedCode(codes, k, n, transposed, bits, isSigned, row, column);
      if (bits == 8) {
        rowBytes[j] = static_cast<int8_t>(value);
        continue;
      }
      // 4-bit: code + 8 as a nibble; the high half of the panel in the high
      // nibbles.
      int64_t half = width / 2;
      uint8_t nibble = static_cast<uint8_t>(value + 8) & 0xf;
      uint8_t &byte = reinterpret_cast<uint8_t &>(rowBytes[j % half]);
      byte |= j < half ? nibble : static_cast<uint8_t>(nibble << 4);
    }
  }
}

void sqzrt::packGemmQuantCodesVnni(const int8_t *codes, int64_t k, int64_t n,
                                   bool transposed, int bits, bool isSigned,
                                   uint8_t *packed) {
  const GemmLayout layout = kGemmQuantVnniLayout;
  int64_t quads = layout.groups(k);
  int64_t quadBytes = layout.panelWidth * layout.kGroup * bits / 8;
  std::memset(packed, 0, quantVnniPackedBytes(k, n, bits));
  int32_t offset = 1 << (bits - 1);
  for (int64_t column = 0; column < n; ++column) {
    int64_t p = column / layout.panelWidth, j = column % layout.panelWidth;
    for (int64_t row = 0; row < k; ++row) {
      uint8_t *quad = packed + (p * quads + row / 4) * quadBytes;
      int64_t r = row % 4;
      auto value = static_cast<uint8_t>(
          signedCode(codes, k, n, transposed, bits, isSigned, row, column) +
          offset);
      if (bits == 8) {
        quad[j * 4 + r] = value;
        continue;
      }
      // Block h of 64 bytes holds columns [32 h, 32 h + 32): lane L of its
      // low nibbles column 32 h + L, of its high nibbles 32 h + 16 + L.
      int64_t h = j / 32, lane = j % 16;
      bool high = j % 32 >= 16;
      quad[h * 64 + lane * 4 + r] |=
          static_cast<uint8_t>(value << (high ? 4 : 0));
    }
  }
}

void sqzrt::packGemmGroupParams(const float *values, int64_t groups, int64_t n,
                                GemmLayout layout, float *packed) {
  int64_t width = layout.panelWidth;
  std::fill_n(packed, layout.paddedColumns(n) * groups, 0.0f);
  for (int64_t g = 0; g < groups; ++g)
    for (int64_t column = 0; column < n; ++column)
      packed[((column / width) * groups + g) * width + column % width] =
          values[g * n + column];
}

/// The index in kSparse24Pairs of positions (p0, p1), or -1.
static int sparse24PairIndex(int p0, int p1) {
  for (int i = 0; i < 6; ++i)
    if (kSparse24Pairs[i][0] == p0 && kSparse24Pairs[i][1] == p1)
      return i;
  return -1;
}

/// Shared by the element types: the values copy as they are; the metadata
/// holds positions (f32) or pair indices (s8).
template <typename T>
static bool packSparse24Impl(const T *values, const uint8_t *positions,
                             int64_t k, int64_t n, bool transposed, T *packed,
                             uint32_t *meta, bool pairIndices) {
  int64_t groups = sparse24Groups(k), half = k / 2;
  std::fill_n(packed, sparse24ValuesSize(k, n), T(0));
  std::fill_n(meta, sparse24MetaSize(k, n), 0u);
  auto stored = [&](int64_t slot, int64_t column) {
    return transposed ? column * half + slot : slot * n + column;
  };
  for (int64_t column = 0; column < n; ++column) {
    int64_t p = column / kSparse24Panel, j = column % kSparse24Panel;
    for (int64_t q = 0; q < groups; ++q) {
      int64_t first = stored(2 * q, column), second = stored(2 * q + 1, column);
      int p0 = positions[first], p1 = positions[second];
      if (p0 >= p1 || p1 > 3)
        return false;
      int64_t word = p * groups + q;
      T *kept = packed + (word * kSparse24Panel + j) * 2;
      kept[0] = values[first];
      kept[1] = values[second];
      if (pairIndices)
        meta[word] |= static_cast<uint32_t>(sparse24PairIndex(p0, p1))
                      << (4 * j);
      else
        meta[word] |= static_cast<uint32_t>(p0 | p1 << 2) << (4 * j);
    }
  }
  return true;
}

bool sqzrt::packSparse24(const float *values, const uint8_t *positions,
                         int64_t k, int64_t n, bool transposed, float *packed,
                         uint32_t *meta) {
  return packSparse24Impl(values, positions, k, n, transposed, packed, meta,
                          /*pairIndices=*/false);
}

bool sqzrt::packSparse24(const int8_t *values, const uint8_t *positions,
                         int64_t k, int64_t n, bool transposed, int8_t *packed,
                         uint32_t *meta) {
  return packSparse24Impl(values, positions, k, n, transposed, packed, meta,
                          /*pairIndices=*/true);
}
