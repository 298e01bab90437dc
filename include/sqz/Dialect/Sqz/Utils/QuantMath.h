//===- QuantMath.h - Quantization arithmetic on raw buffers -----*- C++ -*-===//
//
// The compile-time side of quantization: parameters and codes computed over
// plain float buffers, so that large constant weights are processed without
// touching MLIR attributes element by element.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_UTILS_QUANTMATH_H
#define SQZ_DIALECT_SQZ_UTILS_QUANTMATH_H

#include "sqz/Dialect/Sqz/IR/SqzAttrs.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace mlir::sqz {

/// A tensor viewed as `[outer, along, inner]` around the quantization axis,
/// with the number of scales and the scale index of each element.
struct ParamLayout {
  int64_t outer = 1, along = 1, inner = 1;
  GranularityKind granularity;
  int64_t groupSize = 1;

  ParamLayout(ArrayRef<int64_t> shape, QuantAttr quant)
      : granularity(quant.getGranularity()), groupSize(quant.getGroupSize()) {
    if (granularity == GranularityKind::PerTensor) {
      for (int64_t dim : shape)
        along *= dim;
      return;
    }
    int64_t axis = quant.getAxis();
    for (int64_t i = 0; i < axis; ++i)
      outer *= shape[i];
    along = shape[axis];
    for (size_t i = axis + 1; i < shape.size(); ++i)
      inner *= shape[i];
  }

  int64_t numParams() const {
    switch (granularity) {
    case GranularityKind::PerTensor:
      return 1;
    case GranularityKind::PerChannel:
      return along;
    case GranularityKind::PerGroup:
      return outer * (along / groupSize) * inner;
    }
    return 1;
  }

  /// The parameter index of the element at row-major index `flat`.
  int64_t paramIndex(int64_t flat) const {
    int64_t o = flat / (inner * along), a = (flat / inner) % along;
    switch (granularity) {
    case GranularityKind::PerTensor:
      return 0;
    case GranularityKind::PerChannel:
      return a;
    case GranularityKind::PerGroup:
      return (o * (along / groupSize) + a / groupSize) * inner + flat % inner;
    }
    return 0;
  }

  /// Calls `fn(flatIndex, paramIndex)` for every element, in memory order.
  template <typename Fn> void forEach(Fn fn) const {
    int64_t flat = 0;
    for (int64_t o = 0; o < outer; ++o) {
      for (int64_t a = 0; a < along; ++a) {
        int64_t base;
        switch (granularity) {
        case GranularityKind::PerTensor:
          base = 0;
          break;
        case GranularityKind::PerChannel:
          base = a;
          break;
        case GranularityKind::PerGroup:
          base = (o * (along / groupSize) + a / groupSize) * inner;
          break;
        }
        bool perElement = granularity == GranularityKind::PerGroup;
        for (int64_t i = 0; i < inner; ++i, ++flat)
          fn(flat, perElement ? base + i : base);
      }
    }
  }
};

/// The storage of one quantized tensor, in row-major order. Codes are held
/// one per byte whatever the storage width.
struct QuantizedBuffer {
  std::vector<int8_t> codes;
  llvm::SmallVector<float> scales;
  /// Empty for symmetric schemes.
  llvm::SmallVector<int32_t> zeroPoints;
  /// Sums over all elements of the squared value and of the squared
  /// quantization error (value - dequantized code), in double.
  double signalEnergy = 0.0;
  double errorEnergy = 0.0;
};

/// The scale and zero point (0 for symmetric schemes) of a granularity unit
/// of `quant` whose values span `[lo, hi]`, a range that includes zero: the
/// absolute maximum over `qmax` (symmetric) or the range over
/// `qmax - qmin` with `zeroPoint = clamp(qmin - round(lo / scale))`
/// (asymmetric). A unit of zeros gets scale 1.
void unitParams(float lo, float hi, QuantAttr quant, float &scale,
                int32_t &zeroPoint);

/// The code of `value`: `clamp(round_half_even(value / scale) + zeroPoint,
/// qmin, qmax)`, computed in `T` (float for round to nearest on float
/// weights, double for error-compensated weights).
template <typename T>
T roundToCode(T value, T scale, T zeroPoint, T qmin, T qmax) {
  return std::clamp(std::nearbyint(value / scale) + zeroPoint, qmin, qmax);
}

/// Quantizes `values` (row-major, of `shape`) with the scheme `quant` by
/// round to nearest: parameters from the absolute maximum (symmetric) or the
/// range including zero (asymmetric) of each granularity unit, then
/// `clamp(round_half_even(x / scale) + zero_point)`. A unit of zeros gets
/// scale 1. Returns false, with `badIndex` set to the flat index of the first
/// NaN or infinity, if there is one.
bool quantizeBuffer(llvm::ArrayRef<float> values, llvm::ArrayRef<int64_t> shape,
                    QuantAttr quant, QuantizedBuffer &result,
                    int64_t &badIndex);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_UTILS_QUANTMATH_H
