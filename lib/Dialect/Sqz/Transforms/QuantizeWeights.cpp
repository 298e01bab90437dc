//===- QuantizeWeights.cpp - sqz-quantize-weights -------------------------===//
//
// Turns linear layers with constant weights into sqz.matmul on packed
// weights quantized by round to nearest or by GPTQ.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"
#include "sqz/Dialect/Sqz/Utils/Gptq.h"
#include "sqz/Dialect/Sqz/Utils/QuantMath.h"
#include "sqz/Support/NpyIO.h"
#include "sqz/Support/Progress.h"

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
#include "llvm/Support/Path.h"

#include <cmath>
#include <cstring>
#include <limits>

#define DEBUG_TYPE "sqz-quantize-weights"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZQUANTIZEWEIGHTS
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

/// The scheme of a weight of `weightType` (read `[N, K]` when `transposed`):
/// scales along the output channels N, groups along the reduction K. Fails,
/// after `explain`, when the group size does not divide K.
static FailureOr<QuantAttr>
weightQuantAttr(MLIRContext *context, RankedTensorType weightType,
                bool transposed, const WeightQuantOptions &options,
                function_ref<void(StringRef)> explain) {
  int64_t rank = weightType.getRank();
  int64_t channelAxis = rank - (transposed ? 2 : 1);
  int64_t reductionAxis = rank - (transposed ? 1 : 2);
  int64_t axis = 0, groupSize = 0;
  if (options.granularity == GranularityKind::PerChannel)
    axis = channelAxis;
  if (options.granularity == GranularityKind::PerGroup) {
    axis = reductionAxis;
    groupSize = options.groupSize;
  }
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
  return quant;
}

/// Builds the pack of a quantized weight of `weightType` before the
/// rewriter's insertion point: constants of `codes` (of `codesShape`, the
/// values' shape), of the scales and zero points of `buffer`, the sparsity
/// `metadata` when `sparsity` is set, and the error of `buffer` recorded as
/// `sqz.quant_error`.
static PackOp buildQuantizedPack(RewriterBase &rewriter, Location loc,
                                 RankedTensorType weightType, QuantAttr quant,
                                 const QuantizedBuffer &buffer,
                                 ArrayRef<int8_t> codes,
                                 ArrayRef<int64_t> codesShape,
                                 SparsityAttr sparsity, Value metadata) {
  auto codesType = RankedTensorType::get(codesShape, quant.getStorageType());
  auto codesConstant = arith::ConstantOp::create(
      rewriter, loc,
      DenseElementsAttr::getFromRawBuffer(
          codesType,
          ArrayRef<char>(reinterpret_cast<const char *>(codes.data()),
                         codes.size())));
  auto paramType = RankedTensorType::get(
      quant.getParamShape(weightType.getShape()), rewriter.getF32Type());
  auto scales = arith::ConstantOp::create(
      rewriter, loc,
      DenseElementsAttr::get(paramType, ArrayRef<float>(buffer.scales)));
  Value zeroPoints;
  if (!quant.getSymmetric())
    zeroPoints = arith::ConstantOp::create(
        rewriter, loc,
        DenseElementsAttr::get(paramType.clone(rewriter.getI32Type()),
                               ArrayRef<int32_t>(buffer.zeroPoints)));
  auto packedType =
      SqzTensorType::get(rewriter.getContext(), weightType.getShape(),
                         weightType.getElementType(), quant, sparsity);
  auto packed = PackOp::create(rewriter, loc, packedType, codesConstant, scales,
                               zeroPoints, metadata);
  double count = static_cast<double>(weightType.getNumElements());
  double sqnr = 10.0 * std::log10(buffer.signalEnergy / buffer.errorEnergy);
  packed->setAttr(
      SqzDialect::getQuantErrorAttrName(),
      rewriter.getDictionaryAttr(
          {rewriter.getNamedAttr(
               "mse", rewriter.getF64FloatAttr(buffer.errorEnergy / count)),
           rewriter.getNamedAttr("sqnr_db", rewriter.getF64FloatAttr(sqnr))}));
  return packed;
}

namespace {
/// What GPTQ needs beyond the scheme: where the Hessians are, and how.
struct GptqSettings {
  std::string directory;
  GptqOptions options;
};
} // namespace

