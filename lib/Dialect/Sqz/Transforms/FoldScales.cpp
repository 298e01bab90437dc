//===- FoldScales.cpp - sqz-fold-scales -----------------------------------===//
//
// Rewrites sqz.matmul on two quantized operands into an integer contraction
// of the raw codes plus one float epilogue, with the zero points moved out of
// the K loop into correction terms and constant parts precomputed.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Utils/StructuredBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include <cmath>

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZFOLDSCALES
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

using utils::IteratorType;

namespace {
/// What the rewrite needs to know about one quantized matmul.
struct IntegerMatmul {
  MatmulOp op;
  SqzTensorType lhsType, rhsType;
  PackOp weight;
  /// Weight codes, one byte each, and the code values they stand for.
  std::vector<int32_t> weightCodes;
  int64_t k = 0, n = 0;
};
} // namespace

/// The code values of a constant code tensor, read from its raw bytes with
/// the signedness of `quant`.
static std::vector<int32_t> readCodes(DenseIntElementsAttr codes,
                                      QuantAttr quant) {
  ArrayRef<char> raw = codes.getRawData();
  int64_t count = codes.getNumElements();
  unsigned width = quant.getStorageWidth();
  std::vector<int32_t> values(count);
  for (int64_t i = 0; i < count; ++i) {
    uint32_t bits = static_cast<uint8_t>(raw[codes.isSplat() ? 0 : i]) &
                    ((1u << width) - 1);
    int32_t value = static_cast<int32_t>(bits);
    if (quant.getStorageSigned() && (bits >> (width - 1)))
      value -= 1 << width;
    values[i] = value;
  }
  return values;
}

static FailureOr<IntegerMatmul> matchIntegerMatmul(MatmulOp op,
                                                   std::string &why) {
  IntegerMatmul match;
  match.op = op;
  match.lhsType = dyn_cast<SqzTensorType>(op.getLhs().getType());
  match.rhsType = dyn_cast<SqzTensorType>(op.getRhs().getType());
  if (!match.lhsType || !match.rhsType || !match.lhsType.getQuant() ||
      !match.rhsType.getQuant()) {
    why = "not both operands are quantized";
    return failure();
  }
  if (match.lhsType.getSparsity() || match.rhsType.getSparsity()) {
    why = "a sparse operand";
    return failure();
  }
  if (match.rhsType.getRank() != 2) {
    why = "the weight is batched";
    return failure();
  }
  bool transposed = op.getRhsTransposed();
  if (!match.lhsType.getQuant().isConstantAlongAllBut(match.lhsType.getRank() -
                                                      2)) {
    why = "activation scales vary along K (only per tensor or per row "
          "factor out of the sum)";
    return failure();
  }
  if (!match.rhsType.getQuant().isConstantAlongAllBut(transposed ? 0 : 1)) {
    why = "weight scales vary along K (only per tensor or per output "
          "channel factor out of the sum)";
    return failure();
  }
  match.weight = op.getRhs().getDefiningOp<PackOp>();
  DenseIntElementsAttr codes;
  if (!match.weight ||
      !matchPattern(match.weight.getValues(), m_Constant(&codes))) {
    why = "the weight is not a pack of constant codes";
    return failure();
  }
  ArrayRef<int64_t> shape = match.rhsType.getShape();
  match.k = shape[transposed ? 1 : 0];
  match.n = shape[transposed ? 0 : 1];
  match.weightCodes = readCodes(codes, match.rhsType.getQuant());
  return match;
}

/// Moves what describes the layer from the `sqz.matmul` and its weight's
/// pack to `contraction`, the integer op that replaces them: its name, the
/// compressed weight type and the quantization error.
static void recordFoldedLayer(IntegerMatmul &match, Operation *contraction) {
  if (Attribute name = match.op->getAttr(SqzDialect::getLayerAttrName()))
    contraction->setAttr(SqzDialect::getLayerAttrName(), name);
  contraction->setAttr(SqzDialect::getFoldedWeightAttrName(),
                       TypeAttr::get(match.rhsType));
  if (Attribute error =
          match.weight->getAttr(SqzDialect::getQuantErrorAttrName()))
    contraction->setAttr(SqzDialect::getQuantErrorAttrName(), error);
}

