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
