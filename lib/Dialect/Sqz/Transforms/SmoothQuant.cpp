//===- SmoothQuant.cpp - sqz-smoothquant ----------------------------------===//
//
// SmoothQuant: scales the input channels of every linear layer by 1/s and
// the matching weight rows by s, with s from the calibrated absmax of the
// input and the weight's row magnitudes. 1/s is folded into a per-channel
// affine producer (the end of a LayerNorm/RMSNorm) or a preceding linear
// layer when one produces the input, else applied as an explicit multiply.
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
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"

#include <algorithm>
#include <cmath>

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZSMOOTHQUANT
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

/// The attribute that records the smoothing factors of a layer.
static constexpr StringLiteral kSmoothingAttrName = "sqz.smoothing";

namespace {
/// A constant f32 operand that the pass may replace: the use that reads it
/// (the end of a chain of single-use data movement ops from the op that
/// consumes it) and its data.
struct ConstantOperand {
  OpOperand *use = nullptr;
  WeightData data;
  RankedTensorType type;
};

/// A linear layer to smooth, with its 2-D weight.
struct Consumer {
  linalg::LinalgOp op;
  std::string name;
  LinearLayer layer;
  ConstantOperand weight;
  /// The reduction size K and the output channels N.
  int64_t k = 0, n = 0;
  /// The weight `(j, c)`, j < K, c < N.
  float at(int64_t j, int64_t c) const {
    return layer.weightTransposed ? weight.data.values[c * k + j]
                                  : weight.data.values[j * n + c];
  }
};

/// The last op of a LayerNorm/RMSNorm or a plain scale-and-shift:
/// `t * gamma (+ beta)` with `gamma` and `beta` constants read per channel.
struct AffineProducer {
  linalg::GenericOp op;
  ConstantOperand gamma;
  std::optional<ConstantOperand> beta;
};
} // namespace

/// Follows `use` through single-use ops that only move data (the chain
/// `matchLinearLayer` looks through) to the use of `source`. Null when a
/// value on the way has other users, so replacing the constant would change
/// them too.
static OpOperand *sourceUse(OpOperand *use, Value source) {
  while (use->get() != source) {
    Operation *def = use->get().getDefiningOp();
    if (!def || !use->get().hasOneUse() || def->getNumOperands() == 0)
      return nullptr;
    use = &def->getOpOperand(0);
  }
  return use;
}

/// Reads the f32 constant `source` that `use` reaches; sets `why` and
/// returns std::nullopt when it is not one the pass can replace.
static std::optional<ConstantOperand>
readConstantOperand(OpOperand *use, Value source, std::string &why) {
  OpOperand *sourceOperand = sourceUse(use, source);
  if (!sourceOperand) {
    why = "the constant is read through an op with other users";
    return std::nullopt;
  }
  auto type = dyn_cast<RankedTensorType>(source.getType());
  if (!type || !type.getElementType().isF32()) {
    why = "the constant is not an f32 tensor";
    return std::nullopt;
  }
  std::optional<WeightData> data = readConstantWeight(source, why);
  if (!data)
    return std::nullopt;
  return ConstantOperand{sourceOperand, std::move(*data), type};
}

/// The operand of `layer`'s contraction that reads the weight.
static OpOperand *weightOperand(const LinearLayer &layer) {
  linalg::LinalgOp op = layer.contraction;
  OpOperand *first = op.getDpsInputOperand(0);
  return first->get() == layer.input ? op.getDpsInputOperand(1) : first;
}

