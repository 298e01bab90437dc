//===- RewriteUtils.h - Small rewriting helpers of the sqz passes -*- C++
//-*-===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_REWRITEUTILS_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_REWRITEUTILS_H

#include "mlir/IR/PatternMatch.h"

namespace mlir::sqz {

/// Erases `value`'s producer and, in turn, the producers of its operands,
/// while they are side-effect free and have no other use: a float weight or
/// a packed constant that nothing reads any more should not stay in the
/// module.
void eraseDeadProducers(RewriterBase &rewriter, Value value);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_REWRITEUTILS_H
