//===- QuantizeWeights.cpp - sqz-quantize-weights -------------------------===//
//
// Turns linear layers with constant weights into sqz.matmul on packed,
// round-to-nearest quantized weights.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"
#include "sqz/Dialect/Sqz/Utils/QuantMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/Support/Debug.h"

#include <cmath>

#define DEBUG_TYPE "sqz-quantize-weights"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZQUANTIZEWEIGHTS
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

namespace {
/// A linear layer `x W` found in a matmul-like op: the activation, the
/// constant weight and whether the weight is stored `[N, K]`.
struct LinearLayer {
  Value input;
  Value weight;
  bool weightTransposed = false;
};
} // namespace

/// Whether `map` is the projection `(d0, d1, d2) -> (dims...)`.
static bool isProjection(AffineMap map, ArrayRef<unsigned> dims) {
  if (map.getNumDims() != 3 || map.getNumResults() != dims.size())
    return false;
  for (auto [expr, dim] : llvm::zip_equal(map.getResults(), dims)) {
    auto dimExpr = dyn_cast<AffineDimExpr>(expr);
    if (!dimExpr || dimExpr.getPosition() != dim)
      return false;
  }
  return true;
}

/// Recognises `linalg.matmul` as a linear layer with a constant weight.
static FailureOr<LinearLayer> matchLinearLayer(linalg::MatmulOp op,
                                               std::string &why) {
  // Loop dims of linalg.matmul: d0 = m, d1 = n, d2 = k.
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (!isProjection(maps[0], {0, 2}) || !isProjection(maps[2], {0, 1})) {
    why = "lhs or result is not read as [M, K] / [M, N]";
    return failure();
  }
  LinearLayer layer;
  layer.input = op.getDpsInputs()[0];
  layer.weight = op.getDpsInputs()[1];
  if (isProjection(maps[1], {1, 2})) {
    layer.weightTransposed = true;
  } else if (!isProjection(maps[1], {2, 1})) {
    why = "rhs is read neither as [K, N] nor as [N, K]";
    return failure();
  }
  // A transpose of a constant [N, K] weight is the same weight read [N, K].
  if (auto transpose = layer.weight.getDefiningOp<linalg::TransposeOp>()) {
    if (transpose.getPermutation() != ArrayRef<int64_t>{1, 0}) {
      why = "rhs transpose is not a 2-D transpose";
      return failure();
    }
    layer.weight = transpose.getInput();
    layer.weightTransposed = !layer.weightTransposed;
  }

  auto fill = op.getDpsInits()[0].getDefiningOp<linalg::FillOp>();
  if (!fill || !matchPattern(fill.getInputs()[0], m_AnyZeroFloat())) {
    why = "accumulator is not a zero fill";
    return failure();
  }
  Type elementType = getElementTypeOrSelf(op.getResult(0).getType());
  if (getElementTypeOrSelf(layer.input.getType()) != elementType ||
      getElementTypeOrSelf(layer.weight.getType()) != elementType) {
    why = "operands and result have different element types";
    return failure();
  }
  return layer;
}

/// Erases `value`'s producer and, in turn, the producers of its operands,
/// while they are side-effect free and have no other use: the float weight a
/// layer no longer reads should not stay in the module.
static void eraseDeadProducers(RewriterBase &rewriter, Value value) {
  Operation *op = value.getDefiningOp();
  if (!op || !op->use_empty() || !isPure(op))
    return;
  SmallVector<Value> operands(op->getOperands());
  rewriter.eraseOp(op);
  for (Value operand : operands)
    eraseDeadProducers(rewriter, operand);
}

LogicalResult mlir::sqz::quantizeLinearWeight(
    RewriterBase &rewriter, linalg::LinalgOp linalgOp,
    const WeightQuantOptions &options, function_ref<void(StringRef)> explain,
    bool &hadError) {
  std::string why;
  auto matmul = dyn_cast<linalg::MatmulOp>(linalgOp.getOperation());
  if (!matmul) {
    explain("not a linalg.matmul");
    return failure();
  }
  FailureOr<LinearLayer> layer = matchLinearLayer(matmul, why);
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
  int64_t channelAxis = layer->weightTransposed ? 0 : 1;
  int64_t reductionAxis = 1 - channelAxis;
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

  // Materialize codes, scales and zero points as constants next to the layer.
  Location loc = matmul.getLoc();
  rewriter.setInsertionPoint(matmul);
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
  auto result = MatmulOp::create(rewriter, loc, matmul.getResult(0).getType(),
                                 layer->input, packed,
                                 /*bias=*/Value(), layer->weightTransposed);
  if (Attribute name = matmul->getAttr(SqzDialect::getLayerAttrName()))
    result->setAttr(SqzDialect::getLayerAttrName(), name);
  Value oldWeight = matmul.getDpsInputs()[1];
  Value oldAccumulator = matmul.getDpsInits()[0];
  rewriter.replaceOp(matmul, result.getResult());
  eraseDeadProducers(rewriter, oldWeight);
  eraseDeadProducers(rewriter, oldAccumulator);
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
