//===- QuantMath.cpp - Quantization arithmetic on raw buffers -------------===//

#include "sqz/Dialect/Sqz/Utils/QuantMath.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::sqz;

void mlir::sqz::unitParams(float lo, float hi, QuantAttr quant, float &scale,
                           int32_t &zeroPoint) {
  const float qmin = quant.getStorageMin(), qmax = quant.getStorageMax();
  if (quant.getSymmetric())
    scale = std::max(-lo, hi) / qmax;
  else
    scale = (hi - lo) / (qmax - qmin);
  if (scale == 0.0f)
    scale = 1.0f;
  zeroPoint = 0;
  if (!quant.getSymmetric())
    zeroPoint = static_cast<int32_t>(
        std::clamp(qmin - std::nearbyint(lo / scale), qmin, qmax));
}

bool mlir::sqz::quantizeBuffer(ArrayRef<float> values, ArrayRef<int64_t> shape,
                               QuantAttr quant, QuantizedBuffer &result,
                               int64_t &badIndex) {
  for (size_t i = 0, e = values.size(); i < e; ++i) {
    if (!std::isfinite(values[i])) {
      badIndex = i;
      return false;
    }
  }

  ParamLayout layout(shape, quant);
  int64_t numParams = layout.numParams();
  std::vector<float> lo(numParams, 0.0f), hi(numParams, 0.0f);
  layout.forEach([&](int64_t flat, int64_t param) {
    lo[param] = std::min(lo[param], values[flat]);
    hi[param] = std::max(hi[param], values[flat]);
  });

  const float qmin = quant.getStorageMin(), qmax = quant.getStorageMax();
  bool symmetric = quant.getSymmetric();
  result.scales.assign(numParams, 1.0f);
  result.zeroPoints.assign(symmetric ? 0 : numParams, 0);
  for (int64_t p = 0; p < numParams; ++p) {
    int32_t zeroPoint;
    unitParams(lo[p], hi[p], quant, result.scales[p], zeroPoint);
    if (!symmetric)
      result.zeroPoints[p] = zeroPoint;
  }

  result.codes.resize(values.size());
  const float *scales = result.scales.data();
  const int32_t *zeroPoints = result.zeroPoints.data();
  double signal = 0.0, error = 0.0;
  layout.forEach([&](int64_t flat, int64_t param) {
    float value = values[flat];
    float zeroPoint = symmetric ? 0.0f : static_cast<float>(zeroPoints[param]);
    float code = roundToCode(value, scales[param], zeroPoint, qmin, qmax);
    // Through int32: unsigned 8-bit codes (128..255) do not fit int8_t and
    // a float to int8_t conversion of them is undefined; the integer one
    // wraps to the same byte.
    result.codes[flat] = static_cast<int8_t>(static_cast<int32_t>(code));
    double restored = double(code - zeroPoint) * scales[param];
    signal += double(value) * value;
    error += (value - restored) * (value - restored);
  });
  result.signalEnergy = signal;
  result.errorEnergy = error;
  return true;
}
