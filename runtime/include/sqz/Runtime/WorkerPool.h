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

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>

namespace sqzrt {

/// The threads a kernel uses when the compiled code asks for `requested`:
/// that many, or when 0 (code compiled with threads=0, the default) the
/// process-wide default: setDefaultThreads' value, else all hardware
/// threads (at least 1).
int resolveThreads(int64_t requested);

/// Sets the threads of kernel calls compiled with threads=0 (a runner's
/// --threads); 0 restores all hardware threads.
void setDefaultThreads(int threads);

/// Multiply-adds a thread must get for a kernel call to use it: below this
/// (about 10-25 us of one core's work), waking another thread costs more
/// than it saves.
inline constexpr int64_t kMinMultiplyAddsPerThread = int64_t(1) << 20;

/// `threads` capped so that each gets at least kMinMultiplyAddsPerThread of
/// a call's `multiplyAdds` (at least 1).
inline int threadsForWork(int threads, int64_t multiplyAdds) {
  int64_t useful = multiplyAdds / kMinMultiplyAddsPerThread;
  return static_cast<int>(
      std::max<int64_t>(1, std::min<int64_t>(threads, useful)));
}

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

/// `row(i)` for every i in [0, rows), `rowsPerTask` rows to a parallel
/// iteration, on as many of `threads` as `multiplyAdds` of work warrant
/// (threadsForWork): the loop of the kernels that treat rows one by one.
template <typename Row>
void parallelForRows(int64_t rows, int64_t rowsPerTask, int64_t multiplyAdds,
                     int threads, Row &row) {
  auto task = [&](int64_t t) {
    for (int64_t i = t * rowsPerTask; i < std::min(rows, (t + 1) * rowsPerTask);
         ++i)
      row(i);
  };
  parallelFor((rows + rowsPerTask - 1) / rowsPerTask,
              threadsForWork(threads, multiplyAdds), task);
}

/// `first(i)` for every i in [0, before), then `body(j)` for every j in
/// [0, count), on `threads` threads in one parallel loop (one wake-up):
/// no `body` iteration starts before every `first` one has finished. The
/// iterations are handed out in order, so a thread that reaches `body` only
/// waits for `first` iterations that others are finishing. A kernel packs
/// its activation rows this way on all its threads (packing them before the
/// loop on one thread kept two threads from 1.7x on 128x1024x1024 int8).
template <typename First, typename Body>
void parallelForAfter(int64_t before, First &first, int64_t count, int threads,
                      Body &body) {
  std::atomic<int64_t> finished{0};
  auto all = [&](int64_t i) {
    if (i < before) {
      first(i);
      finished.fetch_add(1, std::memory_order_release);
      return;
    }
    while (finished.load(std::memory_order_acquire) < before)
      std::this_thread::yield();
    body(i - before);
  };
  parallelFor(before + count, threads, all);
}

} // namespace sqzrt

#endif // SQZ_RUNTIME_WORKERPOOL_H
