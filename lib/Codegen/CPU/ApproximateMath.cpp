//===- ApproximateMath.cpp - Vectorizable exp, tanh and erf ---------------===//
//
// f32 exp, tanh and erf as the upstream polynomial approximations, so that
// they stay vector code instead of one C library call per element.
//
//===----------------------------------------------------------------------===//

#include "sqz/Codegen/CPU/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZCPUAPPROXIMATEMATH
#include "sqz/Codegen/CPU/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {

/// The functions approximated: those of softmax and GELU.
bool isApproximated(StringRef name) {
  return name == math::ExpOp::getOperationName() ||
         name == math::TanhOp::getOperationName() ||
         name == math::ErfOp::getOperationName();
}

struct SqzCPUApproximateMathPass
    : public sqz::impl::SqzCPUApproximateMathBase<SqzCPUApproximateMathPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateMathPolynomialApproximationPatterns(patterns, isApproximated);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};

} // namespace
