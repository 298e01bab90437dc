//===- WeightConstants.h - Reading constant weights -------------*- C++ -*-===//
//
// Finds the constant behind a weight operand and reads its data as a float
// buffer without going element by element through attributes.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_WEIGHTCONSTANTS_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_WEIGHTCONSTANTS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Value.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <vector>

namespace mlir::sqz {

/// The data of a constant weight, as f32. `values` points into the
/// attribute's own storage when the weight is f32 and suitably aligned, else
/// into `copy` (a splat expanded, or f16/bf16 values widened to f32, which is
/// exact).
struct WeightData {
  ArrayRef<float> values;
  std::vector<float> copy;
  /// The op that holds the data: the `arith.constant`, or the
  /// `ml_program.global` that an `ml_program.global_load_const` reads.
  Operation *definingOp = nullptr;
};

/// The raw bytes of a constant tensor, in memory order: one element for all
/// when `splat`.
struct ConstantBytes {
  ArrayRef<char> raw;
  bool splat = false;
  RankedTensorType type;
  /// The op that holds the data (as in WeightData).
  Operation *definingOp = nullptr;
};

/// Reads the constant that `value` is: an `arith.constant`, or an
/// `ml_program.global_load_const` of an immutable `ml_program.global`, with a
/// `dense` or `dense_resource` value of whole-byte elements or of sub-byte
/// integers (one to a byte). Returns
/// std::nullopt and sets `why` when it is not one.
std::optional<ConstantBytes> readConstantBytes(Value value, std::string &why);

/// Reads the constant that `value` is: an `arith.constant`, or an
/// `ml_program.global_load_const` of an immutable `ml_program.global`, with a
/// `dense` or `dense_resource` value of f32, f16 or bf16 elements. Returns
/// std::nullopt and sets `why` when it is not one.
std::optional<WeightData> readConstantWeight(Value value, std::string &why);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_WEIGHTCONSTANTS_H
