//===- WeightConstants.cpp - Reading constant weights ---------------------===//

#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/bit.h"

#include <cstdint>
#include <cstring>

using namespace mlir;
using namespace mlir::sqz;

/// The f32 of the same value as the IEEE half `bits` (exact: every half is an
/// f32).
static float halfToFloat(uint16_t bits) {
  uint32_t sign = static_cast<uint32_t>(bits & 0x8000) << 16;
  uint32_t exponent = (bits >> 10) & 0x1f;
  uint32_t mantissa = bits & 0x3ff;
  if (exponent == 0x1f) // Infinity or NaN, payload kept.
    return llvm::bit_cast<float>(sign | 0x7f800000 | (mantissa << 13));
  if (exponent == 0) {
    // Zero or subnormal: mantissa * 2^-24, exact in f32.
    float magnitude = static_cast<float>(mantissa) * 0x1p-24f;
    return llvm::bit_cast<float>(sign | llvm::bit_cast<uint32_t>(magnitude));
  }
  return llvm::bit_cast<float>(sign | ((exponent + 127 - 15) << 23) |
                               (mantissa << 13));
}

/// The f32 of the same value as the bfloat16 `bits`: its upper half.
static float bfloat16ToFloat(uint16_t bits) {
  return llvm::bit_cast<float>(static_cast<uint32_t>(bits) << 16);
}

/// The attribute that holds the value of `value`, and the op it sits on.
static std::pair<Attribute, Operation *> findConstantValue(Value value,
                                                           std::string &why) {
  if (auto constant = value.getDefiningOp<arith::ConstantOp>())
    return {constant.getValue(), constant};
  auto load = value.getDefiningOp<ml_program::GlobalLoadConstOp>();
  if (!load) {
    why = "weight is not a constant";
    return {};
  }
  auto global = SymbolTable::lookupNearestSymbolFrom<ml_program::GlobalOp>(
      load, load.getGlobalAttr());
  if (!global || global.getIsMutable()) {
    why = "weight global is not an immutable ml_program.global";
    return {};
  }
  std::optional<Attribute> initial = global.getValue();
  if (!initial) {
    why = "weight global has no value";
    return {};
  }
  return {*initial, global};
}

std::optional<ConstantBytes> mlir::sqz::readConstantBytes(Value value,
                                                          std::string &why) {
  auto [attr, holder] = findConstantValue(value, why);
  if (!attr)
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(value.getType());
  auto typed = dyn_cast<TypedAttr>(attr);
  if (!type || !typed || typed.getType() != type) {
    why = "weight constant does not have the weight's tensor type";
    return std::nullopt;
  }
  // Sub-byte integers (i4 and i2 codes) are held one to a byte.
  Type elementType = type.getElementType();
  if (!elementType.isIntOrFloat() || elementType.isInteger(1) ||
      (!elementType.isInteger() &&
       elementType.getIntOrFloatBitWidth() % 8 != 0)) {
    why = "weight's elements are neither whole bytes nor sub-byte integers";
    return std::nullopt;
  }

  ConstantBytes bytes;
  bytes.type = type;
  bytes.definingOp = holder;
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    bytes.raw = dense.getRawData();
    bytes.splat = dense.isSplat();
  } else if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    bytes.raw = resource.getData();
  } else {
    why = "weight constant is neither dense nor dense_resource";
    return std::nullopt;
  }
  size_t count = type.getNumElements();
  size_t width = (elementType.getIntOrFloatBitWidth() + 7) / 8;
  if (bytes.raw.size() != (bytes.splat ? 1 : count) * width) {
    why = "weight's dense_resource blob is missing or of the wrong size";
    return std::nullopt;
  }
  return bytes;
}

std::optional<WeightData> mlir::sqz::readConstantWeight(Value value,
                                                        std::string &why) {
  std::optional<ConstantBytes> bytes = readConstantBytes(value, why);
  if (!bytes)
    return std::nullopt;
  Type elementType = bytes->type.getElementType();
  if (!elementType.isF32() && !elementType.isF16() && !elementType.isBF16()) {
    why = "weight is not an f32, f16 or bf16 tensor";
    return std::nullopt;
  }
  ArrayRef<char> raw = bytes->raw;
  bool splat = bytes->splat;
  size_t count = bytes->type.getNumElements();
  Operation *holder = bytes->definingOp;

  WeightData data;
  data.definingOp = holder;
  if (elementType.isF32()) {
    if (splat) {
      float value;
      std::memcpy(&value, raw.data(), sizeof(float));
      data.copy.assign(count, value);
    } else if (reinterpret_cast<uintptr_t>(raw.data()) % alignof(float) == 0) {
      data.values =
          ArrayRef<float>(reinterpret_cast<const float *>(raw.data()), count);
      return data;
    } else {
      data.copy.resize(count);
      std::memcpy(data.copy.data(), raw.data(), raw.size());
    }
    data.values = data.copy;
    return data;
  }

  // f16 and bf16 widen to f32 exactly, from their bits.
  float (*widen)(uint16_t) =
      elementType.isF16() ? halfToFloat : bfloat16ToFloat;
  data.copy.resize(count);
  for (size_t i = 0; i < count; ++i) {
    uint16_t bits;
    std::memcpy(&bits, raw.data() + (splat ? 0 : i * 2), sizeof(bits));
    data.copy[i] = widen(bits);
  }
  data.values = data.copy;
  return data;
}
