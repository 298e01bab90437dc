//===- QuantizeActivations.cpp - sqz-quantize-activations -----------------===//
//
// Quantizes the float activation operand of every sqz.matmul whose weight is
// quantized, so that the matmul can run in integers: with parameters
// computed at run time (dynamic) or from calibration statistics (static).
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/Statistics.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/Support/Format.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZQUANTIZEACTIVATIONS
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

namespace {

/// The name of the attribute `sqz-smoothquant` leaves on a layer: the
/// smoothing factors `s` (dense f32 [K]) its input was divided by.
constexpr StringLiteral kSmoothingAttrName = "sqz.smoothing";

/// The distribution of a whole activation tensor, merged from the histograms
/// of its channels onto one grid of equal fine bins over `[lo, hi]`.
struct MergedHistogram {
  static constexpr int64_t kFineBins = 4096;
  double lo = 0, hi = 0;
  std::vector<double> mass;
  double total = 0;

  double width() const { return (hi - lo) / static_cast<double>(kFineBins); }
  double center(size_t i) const {
    return lo + (static_cast<double>(i) + 0.5) * width();
  }

  /// The value below which a fraction `q` of the mass lies, interpolated
  /// linearly within a fine bin.
  double quantile(double q) const {
    if (hi <= lo || total <= 0)
      return hi;
    double target = q * total, below = 0;
    for (size_t i = 0; i < mass.size(); ++i) {
      if (mass[i] > 0 && below + mass[i] >= target)
        return lo +
               width() * (static_cast<double>(i) +
                          std::clamp((target - below) / mass[i], 0.0, 1.0));
      below += mass[i];
    }
    return hi;
  }
};

/// One bin of a channel histogram, in the units of the (smoothed) tensor.
struct WeightedInterval {
  double a, b, weight;
};

/// Spreads every interval's weight uniformly over the fine bins of a grid
/// that covers them all. `magnitude` folds the intervals onto |x| first (a
/// bin across 0 is split in proportion to its two sides).
MergedHistogram mergeIntervals(std::vector<WeightedInterval> intervals,
                               bool magnitude) {
  if (magnitude) {
    std::vector<WeightedInterval> folded;
    for (const WeightedInterval &in : intervals) {
      if (in.a >= 0) {
        folded.push_back(in);
      } else if (in.b <= 0) {
        folded.push_back({-in.b, -in.a, in.weight});
      } else {
        double length = in.b - in.a;
        folded.push_back({0, -in.a, in.weight * -in.a / length});
        folded.push_back({0, in.b, in.weight * in.b / length});
      }
    }
    intervals = std::move(folded);
  }
  MergedHistogram merged;
  merged.mass.assign(MergedHistogram::kFineBins, 0.0);
  bool first = true;
  for (const WeightedInterval &in : intervals) {
    if (in.weight <= 0)
      continue;
    merged.lo = first ? in.a : std::min(merged.lo, in.a);
    merged.hi = first ? in.b : std::max(merged.hi, in.b);
    first = false;
  }
  if (magnitude)
    merged.lo = 0;
  if (first || merged.hi <= merged.lo) {
    for (const WeightedInterval &in : intervals)
      merged.total += in.weight;
    merged.mass[0] = merged.total;
    return merged;
  }
  double h = merged.width();
  auto binOf = [&](double v) {
    auto i = static_cast<int64_t>(std::floor((v - merged.lo) / h));
    return std::clamp<int64_t>(i, 0, MergedHistogram::kFineBins - 1);
  };
  for (const WeightedInterval &in : intervals) {
    if (in.weight <= 0)
      continue;
    merged.total += in.weight;
    double length = in.b - in.a;
    if (!(length > 0)) {
      merged.mass[binOf(in.a)] += in.weight;
      continue;
    }
    for (int64_t i = binOf(in.a), e = binOf(in.b); i <= e; ++i) {
      double binLo = merged.lo + static_cast<double>(i) * h;
      double overlap = std::min(in.b, binLo + h) - std::max(in.a, binLo);
      if (overlap > 0)
        merged.mass[i] += in.weight * overlap / length;
    }
  }
  return merged;
}

/// The symmetric clipping bound `t` (range [-t, t]) that minimises the
/// expected squared error under `hist` (a distribution of |x|).
double mseSymmetric(const MergedHistogram &hist, int64_t qmax) {
  constexpr int kCandidates = 256;
  double best = hist.hi, bestError = std::numeric_limits<double>::infinity();
  for (int i = kCandidates; i >= 1; --i) {
    double t = hist.hi * i / kCandidates;
    double step = t / static_cast<double>(qmax);
    double error = 0;
    for (size_t b = 0; b < hist.mass.size(); ++b) {
      double v = hist.center(b);
      error += hist.mass[b] * (v <= t ? step * step / 12.0 : (v - t) * (v - t));
    }
    if (error < bestError) {
      bestError = error;
      best = t;
    }
  }
  return best;
}

/// The asymmetric clipping range that minimises the expected squared error
/// under `hist` (a distribution of x).
std::pair<double, double> mseAsymmetric(const MergedHistogram &hist,
                                        int64_t levels) {
  constexpr int kCandidates = 64;
  double fullLo = std::min(hist.lo, 0.0), fullHi = std::max(hist.hi, 0.0);
  std::pair<double, double> best{fullLo, fullHi};
  double bestError = std::numeric_limits<double>::infinity();
  for (int i = kCandidates; i >= 0; --i) {
    for (int j = kCandidates; j >= 0; --j) {
      double lo = fullLo * i / kCandidates, hi = fullHi * j / kCandidates;
      if (!(hi > lo))
        continue;
      double step = (hi - lo) / static_cast<double>(levels);
      double error = 0;
      for (size_t b = 0; b < hist.mass.size(); ++b) {
        double v = hist.center(b);
        double outside = v < lo ? lo - v : (v > hi ? v - hi : 0.0);
        error += hist.mass[b] *
                 (outside > 0 ? outside * outside : step * step / 12.0);
      }
      if (error < bestError) {
        bestError = error;
        best = {lo, hi};
      }
    }
  }
  return best;
}

/// The channels of the layer's input that `value` holds, when it is a gather
/// of some of them (the form `sqz-outlier-split` gives the rest of a layer):
/// a linalg.generic over a constant 1-D index tensor whose body extracts
/// from a tensor of `channels` channels. std::nullopt otherwise.
std::optional<SmallVector<int64_t>> gatheredChannels(Value value,
                                                     int64_t channels) {
  auto generic = value.getDefiningOp<linalg::GenericOp>();
  if (!generic || generic.getNumDpsInputs() != 1)
    return std::nullopt;
  DenseIntElementsAttr indices;
  if (!matchPattern(generic.getDpsInputs()[0], m_Constant(&indices)) ||
      indices.getType().getRank() != 1)
    return std::nullopt;
  bool fromLayerInput = false;
  generic.getBody()->walk([&](tensor::ExtractOp extract) {
    auto type = extract.getTensor().getType();
    fromLayerInput |= type.getRank() > 0 && type.getShape().back() == channels;
  });
  if (!fromLayerInput)
    return std::nullopt;
  SmallVector<int64_t> result;
  for (const APInt &index : indices.getValues<APInt>()) {
    int64_t channel = index.getSExtValue();
    if (channel < 0 || channel >= channels)
      return std::nullopt;
    result.push_back(channel);
  }
  return result;
}

struct SqzQuantizeActivationsPass
    : sqz::impl::SqzQuantizeActivationsBase<SqzQuantizeActivationsPass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    auto fail = [&] {
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-activations: ";
    };
    if (bits != 8 && bits != 4)
      return fail() << "bits must be 8 or 4, got "
                    << static_cast<unsigned>(bits);
    if (mode == ActivationQuantMode::Dynamic)
      return success();
    if (granularity == ActivationGranularity::Token)
      return fail() << "granularity=token needs mode=dynamic: the scale of a "
                       "token is only known at run time";
    if (!(percentile > 0.0 && percentile <= 100.0)) {
      return fail() << "percentile must be in (0, 100], got "
                    << formatShortest(percentile);
    }
    if (stats.empty())
      return fail() << "mode=static needs a statistics file (stats=FILE)";
    return loadStatistics(stats, statistics, [&]() { return fail(); });
  }

  void runOnOperation() override {
    if (statistics && !allowUnknownLayers &&
        failed(verifyStatisticsLayers(*statistics, getOperation(),
                                      "sqz-quantize-activations")))
      return signalPassFailure();
    // Static ranges are found by layer name: the shared numbering, for
    // layers that no pass named yet.
    layerNames.clear();
    for (NamedLayer &layer : findNamedLayers(getOperation()))
      layerNames[layer.op] = std::move(layer.name);
    IRRewriter rewriter(&getContext());
    bool hadError = false;
    getOperation()->walk([&](MatmulOp op) {
      auto inputType = dyn_cast<RankedTensorType>(op.getLhs().getType());
      if (!inputType) {
        if (explain)
          op.emitRemark("activation not quantized: it is already quantized");
        return;
      }
      if (!isa<SqzTensorType>(op.getRhs().getType())) {
        if (explain)
          op.emitRemark("activation not quantized: the weight is a float "
                        "tensor, the matmul stays in float");
        return;
      }
      int64_t rank = inputType.getRank();
      bool perToken = granularity == ActivationGranularity::Token;
      auto quant = QuantAttr::get(
          &getContext(), bits, /*storageSigned=*/symmetric,
          perToken ? GranularityKind::PerChannel : GranularityKind::PerTensor,
          /*axis=*/perToken ? rank - 2 : 0, /*groupSize=*/0, symmetric,
          /*narrowRange=*/false);
      auto type =
          SqzTensorType::get(&getContext(), inputType.getShape(),
                             inputType.getElementType(), quant, SparsityAttr());
      // Right after the input's definition, so that every layer reading the
      // input (Q, K and V) can share the one quantization.
      rewriter.setInsertionPointAfterValue(op.getLhs());
      Value scales, zeroPoints;
      if (mode == ActivationQuantMode::Static) {
        if (failed(buildStaticParams(rewriter, op, scales, zeroPoints))) {
          hadError = true;
          return;
        }
      }
      QuantizeOp quantized =
          findQuantized(op.getLhs(), type, scales, zeroPoints);
      if (quantized) {
        for (Value param : {scales, zeroPoints})
          if (param && param.use_empty())
            rewriter.eraseOp(param.getDefiningOp());
      } else {
        quantized = QuantizeOp::create(rewriter, op.getLoc(), type, op.getLhs(),
                                       scales, zeroPoints);
        quantizedInputs[op.getLhs()].push_back(quantized);
      }
      rewriter.modifyOpInPlace(
          op, [&] { op.getLhsMutable().assign(quantized.getResult()); });
    });
    quantizedInputs.clear();
    if (hadError)
      signalPassFailure();
  }

  /// The name of every layer, from findNamedLayers.
  DenseMap<Operation *, std::string> layerNames;

  /// The `sqz.quantize` ops made so far, by the value they quantize.
  DenseMap<Value, SmallVector<QuantizeOp>> quantizedInputs;

  /// A quantization of `input` made for an earlier layer with the same type
  /// and parameters (none, or equal constants), or null.
  QuantizeOp findQuantized(Value input, SqzTensorType type, Value scales,
                           Value zeroPoints) {
    auto sameParam = [](Value a, Value b) {
      if (!a || !b)
        return !a && !b;
      Attribute x, y;
      return matchPattern(a, m_Constant(&x)) &&
             matchPattern(b, m_Constant(&y)) && x == y;
    };
    for (QuantizeOp candidate : quantizedInputs.lookup(input))
      if (candidate.getType() == type &&
          sameParam(candidate.getScales(), scales) &&
          sameParam(candidate.getZeroPoints(), zeroPoints))
        return candidate;
    return nullptr;
  }

  /// Computes the per-tensor scale (and zero point) of `op`'s activation
  /// from its layer's statistics and creates them as constants.
  LogicalResult buildStaticParams(OpBuilder &builder, MatmulOp op,
                                  Value &scales, Value &zeroPoints) {
    auto known = layerNames.find(op);
    if (known == layerNames.end())
      return op.emitError("sqz.matmul outside a function is no named layer; "
                          "mode=static needs its name to find its statistics");
    StringRef name = known->second;
    const LayerStatistics *found =
        findLayerStatistics(*statistics, name, std::nullopt, op);
    if (!found)
      return failure();
    const LayerStatistics &layer = *found;
    auto inputType = cast<RankedTensorType>(op.getLhs().getType());
    int64_t k = inputType.getShape().back();
    // Statistics index of every channel of the activation: the same
    // channel, or, when the activation gathers some channels of the layer's
    // input (the rest of a layer after sqz-outlier-split), the gathered one.
    SmallVector<int64_t> channelOf(k);
    std::iota(channelOf.begin(), channelOf.end(), 0);
    if (layer.channels != k) {
      std::optional<SmallVector<int64_t>> gathered =
          gatheredChannels(op.getLhs(), layer.channels);
      if (!gathered || static_cast<int64_t>(gathered->size()) != k)
        return op.emitError("statistics of layer '")
               << name << "': field 'channels' is " << layer.channels
               << ", the activation has " << k << " input channels";
      channelOf = std::move(*gathered);
    }

    std::vector<double> smoothing(k, 1.0);
    if (Attribute attr = op->getAttr(kSmoothingAttrName)) {
      auto dense = dyn_cast<DenseFPElementsAttr>(attr);
      bool valid = dense && dense.getElementType().isF32() &&
                   dense.getType().getRank() == 1 &&
                   dense.getNumElements() == k;
      if (valid) {
        for (auto [j, s] : llvm::enumerate(dense.getValues<float>())) {
          valid = valid && std::isfinite(s) && s > 0;
          smoothing[j] = s;
        }
      }
      if (!valid)
        return op.emitError("layer '") << name << "': '" << kSmoothingAttrName
                                       << "' must be a dense f32 tensor of "
                                       << k << " positive finite factors";
    }

    auto missing = [&](StringRef field) {
      return op.emitError("statistics of layer '")
             << name << "' have no field '" << field << "', which range="
             << range.getParser().findArgStrForValue(range).value_or("?")
             << (symmetric ? " symmetric" : " asymmetric") << " needs";
    };

    int64_t qmin = symmetric ? -(int64_t{1} << (bits - 1)) : 0;
    int64_t qmax =
        symmetric ? (int64_t{1} << (bits - 1)) - 1 : (int64_t{1} << bits) - 1;
    double lo = 0, hi = 0;
    if (range == ActivationRange::MinMax) {
      if (symmetric) {
        if (!layer.absmax)
          return missing("absmax");
        for (int64_t j = 0; j < k; ++j)
          hi = std::max(hi, (*layer.absmax)[channelOf[j]] / smoothing[j]);
        lo = -hi;
      } else {
        if (!layer.min)
          return missing("min");
        if (!layer.max)
          return missing("max");
        for (int64_t j = 0; j < k; ++j) {
          lo = std::min(lo, (*layer.min)[channelOf[j]] / smoothing[j]);
          hi = std::max(hi, (*layer.max)[channelOf[j]] / smoothing[j]);
        }
      }
    } else {
      if (!layer.histogram)
        return missing("histogram");
      // This layer's counts only, read from their file when they are not
      // inline, and dropped after use.
      ChannelHistogram h = *layer.histogram;
      if (failed(loadHistogramCounts(statistics->path, name, layer.channels, h,
                                     [&] { return op.emitError(); })))
        return failure();
      std::vector<WeightedInterval> intervals;
      intervals.reserve(k * h.bins);
      for (int64_t j = 0; j < k; ++j) {
        int64_t c = channelOf[j];
        double a = h.lo[c] / smoothing[j], b = h.hi[c] / smoothing[j];
        double width = (b - a) / static_cast<double>(h.bins);
        for (int64_t i = 0; i < h.bins; ++i)
          intervals.push_back({a + width * i,
                               i + 1 == h.bins ? b : a + width * (i + 1),
                               static_cast<double>(h.counts[c][i])});
      }
      MergedHistogram merged = mergeIntervals(std::move(intervals), symmetric);
      double p = percentile / 100.0;
      if (range == ActivationRange::Percentile) {
        if (symmetric) {
          hi = merged.quantile(p);
          lo = -hi;
        } else {
          lo = merged.quantile(1.0 - p);
          hi = merged.quantile(p);
        }
      } else if (symmetric) {
        hi = mseSymmetric(merged, qmax);
        lo = -hi;
      } else {
        std::tie(lo, hi) = mseAsymmetric(merged, qmax - qmin);
      }
      lo = std::min(lo, 0.0);
      hi = std::max(hi, 0.0);
    }

    // The rule of sqz.quantize's dynamic parameters, in f32.
    float loF = static_cast<float>(lo), hiF = static_cast<float>(hi);
    float scale = symmetric ? std::max(-loF, hiF) / static_cast<float>(qmax)
                            : (hiF - loF) / static_cast<float>(qmax - qmin);
    if (scale == 0.0f || !std::isfinite(scale))
      scale = 1.0f;
    Location loc = op.getLoc();
    auto scaleType = RankedTensorType::get({}, builder.getF32Type());
    scales = arith::ConstantOp::create(
        builder, loc, DenseElementsAttr::get(scaleType, scale));
    if (!symmetric) {
      float zp = std::clamp(static_cast<float>(qmin) - std::rint(loF / scale),
                            static_cast<float>(qmin), static_cast<float>(qmax));
      auto zpType = RankedTensorType::get({}, builder.getI32Type());
      zeroPoints = arith::ConstantOp::create(
          builder, loc,
          DenseElementsAttr::get(zpType, static_cast<int32_t>(zp)));
    }
    return success();
  }

  std::optional<Statistics> statistics;
};
} // namespace
