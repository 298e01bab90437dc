//===- kernel-check.cpp - Every CPU kernel of the host against a reference ===//
//
// Runs each kernel of the runtime whose instruction set the host has (AVX2
// with FMA; AVX-512 F/BW/VL/DQ; AVX-512 VNNI) on weights packed in its
// layout and checks the result against a reference computed here in double
// precision (float kernels: within K * 2^-23 * (|A| @ |B|), the rounding
// bound of any summation order) or in exact integers (int8 kernels: bit for
// bit, wrapping like i32). Shapes cover the kernels' paths: one row (GEMV),
// a few rows, partial and whole row tiles, and K and N off the panel and
// group sizes; and one thread against two, bit for bit (the threads split
// the output columns). Prints one line per kernel and shape, then
// `PASS: N checks, 0 problem(s)`; exits non-zero on a problem.
//
// This tests the kernels without the compiler, so it also runs where only
// the runtime is built, e.g. on a machine with AVX-512 that has no LLVM.
//
//===----------------------------------------------------------------------===//

#include "sqz/Runtime/BufferCache.h"
#include "sqz/Runtime/CPUKernels.h"
#include "sqz/Runtime/WeightPacking.h"

// The runtime's erf, for its accuracy check (its header needs AVX-512).
#pragma clang attribute push(__attribute__((target("avx512f,avx512dq,fma"))),  \
                             apply_to = function)
#include "../cpu/ErfAvx512.h"
#pragma clang attribute pop

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace sqzrt;

namespace {

std::mt19937 rng(2026);

template <typename T, int Rank>
MemRef<T, Rank> view(std::vector<T> &data,
                     std::initializer_list<int64_t> sizes) {
  MemRef<T, Rank> ref{data.data(), data.data(), 0, {}, {}};
  int d = 0;
  for (int64_t size : sizes)
    ref.sizes[d++] = size;
  int64_t stride = 1;
  for (int i = Rank - 1; i >= 0; --i) {
    ref.strides[i] = stride;
    stride *= ref.sizes[i];
  }
  return ref;
}

std::vector<float> randomFloats(int64_t count) {
  std::normal_distribution<float> normal;
  std::vector<float> values(count);
  for (float &v : values)
    v = normal(rng);
  return values;
}

std::vector<int8_t> randomBytes(int64_t count, int low = -128, int high = 127) {
  std::uniform_int_distribution<int> uniform(low, high);
  std::vector<int8_t> values(count);
  for (int8_t &v : values)
    v = static_cast<int8_t>(uniform(rng));
  return values;
}

/// Random f32 rows [m, k] as a kernel may get them: `gap` elements between
/// the end of a row and the next (row-major), or column-major.
struct RandomRows {
  int64_t m, k, rowStride, columnStride;
  std::vector<float> data;
  RandomRows(int64_t m, int64_t k, bool columnMajor, int64_t gap)
      : m(m), k(k), rowStride(columnMajor ? 1 : k + gap),
        columnStride(columnMajor ? m : 1),
        data(randomFloats(columnMajor ? m * k : m * rowStride)) {}
  float &at(int64_t i, int64_t j) {
    return data[i * rowStride + j * columnStride];
  }
  MemRef<float, 2> ref() {
    return {data.data(), data.data(), 0, {m, k}, {rowStride, columnStride}};
  }
};

int checks = 0, problems = 0;
/// The threads every kernel call asks for (kernels use fewer for small
/// calls).
int64_t threads = 2;
/// The output of the last kernel call a check made, as bytes.
std::vector<char> lastOutput;

template <typename T> void keep(const std::vector<T> &c) {
  lastOutput.assign(reinterpret_cast<const char *>(c.data()),
                    reinterpret_cast<const char *>(c.data() + c.size()));
}

void report(const std::string &what, bool ok, const std::string &detail) {
  ++checks;
  problems += !ok;
  std::printf("%s %s: %s\n", ok ? "ok  " : "FAIL", what.c_str(),
              detail.c_str());
}

/// c against the double product a @ b ([M, K] @ [K, N]) within the rounding
/// bound of any summation order, K * 2^-23 * (|a| @ magnitude), where
/// `magnitude` is |b| unless given.
void checkFloat(const std::string &what, const std::vector<float> &c,
                const std::vector<float> &a, const std::vector<double> &b,
                int64_t m, int64_t k, int64_t n,
                const std::vector<double> *magnitudes = nullptr) {
  int64_t outside = 0;
  double worst = 0;
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      double sum = 0, magnitude = 0;
      for (int64_t p = 0; p < k; ++p) {
        sum += a[i * k + p] * b[p * n + j];
        magnitude +=
            std::fabs(a[i * k + p]) *
            (magnitudes ? (*magnitudes)[p * n + j] : std::fabs(b[p * n + j]));
      }
      double diff = std::fabs(c[i * n + j] - sum);
      double bound = (k + 1) * std::ldexp(1.0, -23) * magnitude;
      worst = std::max(worst, bound > 0 ? diff / bound : diff);
      outside += diff > bound;
    }
  char detail[96];
  std::snprintf(detail, sizeof(detail),
                "within the rounding bound (worst %.2f of it)", worst);
  report(what, outside == 0,
         outside ? std::to_string(outside) + " outputs outside the bound"
                 : detail);
}

/// Element (i, j) of the integer product a [M, K] @ b [K, N], wrapped to
/// i32 as the reference's sums are.
int32_t wrappedDot(const std::vector<int8_t> &a, const std::vector<int8_t> &b,
                   int64_t i, int64_t j, int64_t k, int64_t n) {
  uint32_t sum = 0;
  for (int64_t p = 0; p < k; ++p)
    sum += static_cast<uint32_t>(int32_t(a[i * k + p]) * b[p * n + j]);
  return static_cast<int32_t>(sum);
}

/// c against the exact integer product, wrapped to i32.
void checkExact(const std::string &what, const std::vector<int32_t> &c,
                const std::vector<int8_t> &a, const std::vector<int8_t> &b,
                int64_t m, int64_t k, int64_t n) {
  int64_t wrong = 0;
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j)
      wrong += wrappedDot(a, b, i, j, k, n) != c[i * n + j];
  report(what, wrong == 0,
         wrong ? std::to_string(wrong) + " outputs differ" : "exact");
}

std::string shape(const char *kernel, int64_t m, int64_t k, int64_t n) {
  return std::string(kernel) + " M=" + std::to_string(m) +
         " K=" + std::to_string(k) + " N=" + std::to_string(n);
}

using F32Kernel = void (*)(MemRef<float, 2> *, MemRef<float, 2> *,
                           MemRef<float, 1> *, int64_t);
using S8Kernel = void (*)(MemRef<int32_t, 2> *, MemRef<int8_t, 2> *,
                          MemRef<int8_t, 1> *, int64_t);
using VnniKernel = void (*)(MemRef<int32_t, 2> *, MemRef<int8_t, 2> *,
                            MemRef<int8_t, 1> *, MemRef<int32_t, 1> *, int64_t);
using QuantKernel = void (*)(MemRef<float, 2> *, MemRef<float, 2> *,
                             MemRef<int8_t, 1> *, MemRef<float, 1> *,
                             MemRef<float, 1> *, int64_t);

void checkF32(const char *name, F32Kernel kernel, GemmLayout layout, int64_t m,
              int64_t k, int64_t n) {
  std::vector<float> a = randomFloats(m * k), b = randomFloats(k * n);
  std::vector<float> packed(layout.packedSize(k, n)), c(m * n);
  packGemmWeight(b.data(), k, n, /*transposed=*/false, layout, packed.data());
  auto av = view<float, 2>(a, {m, k});
  auto cv = view<float, 2>(c, {m, n});
  auto pv = view<float, 1>(packed, {int64_t(packed.size())});
  kernel(&cv, &av, &pv, threads);
  keep(c);
  checkFloat(shape(name, m, k, n), c, a,
             std::vector<double>(b.begin(), b.end()), m, k, n);
}