/// Column sums `Sw[n] = sum_k qw[k, n]` of the weight codes.
static SmallVector<int32_t> columnSums(IntegerMatmul &match) {
  bool transposed = match.op.getRhsTransposed();
  SmallVector<int32_t> sums(match.n, 0);
  for (int64_t k = 0; k < match.k; ++k)
    for (int64_t n = 0; n < match.n; ++n)
      sums[n] +=
          match.weightCodes[transposed ? n * match.k + k : k * match.n + n];
  return sums;
}

/// The values of constant zero points, or nothing.
static std::optional<SmallVector<int64_t>> constantZeroPoints(Value value,
                                                              QuantAttr quant) {
  DenseIntElementsAttr attr;
  if (!value || !matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  // Read as zeroPointToI32 reads them at run time.
  bool isSigned =
      attr.getElementType().getIntOrFloatBitWidth() > quant.getStorageWidth() ||
      quant.getStorageSigned();
  SmallVector<int64_t> values;
  for (const APInt &v : attr.getValues<APInt>())
    values.push_back(isSigned ? v.getSExtValue()
                              : static_cast<int64_t>(v.getZExtValue()));
  return values;
}

/// The constant `c` of `x * c` when `value` is an elementwise
/// `linalg.generic` multiplying `x` by a constant f32 vector `c` read along
/// the last dimension (the explicit multiply by 1/s that sqz-smoothquant
/// inserts when it cannot fold 1/s into a producer).
static std::optional<std::pair<Value, SmallVector<float>>>
matchChannelMultiply(Value value) {
  auto generic = value.getDefiningOp<linalg::GenericOp>();
  if (!generic || generic.getNumDpsInputs() != 2 ||
      generic.getNumDpsInits() != 1 ||
      generic.getNumParallelLoops() != generic.getNumLoops())
    return std::nullopt;
  unsigned rank = generic.getNumLoops();
  MLIRContext *context = generic.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(rank, context);
  AffineMap lastDim =
      AffineMap::get(rank, 0, getAffineDimExpr(rank - 1, context));
  SmallVector<AffineMap> maps = generic.getIndexingMapsArray();
  if (maps[2] != identity)
    return std::nullopt;
  int xIndex = maps[0] == identity && maps[1] == lastDim   ? 0
               : maps[1] == identity && maps[0] == lastDim ? 1
                                                           : -1;
  if (xIndex < 0)
    return std::nullopt;
  DenseFPElementsAttr factors;
  if (!matchPattern(generic.getDpsInputs()[1 - xIndex], m_Constant(&factors)) ||
      !factors.getElementType().isF32())
    return std::nullopt;
  Block &body = generic.getRegion().front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  auto mul = yield.getOperand(0).getDefiningOp<arith::MulFOp>();
  if (!mul || mul->getBlock() != &body || body.getOperations().size() != 2)
    return std::nullopt;
  Value xArg = body.getArgument(xIndex), cArg = body.getArgument(1 - xIndex);
  if (!((mul.getLhs() == xArg && mul.getRhs() == cArg) ||
        (mul.getLhs() == cArg && mul.getRhs() == xArg)))
    return std::nullopt;
  return std::make_pair(generic.getDpsInputs()[xIndex],
                        SmallVector<float>(factors.getValues<float>()));
}

/// Absorbs an explicit per-channel multiply into the static per-tensor
/// quantization of a matmul's activation: the codes of
/// `quantize(x * c, scale a, zero point z)` are those of `x` quantized per
/// channel of the last dimension with scales `a / c_k` and zero point `z`,
/// so one quantization of `x` replaces the multiply and the quantization.
/// Returns those codes (to be used with the scale `a`), or null when the
/// activation is not of that form.
static Value absorbChannelMultiply(RewriterBase &b, Value lhs) {
  auto quantize = lhs.getDefiningOp<QuantizeOp>();
  if (!quantize || quantize.isDynamic())
    return {};
  auto type = cast<SqzTensorType>(lhs.getType());
  QuantAttr quant = type.getQuant();
  DenseFPElementsAttr scaleAttr;
  if (quant.getGranularity() != GranularityKind::PerTensor ||
      !type.getElementType().isF32() ||
      !matchPattern(quantize.getScales(), m_Constant(&scaleAttr)) ||
      !scaleAttr.getElementType().isF32())
    return {};
  auto multiply = matchChannelMultiply(quantize.getInput());
  if (!multiply)
    return {};
  auto [x, factors] = *multiply;
  float a = scaleAttr.getValues<float>()[0];
  SmallVector<float> scales;
  for (float c : factors) {
    float scale = a / c;
    if (!(scale > 0.0f) || !std::isfinite(scale))
      return {};
    scales.push_back(scale);
  }
  int64_t k = static_cast<int64_t>(scales.size());
  Location loc = quantize.getLoc();
  MLIRContext *context = b.getContext();
  auto channelQuant = QuantAttr::get(
      context, quant.getStorageWidth(), quant.getStorageSigned(),
      GranularityKind::PerChannel, type.getRank() - 1, /*groupSize=*/0,
      quant.getSymmetric(), quant.getNarrowRange());
  auto channelType =
      SqzTensorType::get(context, type.getShape(), type.getElementType(),
                         channelQuant, SparsityAttr());
  Value scaleValues = arith::ConstantOp::create(
      b, loc,
      DenseElementsAttr::get(RankedTensorType::get({k}, b.getF32Type()),
                             ArrayRef<float>(scales)));
  Value zeroPoints;
  if (Value zp = quantize.getZeroPoints()) {
    DenseIntElementsAttr zpAttr;
    if (!matchPattern(zp, m_Constant(&zpAttr)))
      return {};
    auto zpType = RankedTensorType::get({k}, zpAttr.getElementType());
    zeroPoints = arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(zpType, *zpAttr.value_begin<APInt>()));
  }
  auto absorbed =
      QuantizeOp::create(b, loc, channelType, x, scaleValues, zeroPoints);
  auto unpack = UnpackOp::create(b, loc, unpackPartTypes(absorbed, channelType),
                                 absorbed.getResult());
  return unpack.getResult(0);
}

