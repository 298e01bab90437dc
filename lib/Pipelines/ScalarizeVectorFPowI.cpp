//===- ScalarizeVectorFPowI.cpp - math.fpowi on vectors, per element ------===//
//
// convert-math-to-llvm makes an invalid llvm.intr.powi of a vector fpowi
// (the intrinsic takes one scalar exponent): compute it element by element.
//
//===----------------------------------------------------------------------===//

#include "sqz/Pipelines/Passes.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZSCALARIZEVECTORFPOWI
#include "sqz/Pipelines/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {

struct ScalarizeVectorFPowI : OpRewritePattern<math::FPowIOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(math::FPowIOp op,
                                PatternRewriter &rewriter) const override {
    auto type = dyn_cast<VectorType>(op.getType());
    if (!type)
      return rewriter.notifyMatchFailure(op, "not on vectors");
    if (type.isScalable())
      return rewriter.notifyMatchFailure(op, "scalable vector");
    Location loc = op.getLoc();
    SmallVector<Value> elements;
    SmallVector<int64_t> position(type.getRank(), 0);
    for (int64_t i = 0, e = type.getNumElements(); i < e; ++i) {
      Value base = vector::ExtractOp::create(rewriter, loc, op.getLhs(),
                                             ArrayRef<int64_t>(position));
      Value exponent = vector::ExtractOp::create(rewriter, loc, op.getRhs(),
                                                 ArrayRef<int64_t>(position));
      elements.push_back(math::FPowIOp::create(rewriter, loc, base, exponent,
                                               op.getFastmathAttr()));
      for (int64_t d = type.getRank() - 1; d >= 0; --d) {
        if (++position[d] < type.getDimSize(d))
          break;
        position[d] = 0;
      }
    }
    rewriter.replaceOpWithNewOp<vector::FromElementsOp>(op, type, elements);
    return success();
  }
};

struct SqzScalarizeVectorFPowIPass
    : public sqz::impl::SqzScalarizeVectorFPowIBase<
          SqzScalarizeVectorFPowIPass> {
  using Base::Base;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    sqz::populateScalarizeVectorFPowIPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void sqz::populateScalarizeVectorFPowIPatterns(RewritePatternSet &patterns) {
  patterns.add<ScalarizeVectorFPowI>(patterns.getContext());
}
