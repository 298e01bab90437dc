//===- QuantMath.cpp - Quantization arithmetic on raw buffers -------------===//

#include "sqz/Dialect/Sqz/Utils/QuantMath.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir;
using namespace mlir::sqz;

namespace {
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
} // namespace

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
    float scale;
    if (symmetric) {
      scale = std::max(-lo[p], hi[p]) / qmax;
    } else {
      scale = (hi[p] - lo[p]) / (qmax - qmin);
    }
    if (scale == 0.0f)
      scale = 1.0f;
    result.scales[p] = scale;
    if (!symmetric) {
      float zeroPoint = qmin - std::nearbyint(lo[p] / scale);
      result.zeroPoints[p] =
          static_cast<int32_t>(std::clamp(zeroPoint, qmin, qmax));
    }
  }

  result.codes.resize(values.size());
  const float *scales = result.scales.data();
  const int32_t *zeroPoints = result.zeroPoints.data();
  double signal = 0.0, error = 0.0;
  layout.forEach([&](int64_t flat, int64_t param) {
    float value = values[flat];
    float zeroPoint = symmetric ? 0.0f : static_cast<float>(zeroPoints[param]);
    float code = std::clamp(std::nearbyint(value / scales[param]) + zeroPoint,
                            qmin, qmax);
    result.codes[flat] = static_cast<int8_t>(code);
    double restored = double(code - zeroPoint) * scales[param];
    signal += double(value) * value;
    error += (value - restored) * (value - restored);
  });
  result.signalEnergy = signal;
  result.errorEnergy = error;
  return true;
}