static void foldIntegerMatmul(RewriterBase &b, IntegerMatmul &match) {
  MatmulOp op = match.op;
  Location loc = op.getLoc();
  MLIRContext *context = b.getContext();
  b.setInsertionPoint(op);
  QuantAttr lhsQuant = match.lhsType.getQuant();
  QuantAttr rhsQuant = match.rhsType.getQuant();
  bool transposed = op.getRhsTransposed();
  auto resultType = cast<RankedTensorType>(op.getType());
  unsigned rank = resultType.getRank();
  Type expressed = resultType.getElementType();
  Type i32 = b.getI32Type(), f32 = b.getF32Type();

  // The activation's parts and the weight's.
  Value lhsCodes, lhsScales, lhsZeroPoints;
  if (Value absorbed = absorbChannelMultiply(b, op.getLhs())) {
    lhsCodes = absorbed; // Scales and zero points: the quantize's, below.
  } else {
    auto unpack = UnpackOp::create(
        b, loc, unpackPartTypes(op.getLhs(), match.lhsType), op.getLhs());
    lhsCodes = unpack.getResult(0);
    lhsScales = unpack.getResult(1);
    lhsZeroPoints = lhsQuant.getSymmetric() ? Value() : unpack.getResult(2);
  }
  Value rhsCodes = match.weight.getValues();
  Value rhsScales = match.weight.getScales();
  Value rhsZeroPoints = match.weight.getZeroPoints();
  // Parameters given to the activation's pack or static quantize are seen
  // through, so that constant ones can be folded at compile time.
  if (auto pack = op.getLhs().getDefiningOp<PackOp>()) {
    lhsScales = pack.getScales();
    lhsZeroPoints = pack.getZeroPoints();
  } else if (auto quantize = op.getLhs().getDefiningOp<QuantizeOp>();
             quantize && !quantize.isDynamic()) {
    lhsScales = quantize.getScales();
    lhsZeroPoints = quantize.getZeroPoints();
  }
  std::optional<SmallVector<int64_t>> lhsZeroConst =
      constantZeroPoints(lhsZeroPoints, lhsQuant);
  std::optional<SmallVector<int64_t>> rhsZeroConst =
      constantZeroPoints(rhsZeroPoints, rhsQuant);
  bool staticLhsZero = lhsZeroPoints && lhsZeroConst &&
                       lhsQuant.getGranularity() == GranularityKind::PerTensor;
  bool runtimeLhsZero = lhsZeroPoints && !staticLhsZero;
  // The K za zw[n] term needs zw as numbers when za is folded statically.
  bool staticCross = staticLhsZero && (!rhsZeroPoints || rhsZeroConst);
  int64_t n = match.n;

  // Result sizes and the maps from the result's loops.
  SmallVector<OpFoldResult> sizes;
  if (rank == 3)
    sizes.push_back(tensor::getMixedSizes(b, loc, lhsCodes)[0]);
  sizes.push_back(tensor::getMixedSizes(b, loc, lhsCodes)[rank - 2]);
  sizes.push_back(b.getIndexAttr(n));
  AffineMap identity = b.getMultiDimIdentityMap(rank);
  AffineMap scalarMap = AffineMap::get(rank, 0, {}, context);
  AffineMap rowMap =
      AffineMap::get(rank, 0, getAffineDimExpr(rank - 2, context));
  AffineMap colMap =
      AffineMap::get(rank, 0, getAffineDimExpr(rank - 1, context));
  auto paramMapOf = [&](QuantAttr quant, AffineMap perIndex) {
    return quant.getGranularity() == GranularityKind::PerTensor ? scalarMap
                                                                : perIndex;
  };
  SmallVector<IteratorType> parallel(rank, IteratorType::parallel);

  // One output multiplier per channel when both scales are constants.
  DenseFPElementsAttr lhsScaleConst, rhsScaleConst;
  bool constantMultiplier =
      lhsQuant.getGranularity() == GranularityKind::PerTensor &&
      matchPattern(lhsScales, m_Constant(&lhsScaleConst)) &&
      matchPattern(rhsScales, m_Constant(&rhsScaleConst)) &&
      lhsScaleConst.getElementType().isF32() &&
      rhsScaleConst.getElementType().isF32();

  SmallVector<float> multiplier;
  if (constantMultiplier) {
    // The same f32 product the epilogue would form at run time.
    float sa = lhsScaleConst.getValues<float>()[0];
    bool perTensor = rhsQuant.getGranularity() == GranularityKind::PerTensor;
    for (int64_t c = 0; c < n; ++c)
      multiplier.push_back(sa *
                           rhsScaleConst.getValues<float>()[perTensor ? 0 : c]);
  }

  // A constant bias that is an exact integer multiple of the output
  // multiplier joins the accumulator: bias[n] = q[n] * multiplier[n].
  SmallVector<int32_t> biasCodes;
  DenseFPElementsAttr biasConst;
  if (constantMultiplier && expressed.isF32() && op.getBias() &&
      matchPattern(op.getBias(), m_Constant(&biasConst))) {
    for (auto [c, bias] : llvm::enumerate(biasConst.getValues<float>())) {
      float q = bias / multiplier[c];
      if (!(std::fabs(q) < float(1 << 24)) || q != std::trunc(q) ||
          q * multiplier[c] != bias) {
        biasCodes.clear();
        break;
      }
      biasCodes.push_back(static_cast<int32_t>(q));
    }
  }
  bool biasFolded = !biasCodes.empty();

  // Accumulator init: zero, or the constant correction -za Sw[n] + K za zw[n]
  // plus the folded bias.
  SmallVector<int32_t> colSums;
  if (lhsZeroPoints)
    colSums = columnSums(match);
  Value empty = tensor::EmptyOp::create(b, loc, sizes, i32);
  Value init;
  if (staticLhsZero || biasFolded) {
    int64_t za = staticLhsZero ? (*lhsZeroConst)[0] : 0;
    SmallVector<int32_t> correction(n);
    for (int64_t c = 0; c < n; ++c) {
      int64_t zw = 0;
      if (rhsZeroConst)
        zw = (*rhsZeroConst)
            [rhsQuant.getGranularity() == GranularityKind::PerTensor ? 0 : c];
      int64_t zeroPointTerm =
          staticLhsZero
              ? -za * colSums[c] + (staticCross ? match.k * za * zw : 0)
              : 0;
      correction[c] =
          static_cast<int32_t>(zeroPointTerm + (biasFolded ? biasCodes[c] : 0));
    }
    Value vector = arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(RankedTensorType::get({n}, i32),
                               ArrayRef<int32_t>(correction)));
    init = linalg::GenericOp::create(
               b, loc, empty.getType(), vector, empty, {colMap, identity},
               parallel,
               [&](OpBuilder &nb, Location l, ValueRange args) {
                 linalg::YieldOp::create(nb, l, args[0]);
               })
               .getResult(0);
  } else {
    Value zero = arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(0));
    init = linalg::FillOp::create(b, loc, zero, empty).getResult(0);
  }

  Extend lhsExtend =
      lhsQuant.getStorageSigned() ? Extend::Signed : Extend::Unsigned;
  Extend rhsExtend =
      rhsQuant.getStorageSigned() ? Extend::Signed : Extend::Unsigned;
  Value acc = buildContraction(b, loc, lhsCodes, rhsCodes, init, transposed,
                               lhsExtend, rhsExtend);
  recordFoldedLayer(match, acc.getDefiningOp());

  // Row sums Sa[m] of the activation codes, when the weight has zero points.
  Value rowSums;
  if (rhsZeroPoints) {
    unsigned lhsRank = rank;
    SmallVector<OpFoldResult> rowSizes(sizes.begin(), sizes.end() - 1);
    Value rowEmpty = tensor::EmptyOp::create(b, loc, rowSizes, i32);
    Value zero = arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(0));
    Value rowInit = linalg::FillOp::create(b, loc, zero, rowEmpty).getResult(0);
    SmallVector<IteratorType> iterators(lhsRank, IteratorType::parallel);
    iterators.back() = IteratorType::reduction;
    AffineMap dropK = b.getMultiDimIdentityMap(lhsRank).dropResult(lhsRank - 1);
    rowSums =
        linalg::GenericOp::create(
            b, loc, rowInit.getType(), lhsCodes, rowInit,
            {b.getMultiDimIdentityMap(lhsRank), dropK}, iterators,
            [&](OpBuilder &nb, Location l, ValueRange args) {
              Value code =
                  lhsExtend == Extend::Signed
                      ? Value(arith::ExtSIOp::create(nb, l, i32, args[0]))
                      : Value(arith::ExtUIOp::create(nb, l, i32, args[0]));
              linalg::YieldOp::create(
                  nb, l,
                  arith::AddIOp::create(nb, l, args[1], code).getResult());
            })
            .getResult(0);
  }

  // Epilogue operands, in the order the body reads them.
  SmallVector<Value> inputs = {acc};
  SmallVector<AffineMap> maps = {identity};
  if (constantMultiplier) {
    inputs.push_back(arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(RankedTensorType::get({n}, f32),
                               ArrayRef<float>(multiplier))));
    maps.push_back(colMap);
  } else {
    inputs.append({lhsScales, rhsScales});
    maps.append({paramMapOf(lhsQuant, rowMap), paramMapOf(rhsQuant, colMap)});
  }
  unsigned zaIndex = 0, colSumIndex = 0, rowSumIndex = 0, zwIndex = 0;
  if (runtimeLhsZero) {
    zaIndex = inputs.size();
    inputs.push_back(lhsZeroPoints);
    maps.push_back(paramMapOf(lhsQuant, rowMap));
    colSumIndex = inputs.size();
    inputs.push_back(arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(RankedTensorType::get({n}, i32),
                               ArrayRef<int32_t>(colSums))));
    maps.push_back(colMap);
  }
  if (rhsZeroPoints) {
    rowSumIndex = inputs.size();
    inputs.push_back(rowSums);
    maps.push_back(rank == 3 ? b.getMultiDimIdentityMap(rank).dropResult(2)
                             : rowMap);
    zwIndex = inputs.size();
    inputs.push_back(rhsZeroPoints);
    maps.push_back(paramMapOf(rhsQuant, colMap));
  }
  unsigned biasIndex = 0;
  Value bias = biasFolded ? Value() : op.getBias();
  if (bias) {
    biasIndex = inputs.size();
    inputs.push_back(bias);
    maps.push_back(colMap);
  }
  maps.push_back(identity);
  bool crossAtRunTime = rhsZeroPoints && lhsZeroPoints && !staticCross;
  int64_t k = match.k;

  Value outEmpty = tensor::EmptyOp::create(b, loc, sizes, expressed);
  auto epilogue = linalg::GenericOp::create(
      b, loc, outEmpty.getType(), inputs, outEmpty, maps, parallel,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value v = args[0];
        if (runtimeLhsZero)
          v = arith::SubIOp::create(
              nb, l, v,
              arith::MulIOp::create(
                  nb, l, zeroPointToI32(nb, l, args[zaIndex], lhsQuant),
                  args[colSumIndex]));
        if (rhsZeroPoints)
          v = arith::SubIOp::create(
              nb, l, v,
              arith::MulIOp::create(
                  nb, l, zeroPointToI32(nb, l, args[zwIndex], rhsQuant),
                  args[rowSumIndex]));
        if (crossAtRunTime) {
          Value kza = arith::MulIOp::create(
              nb, l, arith::ConstantOp::create(nb, l, nb.getI32IntegerAttr(k)),
              zeroPointToI32(nb, l, args[zaIndex], lhsQuant));
          v = arith::AddIOp::create(
              nb, l, v,
              arith::MulIOp::create(
                  nb, l, kza, zeroPointToI32(nb, l, args[zwIndex], rhsQuant)));
        }
        Value value = arith::SIToFPOp::create(nb, l, f32, v);
        Value scale = constantMultiplier
                          ? args[1]
                          : Value(arith::MulFOp::create(
                                nb, l, castFloat(nb, l, args[1], f32),
                                castFloat(nb, l, args[2], f32)));
        value = castFloat(nb, l, arith::MulFOp::create(nb, l, value, scale),
                          expressed);
        if (bias)
          value = arith::AddFOp::create(nb, l, value, args[biasIndex]);
        linalg::YieldOp::create(nb, l, value);
      });
  Value weight = op.getRhs(), activation = op.getLhs();
  b.replaceOp(op, epilogue.getResult(0));
  SmallVector<Operation *> producers = {weight.getDefiningOp()};
  if (Operation *producer = activation.getDefiningOp())
    producers.push_back(producer);
  eraseDeadProducers(b, producers);
}

