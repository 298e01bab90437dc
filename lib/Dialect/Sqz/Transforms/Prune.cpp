//===- Prune.cpp - sqz-prune ----------------------------------------------===//

#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/Pruning.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZPRUNE
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

namespace {
struct SqzPrunePass : sqz::impl::SqzPruneBase<SqzPrunePass> {
  using Base::Base;

  void runOnOperation() override {
    PruneOptions options;
    options.pattern =
        pattern == "rows" ? PrunePattern::Rows : PrunePattern::Heads;
    options.sparsity = sparsity;
    options.numHeads = numHeads;
    auto explainSkip = [&](Operation *op, StringRef why) {
      if (explain)
        op->emitRemark("weight not pruned: ") << why;
    };
    if (failed(pruneStructured(getOperation(), options, explainSkip)))
      signalPassFailure();
  }
};
} // namespace
