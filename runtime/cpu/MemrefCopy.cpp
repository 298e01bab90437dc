//===- MemrefCopy.cpp - What lowered code calls besides the kernels -------===//
//
// `memref.copy` between buffers that are not both contiguous lowers to a
// call of `memrefCopy` (MLIR's C runner utilities provide it to the JIT).
// Compiled model libraries link this runtime instead of those utilities, so
// it defines the function: same C signature, our own code.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <cstring>
#include <vector>

namespace {
/// What an unranked memref is in C: the rank and a pointer to the ranked
/// descriptor {allocated, aligned, offset, sizes[rank], strides[rank]}.
struct UnrankedDescriptor {
  int64_t rank;
  void *descriptor;
};

/// A ranked descriptor's fields, read from its int64 words.
struct StridedView {
  char *base; // aligned pointer + offset * element size
  const int64_t *sizes;
  const int64_t *strides;
};

StridedView view(const UnrankedDescriptor &memref, int64_t elementSize) {
  const int64_t *words = static_cast<const int64_t *>(memref.descriptor);
  char *aligned = reinterpret_cast<char *>(words[1]);
  return {aligned + words[2] * elementSize, words + 3, words + 3 + memref.rank};
}
} // namespace

extern "C" void memrefCopy(int64_t elementSize, UnrankedDescriptor *source,
                           UnrankedDescriptor *target) {
  int64_t rank = source->rank;
  StridedView from = view(*source, elementSize);
  StridedView to = view(*target, elementSize);
  for (int64_t d = 0; d < rank; ++d)
    if (from.sizes[d] == 0)
      return;
  if (rank == 0) {
    std::memcpy(to.base, from.base, elementSize);
    return;
  }
  // The innermost dimension is copied as one block when both sides are
  // unit-stride there, element by element otherwise; an odometer walks the
  // outer dimensions.
  int64_t inner = rank - 1;
  bool contiguousInner = from.strides[inner] == 1 && to.strides[inner] == 1;
  std::vector<int64_t> position(rank, 0);
  while (true) {
    int64_t fromOffset = 0, toOffset = 0;
    for (int64_t d = 0; d < inner; ++d) {
      fromOffset += position[d] * from.strides[d];
      toOffset += position[d] * to.strides[d];
    }
    if (contiguousInner) {
      std::memmove(to.base + toOffset * elementSize,
                   from.base + fromOffset * elementSize,
                   from.sizes[inner] * elementSize);
    } else {
      for (int64_t i = 0; i < from.sizes[inner]; ++i)
        std::memmove(to.base + (toOffset + i * to.strides[inner]) * elementSize,
                     from.base +
                         (fromOffset + i * from.strides[inner]) * elementSize,
                     elementSize);
    }
    int64_t d = inner - 1;
    for (; d >= 0; --d) {
      if (++position[d] < from.sizes[d])
        break;
      position[d] = 0;
    }
    if (d < 0)
      return;
  }
}
