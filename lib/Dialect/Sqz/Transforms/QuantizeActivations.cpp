//===- QuantizeActivations.cpp - sqz-quantize-activations -----------------===//
//
// Quantizes the float activation operand of every sqz.matmul, so that the
// matmul can run in integers.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"

#include "mlir/IR/PatternMatch.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZQUANTIZEACTIVATIONS
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

namespace {
struct SqzQuantizeActivationsPass
    : sqz::impl::SqzQuantizeActivationsBase<SqzQuantizeActivationsPass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    auto fail = [&] {
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-activations: ";
    };
    if (mode != "dynamic")
      return fail() << "mode must be dynamic (static ranges need calibration "
                       "statistics, not available yet), got '"
                    << mode << "'";
    if (granularity != "tensor" && granularity != "token")
      return fail() << "granularity must be tensor or token, got '"
                    << granularity << "'";
    if (bits != 8 && bits != 4)
      return fail() << "bits must be 8 or 4, got "
                    << static_cast<unsigned>(bits);
    return success();
  }

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    getOperation()->walk([&](MatmulOp op) {
      auto inputType = dyn_cast<RankedTensorType>(op.getLhs().getType());
      if (!inputType)
        return; // Already quantized.
      int64_t rank = inputType.getRank();
      bool perToken = granularity == "token";
      auto quant = QuantAttr::get(
          &getContext(), bits, /*storageSigned=*/symmetric,
          perToken ? GranularityKind::PerChannel : GranularityKind::PerTensor,
          /*axis=*/perToken ? rank - 2 : 0, /*groupSize=*/0, symmetric,
          /*narrowRange=*/false);
      auto type =
          SqzTensorType::get(&getContext(), inputType.getShape(),
                             inputType.getElementType(), quant, SparsityAttr());
      rewriter.setInsertionPoint(op);
      auto quantized = QuantizeOp::create(rewriter, op.getLoc(), type,
                                          op.getLhs(), Value(), Value());
      rewriter.modifyOpInPlace(
          op, [&] { op.getLhsMutable().assign(quantized.getResult()); });
    });
  }
};
} // namespace
