//===- ErfAvx512.h - erf and GELU on 16 lanes, AVX-512 ----------*- C++ -*-===//
//
// erf(x) = x * g(|x|) with g(x) = erf(x) / x, one polynomial of degree 5 per
// interval of width 1/4 on [0, 4), in the offset from the interval's centre;
// the coefficients of every interval sit in six vectors, and each lane picks
// its own with one `vpermps` per coefficient (a lookup instead of a
// division, which the rational forms of erf need). From 3.919206, where the
// float erf is 1, exactly 1. Within 2 ulp of the exact erf over the floats
// (1.99 ulp at most, 0.44 on average, on a grid of a million points and the
// decades down to 1e-30; `scripts/fit-erf.py` fits the table and measures
// it, sqz-kernel-check measures this code). erf(-x) = -erf(x), +-0 and
// +-inf give +-0 and +-1, NaN stays NaN.
//
// GELU in its erf form, x * ((erf(x / sqrt 2) + 1) * 0.5), in the order of
// operations of torch's decomposition (the division through ExactDivision,
// so the true quotient).
//
// AVX-512 intrinsics with internal linkage: include it only inside a region
// compiled for AVX-512 F and DQ and FMA.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CPU_ERFAVX512_H
#define SQZ_RUNTIME_CPU_ERFAVX512_H

#include "RowsAvx512.h"

#include <immintrin.h>

namespace sqzrt {
namespace {

/// kErfTable[d][i]: the coefficient of t^d on interval i ([i / 4, (i + 1) /
/// 4)), from scripts/fit-erf.py.
alignas(64) constexpr float kErfTable[6][16] = {
    {1.122529626e+00f, 1.077645063e+00f, 9.971854091e-01f, 8.960857987e-01f,
     7.896784544e-01f, 6.895782351e-01f, 6.021192074e-01f, 5.290613770e-01f,
     4.693392813e-01f, 4.207229614e-01f, 3.808741570e-01f, 3.478094339e-01f,
     3.199968338e-01f, 2.962957621e-01f, 2.758619785e-01f, 2.580645084e-01f},
    {-9.315495193e-02f, -2.594460845e-01f, -3.738974035e-01f, -4.243894219e-01f,
     -4.190261960e-01f, -3.776134253e-01f, -3.210135102e-01f, -2.642749548e-01f,
     -2.150581032e-01f, -1.754595786e-01f, -1.446576267e-01f, -1.208762452e-01f,
     -1.023782641e-01f, -8.778756112e-02f, -7.609924674e-02f,
     -6.659720093e-02f},
    {-3.656423092e-01f, -2.884952724e-01f, -1.652648598e-01f, -3.973095119e-02f,
     5.419180915e-02f, 1.042674109e-01f, 1.170747355e-01f, 1.074013934e-01f,
     8.886349201e-02f, 6.987151504e-02f, 5.395989493e-02f, 4.175369814e-02f,
     3.269626945e-02f, 2.599835768e-02f, 2.099066600e-02f, 1.718602516e-02f},
    {5.537730828e-02f, 1.429853737e-01f, 1.753451526e-01f, 1.516021937e-01f,
     9.623072296e-02f, 3.903346881e-02f, -1.374103245e-03f, -2.131177112e-02f,
     -2.627103962e-02f, -2.363838255e-02f, -1.869320683e-02f, -1.400044560e-02f,
     -1.033481583e-02f, -7.675788365e-03f, -5.785376765e-03f,
     -4.434253555e-03f},
    {1.060546041e-01f, 6.269830465e-02f, 1.980584348e-03f, -4.440003633e-02f,
     -6.033743173e-02f, -5.043893680e-02f, -2.978686057e-02f, -1.127145905e-02f,
     -1.273889793e-04f, 4.376016092e-03f, 5.041306373e-03f, 4.212926608e-03f,
     3.131424077e-03f, 2.235501306e-03f, 1.589874038e-03f, 1.144511043e-03f},
    {-1.944789849e-02f, -4.622649774e-02f, -4.647810012e-02f, -2.557343431e-02f,
     -6.929084193e-04f, 1.438053697e-02f, 1.691670157e-02f, 1.206184644e-02f,
     5.922711920e-03f, 1.681020600e-03f, -3.055244742e-04f, -8.642913890e-04f,
     -8.152355440e-04f, -6.131732371e-04f, -4.275398387e-04f,
     -2.932560164e-04f},
};

/// The smallest float whose float erf is 1.
constexpr float kErfIsOneFrom = 3.919206f;

inline __m512 erfAvx512(__m512 x) {
  const __m512 signBit = _mm512_set1_ps(-0.0f);
  __m512 magnitude = _mm512_andnot_ps(signBit, x);
  // NaN stays NaN: `vminps` returns its second operand when either is NaN.
  __m512 clamped = _mm512_min_ps(_mm512_set1_ps(4.0f), magnitude);
  __m512i interval = _mm512_min_epi32(
      _mm512_cvttps_epi32(_mm512_mul_ps(clamped, _mm512_set1_ps(4.0f))),
      _mm512_set1_epi32(15));
  __m512 centre =
      _mm512_fmadd_ps(_mm512_cvtepi32_ps(interval), _mm512_set1_ps(0.25f),
                      _mm512_set1_ps(0.125f));
  __m512 t = _mm512_sub_ps(clamped, centre);
  __m512 p = _mm512_permutexvar_ps(interval, _mm512_load_ps(kErfTable[5]));
  for (int d = 4; d >= 0; --d)
    p = _mm512_fmadd_ps(
        p, t, _mm512_permutexvar_ps(interval, _mm512_load_ps(kErfTable[d])));
  __m512 value = _mm512_mul_ps(clamped, p);
  __mmask16 one =
      _mm512_cmp_ps_mask(magnitude, _mm512_set1_ps(kErfIsOneFrom), _CMP_GE_OQ);
  value = _mm512_mask_mov_ps(value, one, _mm512_set1_ps(1.0f));
  return _mm512_or_ps(value, _mm512_and_ps(signBit, x));
}

/// x * ((erf(x / sqrt 2) + 1) * 0.5).
inline __m512 geluErfAvx512(__m512 x) {
  const ExactDivision bySqrt2(1.41421354f);
  __m512 e = erfAvx512(bySqrt2.divideAll(x));
  return _mm512_mul_ps(x, _mm512_mul_ps(_mm512_add_ps(e, _mm512_set1_ps(1.0f)),
                                        _mm512_set1_ps(0.5f)));
}

} // namespace
} // namespace sqzrt

#endif // SQZ_RUNTIME_CPU_ERFAVX512_H
