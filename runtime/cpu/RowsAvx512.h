//===- RowsAvx512.h - What the AVX-512 row kernels share --------*- C++ -*-===//
//
// The kernels that work through a row 16 lanes at a time (quantization,
// softmax, layer norm): the mask of a row's last lanes, a load of 16 lanes
// of a row of any stride, and x / d for many x and one d
// as the true division rounds it, from d's reciprocal and one fused
// correction per vector instead of a `vdivps` (about 16 times the cost of
// a multiply-add).
//
// AVX-512 intrinsics with internal linkage: include it only inside a region
// compiled for AVX-512 F and FMA.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CPU_ROWSAVX512_H
#define SQZ_RUNTIME_CPU_ROWSAVX512_H

#include <immintrin.h>

#include <cstdint>

namespace sqzrt {
namespace {

constexpr int64_t kRowLanes = 16;
/// Rows per parallel iteration of a row kernel: a few rows' work outweighs
/// taking an iteration.
constexpr int64_t kRowsPerTask = 8;

/// The lanes of the first `count` (at most 16) elements.
inline __mmask16 firstLanes(int64_t count) {
  return count >= kRowLanes ? __mmask16(0xffff) : __mmask16((1u << count) - 1);
}

/// `count` elements from `x`, `stride` apart, into the first lanes.
inline __m512 loadLanes(const float *x, int64_t stride, int64_t count,
                        __mmask16 lanes) {
  if (stride == 1)
    return _mm512_maskz_loadu_ps(lanes, x);
  alignas(64) float gathered[kRowLanes] = {};
  for (int64_t i = 0; i < kRowLanes && i < count; ++i)
    gathered[i] = x[i * stride];
  return _mm512_maskz_load_ps(lanes, gathered);
}

/// Division of vectors by one divisor. With `recip` = 1 / d correctly
/// rounded, q0 = x * recip is within an ulp of the quotient, the remainder
/// x - q0 * d is exact in one fused multiply-add, and q0 + remainder *
/// recip is the correctly rounded quotient (Markstein's theorem) as long as
/// the remainder does not underflow: for divisors within [2^-80, 2^100]
/// and dividends of magnitude 2^-100 and above (checked on 640 million
/// random pairs, a third of them beside the half steps of a quantizer).
/// Smaller dividends give quotients below 2^-20, which may be an ulp off
/// (and round to the code 0 all the same). Other divisors (and NaN or
/// infinite ones) divide.
struct ExactDivision {
  __m512 divisor, recip;
  bool viaReciprocal;
  explicit ExactDivision(float value)
      : divisor(_mm512_set1_ps(value)), recip(_mm512_set1_ps(1.0f / value)),
        viaReciprocal(value >= 0x1p-80f && value <= 0x1p100f) {}

  /// For finite x (an infinite one gives NaN: its remainder is inf - inf).
  __m512 divide(__m512 x) const {
    if (!viaReciprocal)
      return _mm512_div_ps(x, divisor);
    __m512 q = _mm512_mul_ps(x, recip);
    __m512 remainder = _mm512_fnmadd_ps(q, divisor, x);
    return _mm512_fmadd_ps(remainder, recip, q);
  }

  /// For any x: an infinite x gives x * (1 / d), the infinity the true
  /// quotient is.
  __m512 divideAll(__m512 x) const {
    if (!viaReciprocal)
      return _mm512_div_ps(x, divisor);
    __mmask16 infinite = _mm512_cmp_ps_mask(
        _mm512_abs_ps(x), _mm512_set1_ps(__builtin_inff()), _CMP_EQ_OQ);
    return _mm512_mask_mul_ps(divide(x), infinite, x, recip);
  }
};

} // namespace
} // namespace sqzrt

#endif // SQZ_RUNTIME_CPU_ROWSAVX512_H
