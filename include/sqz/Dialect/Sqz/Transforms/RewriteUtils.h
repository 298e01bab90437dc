//===- RewriteUtils.h - Small rewriting helpers of the sqz passes -*- C++
//-*-===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_REWRITEUTILS_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_REWRITEUTILS_H

#include "sqz/Dialect/Sqz/IR/SqzTypes.h"

#include "mlir/IR/PatternMatch.h"

namespace mlir::sqz {

/// Erases `ops`, and in turn the producers of their operands, while they are
/// side-effect free and have no use left: a float weight or a packed constant
/// that nothing reads any more should not stay in the module.
void eraseDeadProducers(RewriterBase &rewriter, SmallVector<Operation *> ops);

/// `value` as printf's `%g` writes it (`0.5`, `1e-06`): how diagnostics and
/// remarks quote a numeric pass option.
std::string formatShortest(double value);

/// The result types of an `sqz.unpack` of `value`, a compressed tensor of
/// `type`: the stored values, the scales, and the zero points when
/// asymmetric. Parameters given to the `sqz.pack` or `sqz.quantize` that
/// made `value` keep their types; computed ones are f32 (i32 zero points) of
/// the scheme's parameter shape.
SmallVector<Type> unpackPartTypes(Value value, SqzTensorType type);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_REWRITEUTILS_H