//===----------------------------------------------------------------------===//
// Lossless requantization
//===----------------------------------------------------------------------===//

namespace {
/// The constant parameters of a quantized value: its scales and zero points
/// (all zero when symmetric), one per granularity unit.
struct ConstantParams {
  QuantAttr quant;
  SmallVector<float> scales;
  SmallVector<int64_t> zeroPoints;
};
} // namespace

/// The parameters of `value`, a compressed tensor made by `sqz.pack` or a
/// static `sqz.quantize`, when they are constants.
static std::optional<ConstantParams> getConstantParams(Value value) {
  auto type = dyn_cast<SqzTensorType>(value.getType());
  if (!type || !type.getQuant() || type.getSparsity())
    return std::nullopt;
  Value scales, zeroPoints;
  if (auto pack = value.getDefiningOp<PackOp>()) {
    scales = pack.getScales();
    zeroPoints = pack.getZeroPoints();
  } else if (auto quantize = value.getDefiningOp<QuantizeOp>();
             quantize && !quantize.isDynamic()) {
    scales = quantize.getScales();
    zeroPoints = quantize.getZeroPoints();
  } else {
    return std::nullopt;
  }
  DenseFPElementsAttr scaleAttr;
  if (!matchPattern(scales, m_Constant(&scaleAttr)))
    return std::nullopt;
  ConstantParams params;
  params.quant = type.getQuant();
  for (const APFloat &scale : scaleAttr.getValues<APFloat>())
    params.scales.push_back(scale.convertToFloat());
  if (zeroPoints) {
    std::optional<SmallVector<int64_t>> values =
        constantZeroPoints(zeroPoints, params.quant);
    if (!values)
      return std::nullopt;
    params.zeroPoints = std::move(*values);
  } else {
    params.zeroPoints.assign(params.scales.size(), 0);
  }
  return params;
}

