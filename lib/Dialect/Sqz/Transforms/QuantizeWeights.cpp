//===- QuantizeWeights.cpp - sqz-quantize-weights -------------------------===//
//
// Turns linear layers with constant weights into sqz.matmul on packed,
// round-to-nearest quantized weights.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"
#include "sqz/Dialect/Sqz/Utils/QuantMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Debug.h"

#include <cmath>

#define DEBUG_TYPE "sqz-quantize-weights"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZQUANTIZEWEIGHTS
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

LogicalResult mlir::sqz::quantizeLinearWeight(
    RewriterBase &rewriter, linalg::LinalgOp linalgOp,
    const WeightQuantOptions &options, function_ref<void(StringRef)> explain,
    bool &hadError) {
  std::string why;
  FailureOr<LinearLayer> layer = matchLinearLayer(linalgOp, why);
  if (failed(layer)) {
    explain(why);
    return failure();
  }
  std::optional<WeightData> data = readConstantWeight(layer->weight, why);
  if (!data) {
    explain(why);
    return failure();
  }

  // Scales run along the output channels N; groups along the reduction K.
  auto weightType = cast<RankedTensorType>(layer->weight.getType());
  int64_t rank = weightType.getRank();
  int64_t channelAxis = rank - (layer->weightTransposed ? 2 : 1);
  int64_t reductionAxis = rank - (layer->weightTransposed ? 1 : 2);
  int64_t axis = 0, groupSize = 0;
  if (options.granularity == GranularityKind::PerChannel)
    axis = channelAxis;
  if (options.granularity == GranularityKind::PerGroup) {
    axis = reductionAxis;
    groupSize = options.groupSize;
  }
  MLIRContext *context = rewriter.getContext();
  auto quant = QuantAttr::get(context, options.bits, options.symmetric,
                              options.granularity, axis, groupSize,
                              options.symmetric, options.narrowRange);
  int64_t reduction = weightType.getDimSize(reductionAxis);
  if (groupSize && reduction % groupSize != 0) {
    explain(("group size " + Twine(groupSize) +
             " does not divide the reduction size " + Twine(reduction))
                .str());
    return failure();
  }

  QuantizedBuffer buffer;
  int64_t badIndex = 0;
  if (!quantizeBuffer(data->values, weightType.getShape(), quant, buffer,
                      badIndex)) {
    data->definingOp->emitError("weight has a non-finite value (")
        << data->values[badIndex] << ") at flat index " << badIndex;
    hadError = true;
    return failure();
  }
  matchBiasAdd(*layer);

  // Materialize codes, scales and zero points as constants next to the
  // layer's last op (the bias add when there is one: the bias is defined
  // before it).
  Location loc = layer->contraction.getLoc();
  rewriter.setInsertionPoint(lastOpOf(*layer));
  auto codesType =
      RankedTensorType::get(weightType.getShape(), quant.getStorageType());
  auto codes = arith::ConstantOp::create(
      rewriter, loc,
      DenseElementsAttr::getFromRawBuffer(
          codesType,
          ArrayRef<char>(reinterpret_cast<const char *>(buffer.codes.data()),
                         buffer.codes.size())));
  auto paramType = RankedTensorType::get(
      quant.getParamShape(weightType.getShape()), rewriter.getF32Type());
  auto scales = arith::ConstantOp::create(
      rewriter, loc,
      DenseElementsAttr::get(paramType, ArrayRef<float>(buffer.scales)));
  Value zeroPoints;
  if (!options.symmetric)
    zeroPoints = arith::ConstantOp::create(
        rewriter, loc,
        DenseElementsAttr::get(paramType.clone(rewriter.getI32Type()),
                               ArrayRef<int32_t>(buffer.zeroPoints)));
  auto packedType = SqzTensorType::get(context, weightType.getShape(),
                                       weightType.getElementType(), quant, {});
  auto packed = PackOp::create(rewriter, loc, packedType, codes, scales,
                               zeroPoints, /*metadata=*/Value());
  double count = static_cast<double>(data->values.size());
  double sqnr = 10.0 * std::log10(buffer.signalEnergy / buffer.errorEnergy);
  packed->setAttr(
      SqzDialect::getQuantErrorAttrName(),
      rewriter.getDictionaryAttr(
          {rewriter.getNamedAttr(
               "mse", rewriter.getF64FloatAttr(buffer.errorEnergy / count)),
           rewriter.getNamedAttr("sqnr_db", rewriter.getF64FloatAttr(sqnr))}));
  replaceLinearLayer(rewriter, *layer, packed, data->definingOp);
  return success();
}

namespace {
struct SqzQuantizeWeightsPass
    : sqz::impl::SqzQuantizeWeightsBase<SqzQuantizeWeightsPass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    if (bits != 8 && bits != 4 && bits != 2)
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-weights: bits must be 8, 4 or 2, got "
             << static_cast<unsigned>(bits);
    if (granularity == "tensor")
      quantOptions.granularity = GranularityKind::PerTensor;
    else if (granularity == "channel")
      quantOptions.granularity = GranularityKind::PerChannel;
    else if (granularity == "group")
      quantOptions.granularity = GranularityKind::PerGroup;
    else
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-weights: granularity must be tensor, channel or "
                "group, got '"
             << granularity << "'";
    if (quantOptions.granularity == GranularityKind::PerGroup && groupSize <= 0)
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-weights: group-size must be positive, got "
             << static_cast<int64_t>(groupSize);
    quantOptions.bits = bits;
    quantOptions.groupSize = groupSize;
    quantOptions.symmetric = symmetric;
    quantOptions.narrowRange = narrowRange;
    return success();
  }

  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> candidates;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (linalg::isaContractionOpInterface(op))
        candidates.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    bool hadError = false;
    for (linalg::LinalgOp op : candidates) {
      auto explainSkip = [&](StringRef why) {
        LLVM_DEBUG(llvm::dbgs() << "skipping " << op->getName() << " at "
                                << op->getLoc() << ": " << why << "\n");
        if (explain)
          op->emitRemark("weight not quantized: ") << why;
      };
      (void)quantizeLinearWeight(rewriter, op, quantOptions, explainSkip,
                                 hadError);
    }
    if (hadError)
      signalPassFailure();
  }

  WeightQuantOptions quantOptions;
};
} // namespace
