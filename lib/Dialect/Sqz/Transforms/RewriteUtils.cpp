//===- RewriteUtils.cpp - Small rewriting helpers of the sqz passes -------===//

#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"

#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;

void mlir::sqz::eraseDeadProducers(RewriterBase &rewriter, Value value) {
  Operation *op = value.getDefiningOp();
  if (!op || !op->use_empty() || !isPure(op))
    return;
  SmallVector<Value> operands(op->getOperands());
  rewriter.eraseOp(op);
  for (Value operand : operands)
    eraseDeadProducers(rewriter, operand);
}