/// Whether quantizing the values of `from` with the parameters of `to`
/// loses nothing: every scale of `from` is an exact integer multiple `k` of
/// the matching scale of `to` (`k * s_to == s_from` in f32), and every code
/// of `from` lands inside `to`'s storage range. Then
/// `dequantize(quantize_to(dequantize(from)))` is `dequantize(from)` bit for
/// bit: both compute the correctly rounded `(q - z) k s_to`. `to` is per
/// tensor or has the granularity of `from`.
static bool isLosslessRequantization(const ConstantParams &from,
                                     const ConstantParams &to,
                                     std::string &why) {
  bool perTensor = to.quant.getGranularity() == GranularityKind::PerTensor;
  if (!perTensor && (to.quant.getGranularity() != from.quant.getGranularity() ||
                     to.quant.getAxis() != from.quant.getAxis() ||
                     to.quant.getGroupSize() != from.quant.getGroupSize() ||
                     to.scales.size() != from.scales.size())) {
    why = "the two parameter sets have different granularities";
    return false;
  }
  for (size_t unit = 0; unit < from.scales.size(); ++unit) {
    float sFrom = from.scales[unit];
    float sTo = to.scales[perTensor ? 0 : unit];
    float k = std::nearbyint(sFrom / sTo);
    if (k < 1.0f || k * sTo != sFrom) {
      why = "scale " + std::to_string(sFrom) +
            " is not an integer multiple of scale " + std::to_string(sTo);
      return false;
    }
    int64_t zFrom = from.zeroPoints[unit];
    int64_t zTo = to.zeroPoints[perTensor ? 0 : unit];
    int64_t step = static_cast<int64_t>(k);
    int64_t low = zTo + (from.quant.getStorageMin() - zFrom) * step;
    int64_t high = zTo + (from.quant.getStorageMax() - zFrom) * step;
    if (low < to.quant.getStorageMin() || high > to.quant.getStorageMax()) {
      why = "codes of the first scheme fall outside the second's range [" +
            std::to_string(to.quant.getStorageMin()) + ", " +
            std::to_string(to.quant.getStorageMax()) + "]";
      return false;
    }
  }
  return true;
}

