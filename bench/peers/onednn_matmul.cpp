// oneDNN peer of bench/cpu_kernels.py: times one matmul y[M, N] = x[M, K] @ W[K, N].
//
//   onednn_matmul --mode f32|u8s8 --m M --k K --n N [--threads T] [--repeat R] [--warmup W]
//
// f32:  f32 x f32 -> f32.
// u8s8: dynamic W8A8. Inside the timed region: quantize x per token (row) to
//       u8 codes with one scale per row, then the u8 x s8 -> f32 matmul with
//       per-output-channel weight scales (runtime scales attribute, mask 1<<1),
//       then the per-token activation scales multiplied into the rows of y by
//       a plain loop. (oneDNN 2.6 has no jit u8s8 matmul with an [M, 1]
//       binary-mul post-op: it falls back to ref_int8, ~1000x slower.) The
//       source zero point is 0 (the codes are what is timed; the values are
//       not checked).
//
// The primitive is created once with format_tag::any for the weights; W is
// reordered into the layout the primitive prefers once, outside the timing.
// Prints one JSON line: min and median ms over the repeats, and the kernel
// the primitive picked.

#include <oneapi/dnnl/dnnl.hpp>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using namespace dnnl;
using tag = memory::format_tag;
using dt = memory::data_type;

namespace {

struct Options {
  std::string mode = "f32";
  long m = 1, k = 4096, n = 4096;
  int threads = 1, repeat = 20, warmup = 3;
};

Options parse(int argc, char **argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string key = argv[i];
    const char *value = argv[i + 1];
    if (key == "--mode") o.mode = value;
    else if (key == "--m") o.m = std::atol(value);
    else if (key == "--k") o.k = std::atol(value);
    else if (key == "--n") o.n = std::atol(value);
    else if (key == "--threads") o.threads = std::atoi(value);
    else if (key == "--repeat") o.repeat = std::atoi(value);
    else if (key == "--warmup") o.warmup = std::atoi(value);
    else {
      std::fprintf(stderr, "unknown option %s\n", key.c_str());
      std::exit(2);
    }
  }
  if (o.mode != "f32" && o.mode != "u8s8") {
    std::fprintf(stderr, "--mode must be f32 or u8s8\n");
    std::exit(2);
  }
  return o;
}

// Per-row absmax quantization to u8 codes (offset 128, clamped).
void quantize_rows(const float *x, long m, long k, uint8_t *codes, float *row_scales) {
  for (long r = 0; r < m; ++r) {
    const float *row = x + r * k;
    float absmax = 0.0f;
    for (long c = 0; c < k; ++c) absmax = std::max(absmax, std::fabs(row[c]));
    const float scale = absmax > 0.0f ? absmax / 127.0f : 1.0f;
    const float inv = 1.0f / scale;
    uint8_t *out = codes + r * k;
    for (long c = 0; c < k; ++c) {
      float v = std::nearbyint(row[c] * inv) + 128.0f;
      v = std::min(255.0f, std::max(0.0f, v));
      out[c] = static_cast<uint8_t>(v);
    }
    row_scales[r] = scale;
  }
}

void scale_rows(float *y, long m, long n, const float *row_scales) {
  for (long r = 0; r < m; ++r) {
    const float s = row_scales[r];
    float *row = y + r * n;
    for (long c = 0; c < n; ++c) row[c] *= s;
  }
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  size_t h = v.size() / 2;
  return v.size() % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

}  // namespace