using BatchF32Kernel = void (*)(MemRef<float, 3> *, MemRef<float, 3> *,
                                MemRef<float, 3> *, int64_t);

/// C[i] = A[i] B[i] over a batch of 3, both operands run-time values: B
/// stored as [batch, N, K] and read through transposing strides, as the
/// kernel must take any strides.
void checkBatchF32(const char *name, BatchF32Kernel kernel, int64_t m,
                   int64_t k, int64_t n) {
  const int64_t batch = 3;
  std::vector<float> a = randomFloats(batch * m * k);
  std::vector<float> bt = randomFloats(batch * n * k), c(batch * m * n);
  auto av = view<float, 3>(a, {batch, m, k});
  auto cv = view<float, 3>(c, {batch, m, n});
  MemRef<float, 3> bv{bt.data(), bt.data(), 0, {batch, k, n}, {n * k, 1, k}};
  kernel(&cv, &av, &bv, threads);
  keep(c);
  for (int64_t i = 0; i < batch; ++i) {
    std::vector<float> ai(a.begin() + i * m * k, a.begin() + (i + 1) * m * k);
    std::vector<float> ci(c.begin() + i * m * n, c.begin() + (i + 1) * m * n);
    std::vector<double> bi(k * n);
    for (int64_t p = 0; p < k; ++p)
      for (int64_t j = 0; j < n; ++j)
        bi[p * n + j] = bt[(i * n + j) * k + p];
    checkFloat(shape(name, m, k, n) + " batch " + std::to_string(i), ci, ai, bi,
               m, k, n);
  }
}

void checkS8(const char *name, S8Kernel kernel, VnniKernel vnni,
             GemmLayout layout, int64_t m, int64_t k, int64_t n) {
  std::vector<int8_t> a = randomBytes(m * k), b = randomBytes(k * n);
  std::vector<int8_t> packed(layout.packedSize(k, n));
  std::vector<int32_t> c(m * n), correction(layout.paddedColumns(n));
  packGemmWeight(b.data(), k, n, /*transposed=*/false, layout, packed.data());
  auto av = view<int8_t, 2>(a, {m, k});
  auto cv = view<int32_t, 2>(c, {m, n});
  auto pv = view<int8_t, 1>(packed, {int64_t(packed.size())});
  if (vnni) {
    gemmS8OffsetCorrection(b.data(), k, n, false, layout, correction.data());
    auto corr = view<int32_t, 1>(correction, {int64_t(correction.size())});
    vnni(&cv, &av, &pv, &corr, threads);
  } else {
    kernel(&cv, &av, &pv, threads);
  }
  keep(c);
  checkExact(shape(name, m, k, n), c, a, b, m, k, n);
}

using ScaledS8Kernel = void (*)(MemRef<float, 2> *, MemRef<int8_t, 2> *,
                                MemRef<int8_t, 1> *, MemRef<float, 1> *,
                                MemRef<float, 1> *, MemRef<float, 1> *,
                                MemRef<float, 2> *, int64_t);
using ScaledVnniKernel = void (*)(MemRef<float, 2> *, MemRef<int8_t, 2> *,
                                  MemRef<int8_t, 1> *, MemRef<int32_t, 1> *,
                                  MemRef<float, 1> *, MemRef<float, 1> *,
                                  MemRef<float, 1> *, MemRef<float, 2> *,
                                  int64_t, int64_t);

/// GELU in its erf form, in double, on the float x; the float constant
/// sqrt 2 as the compiled reference divides by it.
double geluReference(float x) {
  double e = std::erf(double(x) / double(1.41421354f));
  return double(x) * ((e + 1.0) * 0.5);
}

/// erfAvx512 against the double erf: every 61st float from 1e-30 to 4.5,
/// both signs, and the special values; at most 2 ulp (of the float the
/// exact value rounds to) anywhere.
__attribute__((target("avx512f,avx512dq,fma"))) void checkErf() {
  std::vector<float> x;
  uint32_t from, to;
  float low = 1e-30f, high = 4.5f;
  std::memcpy(&from, &low, 4);
  std::memcpy(&to, &high, 4);
  for (uint32_t bits = from; bits <= to; bits += 61) {
    float value;
    std::memcpy(&value, &bits, 4);
    x.push_back(value);
    x.push_back(-value);
  }
  for (float special :
       {0.0f, -0.0f, 3.919206f, 3.9192057f, 10.0f, 1e30f, INFINITY, -INFINITY})
    x.push_back(special);
  while (x.size() % 16)
    x.push_back(0.5f);
  std::vector<float> y(x.size());
  for (size_t i = 0; i < x.size(); i += 16)
    _mm512_storeu_ps(y.data() + i, erfAvx512(_mm512_loadu_ps(x.data() + i)));
  double worst = 0;
  float worstAt = 0;
  bool signsRight = true;
  for (size_t i = 0; i < x.size(); ++i) {
    double exact = std::erf(double(x[i]));
    float rounded = std::fabs(float(exact));
    double ulp = double(std::nextafter(rounded, INFINITY)) - rounded;
    double error = std::fabs(double(y[i]) - exact) / ulp;
    signsRight &= std::signbit(y[i]) == std::signbit(x[i]);
    if (error > worst)
      worst = error, worstAt = x[i];
  }
  __m512 nan = erfAvx512(_mm512_set1_ps(std::nanf("")));
  bool nanStays = std::isnan(_mm512_cvtss_f32(nan));
  char detail[96];
  std::snprintf(detail, sizeof detail, "%zu values, worst %.2f ulp at %.9g%s",
                x.size(), worst, double(worstAt), nanStays ? "" : ", NaN lost");
  report("erf_avx512", worst <= 2.0 && signsRight && nanStays, detail);

  // GELU on the values where its operations meet infinities, zeros and
  // NaN: the reference's IEEE results (GELU(-inf) is -inf * 0, NaN).
  const float special[16] = {
      INFINITY, -INFINITY, 0.0f, -0.0f, 1e-40f, -1e-40f, 3.0f,   -3.0f,
      1e30f,    -1e30f,    0.5f, -0.5f, 8.0f,   -8.0f,   1e-30f, std::nanf("")};
  float gelu[16];
  _mm512_storeu_ps(gelu, geluErfAvx512(_mm512_loadu_ps(special)));
  int wrong = 0;
  for (int i = 0; i < 16; ++i) {
    float expected = float(geluReference(special[i]));
    bool bothNan = std::isnan(expected) && std::isnan(gelu[i]);
    wrong += !bothNan &&
             !(gelu[i] == expected &&
               std::signbit(gelu[i]) == std::signbit(expected)) &&
             !(std::isfinite(expected) &&
               std::fabs(gelu[i] - expected) <= 2.5e-7 * std::fabs(special[i]));
  }
  report("gelu_erf_avx512 special values", wrong == 0,
         wrong ? std::to_string(wrong) + " differ"
               : "infinities, zeros, subnormals and NaN as the reference");
}

/// What a scaled int8 call applies after its dequantization.
enum class Tail { None, Addend, Gelu };

/// Whether `got` is GELU(x) within the rounding of its operations: erf
/// within 2 ulp of values at most 1, the quotient, the sum and the product
/// each rounded once (well under 2.5e-7 of |x|).
bool geluClose(float got, float x) {
  if (std::isnan(x))
    return std::isnan(got);
  return std::fabs(double(got) - geluReference(x)) <=
         2.5e-7 * std::fabs(double(x)) + 1e-38;
}