/// Replaces the constant that `operand.use` reads by one holding `values`.
static void replaceConstant(RewriterBase &rewriter,
                            const ConstantOperand &operand,
                            ArrayRef<float> values) {
  Operation *owner = operand.use->getOwner();
  Operation *old = operand.use->get().getDefiningOp();
  rewriter.setInsertionPoint(owner);
  auto attr = DenseElementsAttr::getFromRawBuffer(
      operand.type,
      ArrayRef<char>(reinterpret_cast<const char *>(values.data()),
                     values.size() * sizeof(float)));
  Value constant = arith::ConstantOp::create(
      rewriter, owner->getLoc(), operand.type, cast<TypedAttr>(attr));
  rewriter.modifyOpInPlace(owner, [&] { operand.use->set(constant); });
  if (old && isOpTriviallyDead(old))
    rewriter.eraseOp(old);
}

/// Whether `map` reads only the last of its dimensions.
static bool readsLastDim(AffineMap map) {
  return map.getNumResults() == 1 &&
         map.getResult(0) ==
             getAffineDimExpr(map.getNumDims() - 1, map.getContext());
}

/// Matches `x` as the result of a per-channel affine `t * gamma (+ beta)`
/// over its last dimension of size `k`, with constant `gamma` and `beta`
/// that the body uses nowhere else.
static std::optional<AffineProducer> matchAffineProducer(Value x, int64_t k) {
  auto op = x.getDefiningOp<linalg::GenericOp>();
  if (!op || op->getNumResults() != 1 || op.getNumDpsInits() != 1 ||
      !op.hasPureTensorSemantics() ||
      op.getNumParallelLoops() != op.getNumLoops())
    return std::nullopt;
  auto type = cast<RankedTensorType>(x.getType());
  if (type.getDimSize(type.getRank() - 1) != k ||
      !op.getIndexingMapMatchingResult(cast<OpResult>(x)).isIdentity())
    return std::nullopt;
  Block &body = *op.getBlock();
  Value yielded = body.getTerminator()->getOperand(0);

  // The input operand behind `value` when it is a block argument of a
  // per-channel [k] input used once.
  auto channelInput = [&](Value value) -> OpOperand * {
    auto arg = dyn_cast<BlockArgument>(value);
    if (!arg || arg.getOwner() != &body ||
        arg.getArgNumber() >= op.getNumDpsInputs() || !arg.hasOneUse())
      return nullptr;
    OpOperand *operand = op.getDpsInputOperand(arg.getArgNumber());
    auto operandType = dyn_cast<RankedTensorType>(operand->get().getType());
    if (!operandType || operandType.getShape() != ArrayRef<int64_t>{k} ||
        !readsLastDim(op.getMatchingIndexingMap(operand)))
      return nullptr;
    return operand;
  };
  // `value` = `t * gamma`: returns gamma's operand.
  auto scale = [&](Value value) -> OpOperand * {
    auto mul = value.getDefiningOp<arith::MulFOp>();
    if (!mul || mul->getBlock() != &body)
      return nullptr;
    if (OpOperand *gamma = channelInput(mul.getRhs()))
      return gamma;
    return channelInput(mul.getLhs());
  };

  OpOperand *gamma = nullptr, *beta = nullptr;
  if (auto add = yielded.getDefiningOp<arith::AddFOp>();
      add && add->getBlock() == &body) {
    for (auto [product, shift] : {std::pair(add.getLhs(), add.getRhs()),
                                  std::pair(add.getRhs(), add.getLhs())}) {
      if (!product.hasOneUse())
        continue;
      OpOperand *g = scale(product), *b = channelInput(shift);
      if (g && b) {
        gamma = g;
        beta = b;
        break;
      }
    }
  } else {
    gamma = scale(yielded);
  }
  if (!gamma)
    return std::nullopt;
  std::string why;
  std::optional<ConstantOperand> gammaConstant =
      readConstantOperand(gamma, gamma->get(), why);
  if (!gammaConstant)
    return std::nullopt;
  AffineProducer producer{op, std::move(*gammaConstant), std::nullopt};
  if (beta) {
    std::optional<ConstantOperand> betaConstant =
        readConstantOperand(beta, beta->get(), why);
    if (!betaConstant)
      return std::nullopt;
    producer.beta = std::move(*betaConstant);
  }
  return producer;
}