/// When `value` is `quantize(dequantize(x))` with constant parameters on
/// both sides and the requantization is lossless, returns `x`'s dequantize.
static sqz::DequantizeOp matchLosslessRequantization(Value value,
                                                     std::string &why) {
  auto requantize = value.getDefiningOp<QuantizeOp>();
  if (!requantize || requantize.isDynamic())
    return {};
  auto dequantize = requantize.getInput().getDefiningOp<sqz::DequantizeOp>();
  if (!dequantize)
    return {};
  std::optional<ConstantParams> from =
      getConstantParams(dequantize.getSource());
  std::optional<ConstantParams> to = getConstantParams(value);
  if (!from || !to) {
    why = "the parameters of the requantization are not constants";
    return {};
  }
  if (!isLosslessRequantization(*from, *to, why))
    return {};
  return dequantize;
}

/// Removes lossless requantizations: a dequantize of one is the dequantize
/// it requantized (bit for bit), and a matmul operand that is one reads the
/// original compressed tensor (a matmul dequantizes its operands; its output
/// multiplier is then formed from the original scale, the same real number
/// rounded once in another way). Users are visited
/// in program order, so a chain collapses link by link in one sweep: once
/// the first requantization is gone, the second requantizes the original.
namespace {
/// Remembers the ops a rewriter erases, so that a list of ops collected
/// before the rewrites can skip the ones that are gone.
struct ErasedOpTracker : RewriterBase::Listener {
  void notifyOperationErased(Operation *op) override { erased.insert(op); }
  llvm::SmallPtrSet<Operation *, 16> erased;
};
} // namespace

