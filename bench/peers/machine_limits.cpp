// Machine limits for bench/cpu_kernels.py, measured on the core it runs on
// (the script starts it under `taskset -c 0`). Prints one JSON line:
//
// Usage: machine_limits [MiB ...]   (the MiB arguments: more array sizes to
// read, e.g. the sizes of the weights a benchmark streams; read_gbs_by_mib)
//
//   read_gbs_1gib    read bandwidth streaming a 1 GiB array (DRAM)
//   read_gbs_16mib   read bandwidth over a 16 MiB array (last-level cache, if it fits)
//   fma_zmm_gflops   fp32 peak of _mm512_fmadd_ps, 12 independent accumulators
//   fma_ymm_gflops   fp32 peak of _mm256_fmadd_ps, 12 independent accumulators
//   vnni_zmm_gops    int8 peak of _mm512_dpbusd_epi32 (2 ops per multiply-add)
//   vnni_ymm_gops    int8 peak of AVX-VNNI _mm256_dpbusd_avx_epi32
//   avx2_int8_gops   int8 peak without VNNI: _mm256_maddubs_epi16 + _mm256_madd_epi16
//                    + _mm256_add_epi32 (the u8 x s8 sequence; 2 ops per multiply-add)
//
// An entry is null when the CPU lacks the instructions (checked at run time;
// each kernel is compiled for its own target with __attribute__((target))).
// Build: g++ -O2 -march=native bench/peers/machine_limits.cpp

#include <immintrin.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Sum of the array read as one stream (stride-1, 4 accumulators) or as 4
// concurrent streams (its quarters; a GEMV kernel may read a few rows of
// the weight at once), 2 loads per stream and step. The sum is returned so
// that the loads are not removed.
__attribute__((target("avx2"))) double read_once(const float *data, size_t count, bool four) {
  __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
  if (four) {
    const size_t quarter = count / 4;
    const float *s0 = data, *s1 = data + quarter, *s2 = data + 2 * quarter,
                *s3 = data + 3 * quarter;
    for (size_t i = 0; i + 16 <= quarter; i += 16) {
      a0 = _mm256_add_ps(a0, _mm256_add_ps(_mm256_load_ps(s0 + i), _mm256_load_ps(s0 + i + 8)));
      a1 = _mm256_add_ps(a1, _mm256_add_ps(_mm256_load_ps(s1 + i), _mm256_load_ps(s1 + i + 8)));
      a2 = _mm256_add_ps(a2, _mm256_add_ps(_mm256_load_ps(s2 + i), _mm256_load_ps(s2 + i + 8)));
      a3 = _mm256_add_ps(a3, _mm256_add_ps(_mm256_load_ps(s3 + i), _mm256_load_ps(s3 + i + 8)));
    }
  } else {
    for (size_t i = 0; i + 32 <= count; i += 32) {
      a0 = _mm256_add_ps(a0, _mm256_load_ps(data + i));
      a1 = _mm256_add_ps(a1, _mm256_load_ps(data + i + 8));
      a2 = _mm256_add_ps(a2, _mm256_load_ps(data + i + 16));
      a3 = _mm256_add_ps(a3, _mm256_load_ps(data + i + 24));
    }
  }
  __m256 s = _mm256_add_ps(_mm256_add_ps(a0, a1), _mm256_add_ps(a2, a3));
  float out[8];
  _mm256_storeu_ps(out, s);
  double total = 0;
  for (float v : out) total += v;
  return total;
}

// Best GB/s over passes of reading `bytes` (one stream and four streams
// alternately), at least `min_passes` and ~0.5 s.
double read_bandwidth(size_t bytes, int min_passes, double *sink) {
  float *data = static_cast<float *>(std::aligned_alloc(64, bytes));
  size_t count = bytes / sizeof(float);
  for (size_t i = 0; i < count; ++i) data[i] = static_cast<float>(i & 7) * 0.125f;
  double best = 0;
  auto start = std::chrono::steady_clock::now();
  for (int pass = 0; pass < min_passes || seconds_since(start) < 0.5; ++pass) {
    auto t0 = std::chrono::steady_clock::now();
    *sink += read_once(data, count, pass % 2 == 1);
    best = std::max(best, bytes / seconds_since(t0) / 1e9);
  }
  std::free(data);
  return best;
}