/// Reads the Hessian of the layer `name` (`<directory>/<name>.hessian.npy`,
/// `K x K` of float32 or float64) as doubles. Reports an error on `op`,
/// naming the layer and the file, when it is missing, not a .npy file, or of
/// the wrong dtype or shape, or holds a non-finite value.
static FailureOr<std::vector<double>>
readHessian(Operation *op, StringRef directory, StringRef name, int64_t K) {
  SmallString<256> path(directory);
  llvm::sys::path::append(path, name + ".hessian.npy");
  llvm::Expected<npy::Array> array = npy::read(path);
  if (!array) {
    op->emitError("layer '")
        << name
        << "': cannot read its Hessian: " << llvm::toString(array.takeError());
    return failure();
  }
  if (array->dtype.kind != npy::DTypeKind::Float ||
      (array->dtype.size != 4 && array->dtype.size != 8)) {
    op->emitError("layer '")
        << name << "': Hessian '" << path << "' has dtype "
        << array->dtype.name() << ", expected float32 or float64";
    return failure();
  }
  if (array->shape.size() != 2 || array->shape[0] != K ||
      array->shape[1] != K) {
    op->emitError("layer '") << name << "': Hessian '" << path << "' has shape "
                             << npy::shapeString(array->shape) << ", expected ("
                             << K << ", " << K << ")";
    return failure();
  }
  std::vector<double> hessian(K * K);
  for (int64_t i = 0; i < K * K; ++i) {
    if (array->dtype.size == 8) {
      std::memcpy(&hessian[i], array->data.data() + 8 * i, 8);
    } else {
      float value;
      std::memcpy(&value, array->data.data() + 4 * i, 4);
      hessian[i] = value;
    }
    if (!std::isfinite(hessian[i])) {
      op->emitError("layer '")
          << name << "': Hessian '" << path
          << "' has a non-finite value at flat index " << i;
      return failure();
    }
  }
  return hessian;
}

/// Replaces the round-to-nearest quantization `buffer` of the weight
/// `values` of the layer `name` (on `op`) by GPTQ's. Fails, after an error,
/// when the Hessian cannot be used; keeps `buffer`, after a warning, when
/// the dampened Hessian is not positive definite.
static LogicalResult applyGptq(Operation *op, StringRef name,
                               const GptqSettings &settings,
                               ArrayRef<float> values, ArrayRef<int64_t> shape,
                               bool transposed, QuantAttr quant,
                               ArrayRef<bool> keep, QuantizedBuffer &buffer) {
  int64_t K = shape[shape.size() - (transposed ? 1 : 2)];
  FailureOr<std::vector<double>> hessian =
      readHessian(op, settings.directory, name, K);
  if (failed(hessian))
    return failure();
  std::string why;
  if (!gptqQuantize(values, shape, transposed, quant, *hessian,
                    settings.options, keep, buffer, why))
    op->emitWarning("layer '")
        << name << "': " << why << "; quantized by round to nearest";
  return success();
}

/// quantizeLinearWeight, by GPTQ when `gptq` is set (`name` is the layer's).
static LogicalResult
quantizeLinearWeightWith(RewriterBase &rewriter, linalg::LinalgOp linalgOp,
                         const WeightQuantOptions &options,
                         function_ref<void(StringRef)> explain, bool &hadError,
                         const GptqSettings *gptq, StringRef name) {
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

  auto weightType = cast<RankedTensorType>(layer->weight.getType());
  FailureOr<QuantAttr> quantOrFailure =
      weightQuantAttr(rewriter.getContext(), weightType,
                      layer->weightTransposed, options, explain);
  if (failed(quantOrFailure))
    return failure();
  QuantAttr quant = *quantOrFailure;

  QuantizedBuffer buffer;
  int64_t badIndex = 0;
  if (!quantizeBuffer(data->values, weightType.getShape(), quant, buffer,
                      badIndex)) {
    data->definingOp->emitError("weight has a non-finite value (")
        << data->values[badIndex] << ") at flat index " << badIndex;
    hadError = true;
    return failure();
  }
  if (gptq && failed(applyGptq(linalgOp, name, *gptq, data->values,
                               weightType.getShape(), layer->weightTransposed,
                               quant, /*keep=*/{}, buffer))) {
    hadError = true;
    return failure();
  }
  matchBiasAdd(*layer);

  // Materialize codes, scales and zero points as constants next to the
  // layer's last op (the bias add when there is one: the bias is defined
  // before it).
  rewriter.setInsertionPoint(lastOpOf(*layer));
  PackOp packed = buildQuantizedPack(
      rewriter, layer->contraction.getLoc(), weightType, quant, buffer,
      buffer.codes, weightType.getShape(), /*sparsity=*/{}, /*metadata=*/{});
  replaceLinearLayer(rewriter, *layer, packed, data->definingOp);
  return success();
}

LogicalResult mlir::sqz::quantizeLinearWeight(
    RewriterBase &rewriter, linalg::LinalgOp linalgOp,
    const WeightQuantOptions &options, function_ref<void(StringRef)> explain,
    bool &hadError) {
  return quantizeLinearWeightWith(rewriter, linalgOp, options, explain,
                                  hadError, /*gptq=*/nullptr, /*name=*/"");
}

