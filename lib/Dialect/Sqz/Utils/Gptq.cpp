//===- Gptq.cpp - GPTQ weight quantization --------------------------------===//
//
// The blocked GPTQ algorithm, in double precision:
//
//   1. H = XᵀX; an input channel never seen active (H[k, k] == 0) gets
//      H[k, k] = 1 and zero weights;
//   2. act-order: channels are permuted by decreasing diag(H);
//   3. H += damp * mean(diag(H)) * I;
//   4. U = the upper Cholesky factor of H⁻¹ (H⁻¹ = UᵀU);
//   5. channels are taken in blocks of `blockSize`; within a block, channel k
//      is quantized (all output channels at once), its error
//      e = (w - q) / U[k, k] is subtracted, times U[k, j], from the block's
//      later channels j, and at the end of the block the errors of all its
//      channels are applied to the channels after it in one update.
//
// Per-group parameters are computed when the group's first channel (in
// processing order) is reached, from the current weights of all the group's
// channels: for a channel in the current block its updated value, for one
// after it its value with the pending updates of the block applied. This is
// what the unblocked algorithm sees, so the result does not depend on the
// block size. Groups are the scheme's contiguous groups of input channels
// (in the original order) also under act-order, so the result is stored as
// any per-group weight.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/Utils/Gptq.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

using namespace mlir;
using namespace mlir::sqz;

/// Replaces the symmetric positive definite `a` (`n x n`, row-major) by its
/// lower Cholesky factor L (`a = LLᵀ`; the upper triangle is zeroed).
/// Returns false when a pivot is not positive.
static bool choleskyLower(std::vector<double> &a, int64_t n) {
  for (int64_t j = 0; j < n; ++j) {
    double pivot = a[j * n + j];
    for (int64_t k = 0; k < j; ++k)
      pivot -= a[j * n + k] * a[j * n + k];
    if (!(pivot > 0.0) || !std::isfinite(pivot))
      return false;
    double diag = std::sqrt(pivot);
    a[j * n + j] = diag;
    for (int64_t i = j + 1; i < n; ++i) {
      double sum = a[i * n + j];
      for (int64_t k = 0; k < j; ++k)
        sum -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = sum / diag;
    }
    for (int64_t k = j + 1; k < n; ++k)
      a[j * n + k] = 0.0;
  }
  return true;
}

/// The upper Cholesky factor U of the inverse of the symmetric positive
/// definite `h` (`H⁻¹ = UᵀU`). Returns false when a factorization fails.
static bool upperCholeskyOfInverse(std::vector<double> h, int64_t n,
                                   std::vector<double> &u) {
  if (!choleskyLower(h, n))
    return false;
  // M = L⁻¹ (lower triangular), row by row:
  // M[i] = (e_i - sum_{k<i} L[i, k] M[k]) / L[i, i].
  std::vector<double> m(n * n, 0.0);
  for (int64_t i = 0; i < n; ++i) {
    double *row = &m[i * n];
    row[i] = 1.0;
    for (int64_t k = 0; k < i; ++k) {
      double factor = h[i * n + k];
      const double *other = &m[k * n];
      for (int64_t j = 0; j <= k; ++j)
        row[j] -= factor * other[j];
    }
    for (int64_t j = 0; j <= i; ++j)
      row[j] /= h[i * n + i];
  }
  // H⁻¹ = MᵀM, from the rows of T = Mᵀ.
  std::vector<double> t(n * n);
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j < n; ++j)
      t[j * n + i] = m[i * n + j];
  std::vector<double> inverse(n * n, 0.0);
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t j = 0; j <= i; ++j) {
      double sum = 0.0;
      for (int64_t k = i; k < n; ++k)
        sum += t[i * n + k] * t[j * n + k];
      inverse[i * n + j] = inverse[j * n + i] = sum;
    }
  }
  if (!choleskyLower(inverse, n))
    return false;
  u.assign(n * n, 0.0);
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = 0; j <= i; ++j)
      u[j * n + i] = inverse[i * n + j];
  return true;
}

