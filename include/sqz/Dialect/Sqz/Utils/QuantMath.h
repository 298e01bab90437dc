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

#include <cstdint>
#include <vector>

namespace mlir::sqz {

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