/// The int8 kernels with the W8A8 dequantization in registers, against
/// `float(acc) * (row * column) + bias` computed here in the same order (one
/// rounding per operation): bit for bit. Row scales read with stride 2.
void checkS8Scaled(const char *name, ScaledS8Kernel kernel,
                   ScaledVnniKernel vnni, GemmLayout layout, int64_t m,
                   int64_t k, int64_t n, bool withBias,
                   Tail tail = Tail::None) {
  std::vector<int8_t> a = randomBytes(m * k), b = randomBytes(k * n);
  std::vector<int8_t> packed(layout.packedSize(k, n));
  packGemmWeight(b.data(), k, n, /*transposed=*/false, layout, packed.data());
  std::uniform_real_distribution<float> scale(1e-4f, 1e-2f);
  std::vector<float> rows(2 * m), columns(layout.paddedColumns(n), 0.0f);
  std::vector<float> bias(withBias ? columns.size() : 0, 0.0f);
  for (float &value : rows)
    value = scale(rng);
  for (int64_t j = 0; j < n; ++j) {
    columns[j] = scale(rng);
    if (withBias)
      bias[j] = randomFloats(1)[0];
  }
  std::vector<float> c(m * n);
  auto av = view<int8_t, 2>(a, {m, k});
  auto cv = view<float, 2>(c, {m, n});
  auto pv = view<int8_t, 1>(packed, {int64_t(packed.size())});
  auto colv = view<float, 1>(columns, {int64_t(columns.size())});
  auto biasv = view<float, 1>(bias, {int64_t(bias.size())});
  MemRef<float, 1> rowv{rows.data(), rows.data(), 0, {m}, {2}};
  // The residual, read column-major (a copy made by the kernel) when M is
  // odd.
  std::vector<float> addend =
      tail == Tail::Addend ? randomFloats(m * n) : std::vector<float>();
  MemRef<float, 2> addendv{addend.data(), addend.data(), 0, {0, n}, {n, 1}};
  if (tail == Tail::Addend) {
    addendv.sizes[0] = m;
    if (m % 2 == 1)
      addendv.strides[0] = 1, addendv.strides[1] = m;
  }
  auto addendAt = [&](int64_t i, int64_t j) {
    return addend[i * addendv.strides[0] + j * addendv.strides[1]];
  };
  if (vnni) {
    std::vector<int32_t> correction(layout.paddedColumns(n));
    gemmS8OffsetCorrection(b.data(), k, n, false, layout, correction.data());
    auto corr = view<int32_t, 1>(correction, {int64_t(correction.size())});
    vnni(&cv, &av, &pv, &corr, &colv, &biasv, &rowv, &addendv,
         int64_t(tail == Tail::Gelu ? EpilogueActivation::GeluErf
                                    : EpilogueActivation::None),
         threads);
  } else {
    kernel(&cv, &av, &pv, &colv, &biasv, &rowv, &addendv, threads);
  }
  keep(c);
  int64_t wrong = 0;
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      float product = rows[2 * i] * columns[j];
      float value = static_cast<float>(wrappedDot(a, b, i, j, k, n)) * product;
      if (withBias)
        value = value + bias[j];
      if (tail == Tail::Gelu) {
        wrong += !geluClose(c[i * n + j], value);
        continue;
      }
      if (tail == Tail::Addend)
        value = value + addendAt(i, j);
      wrong += std::memcmp(&value, &c[i * n + j], sizeof(float)) != 0;
    }
  const char *tailName = tail == Tail::Gelu     ? " gelu"
                         : tail == Tail::Addend ? " + addend"
                                                : "";
  report(shape(name, m, k, n) + (withBias ? " bias" : "") + tailName,
         wrong == 0,
         wrong ? std::to_string(wrong) + " outputs differ"
         : tail == Tail::Gelu
             ? "GELU of the reference's epilogue within its rounding"
             : "bit-identical to the reference's epilogue");
}

/// gemm_s8_quantized_avx512vnni on f32 activations (with the special rows of
/// checkQuantizeRows: zeros, a NaN, an infinity) against the two quantize
/// kernels followed by gemm_s8_scaled_avx512vnni, bit for bit, NaN outputs
/// matching NaN; A row-strided, or column-major when `columnMajor`.
void checkS8Quantized(int64_t m, int64_t k, int64_t n, bool withBias,
                      bool columnMajor, Tail tail = Tail::None) {
  GemmLayout layout = kGemmS8Avx512VnniLayout;
  RandomRows rows(m, k, columnMajor, 3);
  for (int64_t j = 0; j < k && m > 3; ++j)
    rows.at(1, j) = 0.0f;
  if (m > 3) {
    rows.at(2, k / 2) = std::nanf("");
    rows.at(3, 0) = INFINITY;
  }
  MemRef<float, 2> x = rows.ref();
  std::vector<int8_t> b = randomBytes(k * n);
  std::vector<int8_t> packed(layout.packedSize(k, n));
  packGemmWeight(b.data(), k, n, /*transposed=*/false, layout, packed.data());
  std::vector<int32_t> correction(layout.paddedColumns(n));
  gemmS8OffsetCorrection(b.data(), k, n, false, layout, correction.data());
  std::uniform_real_distribution<float> scale(1e-4f, 1e-2f);
  std::vector<float> columns(layout.paddedColumns(n), 0.0f);
  std::vector<float> bias(withBias ? columns.size() : 0, 0.0f);
  for (int64_t j = 0; j < n; ++j) {
    columns[j] = scale(rng);
    if (withBias)
      bias[j] = randomFloats(1)[0];
  }
  auto pv = view<int8_t, 1>(packed, {int64_t(packed.size())});
  auto corr = view<int32_t, 1>(correction, {int64_t(correction.size())});
  auto colv = view<float, 1>(columns, {int64_t(columns.size())});
  auto biasv = view<float, 1>(bias, {int64_t(bias.size())});
  // The reference: the quantize kernels (checked against the formula), then
  // the scaled int8 kernel (checked against the reference's epilogue).
  std::vector<float> scales(m), expected(m * n), c(m * n);
  std::vector<int8_t> codes(m * k);
  auto sv = view<float, 1>(scales, {m});
  auto codesv = view<int8_t, 2>(codes, {m, k});
  auto ev = view<float, 2>(expected, {m, n});
  auto cv = view<float, 2>(c, {m, n});
  _mlir_ciface_sqz_cpu_quantize_row_scales_avx512(&sv, &x, 127.0f, threads);
  _mlir_ciface_sqz_cpu_quantize_rows_s8_avx512(&codesv, &x, &sv, -128.0f,
                                               127.0f, threads);
  std::vector<float> addend =
      tail == Tail::Addend ? randomFloats(m * n) : std::vector<float>();
  MemRef<float, 2> addendv{addend.data(),
                           addend.data(),
                           0,
                           {tail == Tail::Addend ? m : 0, n},
                           {n, 1}};
  int64_t activation = int64_t(tail == Tail::Gelu ? EpilogueActivation::GeluErf
                                                  : EpilogueActivation::None);
  _mlir_ciface_sqz_cpu_gemm_s8_scaled_avx512vnni(&ev, &codesv, &pv, &corr,
                                                 &colv, &biasv, &sv, &addendv,
                                                 activation, threads);
  _mlir_ciface_sqz_cpu_gemm_s8_quantized_avx512vnni(
      &cv, &x, &pv, &corr, &colv, &biasv, -128.0f, 127.0f, &addendv, activation,
      threads);
  keep(c);
  int64_t wrong = 0;
  for (int64_t i = 0; i < m * n; ++i)
    wrong += !(std::isnan(c[i]) && std::isnan(expected[i])) &&
             std::memcmp(&c[i], &expected[i], sizeof(float)) != 0;
  report(shape("s8_quantized_avx512vnni", m, k, n) + (withBias ? " bias" : "") +
             (columnMajor ? " A column-major" : "") +
             (tail == Tail::Gelu     ? " gelu"
              : tail == Tail::Addend ? " + addend"
                                     : ""),
         wrong == 0,
         wrong ? std::to_string(wrong) + " outputs differ"
               : "bit-identical to quantize_* then s8_scaled");
}

