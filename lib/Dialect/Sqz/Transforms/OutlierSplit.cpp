//===- OutlierSplit.cpp - sqz-outlier-split -------------------------------===//
//
// Splits the input channels with large calibrated magnitudes off every linear
// layer into a float matmul (LLM.int8()), so that the rest can be quantized
// to int8 without their range.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/Statistics.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/Support/Format.h"

#include <string>
#include <vector>

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZOUTLIERSPLIT
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

namespace {

/// An empty tensor of `shape`, whose dynamic sizes are those of `like`'s
/// leading dimensions.
Value emptyLike(OpBuilder &b, Location loc, Value like, ArrayRef<int64_t> shape,
                Type elementType) {
  SmallVector<Value> dynamic;
  for (auto [i, size] : llvm::enumerate(shape))
    if (ShapedType::isDynamic(size))
      dynamic.push_back(tensor::DimOp::create(b, loc, like, i));
  return tensor::EmptyOp::create(b, loc, shape, elementType, dynamic);
}

/// `x[..., indices]`: the columns `indices` of the last axis of `x`, as a
/// linalg.generic over a constant index tensor that extracts each element.
Value gatherColumns(OpBuilder &b, Location loc, Value x,
                    ArrayRef<int64_t> indices) {
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  auto count = static_cast<int64_t>(indices.size());
  auto indexType = RankedTensorType::get({count}, b.getI64Type());
  Value indexTensor = arith::ConstantOp::create(
      b, loc, DenseElementsAttr::get(indexType, indices));
  SmallVector<int64_t> shape(type.getShape());
  shape.back() = count;
  Value init = emptyLike(b, loc, x, shape, type.getElementType());
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps = {
      AffineMap::get(rank, 0, getAffineDimExpr(rank - 1, ctx)),
      AffineMap::getMultiDimIdentityMap(rank, ctx)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto gather = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{indexTensor}, ValueRange{init}, maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        SmallVector<Value> at;
        for (int64_t d = 0; d + 1 < rank; ++d)
          at.push_back(linalg::IndexOp::create(nb, nloc, d));
        at.push_back(
            arith::IndexCastOp::create(nb, nloc, nb.getIndexType(), args[0]));
        Value element = tensor::ExtractOp::create(nb, nloc, x, at);
        linalg::YieldOp::create(nb, nloc, element);
      });
  return gather.getResult(0);
}

/// The rows (reduction positions) `channels` of the weight `w` stored as
/// `[K, N]`, or `[N, K]` when `transposed`, as a constant of the same layout
/// and element type.
Value sliceWeight(OpBuilder &b, Location loc, ArrayRef<float> w,
                  RankedTensorType type, bool transposed,
                  ArrayRef<int64_t> channels) {
  int64_t k = type.getDimSize(transposed ? 1 : 0);
  int64_t n = type.getDimSize(transposed ? 0 : 1);
  auto count = static_cast<int64_t>(channels.size());
  std::vector<float> values;
  values.reserve(count * n);
  if (transposed) {
    for (int64_t row = 0; row < n; ++row)
      for (int64_t c : channels)
        values.push_back(w[row * k + c]);
  } else {
    for (int64_t c : channels)
      for (int64_t col = 0; col < n; ++col)
        values.push_back(w[c * n + col]);
  }
  SmallVector<int64_t> shape = transposed ? SmallVector<int64_t>{n, count}
                                          : SmallVector<int64_t>{count, n};
  Type elementType = type.getElementType();
  auto sliceType = RankedTensorType::get(shape, elementType);
  if (elementType.isF32())
    return arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(sliceType, ArrayRef<float>(values)));
  // f16 / bf16: the values were widened exactly, so they narrow back exactly.
  const llvm::fltSemantics &semantics =
      cast<FloatType>(elementType).getFloatSemantics();
  SmallVector<APFloat> narrowed;
  narrowed.reserve(values.size());
  for (float v : values) {
    APFloat value(v);
    bool lost = false;
    value.convert(semantics, APFloat::rmNearestTiesToEven, &lost);
    narrowed.push_back(value);
  }
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(sliceType, narrowed));
}

/// `x W` as a linalg.generic contraction (the form importers emit), `x`
/// `[M, K]` or `[B, M, K]`, `W` `[K, N]` or `[N, K]` when `transposed`.
Value buildContraction(OpBuilder &b, Location loc, Value x, Value w,
                       bool transposed, RankedTensorType resultType) {
  MLIRContext *ctx = b.getContext();
  int64_t rank = resultType.getRank();
  int64_t loops = rank + 1;
  // Loops: the result's dimensions, then k.
  AffineExpr k = getAffineDimExpr(rank, ctx);
  AffineExpr n = getAffineDimExpr(rank - 1, ctx);
  SmallVector<AffineExpr> xExprs, outExprs;
  for (int64_t d = 0; d < rank - 1; ++d)
    xExprs.push_back(getAffineDimExpr(d, ctx));
  xExprs.push_back(k);
  for (int64_t d = 0; d < rank; ++d)
    outExprs.push_back(getAffineDimExpr(d, ctx));
  SmallVector<AffineExpr> wExprs = transposed ? SmallVector<AffineExpr>{n, k}
                                              : SmallVector<AffineExpr>{k, n};
  SmallVector<AffineMap> maps = {AffineMap::get(loops, 0, xExprs, ctx),
                                 AffineMap::get(loops, 0, wExprs, ctx),
                                 AffineMap::get(loops, 0, outExprs, ctx)};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  Type elementType = resultType.getElementType();
  Value empty =
      emptyLike(b, loc, x, resultType.getShape(), resultType.getElementType());
  Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(elementType));
  Value acc = linalg::FillOp::create(b, loc, zero, empty).getResult(0);
  auto generic = linalg::GenericOp::create(
      b, loc, resultType, ValueRange{x, w}, ValueRange{acc}, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Value product = arith::MulFOp::create(nb, nloc, args[0], args[1]);
        Value sum = arith::AddFOp::create(nb, nloc, args[2], product);
        linalg::YieldOp::create(nb, nloc, sum);
      });
  return generic.getResult(0);
}

