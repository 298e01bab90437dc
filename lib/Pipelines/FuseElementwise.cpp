//===- FuseElementwise.cpp - Elementwise fusion that spares contractions --===//
//
// Upstream's elementwise fusion with one rule added: nothing fuses into a
// contraction. A bias add fused into attention's Q Kᵀ turns a batch matmul
// the vectorizer takes into a generic whose body adds before it multiplies,
// which then runs as scalar loops that store the accumulator at every step.
//
//===----------------------------------------------------------------------===//

#include "sqz/Pipelines/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZFUSEELEMENTWISE
#include "sqz/Pipelines/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

/// Fuse a producer of a single use into its consumer, unless the consumer
/// is a contraction.
static bool shouldFuse(OpOperand *fusedOperand) {
  Operation *producer = fusedOperand->get().getDefiningOp();
  if (!producer || !producer->hasOneUse())
    return false;
  auto consumer = dyn_cast<linalg::LinalgOp>(fusedOperand->getOwner());
  return !consumer || !linalg::isaContractionOpInterface(consumer);
}

namespace {
struct SqzFuseElementwisePass
    : public sqz::impl::SqzFuseElementwiseBase<SqzFuseElementwisePass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *context = &getContext();
    RewritePatternSet patterns(context);
    linalg::populateElementwiseOpsFusionPatterns(patterns, shouldFuse);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, shouldFuse);
    linalg::populateConstantFoldLinalgOperations(patterns, shouldFuse);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, context);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, context);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, context);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, context);
    context->getLoadedDialect<linalg::LinalgDialect>()
        ->getCanonicalizationPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
