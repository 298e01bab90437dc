//===- Prune.cpp - sqz-prune ----------------------------------------------===//
//
// Unstructured and N:M pruning of the constant weights of linear layers, by
// magnitude or by Wanda score, on raw float buffers. The pruned weight
// becomes an sqz.pack of the kept values and their sparsity metadata; rows
// and heads are pruned by StructuredPruning.cpp.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/Pruning.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/Statistics.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZPRUNE
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

namespace {
/// A stored weight seen as `[batch, rows, cols]`: `[B, K, N]`, or
/// `[B, N, K]` when transposed (B = 1 for a 2-D weight).
struct WeightGeometry {
  int64_t batch = 1, rows = 0, cols = 0;
  bool transposed = false;

  WeightGeometry(ArrayRef<int64_t> shape, bool transposed)
      : transposed(transposed) {
    for (int64_t dim : shape.drop_back(2))
      batch *= dim;
    rows = shape[shape.size() - 2];
    cols = shape.back();
  }
  int64_t reduction() const { return transposed ? cols : rows; }
  int64_t channels() const { return transposed ? rows : cols; }
  int64_t count() const { return batch * rows * cols; }
  /// The flat index of weight `(b, k, n)`.
  int64_t flat(int64_t b, int64_t k, int64_t n) const {
    return transposed ? (b * rows + n) * cols + k : (b * rows + k) * cols + n;
  }
};

/// A layer to prune, with its weight data and, for Wanda, the norms of its
/// input channels.
struct PruneTarget {
  LinearLayer layer;
  std::string name;
  WeightData data;
  RankedTensorType weightType;
  std::vector<double> inputNorms;
};
} // namespace

/// The bits of the IEEE half that is exactly `value` (a value widened from a
/// half, so finite and representable).
static uint16_t floatToHalfExact(float value) {
  uint32_t bits = llvm::bit_cast<uint32_t>(value);
  uint16_t sign = (bits >> 16) & 0x8000;
  int32_t exponent = static_cast<int32_t>((bits >> 23) & 0xff) - 127 + 15;
  if ((bits & 0x7fffffff) == 0)
    return sign;
  if (exponent > 0)
    return sign | static_cast<uint16_t>(exponent << 10) |
           static_cast<uint16_t>((bits & 0x7fffff) >> 13);
  // A half subnormal: |value| = q * 2^-24.
  return sign | static_cast<uint16_t>(std::fabs(value) * 0x1p24f);
}

