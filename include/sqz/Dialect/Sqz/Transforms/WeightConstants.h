//===- WeightConstants.h - Reading constant weights -------------*- C++ -*-===//
//
// Finds the constant behind a weight operand and reads its data as a float
// buffer without going element by element through attributes.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_WEIGHTCONSTANTS_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_WEIGHTCONSTANTS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Value.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <vector>

namespace mlir::sqz {

/// The data of a constant f32 weight. `values` points into the attribute's
/// own storage when it can, else into `copy`.
struct WeightData {
  ArrayRef<float> values;
  std::vector<float> copy;
  Operation *definingOp = nullptr;
};

/// Reads the f32 constant that `value` is (an `arith.constant` with a
/// `dense` or `dense_resource` value). Returns std::nullopt and sets `why`
/// when it is not one.
std::optional<WeightData> readConstantWeight(Value value, std::string &why);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_WEIGHTCONSTANTS_H