struct SqzOutlierSplitPass
    : sqz::impl::SqzOutlierSplitBase<SqzOutlierSplitPass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    auto fail = [&] {
      return emitError(UnknownLoc::get(context)) << "sqz-outlier-split: ";
    };
    if (!(threshold > 0.0)) {
      return fail() << "threshold must be positive, got "
                    << formatShortest(threshold);
    }
    if (stats.empty())
      return fail() << "needs a statistics file (stats=FILE)";
    return loadStatistics(stats, statistics, [&]() { return fail(); });
  }

  void runOnOperation() override {
    if (statistics && !allowUnknownLayers &&
        failed(verifyStatisticsLayers(*statistics, getOperation(),
                                      "sqz-outlier-split")))
      return signalPassFailure();
    SmallVector<NamedLinearLayer> layers =
        findNamedLinearLayers(getOperation());
    IRRewriter rewriter(&getContext());
    bool hadError = false;
    for (NamedLinearLayer &named : layers) {
      if (failed(splitLayer(rewriter, named)))
        hadError = true;
    }
    if (hadError)
      signalPassFailure();
  }

  void skip(Operation *op, const Twine &why) {
    if (explain)
      op->emitRemark("layer not split: ") << why;
  }

  LogicalResult splitLayer(IRRewriter &rewriter, NamedLinearLayer &named) {
    // Match again: splitting an earlier layer replaced the values this one's
    // match may hold (its input, when the layers are chained).
    std::string why;
    FailureOr<LinearLayer> matched = matchLinearLayer(named.op, why);
    assert(succeeded(matched) && "splitting other layers keeps this one");
    LinearLayer layer = *matched;
    Operation *op = named.op;
    auto weightType = cast<RankedTensorType>(layer.weight.getType());
    if (weightType.getRank() != 2) {
      skip(op, "the weight is per batch (3-D); only a shared 2-D weight is "
               "split");
      return success();
    }
    std::optional<WeightData> data = readConstantWeight(layer.weight, why);
    if (!data) {
      skip(op, why);
      return success();
    }
    int64_t k = weightType.getDimSize(layer.reductionAxis());
    const LayerStatistics *found =
        findLayerStatistics(*statistics, named.name, k, op);
    if (!found)
      return failure();
    const LayerStatistics &layerStats = *found;
    if (!layerStats.absmax)
      return op->emitError("statistics of layer '")
             << named.name
             << "' have no field 'absmax', which sqz-outlier-split needs";

    SmallVector<int64_t> outliers, rest;
    for (int64_t j = 0; j < k; ++j)
      ((*layerStats.absmax)[j] > threshold ? outliers : rest).push_back(j);
    if (outliers.empty()) {
      skip(op, "no input channel's absmax exceeds the threshold");
      return success();
    }

    matchBiasAdd(layer);
    Operation *last = lastOpOf(layer);
    rewriter.setInsertionPoint(last);
    Location loc = op->getLoc();
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    StringAttr outlierName = rewriter.getStringAttr(named.name + ".outliers");

    Value outlierInput =
        rest.empty() ? layer.input
                     : gatherColumns(rewriter, loc, layer.input, outliers);
    Value outlierWeight =
        rest.empty() ? layer.weight
                     : sliceWeight(rewriter, loc, data->values, weightType,
                                   layer.weightTransposed, outliers);
    auto outlierMatmul =
        MatmulOp::create(rewriter, loc, resultType, outlierInput, outlierWeight,
                         layer.bias, layer.weightTransposed);
    outlierMatmul->setAttr(SqzDialect::getLayerAttrName(), outlierName);
    Value result = outlierMatmul.getResult();

    if (!rest.empty()) {
      Value restInput = gatherColumns(rewriter, loc, layer.input, rest);
      Value restWeight = sliceWeight(rewriter, loc, data->values, weightType,
                                     layer.weightTransposed, rest);
      Value restResult = buildContraction(rewriter, loc, restInput, restWeight,
                                          layer.weightTransposed, resultType);
      restResult.getDefiningOp()->setAttr(SqzDialect::getLayerAttrName(),
                                          rewriter.getStringAttr(named.name));
      Value init = emptyLike(rewriter, loc, layer.input, resultType.getShape(),
                             resultType.getElementType());
      result =
          linalg::AddOp::create(rewriter, loc, ValueRange{restResult, result},
                                ValueRange{init})
              .getResult(0);
    }

    rewriter.replaceAllUsesWith(last->getResult(0), result);
    SmallVector<Operation *> dead = {op};
    if (layer.biasAdd)
      dead.push_back(layer.biasAdd);
    eraseDeadProducers(rewriter, dead);
    return success();
  }

  std::optional<Statistics> statistics;
};
} // namespace
