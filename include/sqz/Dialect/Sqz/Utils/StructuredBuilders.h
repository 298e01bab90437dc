//===- StructuredBuilders.h - linalg ops that sqz lowerings build -*- C++
//-*-===//
//
// Builders of the linalg.generic forms that both the reference lowering and
// the folding passes emit, so that they share one definition of a matmul.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_UTILS_STRUCTUREDBUILDERS_H
#define SQZ_DIALECT_SQZ_UTILS_STRUCTUREDBUILDERS_H

#include "sqz/Dialect/Sqz/IR/SqzAttrs.h"

#include "mlir/IR/Builders.h"

namespace mlir::sqz {

/// Converts a float scalar to `type` (extf or truncf; nothing when equal).
Value castFloat(OpBuilder &b, Location loc, Value value, Type type);

/// Converts an integer scalar to i32: truncated when wider, else extended
/// as signed or unsigned.
Value toI32(OpBuilder &b, Location loc, Value value, bool isSigned);

/// Converts a zero-point scalar of a `quant` scheme to i32. A zero point no
/// wider than the storage type is read with the storage's signedness (a u8
/// zero point of 200 may be held as i8 -56), a wider one as signed, as the
/// sqz verifiers read it.
Value zeroPointToI32(OpBuilder &b, Location loc, Value value, QuantAttr quant);

/// How a contraction operand is brought to the accumulator's type.
enum class Extend { None, Signed, Unsigned };

/// `init + sum_k lhs[.., m, k] * rhs[k, n]` as a linalg.generic, with the rhs
/// read `[n, k]` when `transposed` and a leading batch dimension when the lhs
/// is 3-D (shared by a 2-D rhs, or matched by a 3-D one). Integer operands
/// narrower than the accumulator are extended as `extendLhs`/`extendRhs` say.
Value buildContraction(OpBuilder &b, Location loc, Value lhs, Value rhs,
                       Value init, bool transposed,
                       Extend extendLhs = Extend::None,
                       Extend extendRhs = Extend::None);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_UTILS_STRUCTUREDBUILDERS_H
