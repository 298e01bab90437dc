//===- WorkerPool.cpp - Threads for the CPU kernels -----------------------===//

#include "sqz/Runtime/WorkerPool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace sqzrt;

namespace {

/// One parallel loop: iterations are taken from `next` by every participant.
struct Job {
  void (*body)(void *, int64_t) = nullptr;
  void *context = nullptr;
  int64_t count = 0;
  /// Workers that take part (the caller is not counted).
  int workers = 0;
  std::atomic<int64_t> next{0};
  std::atomic<int> running{0};

  void work() {
    for (int64_t i = next.fetch_add(1); i < count; i = next.fetch_add(1))
      body(context, i);
  }
};

class WorkerPool {
public:
  static WorkerPool &get() {
    // Never destroyed: workers may still sleep at exit.
    static WorkerPool *pool = new WorkerPool();
    return *pool;
  }

  void run(int64_t count, int threads, void (*body)(void *, int64_t),
           void *context) {
    // One loop at a time: a kernel called from two threads runs its loops
    // one after the other.
    std::lock_guard<std::mutex> serial(runMutex);
    int workers = threads - 1;
    grow(workers);
    job.body = body;
    job.context = context;
    job.count = count;
    job.workers = workers;
    job.next.store(0, std::memory_order_relaxed);
    job.running.store(workers, std::memory_order_relaxed);
    {
      std::lock_guard<std::mutex> lock(mutex);
      generation.fetch_add(1, std::memory_order_release);
    }
    wake.notify_all();
    job.work();
    while (job.running.load(std::memory_order_acquire) != 0)
      std::this_thread::yield();
  }

private:
  /// Starts workers up to `workers`; they wait for the generation after
  /// the current one (the job about to be posted).
  void grow(int workers) {
    uint64_t current = generation.load(std::memory_order_acquire);
    while (static_cast<int>(threads.size()) < workers) {
      int index = static_cast<int>(threads.size());
      threads.emplace_back([this, index, current] { loop(index, current); });
      threads.back().detach();
    }
  }

  void loop(int index, uint64_t seen) {
    for (;;) {
      // Spin a little for the next job, then sleep.
      for (int spin = 0;
           spin < 20000 && generation.load(std::memory_order_acquire) == seen;
           ++spin)
        std::this_thread::yield();
      int workers;
      {
        std::unique_lock<std::mutex> lock(mutex);
        wake.wait(lock, [&] {
          return generation.load(std::memory_order_acquire) != seen;
        });
        seen = generation.load(std::memory_order_acquire);
        workers = job.workers;
      }
      if (index >= workers)
        continue;
      job.work();
      job.running.fetch_sub(1, std::memory_order_release);
    }
  }

  std::mutex runMutex;
  std::mutex mutex;
  std::condition_variable wake;
  std::atomic<uint64_t> generation{0};
  Job job;
  std::vector<std::thread> threads;
};

} // namespace

/// setDefaultThreads' value; 0: all hardware threads.
static std::atomic<int> defaultThreads{0};

void sqzrt::setDefaultThreads(int threads) {
  defaultThreads.store(std::max(threads, 0), std::memory_order_relaxed);
}

int sqzrt::resolveThreads(int64_t requested) {
  if (requested <= 0)
    requested = defaultThreads.load(std::memory_order_relaxed);
  if (requested > 0)
    return static_cast<int>(std::min<int64_t>(requested, 1024));
  unsigned hardware = std::thread::hardware_concurrency();
  return hardware ? static_cast<int>(hardware) : 1;
}

void sqzrt::parallelForIndex(int64_t count, int threads,
                             void (*body)(void *, int64_t), void *context) {
  if (threads > count)
    threads = static_cast<int>(count);
  if (threads <= 1) {
    for (int64_t i = 0; i < count; ++i)
      body(context, i);
    return;
  }
  WorkerPool::get().run(count, threads, body, context);
}