constexpr long kIters = 20'000'000;

// The kernels keep their accumulators in named variables (an array gets
// spilled to the stack) and pass them through an empty asm statement every
// iteration so that the compiler can neither keep them in memory nor hoist
// or merge the work.
#define REP12(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11)
#define REP6(X) X(0) X(1) X(2) X(3) X(4) X(5)

__attribute__((target("avx512f"))) double fma_zmm() {
#define DECL(i) __m512 acc##i = _mm512_set1_ps(0.001f * i);
  REP12(DECL)
#undef DECL
  const __m512 a = _mm512_set1_ps(0.999999f), b = _mm512_set1_ps(1e-7f);
  auto t0 = std::chrono::steady_clock::now();
  for (long it = 0; it < kIters; ++it) {
#define STEP(i) acc##i = _mm512_fmadd_ps(acc##i, a, b);
    REP12(STEP)
#undef STEP
    __asm__ volatile("" : "+v"(acc0), "+v"(acc1), "+v"(acc2), "+v"(acc3), "+v"(acc4),
                     "+v"(acc5), "+v"(acc6), "+v"(acc7), "+v"(acc8), "+v"(acc9), "+v"(acc10),
                     "+v"(acc11));
  }
  double s = seconds_since(t0);
  float sink = 0;
#define SUM(i) sink += _mm512_reduce_add_ps(acc##i);
  REP12(SUM)
#undef SUM
  if (sink == 12345.0f) std::puts("");
  return 12.0 * 16 * 2 * kIters / s / 1e9;
}

__attribute__((target("avx2,fma"))) double fma_ymm() {
#define DECL(i) __m256 acc##i = _mm256_set1_ps(0.001f * i);
  REP12(DECL)
#undef DECL
  const __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
  auto t0 = std::chrono::steady_clock::now();
  for (long it = 0; it < kIters; ++it) {
#define STEP(i) acc##i = _mm256_fmadd_ps(acc##i, a, b);
    REP12(STEP)
#undef STEP
    __asm__ volatile("" : "+x"(acc0), "+x"(acc1), "+x"(acc2), "+x"(acc3), "+x"(acc4),
                     "+x"(acc5), "+x"(acc6), "+x"(acc7), "+x"(acc8), "+x"(acc9), "+x"(acc10),
                     "+x"(acc11));
  }
  double s = seconds_since(t0);
  float out[8], sink = 0;
#define SUM(i) _mm256_storeu_ps(out, acc##i); sink += out[0];
  REP12(SUM)
#undef SUM
  if (sink == 12345.0f) std::puts("");
  return 12.0 * 8 * 2 * kIters / s / 1e9;
}

__attribute__((target("avx512f,avx512vnni"))) double vnni_zmm() {
#define DECL(i) __m512i acc##i = _mm512_set1_epi32(i);
  REP12(DECL)
#undef DECL
  __m512i a = _mm512_set1_epi8(3), b = _mm512_set1_epi8(-2);
  auto t0 = std::chrono::steady_clock::now();
  for (long it = 0; it < kIters; ++it) {
#define STEP(i) acc##i = _mm512_dpbusd_epi32(acc##i, a, b);
    REP12(STEP)
#undef STEP
    __asm__ volatile("" : "+v"(acc0), "+v"(acc1), "+v"(acc2), "+v"(acc3), "+v"(acc4),
                     "+v"(acc5), "+v"(acc6), "+v"(acc7), "+v"(acc8), "+v"(acc9), "+v"(acc10),
                     "+v"(acc11));
  }
  double s = seconds_since(t0);
  long sink = 0;
#define SUM(i) sink += _mm512_reduce_add_epi32(acc##i);
  REP12(SUM)
#undef SUM
  if (sink == 12345) std::puts("");
  return 12.0 * 64 * 2 * kIters / s / 1e9;
}