/// A random weight-only quantized K x N weight of `bits`-bit unsigned codes,
/// per group of `group` K rows, with zero points when `zeroPoints`.
struct QuantWeight {
  int bits, bias;
  int64_t k, n, group, groups;
  std::vector<int8_t> codes;
  /// Scales and zero points `z - bias` (empty when symmetric), [groups, N].
  std::vector<float> scales, zeros;
  /// The dequantized weight, [K, N].
  std::vector<double> dequantized;

  QuantWeight(int bits, int64_t k, int64_t n, int64_t group, bool zeroPoints)
      : bits(bits), bias(quantCodeBias(bits, /*isSigned=*/false)), k(k), n(n),
        group(group), groups(k / group),
        codes(randomBytes(k * n, 0, (1 << bits) - 1)), scales(groups * n),
        dequantized(k * n) {
    std::uniform_real_distribution<float> scale(0.005f, 0.05f);
    for (float &s : scales)
      s = scale(rng);
    std::vector<int8_t> zeroCodes = randomBytes(groups * n, 0, (1 << bits) - 1);
    if (zeroPoints) {
      zeros.resize(groups * n);
      for (int64_t i = 0; i < groups * n; ++i)
        zeros[i] = float(uint8_t(zeroCodes[i]) - bias);
    }
    for (int64_t p = 0; p < k; ++p)
      for (int64_t j = 0; j < n; ++j)
        dequantized[p * n + j] =
            double(scales[(p / group) * n + j]) * (code(p, j) - zero(p, j));
  }

  /// The signed code `q - bias` and zero point `z - bias` at (p, j).
  double code(int64_t p, int64_t j) const {
    return double(uint8_t(codes[p * n + j])) - bias;
  }
  double zero(int64_t p, int64_t j) const {
    return zeros.empty() ? 0.0 : zeros[(p / group) * n + j];
  }

  /// Runs `kernel` on A[M, K] with the codes packed by `packCodes` into
  /// `bytes` bytes and the parameters in `layout`'s panels.
  template <typename Kernel, typename PackCodes>
  /// With `columnMajorA`, A is read through strides {1, M} from a
  /// column-major copy (the kernels take any strides).
  std::vector<float> run(Kernel kernel, GemmLayout layout, int64_t bytes,
                         PackCodes packCodes, std::vector<float> &a, int64_t m,
                         bool columnMajorA = false) {
    std::vector<int8_t> packed(bytes);
    packCodes(packed.data());
    std::vector<float> packedScales(layout.paddedColumns(n) * groups);
    std::vector<float> packedZeros(zeros.empty() ? 0 : packedScales.size());
    packGemmGroupParams(scales.data(), groups, n, layout, packedScales.data());
    if (!zeros.empty())
      packGemmGroupParams(zeros.data(), groups, n, layout, packedZeros.data());
    std::vector<float> c(m * n), transposed(m * k);
    auto av = view<float, 2>(a, {m, k});
    if (columnMajorA) {
      for (int64_t i = 0; i < m; ++i)
        for (int64_t p = 0; p < k; ++p)
          transposed[p * m + i] = a[i * k + p];
      av = {transposed.data(), transposed.data(), 0, {m, k}, {1, m}};
    }
    auto cv = view<float, 2>(c, {m, n});
    auto pv = view<int8_t, 1>(packed, {int64_t(packed.size())});
    auto sv = view<float, 1>(packedScales, {int64_t(packedScales.size())});
    auto zv = view<float, 1>(packedZeros, {int64_t(packedZeros.size())});
    kernel(&cv, &av, &pv, &sv, &zv, threads);
    keep(c);
    return c;
  }

  std::string name(const char *kernel, int64_t m) const {
    return shape(kernel, m, k, n) + " g" + std::to_string(group) +
           (zeros.empty() ? "" : " zp");
  }
};

void checkQuant(const char *name, QuantKernel kernel, GemmLayout layout,
                int bits, int64_t m, int64_t k, int64_t n, int64_t group,
                bool zeroPoints) {
  QuantWeight w(bits, k, n, group, zeroPoints);
  std::vector<float> a = randomFloats(m * k);
  std::vector<float> c = w.run(
      kernel, layout, quantPackedBytes(layout, k, n, bits),
      [&](int8_t *packed) {
        packGemmQuantCodes(w.codes.data(), k, n, false, bits, false, layout,
                           packed);
      },
      a, m);
  // The kernels sum the codes (q - bias) and subtract the zero point's
  // share (z - bias) after the sum: both count in the rounding bound.
  std::vector<double> magnitudes(k * n);
  for (int64_t p = 0; p < k; ++p)
    for (int64_t j = 0; j < n; ++j)
      magnitudes[p * n + j] =
          w.scales[(p / group) * n + j] *
          (std::fabs(w.code(p, j)) + std::fabs(w.zero(p, j)));
  checkFloat(w.name(name, m), c, a, w.dequantized, m, k, n, &magnitudes);
}

/// The weight-only kernels on int8 dot products: A quantized per row and
/// group of K (scale max|x| / 127, rounding to nearest even), checked twice:
/// against that quantized A times the dequantized weight, within float
/// rounding (the integer sums are exact), and against the f32 A, within
/// half an activation step per element, `sum_k |W[k, n]| scale[m, g] / 2`.
void checkQuantA8(const char *name, QuantKernel kernel, int bits, int64_t m,
                  int64_t k, int64_t n, int64_t group, bool zeroPoints,
                  bool columnMajorA = false) {
  QuantWeight w(bits, k, n, group, zeroPoints);
  std::vector<float> a = randomFloats(m * k);
  std::vector<float> c = w.run(
      kernel, kGemmQuantVnniLayout, quantVnniPackedBytes(k, n, bits),
      [&](int8_t *packed) {
        packGemmQuantCodesVnni(w.codes.data(), k, n, false, bits, false,
                               reinterpret_cast<uint8_t *>(packed));
      },
      a, m, columnMajorA);
  std::vector<float> quantized(m * k), steps(m * k);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t g = 0; g < w.groups; ++g) {
      float largest = 0.0f;
      for (int64_t p = g * group; p < (g + 1) * group; ++p)
        largest = std::max(largest, std::fabs(a[i * k + p]));
      float scale = largest / 127.0f, inverse = 127.0f / largest;
      for (int64_t p = g * group; p < (g + 1) * group; ++p) {
        float q =
            largest == 0.0f ? 0.0f : std::nearbyint(a[i * k + p] * inverse);
        quantized[i * k + p] = q * scale;
        steps[i * k + p] = scale / 2;
      }
    }
  std::vector<double> magnitudes(k * n);
  for (int64_t p = 0; p < k; ++p)
    for (int64_t j = 0; j < n; ++j)
      magnitudes[p * n + j] = w.scales[(p / group) * n + j] *
                              (std::fabs(w.code(p, j)) +
                               std::fabs(w.zero(p, j)) + (1 << (bits - 1)));
  checkFloat(w.name(name, m) + (columnMajorA ? " A strided" : "") + " (int8 A)",
             c, quantized, w.dequantized, m, k, n, &magnitudes);
  int64_t outside = 0;
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      double exact = 0, bound = 0;
      for (int64_t p = 0; p < k; ++p) {
        exact += a[i * k + p] * w.dequantized[p * n + j];
        bound += steps[i * k + p] * std::fabs(w.dequantized[p * n + j]);
      }
      outside += std::fabs(c[i * n + j] - exact) > bound * 1.001 + 1e-6;
    }
  std::string what = w.name(name, m) + (columnMajorA ? " A strided" : "");
  report(what + " (f32 A)", outside == 0,
         outside ? std::to_string(outside) + " outputs outside the bound"
                 : "within half an activation step");
}

