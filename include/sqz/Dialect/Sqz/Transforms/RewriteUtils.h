//===- RewriteUtils.h - Small rewriting helpers of the sqz passes -*- C++
//-*-===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_REWRITEUTILS_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_REWRITEUTILS_H

#include "mlir/IR/PatternMatch.h"

namespace mlir::sqz {

/// Erases `ops`, and in turn the producers of their operands, while they are
/// side-effect free and have no use left: a float weight or a packed constant
/// that nothing reads any more should not stay in the module.
void eraseDeadProducers(RewriterBase &rewriter, SmallVector<Operation *> ops);

/// `value` as printf's `%g` writes it (`0.5`, `1e-06`): how diagnostics and
/// remarks quote a numeric pass option.
std::string formatShortest(double value);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_REWRITEUTILS_H