/// Reads the 2-D constant f32 weight of the linear layer `op`; sets `why`
/// when the layer cannot be smoothed.
static std::optional<Consumer> readConsumer(linalg::LinalgOp op,
                                            std::string &why) {
  FailureOr<LinearLayer> layer = matchLinearLayer(op, why);
  if (failed(layer))
    return std::nullopt;
  auto type = cast<RankedTensorType>(layer->weight.getType());
  if (type.getRank() != 2) {
    why = "weight is one per batch";
    return std::nullopt;
  }
  std::optional<ConstantOperand> weight =
      readConstantOperand(weightOperand(*layer), layer->weight, why);
  if (!weight)
    return std::nullopt;
  Consumer consumer;
  consumer.op = op;
  consumer.layer = *layer;
  consumer.k = type.getDimSize(layer->reductionAxis());
  consumer.n = type.getDimSize(layer->channelAxis());
  consumer.weight = std::move(*weight);
  for (float value : consumer.weight.data.values) {
    if (!std::isfinite(value)) {
      why = "weight has a non-finite value";
      return std::nullopt;
    }
  }
  return consumer;
}

/// The smoothing factors `absmax^alpha / wmax^(1-alpha)`, 1 where either is
/// 0.
static SmallVector<double>
smoothingFactors(ArrayRef<double> absmax, ArrayRef<double> wmax, double alpha) {
  SmallVector<double> s(absmax.size(), 1.0);
  for (size_t j = 0; j < s.size(); ++j) {
    if (absmax[j] > 0.0 && wmax[j] > 0.0)
      s[j] = std::pow(absmax[j], alpha) / std::pow(wmax[j], 1.0 - alpha);
  }
  return s;
}

/// The estimated squared output error per input row of W8A8 per-tensor
/// symmetric quantization of `consumers` smoothed by `s`: for every weight,
/// `E[x_j^2] / s_j^2 * dW^2` (dW its real rounding error) plus
/// `step_x^2 / 12 * W'^2` (uniform rounding noise of the activation).
static double smoothedError(ArrayRef<Consumer> consumers,
                            ArrayRef<double> absmax, ArrayRef<double> moment,
                            ArrayRef<double> s) {
  double xmax = 0.0;
  for (size_t j = 0; j < s.size(); ++j)
    xmax = std::max(xmax, absmax[j] / s[j]);
  double xstep = xmax / 127.0;
  double xnoise = xstep * xstep / 12.0;
  double error = 0.0;
  for (const Consumer &consumer : consumers) {
    double wmax = 0.0;
    for (int64_t j = 0; j < consumer.k; ++j)
      for (int64_t c = 0; c < consumer.n; ++c)
        wmax = std::max(wmax, std::fabs(s[j] * consumer.at(j, c)));
    double wstep = wmax / 127.0;
    for (int64_t j = 0; j < consumer.k; ++j) {
      double weight = moment[j] / (s[j] * s[j]);
      for (int64_t c = 0; c < consumer.n; ++c) {
        double w = s[j] * consumer.at(j, c);
        double dw = 0.0;
        if (wstep > 0.0)
          dw = std::clamp(std::nearbyint(w / wstep), -127.0, 127.0) * wstep - w;
        error += weight * dw * dw + xnoise * w * w;
      }
    }
  }
  return error;
}

/// The alpha of 0, 0.05, ..., 1 whose smoothing gives `consumers` the
/// lowest estimated W8A8 error, or std::nullopt when leaving them unsmoothed
/// (s = 1, which no alpha gives: alpha = 0 still divides by the weights'
/// ranges) is at least as good, so that the search never does worse than no
/// smoothing by its own estimate.
static std::optional<double> searchGroupAlpha(ArrayRef<Consumer> consumers,
                                              ArrayRef<double> absmax,
                                              ArrayRef<double> moment,
                                              ArrayRef<double> wmax) {
  SmallVector<double> identity(absmax.size(), 1.0);
  double best = smoothedError(consumers, absmax, moment, identity);
  std::optional<double> chosen;
  for (int step = 0; step <= 20; ++step) {
    double candidate = step / 20.0;
    double error = smoothedError(consumers, absmax, moment,
                                 smoothingFactors(absmax, wmax, candidate));
    if (error < best) {
      best = error;
      chosen = candidate;
    }
  }
  return chosen;
}

