//===- DecomposeAggregateOps.cpp - linalg.softmax & co. to generics -------===//
//
// Replaces ops with linalg::AggregatedOpInterface by their decomposition, so
// that bufferization and convert-linalg-to-loops see structured ops only.
//
//===----------------------------------------------------------------------===//

#include "sqz/Pipelines/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZDECOMPOSEAGGREGATEOPS
#include "sqz/Pipelines/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {

struct DecomposeAggregateOp
    : public OpInterfaceRewritePattern<linalg::AggregatedOpInterface> {
  using OpInterfaceRewritePattern::OpInterfaceRewritePattern;

  LogicalResult matchAndRewrite(linalg::AggregatedOpInterface op,
                                PatternRewriter &rewriter) const override {
    // The decompositions build tensor ops: on buffers they would make ops
    // with mixed semantics.
    if (llvm::any_of(op->getOperandTypes(), llvm::IsaPred<BaseMemRefType>))
      return rewriter.notifyMatchFailure(op, "operates on buffers");
    FailureOr<SmallVector<Value>> values = op.decomposeOperation(rewriter);
    if (failed(values))
      return rewriter.notifyMatchFailure(op, "cannot be decomposed");
    rewriter.replaceOp(op, *values);
    return success();
  }
};

struct SqzDecomposeAggregateOpsPass
    : public sqz::impl::SqzDecomposeAggregateOpsBase<
          SqzDecomposeAggregateOpsPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    sqz::populateDecomposeAggregateOpsPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void sqz::populateDecomposeAggregateOpsPatterns(RewritePatternSet &patterns) {
  patterns.add<DecomposeAggregateOp>(patterns.getContext());
}