int main(int argc, char **argv) {
  Options o = parse(argc, argv);
  omp_set_num_threads(o.threads);
  engine eng(engine::kind::cpu, 0);
  stream strm(eng);
  const bool int8 = o.mode == "u8s8";

  std::mt19937 gen(0);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  std::vector<float> x(o.m * o.k), w(o.k * o.n), y(o.m * o.n);
  for (float &v : x) v = normal(gen);
  for (float &v : w) v = 0.02f * normal(gen);

  memory::dims src_dims = {o.m, o.k}, wei_dims = {o.k, o.n}, dst_dims = {o.m, o.n};
  memory::desc src_md(src_dims, int8 ? dt::u8 : dt::f32, tag::ab);
  memory::desc wei_any(wei_dims, int8 ? dt::s8 : dt::f32, tag::any);
  memory::desc dst_md(dst_dims, dt::f32, tag::ab);

  primitive_attr attr;
  if (int8) {
#if DNNL_VERSION_MAJOR >= 3
    attr.set_scales_mask(DNNL_ARG_WEIGHTS, 1 << 1);
#else
    attr.set_output_scales(1 << 1, {DNNL_RUNTIME_F32_VAL});
#endif
  }

#if DNNL_VERSION_MAJOR >= 3
  matmul::primitive_desc pd(eng, src_md, wei_any, dst_md, attr);
#else
  matmul::desc desc(src_md, wei_any, dst_md);
  matmul::primitive_desc pd(desc, attr, eng);
#endif
  matmul prim(pd);

  // Weights: plain [K, N] reordered once into the primitive's layout.
  std::vector<int8_t> wq;
  std::vector<float> col_scales(o.n, 1.0f);
  memory wei_plain;
  if (int8) {
    wq.resize(o.k * o.n);
    for (long c = 0; c < o.n; ++c) {
      float absmax = 0.0f;
      for (long r = 0; r < o.k; ++r) absmax = std::max(absmax, std::fabs(w[r * o.n + c]));
      col_scales[c] = absmax > 0.0f ? absmax / 127.0f : 1.0f;
      for (long r = 0; r < o.k; ++r)
        wq[r * o.n + c] = static_cast<int8_t>(std::nearbyint(w[r * o.n + c] / col_scales[c]));
    }
    wei_plain = memory({wei_dims, dt::s8, tag::ab}, eng, wq.data());
  } else {
    wei_plain = memory({wei_dims, dt::f32, tag::ab}, eng, w.data());
  }
  memory wei_mem(pd.weights_desc(), eng);
  reorder(wei_plain, wei_mem).execute(strm, wei_plain, wei_mem);
  strm.wait();

  std::vector<uint8_t> codes(int8 ? o.m * o.k : 0);
  std::vector<float> row_scales(o.m, 1.0f);
  memory src_mem = int8 ? memory(src_md, eng, codes.data()) : memory(src_md, eng, x.data());
  memory dst_mem(dst_md, eng, y.data());
  memory col_scale_mem({{o.n}, dt::f32, tag::a}, eng, col_scales.data());

  std::unordered_map<int, memory> args = {
      {DNNL_ARG_SRC, src_mem}, {DNNL_ARG_WEIGHTS, wei_mem}, {DNNL_ARG_DST, dst_mem}};
  if (int8) {
#if DNNL_VERSION_MAJOR >= 3
    args.insert({DNNL_ARG_ATTR_SCALES | DNNL_ARG_WEIGHTS, col_scale_mem});
#else
    args.insert({DNNL_ARG_ATTR_OUTPUT_SCALES, col_scale_mem});
#endif
  }

  auto once = [&]() {
    if (int8) quantize_rows(x.data(), o.m, o.k, codes.data(), row_scales.data());
    prim.execute(strm, args);
    strm.wait();
    if (int8) scale_rows(y.data(), o.m, o.n, row_scales.data());
  };
  for (int i = 0; i < o.warmup; ++i) once();
  std::vector<double> times;
  for (int i = 0; i < o.repeat; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    once();
    auto t1 = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  const dnnl_version_t *v = dnnl_version();
  std::string impl = pd.impl_info_str();
  std::printf("{\"mode\": \"%s\", \"m\": %ld, \"k\": %ld, \"n\": %ld, \"threads\": %d, "
              "\"repeat\": %d, \"median_ms\": %.6f, \"min_ms\": %.6f, \"impl\": \"%s\", "
              "\"version\": \"%d.%d.%d\", \"checksum\": %.6g}\n",
              o.mode.c_str(), o.m, o.k, o.n, o.threads, o.repeat, median(times),
              *std::min_element(times.begin(), times.end()), impl.c_str(), v->major, v->minor,
              v->patch, static_cast<double>(y[0]));
  return 0;
}