/// A random 2:4 weight: kept values and positions as sqz stores them
/// ([K / 2, N]), and its dense form.
template <typename T>
void random24(int64_t k, int64_t n, std::vector<T> &values,
              std::vector<uint8_t> &positions, std::vector<T> &dense,
              std::function<T()> draw) {
  std::uniform_int_distribution<int> pair(0, 5);
  values.assign(k / 2 * n, T(0));
  positions.assign(k / 2 * n, 0);
  dense.assign(k * n, T(0));
  for (int64_t q = 0; q < k / 4; ++q)
    for (int64_t j = 0; j < n; ++j) {
      int chosen = pair(rng);
      for (int s = 0; s < 2; ++s) {
        int position = kSparse24Pairs[chosen][s];
        T value = draw();
        values[(2 * q + s) * n + j] = value;
        positions[(2 * q + s) * n + j] = uint8_t(position);
        dense[(4 * q + position) * n + j] = value;
      }
    }
}

using Sparse24F32Fn = void (*)(MemRef<float, 2> *, MemRef<float, 2> *,
                               MemRef<float, 1> *, MemRef<int32_t, 1> *,
                               int64_t);

/// A 2:4 f32 kernel against the product with the dense form of its weight.
void checkSparse24F32(const char *name, Sparse24F32Fn kernel, int64_t m,
                      int64_t k, int64_t n) {
  std::vector<float> values, dense;
  std::vector<uint8_t> positions;
  std::normal_distribution<float> normal;
  random24<float>(k, n, values, positions, dense, [&] { return normal(rng); });
  std::vector<float> packed(sparse24ValuesSize(k, n));
  std::vector<int32_t> meta(sparse24MetaSize(k, n));
  packSparse24(values.data(), positions.data(), k, n, false, packed.data(),
               reinterpret_cast<uint32_t *>(meta.data()));
  std::vector<float> a = randomFloats(m * k), c(m * n);
  auto av = view<float, 2>(a, {m, k});
  auto cv = view<float, 2>(c, {m, n});
  auto pv = view<float, 1>(packed, {int64_t(packed.size())});
  auto mv = view<int32_t, 1>(meta, {int64_t(meta.size())});
  kernel(&cv, &av, &pv, &mv, threads);
  keep(c);
  checkFloat(shape(name, m, k, n), c, a,
             std::vector<double>(dense.begin(), dense.end()), m, k, n);
}

/// The AVX2 2:4 kernels, f32 and int8.
void checkSparse24(int64_t m, int64_t k, int64_t n) {
  checkSparse24F32("sp24_f32_avx2", _mlir_ciface_sqz_cpu_gemm_sp24_f32_avx2, m,
                   k, n);
  std::vector<uint8_t> positions;
  std::vector<int32_t> meta(sparse24MetaSize(k, n));
  auto mv = view<int32_t, 1>(meta, {int64_t(meta.size())});

  std::vector<int8_t> codes, denseCodes;
  std::uniform_int_distribution<int> byte(-128, 127);
  random24<int8_t>(k, n, codes, positions, denseCodes,
                   [&] { return int8_t(byte(rng)); });
  std::vector<int8_t> packedCodes(sparse24ValuesSize(k, n));
  packSparse24(codes.data(), positions.data(), k, n, false, packedCodes.data(),
               reinterpret_cast<uint32_t *>(meta.data()));
  std::vector<int8_t> a8 = randomBytes(m * k);
  std::vector<int32_t> c8(m * n);
  auto a8v = view<int8_t, 2>(a8, {m, k});
  auto c8v = view<int32_t, 2>(c8, {m, n});
  auto p8v = view<int8_t, 1>(packedCodes, {int64_t(packedCodes.size())});
  _mlir_ciface_sqz_cpu_gemm_sp24_s8_avx2(&c8v, &a8v, &p8v, &mv, threads);
  keep(c8);
  checkExact(shape("sp24_s8_avx2", m, k, n), c8, a8, denseCodes, m, k, n);
}

/// Runs `check` (which draws its inputs from `rng`) on one thread and on two
/// from the same seed: the outputs must be identical, as the threads only
/// split the output columns. The shape must be large enough for the kernel
/// to use two threads (kMinMultiplyAddsPerThread each).
/// The dynamic per-row quantization kernels against the reference
/// lowering's formula, evaluated here in scalar f32 in the same order: scale
/// `max(-min(0, x), max(0, x)) / qmax` (1 where 0), code
/// `clamp(roundeven(x / scale), qmin, qmax)`, bit for bit. The rows include
/// the special cases (all zeros, a NaN, an infinity, -0, values at half
/// steps) and A is read with a row stride wider than K or, when
/// `columnMajor`, column-major.
void checkQuantizeRows(int64_t m, int64_t k, bool narrow, bool columnMajor) {
  float qmin = narrow ? -127.0f : -128.0f, qmax = 127.0f;
  RandomRows rows(m, k, columnMajor, 5);
  for (int64_t j = 0; j < k; ++j) {
    if (m > 1)
      rows.at(1, j) = 0.0f;
    if (m > 3)
      rows.at(3, j) = float(j % 9) - 4.0f; // max 4: x / scale at half steps
  }
  if (m > 2)
    rows.at(2, k / 2) = std::nanf("");
  if (m > 4)
    rows.at(4, 0) = INFINITY;
  if (m > 5)
    rows.at(5, k - 1) = -0.0f;
  if (m > 6) // a scale below 2^-80: the kernel divides
    for (int64_t j = 0; j < k; ++j)
      rows.at(6, j) *= 1e-33f;
  if (m > 7) { // quotients at half steps and one or two ulps beside them
    rows.at(7, 0) = 47.0f;
    float scale = 47.0f / qmax;
    for (int64_t j = 1; j < k; ++j) {
      float value = (float(j % 181) - 90.5f) * scale;
      for (int64_t step = 0; step < std::abs(j % 5 - 2); ++step)
        value = std::nextafter(value, j % 5 < 2 ? -INFINITY : INFINITY);
      rows.at(7, j) = value;
    }
  }
  if (m > 8) // a scale near 2^100, still through the reciprocal
    for (int64_t j = 0; j < k; ++j)
      rows.at(8, j) *= 1e31f;
  MemRef<float, 2> x = rows.ref();
  std::vector<float> scales(m);
  std::vector<int8_t> codes(m * k);
  auto scalesRef = view<float, 1>(scales, {m});
  auto codesRef = view<int8_t, 2>(codes, {m, k});
  _mlir_ciface_sqz_cpu_quantize_row_scales_avx512(&scalesRef, &x, qmax,
                                                  threads);
  _mlir_ciface_sqz_cpu_quantize_rows_s8_avx512(&codesRef, &x, &scalesRef, qmin,
                                               qmax, threads);
  int64_t wrong = 0;
  for (int64_t i = 0; i < m; ++i) {
    float lo = 0.0f, hi = 0.0f;
    bool nan = false;
    for (int64_t j = 0; j < k; ++j) {
      nan |= std::isnan(rows.at(i, j));
      lo = std::fmin(lo, rows.at(i, j));
      hi = std::fmax(hi, rows.at(i, j));
    }
    float scale = std::fmax(-lo, hi) / qmax;
    scale = nan ? NAN : (scale == 0.0f ? 1.0f : scale);
    bool scaleOk = nan ? std::isnan(scales[i]) : scales[i] == scale;
    wrong += !scaleOk;
    for (int64_t j = 0; j < k; ++j) {
      float q = rows.at(i, j) / scale;
      int8_t code =
          std::isnan(q)
              ? 0
              : int8_t(std::fmin(std::fmax(std::nearbyint(q), qmin), qmax));
      wrong += codes[i * k + j] != code;
    }
  }
  keep(codes);
  report("quantize_rows_s8_avx512 " + std::to_string(m) + "x" +
             std::to_string(k) + (narrow ? " narrow" : "") +
             (columnMajor ? " column-major"
                          : " row stride " + std::to_string(rows.rowStride)),
         wrong == 0,
         wrong ? std::to_string(wrong) + " scales or codes differ"
               : "scales and codes bit-identical to the formula");
}

