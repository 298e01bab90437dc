//===- WeightConstants.cpp - Reading constant weights ---------------------===//

#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectResourceBlobManager.h"

#include <cstring>

using namespace mlir;
using namespace mlir::sqz;

std::optional<WeightData> mlir::sqz::readConstantWeight(Value value,
                                                        std::string &why) {
  auto constant = value.getDefiningOp<arith::ConstantOp>();
  if (!constant) {
    why = "weight is not a constant";
    return std::nullopt;
  }
  auto type = dyn_cast<RankedTensorType>(constant.getType());
  if (!type || !type.getElementType().isF32()) {
    why = "weight is not an f32 tensor";
    return std::nullopt;
  }

  WeightData data;
  data.definingOp = constant;
  if (auto dense = dyn_cast<DenseElementsAttr>(constant.getValue())) {
    ArrayRef<char> raw = dense.getRawData();
    if (dense.isSplat()) {
      float splat;
      std::memcpy(&splat, raw.data(), sizeof(float));
      data.copy.assign(type.getNumElements(), splat);
      data.values = data.copy;
    } else if (reinterpret_cast<uintptr_t>(raw.data()) % alignof(float) == 0) {
      data.values = ArrayRef<float>(reinterpret_cast<const float *>(raw.data()),
                                    type.getNumElements());
    } else {
      data.copy.resize(type.getNumElements());
      std::memcpy(data.copy.data(), raw.data(), raw.size());
      data.values = data.copy;
    }
    return data;
  }
  if (auto resource =
          dyn_cast<DenseF32ResourceElementsAttr>(constant.getValue())) {
    std::optional<ArrayRef<float>> blob = resource.tryGetAsArrayRef();
    if (!blob || static_cast<int64_t>(blob->size()) != type.getNumElements()) {
      why = "weight's dense_resource blob is missing or of the wrong size";
      return std::nullopt;
    }
    data.values = *blob;
    return data;
  }
  why = "weight constant is neither dense nor dense_resource";
  return std::nullopt;
}
