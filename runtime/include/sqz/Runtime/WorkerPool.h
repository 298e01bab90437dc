//===- WorkerPool.h - Threads for the CPU kernels ---------------*- C++ -*-===//
//
// The kernels split their independent panels over threads from one
// process-wide pool of workers, started on first use and kept: a call costs
// a wake-up, not a thread creation. Workers spin briefly for the next job
// before they sleep, so that back-to-back kernel calls of a model do not
// pay the kernel's scheduler latency each time.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_WORKERPOOL_H
#define SQZ_RUNTIME_WORKERPOOL_H

#include <cstdint>

namespace sqzrt {

/// The threads a kernel uses when the compiled code asks for `requested`:
/// that many, or all hardware threads when 0 (at least 1).
int resolveThreads(int64_t requested);

/// Runs `body(context, i)` for every i in [0, count) on `threads` threads
/// (the caller among them); iterations must be independent. Returns when
/// all are done.
void parallelForIndex(int64_t count, int threads,
                      void (*body)(void *context, int64_t i), void *context);

/// `parallelForIndex` with a callable.
template <typename Body>
void parallelFor(int64_t count, int threads, Body &body) {
  parallelForIndex(
      count, threads,
      [](void *context, int64_t i) { (*static_cast<Body *>(context))(i); },
      &body);
}

} // namespace sqzrt

#endif // SQZ_RUNTIME_WORKERPOOL_H