/// softmax_rows_f32_avx512 against a double-precision softmax, within
/// (8 + K) * 2^-24 of each output relatively (exp within 2 ulp, the sum of
/// K terms in any order, the division): random rows (scaled up by 10 so
/// that exp ranges over many binades) and special ones: attention's mask
/// (the lowest float), -infinity, a NaN, +infinity, one huge value. NaN
/// outputs must be where the reference has them.
void checkSoftmax(int64_t m, int64_t k, bool columnMajor) {
  RandomRows rows(m, k, columnMajor, 3);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < k; ++j)
      rows.at(i, j) *= 10.0f;
  const float lowest = std::numeric_limits<float>::lowest();
  for (int64_t j = k / 2; j < k; ++j)
    rows.at(0, j) = lowest; // the masked half of a row
  if (m > 1)
    rows.at(1, k - 1) = -INFINITY;
  if (m > 2)
    rows.at(2, 0) = std::nanf("");
  if (m > 3)
    rows.at(3, k / 3) = INFINITY;
  if (m > 4)
    rows.at(4, k - 1) = 1e30f;
  if (m > 5)
    for (int64_t j = 0; j < k; ++j)
      rows.at(5, j) = -INFINITY; // all masked: NaN, as 0 / 0
  MemRef<float, 2> x = rows.ref();
  std::vector<float> y(m * k);
  auto yRef = view<float, 2>(y, {m, k});
  _mlir_ciface_sqz_cpu_softmax_rows_f32_avx512(&yRef, &x, threads);
  int64_t wrong = 0;
  double worst = 0;
  for (int64_t i = 0; i < m; ++i) {
    double largest = -INFINITY;
    bool nan = false;
    for (int64_t j = 0; j < k; ++j) {
      nan |= std::isnan(rows.at(i, j));
      largest = std::max(largest, double(rows.at(i, j)));
    }
    // x - max rounded to f32, as the op computes it (its rounding error,
    // up to 2^-24 |x - max|, moves exp far more than exp's own).
    auto shifted = [&](int64_t j) {
      return double(rows.at(i, j) - static_cast<float>(largest));
    };
    double sum = 0;
    for (int64_t j = 0; j < k; ++j)
      sum += std::exp(shifted(j));
    for (int64_t j = 0; j < k; ++j) {
      double expected = nan ? NAN : std::exp(shifted(j)) / sum;
      float got = y[i * k + j];
      if (std::isnan(expected) || std::isnan(got)) {
        wrong += std::isnan(expected) != std::isnan(got);
        continue;
      }
      double bound = (8 + k) * std::ldexp(1.0, -24) * expected + 1e-45;
      double diff = std::fabs(got - expected);
      worst = std::max(worst, diff / bound);
      wrong += diff > bound;
    }
  }
  keep(y);
  char detail[96];
  std::snprintf(detail, sizeof(detail),
                "within the bound (worst %.2f of it), NaN where expected",
                worst);
  report("softmax_rows_f32_avx512 " + std::to_string(m) + "x" +
             std::to_string(k) +
             (columnMajor ? " column-major"
                          : " row stride " + std::to_string(rows.rowStride)),
         wrong == 0,
         wrong ? std::to_string(wrong) + " outputs outside the bound" : detail);
}

/// layer_norm_rows_f32_avx512 against a double-precision layer norm of the
/// same rows, within (K / 16 + 16) 2^-23 (|gamma| (|x - mean| rstd + 1) +
/// |beta|) per output (the sums taken 16 lanes at a time, the rest a few
/// roundings): random rows with an offset (so that the mean matters), a row
/// of zeros (exactly beta) and a row of large values; `rowStride` > K leaves
/// gaps between rows, `columnMajor` makes the kernel read them with a stride.
void checkLayerNorm(int64_t m, int64_t k, bool f64Variance, bool columnMajor) {
  RandomRows rows(m, k, columnMajor, 5);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < k; ++j)
      rows.at(i, j) = rows.at(i, j) * 3.0f + 2.0f;
  for (int64_t j = 0; j < k; ++j) {
    rows.at(0, j) = 0.0f;
    if (m > 1)
      rows.at(1, j) *= 1e4f;
  }
  std::vector<float> gamma = randomFloats(k), beta = randomFloats(k);
  const float epsilon = 1e-5f;
  MemRef<float, 2> x = rows.ref();
  auto gammaRef = view<float, 1>(gamma, {k});
  auto betaRef = view<float, 1>(beta, {k});
  std::vector<float> y(m * k);
  auto yRef = view<float, 2>(y, {m, k});
  _mlir_ciface_sqz_cpu_layer_norm_rows_f32_avx512(
      &yRef, &x, &gammaRef, &betaRef, epsilon, f64Variance, threads);
  keep(y);
  int64_t wrong = 0;
  double worst = 0;
  for (int64_t i = 0; i < m; ++i) {
    double mean = 0, variance = 0;
    for (int64_t j = 0; j < k; ++j)
      mean += rows.at(i, j);
    mean /= k;
    for (int64_t j = 0; j < k; ++j)
      variance += (rows.at(i, j) - mean) * (rows.at(i, j) - mean);
    variance /= k;
    double rstd = 1.0 / std::sqrt(variance + epsilon);
    for (int64_t j = 0; j < k; ++j) {
      double normalized = (rows.at(i, j) - mean) * rstd;
      double expected = normalized * gamma[j] + beta[j];
      double bound = (k / 16.0 + 16) * std::ldexp(1.0, -23) *
                     (std::fabs(gamma[j]) * (std::fabs(normalized) + 1) +
                      std::fabs(beta[j]));
      double diff = std::fabs(y[i * k + j] - expected);
      worst = std::max(worst, diff / bound);
      wrong += !(diff <= bound);
    }
  }
  for (int64_t j = 0; j < k; ++j)
    wrong += y[j] != beta[j]; // the row of zeros: exactly beta
  char detail[96];
  std::snprintf(detail, sizeof(detail),
                "within the bound (worst %.2f of it), zeros give beta", worst);
  report("layer_norm_rows_f32_avx512 " + std::to_string(m) + "x" +
             std::to_string(k) + (f64Variance ? " f64 variance" : "") +
             (columnMajor ? " column-major"
                          : " row stride " + std::to_string(rows.rowStride)),
         wrong == 0,
         wrong ? std::to_string(wrong) + " outputs outside the bound" : detail);
}