namespace {
struct SqzSmoothQuantPass
    : public sqz::impl::SqzSmoothQuantBase<SqzSmoothQuantPass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    auto error = [&]() {
      return emitError(UnknownLoc::get(context)) << "sqz-smoothquant: ";
    };
    if (!(alpha >= 0.0 && alpha <= 1.0)) {
      return error() << "alpha must be in [0, 1], got "
                     << formatShortest(alpha);
    }
    if (stats.empty())
      return error() << "needs a statistics file (stats=FILE) with the absmax "
                        "of every layer's input";
    return loadStatistics(stats, statistics, [&]() { return error(); });
  }

  void runOnOperation() override {
    if (statistics && !allowUnknownLayers &&
        failed(verifyStatisticsLayers(*statistics, getOperation(),
                                      "sqz-smoothquant")))
      return signalPassFailure();
    // Group the layers that can be smoothed by the input they read, in
    // program order; check their statistics first.
    llvm::MapVector<Value, SmallVector<NamedLinearLayer>> groups;
    bool hadError = false;
    for (NamedLinearLayer &named : findNamedLinearLayers(getOperation())) {
      std::string why;
      std::optional<Consumer> consumer = readConsumer(named.op, why);
      if (!consumer) {
        if (explain)
          named.op->emitRemark("layer '")
              << named.name << "' not smoothed: " << why;
        continue;
      }
      if (failed(checkStatistics(named, consumer->k))) {
        hadError = true;
        continue;
      }
      groups[consumer->layer.input].push_back(named);
    }
    if (hadError)
      return signalPassFailure();

    IRRewriter rewriter(&getContext());
    for (auto &[input, layers] : groups)
      smoothGroup(rewriter, input, layers);
  }

  /// Checks that the statistics have an `absmax` of `k` channels for
  /// `layer`.
  LogicalResult checkStatistics(const NamedLinearLayer &layer, int64_t k) {
    const LayerStatistics *layerStats =
        findLayerStatistics(*statistics, layer.name, k, layer.op);
    if (!layerStats)
      return failure();
    if (!layerStats->absmax)
      return layer.op->emitError("statistics of layer '")
             << layer.name
             << "' have no field 'absmax', which sqz-smoothquant needs";
    return success();
  }

  /// Smooths the layers that read `input` with one common `s`.
  void smoothGroup(RewriterBase &rewriter, Value input,
                   ArrayRef<NamedLinearLayer> layers) {
    // Read again: smoothing an earlier group may have replaced constants
    // these layers read.
    SmallVector<Consumer> consumers;
    for (const NamedLinearLayer &named : layers) {
      std::string why;
      std::optional<Consumer> consumer = readConsumer(named.op, why);
      assert(consumer && "smoothing other groups keeps this layer readable");
      consumer->name = named.name;
      consumers.push_back(std::move(*consumer));
    }
    int64_t k = consumers.front().k;

    // The activation's absmax (the same input for every layer: take the
    // largest) and second moment, and the weight rows' largest magnitude
    // over all the layers.
    SmallVector<double> absmax(k, 0.0), moment(k, 0.0), wmax(k, 0.0);
    for (const Consumer &consumer : consumers) {
      const LayerStatistics &layerStats =
          statistics->layers.find(consumer.name)->second;
      for (int64_t j = 0; j < k; ++j)
        absmax[j] = std::max(absmax[j], (*layerStats.absmax)[j]);
      for (int64_t j = 0; j < k; ++j)
        for (int64_t c = 0; c < consumer.n; ++c)
          wmax[j] = std::max(wmax[j],
                             static_cast<double>(std::fabs(consumer.at(j, c))));
    }
    const LayerStatistics &firstStats =
        statistics->layers.find(consumers.front().name)->second;
    for (int64_t j = 0; j < k; ++j) {
      moment[j] = absmax[j] * absmax[j];
      if (firstStats.sumsq && firstStats.count && *firstStats.count > 0)
        moment[j] =
            (*firstStats.sumsq)[j] / static_cast<double>(*firstStats.count);
    }

    double groupAlpha = alpha;
    if (searchAlpha) {
      std::optional<double> chosen =
          searchGroupAlpha(consumers, absmax, moment, wmax);
      if (!chosen) {
        if (explain)
          for (const Consumer &consumer : consumers)
            consumer.op->emitRemark("layer '")
                << consumer.name << "' not smoothed: in its group of "
                << consumers.size()
                << ", no smoothing has the lowest estimated W8A8 error";
        return;
      }
      groupAlpha = *chosen;
    }
    SmallVector<double> factors = smoothingFactors(absmax, wmax, groupAlpha);
    SmallVector<float> s(k), inverse(k);
    for (int64_t j = 0; j < k; ++j) {
      s[j] = static_cast<float>(factors[j]);
      inverse[j] = 1.0f / s[j];
    }

    // 1/s into the producer, or an explicit multiply.
    std::string where = foldIntoProducer(rewriter, input, consumers, s);
    if (where.empty()) {
      where = "applied as an explicit multiply";
      Value scaled = buildScale(rewriter, input, inverse);
      for (Consumer &consumer : consumers) {
        OpOperand *use = consumer.op.getDpsInputOperand(0);
        if (use->get() != input)
          use = consumer.op.getDpsInputOperand(1);
        rewriter.modifyOpInPlace(consumer.op, [&] { use->set(scaled); });
      }
    }

    // W <- diag(s) W, and the record of s.
    auto sType = RankedTensorType::get({k}, rewriter.getF32Type());
    auto sAttr = DenseElementsAttr::get(sType, ArrayRef<float>(s));
    for (const Consumer &consumer : consumers) {
      SmallVector<float> weight(consumer.weight.data.values);
      for (int64_t j = 0; j < k; ++j)
        for (int64_t c = 0; c < consumer.n; ++c) {
          int64_t index =
              consumer.layer.weightTransposed ? c * k + j : j * consumer.n + c;
          weight[index] *= s[j];
        }
      replaceConstant(rewriter, consumer.weight, weight);
      rewriter.modifyOpInPlace(consumer.op, [&] {
        consumer.op->setAttr(SqzDialect::getLayerAttrName(),
                             rewriter.getStringAttr(consumer.name));
        consumer.op->setAttr(kSmoothingAttrName, sAttr);
      });
      if (explain) {
        consumer.op->emitRemark("layer '")
            << consumer.name
            << "' smoothed with alpha = " << formatShortest(groupAlpha)
            << " in a group of " << consumers.size() << ", 1/s " << where;
      }
    }
  }

  /// Folds 1/s into what produces `input` when that is a per-channel affine
  /// or a linear layer with constant parameters and only `consumers` read
  /// `input`. Returns what it folded into, empty when it did not.
  std::string foldIntoProducer(RewriterBase &rewriter, Value input,
                               MutableArrayRef<Consumer> consumers,
                               ArrayRef<float> s) {
    for (OpOperand &use : input.getUses()) {
      if (!llvm::any_of(consumers, [&](Consumer &consumer) {
            return use.getOwner() == consumer.op.getOperation();
          }))
        return "";
    }
    int64_t k = static_cast<int64_t>(s.size());
    auto divide = [&](const ConstantOperand &operand) {
      SmallVector<float> values(operand.data.values);
      for (int64_t j = 0; j < k; ++j)
        values[j] /= s[j];
      replaceConstant(rewriter, operand, values);
    };
    if (std::optional<AffineProducer> affine = matchAffineProducer(input, k)) {
      divide(affine->gamma);
      if (affine->beta)
        divide(*affine->beta);
      return "folded into the per-channel affine that produces the input";
    }

    // A preceding linear layer (its contraction, or its bias add): its
    // output channels and bias.
    Operation *def = input.getDefiningOp();
    if (!def)
      return "";
    std::string why;
    auto asLinear = [&](Operation *op) {
      auto linalgOp = dyn_cast_or_null<linalg::LinalgOp>(op);
      if (linalgOp && succeeded(matchLinearLayer(linalgOp, why)))
        return linalgOp;
      return linalg::LinalgOp();
    };
    linalg::LinalgOp contraction = asLinear(def);
    for (Value operand : def->getOperands())
      if (!contraction)
        contraction = asLinear(operand.getDefiningOp());
    if (!contraction)
      return "";
    std::optional<Consumer> producer = readConsumer(contraction, why);
    if (!producer || producer->n != k)
      return "";
    matchBiasAdd(producer->layer);
    if (lastOpOf(producer->layer) != def)
      return "";
    std::optional<ConstantOperand> bias;
    if (producer->layer.bias) {
      for (OpOperand &operand : def->getOpOperands()) {
        if (auto linalgOp = dyn_cast<linalg::LinalgOp>(def);
            linalgOp && !linalgOp.isDpsInput(&operand))
          continue;
        if (operand.get() != contraction->getResult(0) && !bias)
          bias = readConstantOperand(&operand, producer->layer.bias, why);
      }
      if (!bias)
        return "";
    }
    SmallVector<float> weight(producer->weight.data.values);
    for (int64_t j = 0; j < producer->k; ++j)
      for (int64_t c = 0; c < k; ++c) {
        int64_t index =
            producer->layer.weightTransposed ? c * producer->k + j : j * k + c;
        weight[index] /= s[c];
      }
    replaceConstant(rewriter, producer->weight, weight);
    if (bias)
      divide(*bias);
    std::string name = "folded into the preceding linear layer";
    if (auto attr = contraction->getAttrOfType<StringAttr>(
            SqzDialect::getLayerAttrName()))
      name += " '" + attr.str() + "'";
    return name;
  }

  /// Builds `x * inverse` per channel of the last dimension, after `x`.
  Value buildScale(RewriterBase &rewriter, Value x, ArrayRef<float> inverse) {
    rewriter.setInsertionPointAfterValue(x);
    Location loc = x.getLoc();
    auto type = cast<RankedTensorType>(x.getType());
    int64_t rank = type.getRank();
    auto inverseType = RankedTensorType::get(
        {static_cast<int64_t>(inverse.size())}, type.getElementType());
    Value factors = arith::ConstantOp::create(
        rewriter, loc, inverseType,
        cast<TypedAttr>(DenseElementsAttr::get(inverseType, inverse)));
    Value empty = tensor::EmptyOp::create(
        rewriter, loc, tensor::getMixedSizes(rewriter, loc, x),
        type.getElementType());
    MLIRContext *context = rewriter.getContext();
    SmallVector<AffineMap> maps = {
        AffineMap::getMultiDimIdentityMap(rank, context),
        AffineMap::get(rank, 0, getAffineDimExpr(rank - 1, context)),
        AffineMap::getMultiDimIdentityMap(rank, context)};
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    auto scale = linalg::GenericOp::create(
        rewriter, loc, TypeRange{type}, ValueRange{x, factors},
        ValueRange{empty}, maps, iterators,
        [](OpBuilder &builder, Location loc, ValueRange args) {
          Value product = arith::MulFOp::create(builder, loc, args[0], args[1]);
          linalg::YieldOp::create(builder, loc, product);
        });
    return scale->getResult(0);
  }

  std::optional<Statistics> statistics;
};
} // namespace
