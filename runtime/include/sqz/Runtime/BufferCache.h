//===- BufferCache.h - Buffers of compiled code, kept for reuse -*- C++ -*-===//
//
// The code that `sqz-lower-to-cpu` makes (with the runtime's kernels, its
// default) allocates and frees its buffers through MLIR's generic memref
// functions, which the runtime implements here. A model allocates the same
// large intermediates on every call; from the C library, each comes fresh
// from the kernel (mmap) and goes back on free, so every call pays a page
// fault per 4 KiB page it writes (15-20% of an fp32 MiniLM call). Here a
// freed buffer of 64 KiB or more is kept and handed out again to the next
// request of the same rounded size.
//
// Every buffer is 64-byte aligned and comes from the C library
// (aligned_alloc), so a caller may also release one with free(): results
// that a compiled model returns are owned by its caller, which frees them
// that way. Live buffers are remembered in a table until freed; the cache
// holds at most kCacheLimitBytes. Thread-safe.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_BUFFERCACHE_H
#define SQZ_RUNTIME_BUFFERCACHE_H

#include <cstddef>
#include <cstdint>

namespace sqzrt {

/// Buffers smaller than this go straight to the C library and back.
constexpr std::size_t kCachedBytes = 64 * 1024;
/// The most bytes that freed buffers keep; beyond, they go back.
constexpr std::size_t kCacheLimitBytes = std::size_t(1) << 30;

/// Bytes held by freed buffers now (for tests).
std::size_t bufferCacheBytes();

} // namespace sqzrt

extern "C" {
/// MLIR's generic allocation functions (finalize-memref-to-llvm with
/// use-generic-functions): `size` bytes, 64-byte aligned.
void *_mlir_memref_to_llvm_alloc(uint64_t size);
/// `size` bytes at an `alignment` that is a power of two.
void *_mlir_memref_to_llvm_aligned_alloc(uint64_t alignment, uint64_t size);
/// Releases a buffer of the two above (a null pointer is ignored).
void _mlir_memref_to_llvm_free(void *buffer);
/// Gives every kept buffer back to the C library.
void sqzrtReleaseBufferCache();
}

#endif // SQZ_RUNTIME_BUFFERCACHE_H