__attribute__((target("avx2,avxvnni"))) double vnni_ymm() {
#define DECL(i) __m256i acc##i = _mm256_set1_epi32(i);
  REP12(DECL)
#undef DECL
  __m256i a = _mm256_set1_epi8(3), b = _mm256_set1_epi8(-2);
  auto t0 = std::chrono::steady_clock::now();
  for (long it = 0; it < kIters; ++it) {
#define STEP(i) acc##i = _mm256_dpbusd_avx_epi32(acc##i, a, b);
    REP12(STEP)
#undef STEP
    __asm__ volatile("" : "+x"(acc0), "+x"(acc1), "+x"(acc2), "+x"(acc3), "+x"(acc4),
                     "+x"(acc5), "+x"(acc6), "+x"(acc7), "+x"(acc8), "+x"(acc9), "+x"(acc10),
                     "+x"(acc11));
  }
  double s = seconds_since(t0);
  int out[8];
  long sink = 0;
#define SUM(i) _mm256_storeu_si256(reinterpret_cast<__m256i *>(out), acc##i); sink += out[0];
  REP12(SUM)
#undef SUM
  if (sink == 12345) std::puts("");
  return 12.0 * 32 * 2 * kIters / s / 1e9;
}

// u8 x s8 without VNNI: vpmaddubsw (pairs to i16), vpmaddwd with ones (to
// i32), vpaddd; 32 multiply-adds per vpmaddubsw. Six independent inputs,
// passed through the asm statement too, so the products are recomputed every
// iteration instead of being hoisted or merged.
__attribute__((target("avx2"))) double avx2_int8() {
#define DECL(i) __m256i acc##i = _mm256_set1_epi32(i); __m256i in##i = _mm256_set1_epi8(i + 1);
  REP6(DECL)
#undef DECL
  const __m256i b = _mm256_set1_epi8(-2), ones = _mm256_set1_epi16(1);
  auto t0 = std::chrono::steady_clock::now();
  for (long it = 0; it < kIters; ++it) {
#define STEP(i) acc##i = _mm256_add_epi32(acc##i, _mm256_madd_epi16(_mm256_maddubs_epi16(in##i, b), ones));
    REP6(STEP)
#undef STEP
    __asm__ volatile("" : "+x"(acc0), "+x"(acc1), "+x"(acc2), "+x"(acc3), "+x"(acc4),
                     "+x"(acc5), "+x"(in0), "+x"(in1), "+x"(in2), "+x"(in3), "+x"(in4),
                     "+x"(in5));
  }
  double s = seconds_since(t0);
  int out[8];
  long sink = 0;
#define SUM(i) _mm256_storeu_si256(reinterpret_cast<__m256i *>(out), acc##i); sink += out[0];
  REP6(SUM)
#undef SUM
  if (sink == 12345) std::puts("");
  return 6.0 * 32 * 2 * kIters / s / 1e9;
}

std::string number(bool supported, double (*kernel)()) {
  if (!supported) return "null";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", kernel());
  return buf;
}

}  // namespace

int main(int argc, char **argv) {
  __builtin_cpu_init();
  double sink = 0;
  double dram = read_bandwidth(size_t(1) << 30, 3, &sink);
  double llc = read_bandwidth(size_t(16) << 20, 20, &sink);
  std::string by_size;
  for (int i = 1; i < argc; ++i) {
    long mib = std::atol(argv[i]);
    if (mib <= 0) continue;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s\"%ld\": %.1f", by_size.empty() ? "" : ", ", mib,
                  read_bandwidth(size_t(mib) << 20, 5, &sink));
    by_size += buf;
  }
  std::string zmm = number(__builtin_cpu_supports("avx512f"), fma_zmm);
  std::string ymm = number(__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"), fma_ymm);
  std::string vz = number(__builtin_cpu_supports("avx512vnni"), vnni_zmm);
  std::string vy = number(__builtin_cpu_supports("avxvnni"), vnni_ymm);
  std::string a8 = number(__builtin_cpu_supports("avx2"), avx2_int8);
  std::printf("{\"read_gbs_1gib\": %.1f, \"read_gbs_16mib\": %.1f, \"fma_zmm_gflops\": %s, "
              "\"fma_ymm_gflops\": %s, \"vnni_zmm_gops\": %s, \"vnni_ymm_gops\": %s, "
              "\"avx2_int8_gops\": %s, \"read_gbs_by_mib\": {%s}, \"sink\": %g}\n",
              dram, llc, zmm.c_str(), ymm.c_str(), vz.c_str(), vy.c_str(), a8.c_str(),
              by_size.c_str(), sink);
  return 0;
}