/// The integers of the constant `attr`, widened to int64 without going
/// through an attribute per element.
static SmallVector<int64_t> readIndices(DenseIntElementsAttr attr) {
  SmallVector<int64_t> result;
  result.reserve(attr.getNumElements());
  unsigned width = attr.getElementType().getIntOrFloatBitWidth();
  if (width == 1) {
    for (bool bit : attr.getValues<bool>())
      result.push_back(bit);
  } else if (width <= 8 && !attr.isSplat()) {
    uint8_t mask = static_cast<uint8_t>((1u << width) - 1);
    for (char byte : attr.getRawData())
      result.push_back(static_cast<uint8_t>(byte) & mask);
  } else {
    for (const APInt &value : attr.getValues<APInt>())
      result.push_back(value.getActiveBits() > 63
                           ? std::numeric_limits<int64_t>::max()
                           : static_cast<int64_t>(value.getZExtValue()));
  }
  return result;
}

/// Rewrites the weight of `matmul` when it is an `sqz.pack` of constant,
/// unquantized float values with constant sparsity metadata (what sqz-prune
/// makes): the dense pruned weight is quantized as a dense weight would be,
/// and the codes of the kept positions are packed with the scales, zero
/// points and the same metadata. Returns failure, after `explain` when the
/// pack looked like one it should handle, when it leaves the weight alone.
static LogicalResult quantizeSparseWeight(RewriterBase &rewriter,
                                          MatmulOp matmul,
                                          const WeightQuantOptions &options,
                                          function_ref<void(StringRef)> explain,
                                          bool &hadError,
                                          const GptqSettings *gptq) {
  auto pack = matmul.getRhs().getDefiningOp<PackOp>();
  auto type = dyn_cast<SqzTensorType>(matmul.getRhs().getType());
  if (!pack || !type || type.isQuantized() || !type.isSparse())
    return failure();
  if (!type.hasStaticShape()) {
    explain("sparse weight has a dynamic shape");
    return failure();
  }
  std::string why;
  std::optional<WeightData> values = readConstantWeight(pack.getValues(), why);
  if (!values) {
    explain("sparse weight values: " + why);
    return failure();
  }
  DenseIntElementsAttr metadataAttr;
  if (!matchPattern(pack.getMetadata(), m_Constant(&metadataAttr))) {
    explain("sparse weight metadata is not a constant");
    return failure();
  }
  SmallVector<int64_t> indices = readIndices(metadataAttr);
  ArrayRef<float> kept = values->values;
  for (size_t i = 0; i < kept.size(); ++i) {
    if (!std::isfinite(kept[i])) {
      values->definingOp->emitError("weight has a non-finite value (")
          << kept[i] << ") at flat index " << i;
      hadError = true;
      return failure();
    }
  }

  // Decompress: `dense[origin[i]] = kept[i]`.
  ArrayRef<int64_t> shape = type.getShape();
  SparsityAttr sparsity = type.getSparsity();
  SmallVector<int64_t> origin;
  origin.reserve(kept.size());
  if (sparsity.getKind() == SparsityKind::Unstructured) {
    for (auto [flat, set] : llvm::enumerate(indices))
      if (set)
        origin.push_back(flat);
    assert(origin.size() == kept.size() &&
           "the sqz.pack verifier checks the mask's count of set bits");
  } else {
    // N:M along `axis`: values [outer, along * n / m, inner].
    int64_t axis = sparsity.getAxis(), n = sparsity.getN(), m = sparsity.getM();
    int64_t outer = 1, inner = 1;
    for (int64_t i = 0; i < axis; ++i)
      outer *= shape[i];
    for (size_t i = axis + 1; i < shape.size(); ++i)
      inner *= shape[i];
    int64_t along = shape[axis], keptAlong = along / m * n;
    for (int64_t o = 0; o < outer; ++o) {
      for (int64_t a = 0; a < keptAlong; ++a) {
        for (int64_t i = 0; i < inner; ++i) {
          int64_t position = indices[(o * keptAlong + a) * inner + i];
          if (position >= m) {
            explain(("N:M metadata holds position " + Twine(position) +
                     ", outside [0, " + Twine(m) + ")")
                        .str());
            return failure();
          }
          origin.push_back((o * along + a / n * m + position) * inner + i);
        }
      }
    }
  }
  std::vector<float> dense(type.getNumElements(), 0.0f);
  for (auto [i, flat] : llvm::enumerate(origin))
    dense[flat] = kept[i];

  auto denseType = RankedTensorType::get(shape, type.getElementType());
  FailureOr<QuantAttr> quant =
      weightQuantAttr(rewriter.getContext(), denseType,
                      matmul.getRhsTransposed(), options, explain);
  if (failed(quant))
    return failure();
  QuantizedBuffer buffer;
  int64_t badIndex = 0;
  bool finite = quantizeBuffer(dense, shape, *quant, buffer, badIndex);
  assert(finite && "the kept values were checked to be finite");
  (void)finite;
  if (gptq) {
    // GPTQ keeps the pruned positions at zero: their code is the code of
    // zero, and their error is compensated like any other.
    // runOnOperation named every layer of a function before rewriting any.
    auto name =
        matmul->getAttrOfType<StringAttr>(SqzDialect::getLayerAttrName());
    if (!name) {
      matmul->emitError("method=gptq: an sqz.matmul outside a function is no "
                        "named layer to find its Hessian by");
      hadError = true;
      return failure();
    }
    SmallVector<bool> keep(dense.size(), false);
    for (int64_t flat : origin)
      keep[flat] = true;
    if (failed(applyGptq(matmul, name.getValue(), *gptq, dense, shape,
                         matmul.getRhsTransposed(), *quant, keep, buffer))) {
      hadError = true;
      return failure();
    }
  }
  std::vector<int8_t> codes(origin.size());
  for (auto [i, flat] : llvm::enumerate(origin))
    codes[i] = buffer.codes[flat];

  rewriter.setInsertionPoint(pack);
  auto valuesShape = cast<RankedTensorType>(pack.getValues().getType());
  PackOp packed = buildQuantizedPack(rewriter, pack.getLoc(), denseType, *quant,
                                     buffer, codes, valuesShape.getShape(),
                                     sparsity, pack.getMetadata());
  rewriter.modifyOpInPlace(
      matmul, [&] { matmul.getRhsMutable().assign(packed.getResult()); });
  eraseDeadProducers(rewriter, {pack.getOperation()});
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
    quantOptions.granularity = granularity;
    if (quantOptions.granularity == GranularityKind::PerGroup && groupSize <= 0)
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-weights: group-size must be positive, got "
             << static_cast<int64_t>(groupSize);
    if (!(damp >= 0.0) || !std::isfinite(damp))
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-weights: damp must be a finite number >= 0, "
                "got "
             << static_cast<double>(damp);
    if (method == WeightQuantMethod::Gptq) {
      if (hessian.empty())
        return emitError(UnknownLoc::get(context))
               << "sqz-quantize-weights: method=gptq needs hessian=DIR";
      gptqSettings = GptqSettings{hessian, GptqOptions{}};
      gptqSettings->options.damp = damp;
      gptqSettings->options.actOrder = actOrder;
    } else if (!hessian.empty() || actOrder) {
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-weights: hessian= and act-order= apply to "
                "method=gptq only";
    }
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
    // Layers are named before anything is rewritten (docs/statistics.md):
    // GPTQ finds the Hessians by these names, later passes (static
    // activation ranges, reports) find the layers by the `sqz.layer` that
    // the new sqz.matmul keeps.
    // Every layer is named, the sqz.matmul ops already there too, so that
    // the numbering survives the rewrites.
    llvm::DenseMap<Operation *, std::string> names;
    for (NamedLayer &layer : findNamedLayers(getOperation())) {
      names[layer.op] = layer.name;
      layer.op->setAttr(SqzDialect::getLayerAttrName(),
                        StringAttr::get(&getContext(), layer.name));
    }
    const GptqSettings *gptq = gptqSettings ? &*gptqSettings : nullptr;
    IRRewriter rewriter(&getContext());
    bool hadError = false;
    // GPTQ takes seconds per large layer: its progress, layer by layer.
    std::optional<Progress> progress;
    if (gptq)
      progress.emplace("GPTQ", candidates.size(), "layers");
    for (linalg::LinalgOp op : candidates) {
      auto explainSkip = [&](StringRef why) {
        LLVM_DEBUG(llvm::dbgs() << "skipping " << op->getName() << " at "
                                << op->getLoc() << ": " << why << "\n");
        if (explain)
          op->emitRemark("weight not quantized: ") << why;
      };
      auto name = names.find(op);
      (void)quantizeLinearWeightWith(
          rewriter, op, quantOptions, explainSkip, hadError,
          name == names.end() ? nullptr : gptq,
          name == names.end() ? StringRef() : StringRef(name->second));
      if (progress)
        progress->step(name == names.end() ? StringRef() : name->second);
    }
    if (progress && hadError)
      progress->abandon();
    progress.reset();
    // Weights that sqz-prune left as packs of float values.
    SmallVector<MatmulOp> sparse;
    getOperation()->walk([&](MatmulOp op) { sparse.push_back(op); });
    for (MatmulOp op : sparse) {
      auto explainSkip = [&](StringRef why) {
        if (explain)
          op->emitRemark("weight not quantized: ") << why;
      };
      (void)quantizeSparseWeight(rewriter, op, quantOptions, explainSkip,
                                 hadError, gptq);
    }
    if (hadError)
      signalPassFailure();
  }

  WeightQuantOptions quantOptions;
  std::optional<GptqSettings> gptqSettings;
};
} // namespace