/// softmax_rows_masked_f32_avx512 against the plain softmax kernel on the
/// scores computed apart as the reference computes them (x * scale or x /
/// scale, rounded, plus the mask, rounded): bit-identical. Rows are [outer,
/// heads, inner] with a mask per outer and inner row, broadcast over the
/// heads (`perRowMask` false: one mask row per outer row); masked entries
/// the lowest float.
void checkMaskedSoftmax(int64_t outer, int64_t heads, int64_t inner, int64_t k,
                        bool divides, bool masked, bool perRowMask) {
  int64_t m = outer * heads * inner, maskInner = perRowMask ? inner : 1;
  std::vector<float> x = randomFloats(m * k);
  // A score of -inf (a position masked before the scaling): 0 after it.
  if (k > 1)
    x[k / 2] = -INFINITY;
  std::vector<float> mask = randomFloats(masked ? outer * maskInner * k : 0);
  const float lowest = std::numeric_limits<float>::lowest();
  for (size_t j = 0; j < mask.size(); j += 5)
    mask[j] = lowest;
  const float scale = divides ? 5.65685415f : 0.176776692f;
  std::vector<float> scores(m * k);
  for (int64_t i = 0; i < m; ++i) {
    int64_t maskRow = i / (heads * inner) * maskInner + i % inner % maskInner;
    for (int64_t j = 0; j < k; ++j) {
      float v = divides ? x[i * k + j] / scale : x[i * k + j] * scale;
      if (masked)
        v = v + mask[maskRow * k + j];
      scores[i * k + j] = v;
    }
  }
  std::vector<float> expected(m * k), y(m * k);
  auto scoresRef = view<float, 2>(scores, {m, k});
  auto expectedRef = view<float, 2>(expected, {m, k});
  _mlir_ciface_sqz_cpu_softmax_rows_f32_avx512(&expectedRef, &scoresRef,
                                               threads);
  auto xRef = view<float, 2>(x, {m, k});
  auto maskRef = view<float, 2>(mask, {masked ? outer * maskInner : 0, k});
  auto yRef = view<float, 2>(y, {m, k});
  _mlir_ciface_sqz_cpu_softmax_rows_masked_f32_avx512(
      &yRef, &xRef, &maskRef, scale, divides, heads * (perRowMask ? 1 : inner),
      maskInner, threads);
  keep(y);
  bool same = std::memcmp(y.data(), expected.data(), y.size() * 4) == 0;
  report("softmax_rows_masked_f32_avx512 " + std::to_string(outer) + "x" +
             std::to_string(heads) + "x" + std::to_string(inner) + "x" +
             std::to_string(k) + (divides ? " divided" : " scaled") +
             (!masked      ? ""
              : perRowMask ? " mask per row"
                           : " mask per outer row"),
         same,
         same ? "bit-identical to the softmax of the scores computed apart"
              : "differs from the softmax of the scores computed apart");
}

template <typename Check>
void checkThreadSplit(const std::string &what, Check check) {
  std::vector<char> outputs[2];
  for (int64_t count : {1, 2}) {
    threads = count;
    rng.seed(7);
    check();
    outputs[count - 1] = lastOutput;
  }
  threads = 2;
  report(what + " on 1 and 2 threads", outputs[0] == outputs[1],
         outputs[0] == outputs[1] ? "bit-identical" : "differ");
}

/// The buffer cache of compiled code (BufferCache.h): alignment, reuse of a
/// freed large buffer for the next request of its rounded size, small
/// buffers not kept, a buffer its caller released with free() not kept when
/// the address comes back as a small one, over-aligned requests, release.
void checkBufferCache() {
  auto aligned = [](void *p, std::size_t to) {
    return reinterpret_cast<std::uintptr_t>(p) % to == 0;
  };
  sqzrtReleaseBufferCache();
  void *large = _mlir_memref_to_llvm_alloc(1 << 20);
  std::memset(large, 1, 1 << 20);
  _mlir_memref_to_llvm_free(large);
  std::size_t kept = bufferCacheBytes();
  void *again = _mlir_memref_to_llvm_alloc((1 << 20) - 100);
  report("buffer cache: a freed 1 MiB buffer is kept and reused",
         aligned(large, 64) && kept == (1 << 20) && again == large &&
             bufferCacheBytes() == 0,
         "kept " + std::to_string(kept) + " bytes");
  _mlir_memref_to_llvm_free(again);

  void *small = _mlir_memref_to_llvm_alloc(100);
  std::size_t before = bufferCacheBytes();
  _mlir_memref_to_llvm_free(small);
  report("buffer cache: a small buffer goes back to the C library",
         aligned(small, 64) && bufferCacheBytes() == before, "");

  // A result: its caller releases it with free(); whatever reuses the
  // address must not be taken for it.
  void *result = _mlir_memref_to_llvm_alloc(256 << 10);
  std::free(result);
  void *reused = _mlir_memref_to_llvm_alloc(64);
  _mlir_memref_to_llvm_free(reused);
  report("buffer cache: a result freed by its caller is forgotten",
         bufferCacheBytes() == before, "");

  void *page = _mlir_memref_to_llvm_aligned_alloc(4096, 200 << 10);
  report("buffer cache: an over-aligned request is aligned",
         aligned(page, 4096), "");
  _mlir_memref_to_llvm_free(page);
  _mlir_memref_to_llvm_free(nullptr);
  sqzrtReleaseBufferCache();
  report("buffer cache: release empties it", bufferCacheBytes() == 0, "");
}

} // namespace

