//===- BufferCache.cpp - Buffers of compiled code, kept for reuse ---------===//

#include "sqz/Runtime/BufferCache.h"

#include <cstdlib>
#include <mutex>
#include <unordered_map>
#include <vector>

using namespace sqzrt;

namespace {

constexpr std::size_t kAlignment = 64;
constexpr std::size_t kPage = 4096;

struct Cache {
  std::mutex mutex;
  /// Live buffers and the rounded size of each (0 for those not kept when
  /// freed: small or over-aligned).
  std::unordered_map<void *, std::size_t> live;
  /// Freed buffers by rounded size.
  std::unordered_map<std::size_t, std::vector<void *>> freed;
  std::size_t freedBytes = 0;
};

/// Never destroyed: compiled code may free buffers from other threads or
/// from static destructors that run after this file's.
Cache &cache() {
  static Cache *instance = new Cache;
  return *instance;
}

std::size_t roundUp(std::size_t value, std::size_t multiple) {
  return (value + multiple - 1) / multiple * multiple;
}

void *allocate(std::size_t size, std::size_t alignment) {
  if (alignment < kAlignment)
    alignment = kAlignment;
  if (size == 0)
    size = 1;
  Cache &c = cache();
  bool cacheable = size >= kCachedBytes && alignment == kAlignment;
  std::size_t rounded = roundUp(size, cacheable ? kPage : alignment);
  if (cacheable) {
    std::lock_guard<std::mutex> lock(c.mutex);
    auto it = c.freed.find(rounded);
    if (it != c.freed.end() && !it->second.empty()) {
      void *buffer = it->second.back();
      it->second.pop_back();
      c.freedBytes -= rounded;
      c.live[buffer] = rounded;
      return buffer;
    }
  }
  void *buffer = std::aligned_alloc(alignment, rounded);
  if (buffer) {
    // Every buffer is entered, the small ones too: an entry left by a
    // buffer that its caller released with free() must not outlive the
    // address's next use.
    std::lock_guard<std::mutex> lock(c.mutex);
    c.live[buffer] = cacheable ? rounded : 0;
  }
  return buffer;
}

} // namespace

std::size_t sqzrt::bufferCacheBytes() {
  Cache &c = cache();
  std::lock_guard<std::mutex> lock(c.mutex);
  return c.freedBytes;
}

void *_mlir_memref_to_llvm_alloc(uint64_t size) {
  return allocate(size, kAlignment);
}

void *_mlir_memref_to_llvm_aligned_alloc(uint64_t alignment, uint64_t size) {
  return allocate(size, alignment);
}

void _mlir_memref_to_llvm_free(void *buffer) {
  if (!buffer)
    return;
  Cache &c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    auto it = c.live.find(buffer);
    if (it != c.live.end()) {
      std::size_t rounded = it->second; // 0: not cacheable
      c.live.erase(it);
      if (rounded && c.freedBytes + rounded <= kCacheLimitBytes) {
        c.freed[rounded].push_back(buffer);
        c.freedBytes += rounded;
        return;
      }
    }
  }
  std::free(buffer);
}

void sqzrtReleaseBufferCache() {
  std::vector<void *> release;
  Cache &c = cache();
  {
    std::lock_guard<std::mutex> lock(c.mutex);
    for (auto &[size, buffers] : c.freed)
      release.insert(release.end(), buffers.begin(), buffers.end());
    c.freed.clear();
    c.freedBytes = 0;
  }
  for (void *buffer : release)
    std::free(buffer);
}