static void mergeRequantizations(ModuleOp module, bool explain) {
  ErasedOpTracker tracker;
  IRRewriter rewriter(module.getContext(), &tracker);
  SmallVector<Operation *> users;
  module.walk([&](Operation *op) {
    if (isa<sqz::DequantizeOp, MatmulOp>(op))
      users.push_back(op);
  });
  for (Operation *op : users) {
    if (tracker.erased.contains(op))
      continue;
    for (OpOperand &operand : op->getOpOperands()) {
      if (!isa<SqzTensorType>(operand.get().getType()))
        continue;
      std::string why;
      sqz::DequantizeOp original =
          matchLosslessRequantization(operand.get(), why);
      if (!original) {
        if (explain && !why.empty())
          op->emitRemark("requantization kept: ") << why;
        continue;
      }
      Operation *requantize = operand.get().getDefiningOp();
      // `op` is erased when it is a dequantize: decide before replacing.
      bool replacesOp = isa<sqz::DequantizeOp>(op);
      if (auto dequantize = dyn_cast<sqz::DequantizeOp>(op)) {
        if (dequantize.getType() != original.getType())
          continue;
        rewriter.replaceOp(op, original.getResult());
      } else {
        rewriter.modifyOpInPlace(op,
                                 [&] { operand.set(original.getSource()); });
      }
      eraseDeadProducers(rewriter, {requantize});
      if (replacesOp)
        break;
    }
  }
}

namespace {
struct SqzFoldScalesPass : sqz::impl::SqzFoldScalesBase<SqzFoldScalesPass> {
  using Base::Base;

  void runOnOperation() override {
    mergeRequantizations(getOperation(), explain);
    SmallVector<MatmulOp> matmuls;
    getOperation()->walk([&](MatmulOp op) { matmuls.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (MatmulOp op : matmuls) {
      std::string why;
      FailureOr<IntegerMatmul> match = matchIntegerMatmul(op, why);
      if (failed(match)) {
        if (explain)
          op.emitRemark("scales not folded: ") << why;
        continue;
      }
      foldIntegerMatmul(rewriter, *match);
    }
  }
};
} // namespace