/// A constant of `type` (f32, f16 or bf16 elements) holding `values`, which
/// are exactly representable in the element type.
static DenseElementsAttr floatConstant(RankedTensorType type,
                                       ArrayRef<float> values) {
  Type elementType = type.getElementType();
  if (elementType.isF32())
    return DenseElementsAttr::getFromRawBuffer(
        type, ArrayRef<char>(reinterpret_cast<const char *>(values.data()),
                             values.size() * sizeof(float)));
  std::vector<uint16_t> bits(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    bits[i] =
        elementType.isF16()
            ? floatToHalfExact(values[i])
            : static_cast<uint16_t>(llvm::bit_cast<uint32_t>(values[i]) >> 16);
  return DenseElementsAttr::getFromRawBuffer(
      type, ArrayRef<char>(reinterpret_cast<const char *>(bits.data()),
                           bits.size() * sizeof(uint16_t)));
}

/// Marks in `keep` (all true on entry) the `pruned` lowest of `scores` at
/// `indices` as removed; ties remove the lower index first (numpy's stable
/// argsort).
template <typename Score>
static void pruneLowest(ArrayRef<Score> scores, SmallVectorImpl<int64_t> &order,
                        int64_t pruned, function_ref<void(int64_t)> remove) {
  if (pruned <= 0)
    return;
  auto lower = [&](int64_t a, int64_t b) {
    return scores[a] < scores[b] || (scores[a] == scores[b] && a < b);
  };
  std::nth_element(order.begin(), order.begin() + (pruned - 1), order.end(),
                   lower);
  for (int64_t i = 0; i < pruned; ++i)
    remove(order[i]);
}

/// The number of weights out of `count` that `sparsity` removes.
static int64_t prunedCount(double sparsity, int64_t count) {
  return static_cast<int64_t>(
      std::floor(sparsity * static_cast<double>(count)));
}

/// The kept mask of an unstructured layer-scope prune of `target`.
static std::vector<uint8_t> unstructuredMask(const PruneTarget &target,
                                             const PruneOptions &options) {
  ArrayRef<float> w = target.data.values;
  std::vector<uint8_t> keep(w.size(), 1);
  auto remove = [&](int64_t index) { keep[index] = 0; };
  if (options.method == PruneMethod::Magnitude) {
    SmallVector<float> scores(w.size());
    for (size_t i = 0; i < w.size(); ++i)
      scores[i] = std::fabs(w[i]);
    SmallVector<int64_t> order(w.size());
    std::iota(order.begin(), order.end(), 0);
    pruneLowest<float>(scores, order, prunedCount(options.sparsity, w.size()),
                       remove);
    return keep;
  }
  // Wanda: within each output channel, score |W_kn| * ||X_k||.
  WeightGeometry geometry(target.weightType.getShape(),
                          target.layer.weightTransposed);
  int64_t k = geometry.reduction();
  int64_t pruned = prunedCount(options.sparsity, k);
  SmallVector<double> scores(k);
  SmallVector<int64_t> order(k);
  for (int64_t b = 0; b < geometry.batch; ++b) {
    for (int64_t n = 0; n < geometry.channels(); ++n) {
      for (int64_t i = 0; i < k; ++i)
        scores[i] = static_cast<double>(std::fabs(w[geometry.flat(b, i, n)])) *
                    target.inputNorms[i];
      std::iota(order.begin(), order.end(), 0);
      pruneLowest<double>(scores, order, pruned,
                          [&](int64_t i) { keep[geometry.flat(b, i, n)] = 0; });
    }
  }
  return keep;
}

/// The kept masks of a global magnitude prune of all `targets`: one ranking
/// of every weight's |w|, the layers concatenated in order.
static std::vector<std::vector<uint8_t>>
globalMasks(ArrayRef<PruneTarget> targets, const PruneOptions &options) {
  SmallVector<float> scores;
  SmallVector<int64_t> offsets;
  std::vector<std::vector<uint8_t>> keep;
  for (const PruneTarget &target : targets) {
    offsets.push_back(scores.size());
    for (float value : target.data.values)
      scores.push_back(std::fabs(value));
    keep.emplace_back(target.data.values.size(), 1);
  }
  SmallVector<int64_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  pruneLowest<float>(
      scores, order, prunedCount(options.sparsity, scores.size()),
      [&](int64_t index) {
        size_t layer = llvm::upper_bound(offsets, index) - offsets.begin() - 1;
        keep[layer][index - offsets[layer]] = 0;
      });
  return keep;
}

/// Builds the pack of an unstructured prune: the kept values in row-major
/// order and the i1 mask.
static Value buildUnstructuredPack(RewriterBase &rewriter, Location loc,
                                   const PruneTarget &target,
                                   ArrayRef<uint8_t> keep) {
  RankedTensorType type = target.weightType;
  ArrayRef<float> w = target.data.values;
  SmallVector<float> kept;
  SmallVector<bool> mask(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    mask[i] = keep[i];
    if (keep[i])
      kept.push_back(w[i]);
  }
  auto valuesType = RankedTensorType::get({static_cast<int64_t>(kept.size())},
                                          type.getElementType());
  Value values =
      arith::ConstantOp::create(rewriter, loc, floatConstant(valuesType, kept));
  auto maskType = RankedTensorType::get(type.getShape(), rewriter.getI1Type());
  Value metadata = arith::ConstantOp::create(
      rewriter, loc, DenseElementsAttr::get(maskType, ArrayRef<bool>(mask)));
  auto sparsity = SparsityAttr::get(rewriter.getContext(),
                                    SparsityKind::Unstructured, 0, 0, 0);
  auto packedType =
      SqzTensorType::get(rewriter.getContext(), type.getShape(),
                         type.getElementType(), QuantAttr(), sparsity);
  return PackOp::create(rewriter, loc, packedType, values, /*scales=*/Value(),
                        /*zero_points=*/Value(), metadata);
}

/// Builds the pack of an N:M prune: in every group of `m` weights along the
/// reduction axis, the `n` highest-scored (ties keep the lower position), in
/// their order, and their positions in the group.
static Value buildNMPack(RewriterBase &rewriter, Location loc,
                         const PruneTarget &target,
                         const PruneOptions &options) {
  RankedTensorType type = target.weightType;
  ArrayRef<float> w = target.data.values;
  WeightGeometry geometry(type.getShape(), target.layer.weightTransposed);
  int64_t n = options.n, m = options.m;
  int64_t k = geometry.reduction(), groups = k / m, keptK = groups * n;
  bool wanda = options.method == PruneMethod::Wanda;
  // The kept values have the weight's shape with K shrunk to keptK.
  WeightGeometry keptGeometry = geometry;
  (geometry.transposed ? keptGeometry.cols : keptGeometry.rows) = keptK;

  SmallVector<float> kept(keptGeometry.count());
  SmallVector<uint8_t> positions(keptGeometry.count());
  SmallVector<double> scores(m);
  SmallVector<int64_t> order(m);
  for (int64_t b = 0; b < geometry.batch; ++b) {
    for (int64_t c = 0; c < geometry.channels(); ++c) {
      for (int64_t g = 0; g < groups; ++g) {
        for (int64_t i = 0; i < m; ++i) {
          int64_t kk = g * m + i;
          double magnitude = std::fabs(w[geometry.flat(b, kk, c)]);
          scores[i] = wanda ? magnitude * target.inputNorms[kk] : magnitude;
        }
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int64_t a, int64_t z) {
          return scores[a] > scores[z] || (scores[a] == scores[z] && a < z);
        });
        std::sort(order.begin(), order.begin() + n);
        for (int64_t j = 0; j < n; ++j) {
          int64_t out = keptGeometry.flat(b, g * n + j, c);
          kept[out] = w[geometry.flat(b, g * m + order[j], c)];
          positions[out] = static_cast<uint8_t>(order[j]);
        }
      }
    }
  }

  int64_t axis = target.layer.reductionAxis();
  SmallVector<int64_t> keptShape(type.getShape());
  keptShape[axis] = keptK;
  auto valuesType = RankedTensorType::get(keptShape, type.getElementType());
  Value values =
      arith::ConstantOp::create(rewriter, loc, floatConstant(valuesType, kept));
  unsigned width = llvm::Log2_64_Ceil(m);
  auto metadataType =
      RankedTensorType::get(keptShape, rewriter.getIntegerType(width));
  DenseElementsAttr metadataAttr;
  if (width == 1) {
    SmallVector<bool> bits(positions.begin(), positions.end());
    metadataAttr = DenseElementsAttr::get(metadataType, ArrayRef<bool>(bits));
  } else {
    metadataAttr = DenseElementsAttr::getFromRawBuffer(
        metadataType,
        ArrayRef<char>(reinterpret_cast<const char *>(positions.data()),
                       positions.size()));
  }
  Value metadata = arith::ConstantOp::create(rewriter, loc, metadataAttr);
  auto sparsity =
      SparsityAttr::get(rewriter.getContext(), SparsityKind::NM, n, m, axis);
  auto packedType =
      SqzTensorType::get(rewriter.getContext(), type.getShape(),
                         type.getElementType(), QuantAttr(), sparsity);
  return PackOp::create(rewriter, loc, packedType, values, /*scales=*/Value(),
                        /*zero_points=*/Value(), metadata);
}