int main() {
  __builtin_cpu_init();
  bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  bool avx512 = __builtin_cpu_supports("avx512f") &&
                __builtin_cpu_supports("avx512bw") &&
                __builtin_cpu_supports("avx512vl") &&
                __builtin_cpu_supports("avx512dq") && avx2;
  bool vnni = avx512 && __builtin_cpu_supports("avx512vnni");
  std::printf("host: avx2+fma %s, avx512 %s, avx512vnni %s\n",
              avx2 ? "yes" : "no", avx512 ? "yes" : "no", vnni ? "yes" : "no");

  // (M, K, N): one row, a few, partial and whole tiles; K and N off the
  // panels and groups.
  const int64_t shapes[][3] = {{1, 64, 40},  {1, 72, 300},  {3, 36, 17},
                               {4, 128, 33}, {17, 100, 70}, {30, 260, 129},
                               {128, 64, 16}};
  for (const auto &s : shapes) {
    int64_t m = s[0], k = s[1], n = s[2];
    if (avx2) {
      checkF32("f32_avx2", _mlir_ciface_sqz_cpu_gemm_f32_avx2,
               kGemmF32Avx2Layout, m, k, n);
      checkS8("s8_avx2", _mlir_ciface_sqz_cpu_gemm_s8_avx2, nullptr,
              kGemmS8Avx2Layout, m, k, n);
      checkS8Scaled("s8_scaled_avx2", _mlir_ciface_sqz_cpu_gemm_s8_scaled_avx2,
                    nullptr, kGemmS8Avx2Layout, m, k, n, m % 2 == 1);
      checkS8Scaled("s8_scaled_avx2", _mlir_ciface_sqz_cpu_gemm_s8_scaled_avx2,
                    nullptr, kGemmS8Avx2Layout, m, k, n, true, Tail::Addend);
      checkQuant("q8_avx2", _mlir_ciface_sqz_cpu_gemm_q8_avx2,
                 kGemmQuantAvx2Layout, 8, m, k, n, k, false);
      checkQuant("q4_avx2", _mlir_ciface_sqz_cpu_gemm_q4_avx2,
                 kGemmQuantAvx2Layout, 4, m, k, n, 4, true);
      checkSparse24(m, k, n);
      checkBatchF32("batch_matmul_f32_avx2",
                    _mlir_ciface_sqz_cpu_batch_matmul_f32_avx2, m, k, n);
    }
    if (avx512) {
      checkF32("f32_avx512", _mlir_ciface_sqz_cpu_gemm_f32_avx512,
               kGemmF32Avx512Layout, m, k, n);
      checkQuant("q8_avx512", _mlir_ciface_sqz_cpu_gemm_q8_avx512,
                 kGemmQuantAvx512Layout, 8, m, k, n, k, false);
      checkQuant("q4_avx512", _mlir_ciface_sqz_cpu_gemm_q4_avx512,
                 kGemmQuantAvx512Layout, 4, m, k, n, 4, true);
      checkBatchF32("batch_matmul_f32_avx512",
                    _mlir_ciface_sqz_cpu_batch_matmul_f32_avx512, m, k, n);
      checkSparse24F32("sp24_f32_avx512",
                       _mlir_ciface_sqz_cpu_gemm_sp24_f32_avx512, m, k, n);
    }
    if (avx512) {
      checkQuantizeRows(m, k, /*narrow=*/m % 2 == 1, /*columnMajor=*/false);
      checkSoftmax(m, k, /*columnMajor=*/false);
      checkMaskedSoftmax(2, 3, m, k, /*divides=*/m % 2 == 1, /*masked=*/true,
                         /*perRowMask=*/true);
      checkLayerNorm(m, k, /*f64Variance=*/m % 2 == 0, /*columnMajor=*/false);
    }
    if (vnni) {
      checkS8("s8_avx512vnni", nullptr, _mlir_ciface_sqz_cpu_gemm_s8_avx512vnni,
              kGemmS8Avx512VnniLayout, m, k, n);
      checkS8Scaled("s8_scaled_avx512vnni", nullptr,
                    _mlir_ciface_sqz_cpu_gemm_s8_scaled_avx512vnni,
                    kGemmS8Avx512VnniLayout, m, k, n, m % 2 == 0);
      for (Tail tail : {Tail::Addend, Tail::Gelu})
        checkS8Scaled("s8_scaled_avx512vnni", nullptr,
                      _mlir_ciface_sqz_cpu_gemm_s8_scaled_avx512vnni,
                      kGemmS8Avx512VnniLayout, m, k, n, true, tail);
      checkS8Quantized(m, k, n, m % 2 == 1, /*columnMajor=*/false);
      checkS8Quantized(m, k, n, true, false,
                       m % 2 == 1 ? Tail::Gelu : Tail::Addend);
      // Per channel (one group of K, any K) and per group of 4 with zero
      // points.
      checkQuantA8("q8a8_avx512vnni", _mlir_ciface_sqz_cpu_gemm_q8a8_avx512vnni,
                   8, m, k, n, k, false);
      checkQuantA8("q4a8_avx512vnni", _mlir_ciface_sqz_cpu_gemm_q4a8_avx512vnni,
                   4, m, k, n, k, false);
      checkQuantA8("q4a8_avx512vnni", _mlir_ciface_sqz_cpu_gemm_q4a8_avx512vnni,
                   4, m, k, n, 4, true);
      // K off the quads: one group, the last quad zero-padded.
      checkQuantA8("q4a8_avx512vnni", _mlir_ciface_sqz_cpu_gemm_q4a8_avx512vnni,
                   4, m, k + 3, n, k + 3, true);
      checkQuantA8("q8a8_avx512vnni", _mlir_ciface_sqz_cpu_gemm_q8a8_avx512vnni,
                   8, m, k + 1, n, k + 1, false, /*columnMajorA=*/true);
    }
  }
  // Threads split the output columns: the same sums, bit for bit (the last
  // kernel call of each check is the one compared).
  if (avx2) {
    const int64_t m = 64, k = 512, n = 200;
    checkThreadSplit("f32_avx2", [&] {
      checkF32("f32_avx2", _mlir_ciface_sqz_cpu_gemm_f32_avx2,
               kGemmF32Avx2Layout, m, k, n);
    });
    checkThreadSplit("q4_avx2", [&] {
      checkQuant("q4_avx2", _mlir_ciface_sqz_cpu_gemm_q4_avx2,
                 kGemmQuantAvx2Layout, 4, m, k, n, 128, true);
    });
    checkThreadSplit("sp24_s8_avx2", [&] { checkSparse24(m, k, n); });
    if (avx512) {
      checkErf();
      checkQuantizeRows(m, k + 3, false, /*columnMajor=*/true);
      checkThreadSplit("quantize_rows_s8_avx512",
                       [&] { checkQuantizeRows(m, k + 3, false, false); });
      checkSoftmax(m, 1, /*columnMajor=*/false);
      checkSoftmax(m, 7, /*columnMajor=*/true);
      checkThreadSplit("softmax_rows_f32_avx512",
                       [&] { checkSoftmax(m, k + 3, false); });
      checkMaskedSoftmax(2, 5, m, k + 1, false, /*masked=*/true,
                         /*perRowMask=*/false);
      checkMaskedSoftmax(1, 4, m, k, true, /*masked=*/false, false);
      checkLayerNorm(m, 7, true, /*columnMajor=*/true);
      checkThreadSplit("layer_norm_rows_f32_avx512",
                       [&] { checkLayerNorm(m, k + 3, true, false); });
      checkThreadSplit("softmax_rows_masked_f32_avx512", [&] {
        checkMaskedSoftmax(3, 2, m, k + 3, false, true, true);
      });
      // One row goes through up to four panels at once: a lone panel, and
      // the threads splitting a row's panels.
      checkF32("f32_avx512", _mlir_ciface_sqz_cpu_gemm_f32_avx512,
               kGemmF32Avx512Layout, 1, k, 8);
      checkSparse24F32("sp24_f32_avx512",
                       _mlir_ciface_sqz_cpu_gemm_sp24_f32_avx512, 1, k, 8);
      checkThreadSplit("f32_avx512 one row", [&] {
        checkF32("f32_avx512", _mlir_ciface_sqz_cpu_gemm_f32_avx512,
                 kGemmF32Avx512Layout, 1, 2048, 1100);
      });
      if (vnni)
        checkThreadSplit("s8_avx512vnni one row", [&] {
          checkS8("s8_avx512vnni", nullptr,
                  _mlir_ciface_sqz_cpu_gemm_s8_avx512vnni,
                  kGemmS8Avx512VnniLayout, 1, 2048, 1100);
        });
      checkThreadSplit("sp24_f32_avx512 one row", [&] {
        checkSparse24F32("sp24_f32_avx512",
                         _mlir_ciface_sqz_cpu_gemm_sp24_f32_avx512, 1, 2048,
                         2100);
      });
    }
    if (vnni) {
      checkS8Quantized(m, k + 1, n, true, /*columnMajor=*/true);
      checkThreadSplit("s8_quantized_avx512vnni",
                       [&] { checkS8Quantized(m, k, n, false, false); });
    }
    if (vnni)
      checkThreadSplit("q4a8_avx512vnni", [&] {
        checkQuantA8("q4a8_avx512vnni",
                     _mlir_ciface_sqz_cpu_gemm_q4a8_avx512vnni, 4, m, k, n, 128,
                     true);
      });
    // The threads split the batch elements.
    checkThreadSplit("batch_matmul_f32_avx2", [&] {
      checkBatchF32("batch_matmul_f32_avx2",
                    _mlir_ciface_sqz_cpu_batch_matmul_f32_avx2, 128, 64, 128);
    });
  }
  checkBufferCache();
  std::printf("%s: %d checks, %d problem(s)\n", problems ? "FAIL" : "PASS",
              checks, problems);
  return problems ? 1 : 0;
}
