//===- ContiguousInnerLoop.cpp - Parallel, unit-stride innermost loops ----===//
//
// Interchanges the loops of linalg ops whose innermost loop is a reduction so
// that the loop of the output's contiguous dimension is innermost, which is
// what LLVM's loop vectorizer needs after convert-linalg-to-loops.
//
//===----------------------------------------------------------------------===//

#include "sqz/Pipelines/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Linalg/Utils/Utils.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#define DEBUG_TYPE "sqz-contiguous-inner-loop"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZCONTIGUOUSINNERLOOP
#include "sqz/Pipelines/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {

/// Returns the position of the single result of `map` that uses loop `dim`,
/// or -1 if none or several do.
static int resultUsing(AffineMap map, unsigned dim) {
  int found = -1;
  for (auto [index, expr] : llvm::enumerate(map.getResults())) {
    if (!expr.isFunctionOfDim(dim))
      continue;
    if (found != -1)
      return -1;
    found = index;
  }
  return found;
}

/// Moves the loop of the output's last dimension innermost when the
/// innermost loop is a reduction and every operand walks that loop along its
/// own last dimension.
struct MoveContiguousLoopInnermost
    : public OpInterfaceRewritePattern<linalg::LinalgOp> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  LogicalResult matchAndRewrite(linalg::LinalgOp op,
                                PatternRewriter &rewriter) const override {
    unsigned numLoops = op.getNumLoops();
    SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
    if (numLoops < 2 || !linalg::isReductionIterator(iterators.back()))
      return rewriter.notifyMatchFailure(op, "innermost loop is no reduction");
    if (op.getNumDpsInits() != 1)
      return rewriter.notifyMatchFailure(op, "needs exactly one output");

    AffineMap outputMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
    if (outputMap.getNumResults() == 0)
      return rewriter.notifyMatchFailure(op, "output is a scalar");
    auto lastDim = dyn_cast<AffineDimExpr>(outputMap.getResults().back());
    if (!lastDim)
      return rewriter.notifyMatchFailure(op, "output's last index is no loop");
    unsigned dim = lastDim.getPosition();
    if (!linalg::isParallelIterator(iterators[dim]))
      return rewriter.notifyMatchFailure(op, "output loop is no parallel loop");

    for (OpOperand &operand : op->getOpOperands()) {
      AffineMap map = op.getMatchingIndexingMap(&operand);
      if (!map.isFunctionOfDim(dim))
        continue;
      int position = resultUsing(map, dim);
      if (position != int(map.getNumResults()) - 1 ||
          !isa<AffineDimExpr>(map.getResults().back()))
        return rewriter.notifyMatchFailure(
            op, "an operand does not walk the loop along its last dimension");
    }

    // Old loops in their new order: all but `dim`, then `dim`.
    SmallVector<unsigned> interchange;
    for (unsigned loop = 0; loop < numLoops; ++loop)
      if (loop != dim)
        interchange.push_back(loop);
    interchange.push_back(dim);

    auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
    if (!generic) {
      FailureOr<linalg::GenericOp> generalized =
          linalg::generalizeNamedOp(rewriter, op);
      if (failed(generalized))
        return rewriter.notifyMatchFailure(op, "cannot be generalized");
      generic = *generalized;
    }
    if (failed(linalg::interchangeGenericOp(rewriter, generic, interchange)))
      return rewriter.notifyMatchFailure(op, "interchange failed");
    return success();
  }
};

struct SqzContiguousInnerLoopPass
    : public sqz::impl::SqzContiguousInnerLoopBase<SqzContiguousInnerLoopPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    sqz::populateContiguousInnerLoopPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void sqz::populateContiguousInnerLoopPatterns(RewritePatternSet &patterns) {
  patterns.add<MoveContiguousLoopInnermost>(patterns.getContext());
}