namespace {
struct SqzPrunePass : sqz::impl::SqzPruneBase<SqzPrunePass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    auto error = [&]() {
      return emitError(UnknownLoc::get(context)) << "sqz-prune: ";
    };
    options.method = method;
    options.pattern = pattern;
    options.globalScope = scope == PruneScope::Global;
    if (!(sparsity >= 0.0 && sparsity < 1.0)) {
      return error() << "sparsity must be in [0, 1), got "
                     << formatShortest(sparsity);
    }
    options.sparsity = sparsity;
    if (options.pattern == PrunePattern::NM) {
      if (m > 256)
        return error() << "m must be at most 256, got "
                       << static_cast<int64_t>(m);
      if (n < 1 || n >= m)
        return error() << "n:m needs 1 <= n < m, got "
                       << static_cast<int64_t>(n) << ":"
                       << static_cast<int64_t>(m);
    }
    options.n = n;
    options.m = m;
    options.numHeads = numHeads;
    bool local = options.pattern == PrunePattern::Unstructured ||
                 options.pattern == PrunePattern::NM;
    if (local && options.globalScope && options.method == PruneMethod::Wanda)
      return error() << "scope=global needs method=magnitude: Wanda compares "
                        "scores only within an output channel";
    if (local && options.globalScope && options.pattern == PrunePattern::NM)
      return error() << "scope=global needs pattern=unstructured: N:M keeps n "
                        "of every m weights of each group, there is no "
                        "threshold to share";
    if (!local && !layers.empty())
      return error() << "layers= needs pattern=unstructured or pattern=nm";
    if (options.method == PruneMethod::Wanda) {
      if (stats.empty())
        return error() << "method=wanda needs a statistics file (stats=FILE)";
      return loadStatistics(stats, statistics, [&]() {
        return emitError(UnknownLoc::get(context)) << "sqz-prune: ";
      });
    }
    return success();
  }

  void runOnOperation() override {
    if (statistics && !allowUnknownLayers &&
        failed(
            verifyStatisticsLayers(*statistics, getOperation(), "sqz-prune")))
      return signalPassFailure();
    if (options.pattern == PrunePattern::Rows ||
        options.pattern == PrunePattern::Heads) {
      auto explainSkip = [&](Operation *op, StringRef why) {
        if (explain)
          op->emitRemark("weight not pruned: ") << why;
      };
      if (failed(pruneStructured(getOperation(), options, explainSkip)))
        signalPassFailure();
      return;
    }

    SmallVector<PruneTarget> targets;
    if (failed(collectTargets(targets)))
      return signalPassFailure();

    std::vector<std::vector<uint8_t>> masks;
    if (options.pattern == PrunePattern::Unstructured) {
      if (options.globalScope) {
        masks = globalMasks(targets, options);
      } else {
        for (const PruneTarget &target : targets)
          masks.push_back(unstructuredMask(target, options));
      }
    }

    IRRewriter rewriter(&getContext());
    for (auto [index, target] : llvm::enumerate(targets)) {
      // Match again: rewriting an earlier layer replaced the values that
      // this one's match may hold (its input, when the layers are chained).
      linalg::LinalgOp contraction = target.layer.contraction;
      std::string why;
      FailureOr<LinearLayer> layer = matchLinearLayer(contraction, why);
      assert(succeeded(layer) && "rewriting other layers keeps this one");
      target.layer = *layer;
      contraction->setAttr(SqzDialect::getLayerAttrName(),
                           rewriter.getStringAttr(target.name));
      matchBiasAdd(target.layer);
      rewriter.setInsertionPoint(lastOpOf(target.layer));
      Location loc = contraction.getLoc();
      Value packed =
          options.pattern == PrunePattern::NM
              ? buildNMPack(rewriter, loc, target, options)
              : buildUnstructuredPack(rewriter, loc, target, masks[index]);
      replaceLinearLayer(rewriter, target.layer, packed,
                         target.data.definingOp);
    }
  }

  /// Finds the layers to prune, in program order, and checks their weights
  /// and statistics; explains the layers it leaves alone. Fails after
  /// reporting every error.
  LogicalResult collectTargets(SmallVectorImpl<PruneTarget> &targets) {
    ModuleOp module = getOperation();
    SmallVector<NamedLinearLayer> allLayers = findNamedLinearLayers(module);
    llvm::SmallPtrSet<Operation *, 16> accepted;
    for (const NamedLinearLayer &layer : allLayers)
      accepted.insert(layer.op);
    if (explain) {
      module->walk([&](Operation *op) {
        if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op)) {
          std::string why;
          if (linalg::isaContractionOpInterface(linalgOp) &&
              !accepted.contains(op) && failed(matchLinearLayer(linalgOp, why)))
            op->emitRemark("weight not pruned: ") << why;
        } else if (auto matmul = dyn_cast<MatmulOp>(op)) {
          op->emitRemark("weight not pruned: ")
              << (isa<SqzTensorType>(matmul.getRhs().getType())
                      ? "weight is already compressed"
                      : "an sqz.matmul is not a form sqz-prune rewrites");
        }
      });
    }

    // layers=: the names asked for, each to be found in the module.
    llvm::StringSet<> requested, found;
    for (const std::string &name : layers)
      requested.insert(name);

    bool hadError = false;
    for (NamedLinearLayer &named : allLayers) {
      if (!requested.empty()) {
        if (!requested.contains(named.name)) {
          if (explain)
            named.op->emitRemark("weight not pruned: layer '")
                << named.name << "' is not in layers=";
          continue;
        }
        found.insert(named.name);
      }
      std::string why;
      FailureOr<LinearLayer> layer = matchLinearLayer(named.op, why);
      assert(succeeded(layer) && "findNamedLinearLayers matched it");
      std::optional<WeightData> data = readConstantWeight(layer->weight, why);
      if (!data && requested.contains(named.name)) {
        named.op->emitError("sqz-prune: layer '")
            << named.name << "' in layers= has no weight to prune: " << why;
        hadError = true;
        continue;
      }
      if (!data) {
        if (explain)
          named.op->emitRemark("weight not pruned: ") << why;
        continue;
      }
      PruneTarget target{*layer,
                         named.name,
                         std::move(*data),
                         cast<RankedTensorType>(layer->weight.getType()),
                         {}};
      if (failed(checkTarget(target))) {
        hadError = true;
        continue;
      }
      // Moving a WeightData keeps `values` valid: a std::vector hands its
      // buffer over.
      targets.push_back(std::move(target));
    }
    for (const std::string &name : layers) {
      if (found.contains(name))
        continue;
      std::string known;
      llvm::raw_string_ostream os(known);
      llvm::interleave(
          allLayers, os, [&](const NamedLinearLayer &l) { os << l.name; },
          ", ");
      module.emitError("sqz-prune: layers= names '")
          << name << "', which is not a linear layer of the module (its "
          << "layers: " << (known.empty() ? "none" : known) << ")";
      hadError = true;
    }
    return failure(hadError);
  }

  /// Checks that `target` can be pruned as asked: finite weights, a
  /// reduction size that `m` divides, statistics that match.
  LogicalResult checkTarget(PruneTarget &target) {
    ArrayRef<float> w = target.data.values;
    for (size_t i = 0; i < w.size(); ++i) {
      if (!std::isfinite(w[i]))
        return target.data.definingOp->emitError(
                   "weight has a non-finite value (")
               << w[i] << ") at flat index " << i;
    }
    Operation *op = target.layer.contraction;
    int64_t k = target.weightType.getDimSize(target.layer.reductionAxis());
    if (options.pattern == PrunePattern::NM && k % options.m != 0)
      return op->emitError("layer '")
             << target.name << "': m = " << options.m
             << " does not divide the reduction size " << k;
    if (options.method != PruneMethod::Wanda)
      return success();
    const LayerStatistics *layerStats =
        findLayerStatistics(*statistics, target.name, k, op);
    if (!layerStats)
      return failure();
    std::optional<std::vector<double>> norms = layerStats->inputNorms();
    if (!norms)
      return op->emitError("statistics of layer '")
             << target.name
             << "' have neither field 'l2' nor field 'sumsq', which "
                "method=wanda needs";
    target.inputNorms = std::move(*norms);
    return success();
  }

  PruneOptions options;
  std::optional<Statistics> statistics;
};
} // namespace
