//===- RewriteUtils.cpp - Small rewriting helpers of the sqz passes -------===//

#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"

#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/DenseSet.h"

#include "llvm/Support/Format.h"

using namespace mlir;

void mlir::sqz::eraseDeadProducers(RewriterBase &rewriter,
                                   SmallVector<Operation *> ops) {
  DenseSet<Operation *> erased;
  while (!ops.empty()) {
    Operation *op = ops.pop_back_val();
    if (!op || erased.contains(op) || !op->use_empty() || !isPure(op))
      continue;
    for (Value operand : op->getOperands())
      if (Operation *producer = operand.getDefiningOp())
        ops.push_back(producer);
    erased.insert(op);
    rewriter.eraseOp(op);
  }
}

std::string mlir::sqz::formatShortest(double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%g", value);
  return text;
}