bool mlir::sqz::gptqQuantize(ArrayRef<float> values, ArrayRef<int64_t> shape,
                             bool transposed, QuantAttr quant,
                             ArrayRef<double> hessian,
                             const GptqOptions &options, ArrayRef<bool> keep,
                             QuantizedBuffer &result, std::string &why) {
  int64_t rank = shape.size();
  int64_t K = shape[rank - (transposed ? 1 : 2)];
  int64_t N = shape[rank - (transposed ? 2 : 1)];
  int64_t batches = rank == 3 ? shape[0] : 1;
  auto flatIndex = [&](int64_t b, int64_t k, int64_t n) {
    return transposed ? (b * N + n) * K + k : (b * K + k) * N + n;
  };

  // Dead channels, order, dampening, U.
  std::vector<double> h(hessian.begin(), hessian.end());
  std::vector<bool> dead(K, false);
  for (int64_t k = 0; k < K; ++k) {
    if (h[k * K + k] == 0.0) {
      dead[k] = true;
      h[k * K + k] = 1.0;
    }
  }
  std::vector<int64_t> perm(K);
  std::iota(perm.begin(), perm.end(), 0);
  if (options.actOrder)
    std::sort(perm.begin(), perm.end(), [&](int64_t a, int64_t b) {
      double da = h[a * K + a], db = h[b * K + b];
      return da > db || (da == db && a < b);
    });
  std::vector<double> permuted(K * K);
  double meanDiag = 0.0;
  for (int64_t i = 0; i < K; ++i) {
    for (int64_t j = 0; j < K; ++j)
      permuted[i * K + j] = h[perm[i] * K + perm[j]];
    meanDiag += permuted[i * K + i];
  }
  meanDiag /= K;
  for (int64_t i = 0; i < K; ++i)
    permuted[i * K + i] += options.damp * meanDiag;
  std::vector<double> u;
  if (!upperCholeskyOfInverse(std::move(permuted), K, u)) {
    why = "the dampened Hessian is not positive definite (Cholesky failed)";
    return false;
  }

  ParamLayout layout(shape, quant);
  bool perGroup = quant.getGranularity() == GranularityKind::PerGroup;
  int64_t groupSize = perGroup ? quant.getGroupSize() : K;
  bool symmetric = quant.getSymmetric();
  const double qmin = quant.getStorageMin(), qmax = quant.getStorageMax();
  llvm::SmallVector<float> scales = result.scales;
  llvm::SmallVector<int32_t> zeroPoints = result.zeroPoints;
  std::vector<int8_t> codes(values.size());
  // The position in processing order of every input channel.
  std::vector<int64_t> position(K);
  for (int64_t i = 0; i < K; ++i)
    position[perm[i]] = i;

  int64_t blockSize = std::max<int64_t>(options.blockSize, 1);
  for (int64_t b = 0; b < batches; ++b) {
    // w[i * N + n]: the weight of input channel perm[i], output channel n.
    std::vector<double> w(K * N);
    std::vector<bool> pruned(K * N, false);
    for (int64_t i = 0; i < K; ++i) {
      for (int64_t n = 0; n < N; ++n) {
        int64_t flat = flatIndex(b, perm[i], n);
        w[i * N + n] = dead[perm[i]] ? 0.0 : double(values[flat]);
        pruned[i * N + n] = !keep.empty() && !keep[flat];
      }
    }
    std::vector<bool> groupStarted(K / groupSize + 1, false);
    std::vector<double> err(blockSize * N);
    for (int64_t i1 = 0; i1 < K; i1 += blockSize) {
      int64_t i2 = std::min(i1 + blockSize, K);
      // The current weight of channel (in processing order) p >= i while
      // channel i of the block is processed.
      auto current = [&](int64_t p, int64_t i, int64_t n) {
        double value = w[p * N + n];
        if (p >= i2)
          for (int64_t j = i1; j < i; ++j)
            value -= err[(j - i1) * N + n] * u[j * K + p];
        return value;
      };
      for (int64_t i = i1; i < i2; ++i) {
        int64_t channel = perm[i];
        int64_t group = channel / groupSize;
        if (perGroup && !groupStarted[group]) {
          groupStarted[group] = true;
          for (int64_t n = 0; n < N; ++n) {
            double lo = 0.0, hi = 0.0;
            for (int64_t c = group * groupSize; c < (group + 1) * groupSize;
                 ++c) {
              int64_t p = position[c];
              if (pruned[p * N + n])
                continue;
              double value = current(p, i, n);
              lo = std::min(lo, value);
              hi = std::max(hi, value);
            }
            int64_t param =
                layout.paramIndex(flatIndex(b, group * groupSize, n));
            int32_t zeroPoint;
            unitParams(static_cast<float>(lo), static_cast<float>(hi), quant,
                       scales[param], zeroPoint);
            if (!symmetric)
              zeroPoints[param] = zeroPoint;
          }
        }
        double d = u[i * K + i];
        double *e = &err[(i - i1) * N];
        for (int64_t n = 0; n < N; ++n) {
          int64_t flat = flatIndex(b, channel, n);
          int64_t param = layout.paramIndex(flat);
          double scale = scales[param];
          double zeroPoint = symmetric ? 0.0 : zeroPoints[param];
          double value = w[i * N + n];
          double code = pruned[i * N + n]
                            ? zeroPoint
                            : roundToCode(value, scale, zeroPoint, qmin, qmax);
          codes[flat] = static_cast<int8_t>(static_cast<int32_t>(code));
          e[n] = (value - (code - zeroPoint) * scale) / d;
        }
        for (int64_t j = i + 1; j < i2; ++j) {
          double factor = u[i * K + j];
          double *row = &w[j * N];
          for (int64_t n = 0; n < N; ++n)
            row[n] -= e[n] * factor;
        }
      }
      // The lazy batch update of the channels after the block (in the
      // order of `current`: the block's channels one after the other).
      for (int64_t p = i2; p < K; ++p) {
        double *row = &w[p * N];
        for (int64_t j = i1; j < i2; ++j) {
          double factor = u[j * K + p];
          const double *e = &err[(j - i1) * N];
          for (int64_t n = 0; n < N; ++n)
            row[n] -= e[n] * factor;
        }
      }
    }
  }

  double signal = 0.0, error = 0.0;
  layout.forEach([&](int64_t flat, int64_t param) {
    double zeroPoint = symmetric ? 0.0 : zeroPoints[param];
    double restored = (codes[flat] - zeroPoint) * scales[param];
    double value = values[flat];
    signal += value * value;
    error += (value - restored) * (value - restored);
  });
  result.codes = std::move(codes);
  result.scales = std::move(scales);
  result.zeroPoints = std::move(zeroPoints);
  result.signalEnergy = signal;
  result.errorEnergy = error;
  return true;
}
