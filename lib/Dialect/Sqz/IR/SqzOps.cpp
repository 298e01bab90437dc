//===- SqzOps.cpp - Operations of the sqz dialect -------------------------===//
//
// Verifiers, folders and canonicalization patterns of the sqz operations.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::sqz;

#define GET_OP_CLASSES
#include "sqz/Dialect/Sqz/IR/SqzOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Shared checks
//===----------------------------------------------------------------------===//

static bool isCompatibleShape(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  if (a.size() != b.size())
    return false;
  for (auto [x, y] : llvm::zip_equal(a, b))
    if (!ShapedType::isDynamic(x) && !ShapedType::isDynamic(y) && x != y)
      return false;
  return true;
}

static ArrayRef<int64_t> shapeOf(Value value) {
  return cast<ShapedType>(value.getType()).getShape();
}

/// Checks the scale and zero-point operands of an op that quantizes a tensor
/// of `shape` with `quant`. Absent scales mean dynamic parameters, which only
/// some ops allow.
static LogicalResult verifyQuantParams(Operation *op, QuantAttr quant,
                                       ArrayRef<int64_t> shape, Value scales,
                                       Value zeroPoints, bool allowDynamic) {
  if (!scales) {
    if (zeroPoints)
      return op->emitOpError("zero points are given without scales");
    if (!allowDynamic)
      return op->emitOpError("a quantized tensor needs scales");
    return success();
  }
  SmallVector<int64_t> expected = quant.getParamShape(shape);
  if (!isCompatibleShape(shapeOf(scales), expected))
    return op->emitOpError("scales have shape ")
           << shapeText(shapeOf(scales)) << " but " << quant
           << " of a tensor of shape " << shapeText(shape) << " needs "
           << shapeText(expected);

  DenseFPElementsAttr scaleValues;
  if (matchPattern(scales, m_Constant(&scaleValues))) {
    for (auto [index, scale] :
         llvm::enumerate(scaleValues.getValues<APFloat>()))
      if (!scale.isFiniteNonZero() || scale.isNegative()) {
        // toString works for every float type, also those wider than double.
        SmallString<16> text;
        scale.toString(text);
        return op->emitOpError("scale at flat index ")
               << index << " must be positive and finite, got " << text;
      }
  }

  if (quant.getSymmetric()) {
    if (zeroPoints)
      return op->emitOpError("symmetric quantization takes no zero points");
    return success();
  }
  if (!zeroPoints)
    return op->emitOpError("asymmetric quantization needs zero points");
  if (shapeOf(zeroPoints) != shapeOf(scales))
    return op->emitOpError("zero points have shape ")
           << shapeText(shapeOf(zeroPoints)) << " but scales have shape "
           << shapeText(shapeOf(scales));

  DenseIntElementsAttr zeroPointValues;
  if (matchPattern(zeroPoints, m_Constant(&zeroPointValues))) {
    int64_t min = quant.getStorageMin(), max = quant.getStorageMax();
    // Zero points are signless: one as narrow as the codes is read with the
    // storage's signedness, like them (an i8 zero point of u8 is 0..255); a
    // wider one is read signed.
    for (auto [index, zp] :
         llvm::enumerate(zeroPointValues.getValues<APInt>())) {
      bool readSigned = quant.getStorageSigned() ||
                        zp.getBitWidth() > quant.getStorageWidth();
      bool fits =
          readSigned ? zp.getSignificantBits() <= 64 : zp.getActiveBits() <= 63;
      int64_t value = !fits        ? 0
                      : readSigned ? zp.getSExtValue()
                                   : int64_t(zp.getZExtValue());
      if (!fits || value < min || value > max)
        return op->emitOpError("zero point ")
               << llvm::toString(zp, 10, readSigned) << " at flat index "
               << index << " is outside the storage range [" << min << ", "
               << max << "]";
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// PackOp
//===----------------------------------------------------------------------===//

/// Checks the type of the sparsity metadata of `type` (an operand of pack, a
/// result of unpack) against the sparsity of `type`.
static LogicalResult verifySparsityMetadataType(Operation *op,
                                                SqzTensorType type,
                                                RankedTensorType metadataType) {
  SparsityAttr sparsity = type.getSparsity();
  unsigned width = metadataType.getElementTypeBitWidth();

  if (sparsity.getKind() == SparsityKind::Unstructured) {
    if (width != 1 ||
        !isCompatibleShape(metadataType.getShape(), type.getShape()))
      return op->emitOpError("unstructured sparsity needs an i1 mask of shape ")
             << shapeText(type.getShape()) << ", got " << metadataType;
    return success();
  }

  SmallVector<int64_t> valuesShape = sparsity.getValuesShape(type.getShape());
  if (!isCompatibleShape(metadataType.getShape(), valuesShape))
    return op->emitOpError("N:M metadata must have the values' shape ")
           << shapeText(valuesShape) << ", got "
           << shapeText(metadataType.getShape());
  if (width > 64)
    return op->emitOpError(
               "N:M metadata takes at most 64 bits per index, got i")
           << width;
  unsigned needed = llvm::Log2_64_Ceil(sparsity.getM());
  if (width < needed)
    return op->emitOpError("N:M metadata needs at least ")
           << needed << " bits per index, got i" << width;
  return success();
}

/// Reads the N:M positions of a constant metadata tensor by flat index, from
/// its raw bytes when the elements take one byte each.
static std::function<uint64_t(int64_t)>
positionReader(DenseIntElementsAttr positions) {
  unsigned width = positions.getElementType().getIntOrFloatBitWidth();
  if (width > 1 && width <= 8) {
    ArrayRef<char> raw = positions.getRawData();
    bool splat = positions.isSplat();
    uint8_t mask = static_cast<uint8_t>((1u << width) - 1);
    return [raw, splat, mask](int64_t i) -> uint64_t {
      return static_cast<uint8_t>(raw[splat ? 0 : i]) & mask;
    };
  }
  return [positions](int64_t i) -> uint64_t {
    return positions.getValues<APInt>()[i].getZExtValue();
  };
}

/// Checks that a constant unstructured mask sets as many elements as there
/// are stored values.
static LogicalResult verifyMaskCount(Operation *op, DenseIntElementsAttr mask,
                                     Value values) {
  auto valuesType = cast<RankedTensorType>(values.getType());
  if (valuesType.isDynamicDim(0))
    return success();
  int64_t stored = valuesType.getDimSize(0), set = 0, index = 0;
  for (bool bit : mask.getValues<bool>()) {
    if (bit && ++set > stored)
      return op->emitOpError("unstructured mask sets flat index ")
             << index << " but only " << stored << " values are stored";
    ++index;
  }
  if (set < stored)
    return op->emitOpError("unstructured mask sets ")
           << set << " elements but " << stored << " values are stored";
  return success();
}

/// Checks the sparsity metadata operand of a pack against `type`.
static LogicalResult verifySparsityMetadata(Operation *op, SqzTensorType type,
                                            Value metadata, Value values) {
  SparsityAttr sparsity = type.getSparsity();
  if (!sparsity) {
    if (metadata)
      return op->emitOpError("a dense tensor takes no sparsity metadata");
    return success();
  }
  if (!metadata)
    return op->emitOpError("a sparse tensor needs sparsity metadata");
  if (failed(verifySparsityMetadataType(
          op, type, cast<RankedTensorType>(metadata.getType()))))
    return failure();
  DenseIntElementsAttr constant;
  if (!matchPattern(metadata, m_Constant(&constant)))
    return success();
  if (sparsity.getKind() == SparsityKind::Unstructured)
    return verifyMaskCount(op, constant, values);
  std::optional<std::pair<int64_t, std::string>> violation =
      sparsity.findPositionViolation(
          cast<RankedTensorType>(metadata.getType()).getShape(),
          positionReader(constant));
  if (violation)
    return op->emitOpError("N:M metadata at flat index ")
           << violation->first << ": " << violation->second;
  return success();
}

LogicalResult PackOp::verify() {
  auto type = cast<SqzTensorType>(getResult().getType());
  RankedTensorType valuesType = type.getValuesType();
  auto givenType = cast<RankedTensorType>(getValues().getType());
  if (givenType.getElementType() != valuesType.getElementType() ||
      !isCompatibleShape(givenType.getShape(), valuesType.getShape()))
    return emitOpError("values must be ")
           << valuesType << " for " << type << ", got " << givenType;
  if (type.getSparsity() &&
      type.getSparsity().getKind() == SparsityKind::Unstructured &&
      givenType.hasStaticShape() && type.hasStaticShape() &&
      givenType.getDimSize(0) > type.getNumElements())
    return emitOpError("unstructured values hold ")
           << givenType.getDimSize(0) << " elements but the tensor has only "
           << type.getNumElements();

  if (QuantAttr quant = type.getQuant()) {
    if (failed(verifyQuantParams(*this, quant, type.getShape(), getScales(),
                                 getZeroPoints(), /*allowDynamic=*/false)))
      return failure();
  } else if (getScales() || getZeroPoints()) {
    return emitOpError("an unquantized tensor takes no scales or zero points");
  }
  return verifySparsityMetadata(*this, type, getMetadata(), getValues());
}

//===----------------------------------------------------------------------===//
// UnpackOp
//===----------------------------------------------------------------------===//

LogicalResult UnpackOp::verify() {
  auto type = cast<SqzTensorType>(getSource().getType());
  QuantAttr quant = type.getQuant();
  size_t expected = 1 + (quant ? 1 : 0) +
                    (quant && !quant.getSymmetric() ? 1 : 0) +
                    (type.getSparsity() ? 1 : 0);
  if (getParts().size() != expected)
    return emitOpError("expected ")
           << expected << " results (values" << (quant ? ", scales" : "")
           << (quant && !quant.getSymmetric() ? ", zero points" : "")
           << (type.getSparsity() ? ", metadata" : "") << ") for " << type
           << ", got " << getParts().size();

  auto parts = getParts().begin();
  auto valuesType = cast<RankedTensorType>((*parts++).getType());
  RankedTensorType expectedValues = type.getValuesType();
  if (valuesType.getElementType() != expectedValues.getElementType() ||
      !isCompatibleShape(valuesType.getShape(), expectedValues.getShape()))
    return emitOpError("values must be ")
           << expectedValues << ", got " << valuesType;
  if (quant) {
    auto scalesType = cast<RankedTensorType>((*parts++).getType());
    SmallVector<int64_t> paramShape = quant.getParamShape(type.getShape());
    if (!isa<FloatType>(scalesType.getElementType()) ||
        !isCompatibleShape(scalesType.getShape(), paramShape))
      return emitOpError("scales must be a float tensor of shape ")
             << shapeText(paramShape) << ", got " << scalesType;
    if (!quant.getSymmetric()) {
      auto zpType = cast<RankedTensorType>((*parts++).getType());
      if (!zpType.getElementType().isSignlessInteger() ||
          !isCompatibleShape(zpType.getShape(), paramShape))
        return emitOpError("zero points must be an integer tensor of shape ")
               << shapeText(paramShape) << ", got " << zpType;
    }
  }
  if (type.getSparsity()) {
    auto metadataType = cast<RankedTensorType>((*parts).getType());
    if (!metadataType.getElementType().isSignlessInteger())
      return emitOpError("metadata must be an integer tensor, got ")
             << metadataType;
    if (failed(verifySparsityMetadataType(*this, type, metadataType)))
      return failure();
  }
  return success();
}

LogicalResult UnpackOp::fold(FoldAdaptor,
                             SmallVectorImpl<OpFoldResult> &results) {
  auto pack = getSource().getDefiningOp<PackOp>();
  if (!pack)
    return failure();
  SmallVector<Value> parts = {pack.getValues()};
  for (Value part :
       {pack.getScales(), pack.getZeroPoints(), pack.getMetadata()})
    if (part)
      parts.push_back(part);
  if (parts.size() != getNumResults() ||
      TypeRange(ValueRange(parts)) != getResultTypes())
    return failure();
  results.append(parts.begin(), parts.end());
  return success();
}

//===----------------------------------------------------------------------===//
// QuantizeOp
//===----------------------------------------------------------------------===//

LogicalResult QuantizeOp::verify() {
  auto type = cast<SqzTensorType>(getResult().getType());
  auto inputType = cast<RankedTensorType>(getInput().getType());
  if (!type.getQuant())
    return emitOpError("result must be quantized, got ") << type;
  if (type.getSparsity())
    return emitOpError("produces dense tensors; build sparse ones with "
                       "sqz.pack, got ")
           << type;
  if (inputType.getElementType() != type.getElementType() ||
      !isCompatibleShape(inputType.getShape(), type.getShape()))
    return emitOpError("input ")
           << inputType << " does not match the shape and expressed type of "
           << type;
  return verifyQuantParams(*this, type.getQuant(), type.getShape(), getScales(),
                           getZeroPoints(), /*allowDynamic=*/true);
}

/// The scale and zero-point values a compressed value was made with, when its
/// producer shows them: a pack, or a static quantize.
static std::optional<std::pair<Value, Value>> getStaticParams(Value value) {
  if (auto pack = value.getDefiningOp<PackOp>())
    return std::make_pair(pack.getScales(), pack.getZeroPoints());
  if (auto quantize = value.getDefiningOp<QuantizeOp>();
      quantize && !quantize.isDynamic())
    return std::make_pair(quantize.getScales(), quantize.getZeroPoints());
  return std::nullopt;
}

OpFoldResult QuantizeOp::fold(FoldAdaptor) {
  // quantize(dequantize(q)) with the parameters q was made with is q: every
  // dequantized value is a code times the scale, which rounds back exactly.
  auto dequantize = getInput().getDefiningOp<DequantizeOp>();
  if (!dequantize || isDynamic())
    return {};
  Value source = dequantize.getSource();
  if (source.getType() != getResult().getType())
    return {};
  std::optional<std::pair<Value, Value>> params = getStaticParams(source);
  if (!params || params->first != getScales() ||
      params->second != getZeroPoints())
    return {};
  return source;
}

//===----------------------------------------------------------------------===//
// DequantizeOp
//===----------------------------------------------------------------------===//

LogicalResult DequantizeOp::verify() {
  auto type = cast<SqzTensorType>(getSource().getType());
  auto resultType = cast<RankedTensorType>(getResult().getType());
  if (resultType.getElementType() != type.getElementType() ||
      !isCompatibleShape(resultType.getShape(), type.getShape()))
    return emitOpError("result ")
           << resultType << " does not match the shape and expressed type of "
           << type;
  return success();
}

//===----------------------------------------------------------------------===//
// FakeQuantOp
//===----------------------------------------------------------------------===//

LogicalResult FakeQuantOp::verify() {
  ArrayRef<int64_t> shape = shapeOf(getInput());
  if (failed(getQuant().verifyForShape([&] { return emitOpError(); }, shape)))
    return failure();
  return verifyQuantParams(*this, getQuant(), shape, getScales(),
                           getZeroPoints(), /*allowDynamic=*/true);
}

//===----------------------------------------------------------------------===//
// MatmulOp
//===----------------------------------------------------------------------===//

LogicalResult MatmulOp::verify() {
  auto lhsType = cast<ShapedType>(getLhs().getType());
  auto rhsType = cast<ShapedType>(getRhs().getType());
  auto resultType = cast<RankedTensorType>(getResult().getType());
  int64_t lhsRank = lhsType.getRank(), rhsRank = rhsType.getRank();
  if (lhsRank != 2 && lhsRank != 3)
    return emitOpError("lhs must be [M, K] or [B, M, K], got rank ") << lhsRank;
  if (rhsRank != 2 && !(rhsRank == 3 && lhsRank == 3))
    return emitOpError("rhs must be 2-D, or 3-D with a 3-D lhs, got rank ")
           << rhsRank;

  Type elementType = resultType.getElementType();
  if (lhsType.getElementType() != elementType ||
      rhsType.getElementType() != elementType)
    return emitOpError("operands must have the result's element type ")
           << elementType << ", got " << lhsType.getElementType() << " and "
           << rhsType.getElementType();

  ArrayRef<int64_t> lhs = lhsType.getShape(), rhs = rhsType.getShape();
  int64_t m = lhs[lhsRank - 2], k = lhs[lhsRank - 1];
  bool transposed = getRhsTransposed();
  int64_t rhsK = rhs[rhsRank - (transposed ? 1 : 2)];
  int64_t n = rhs[rhsRank - (transposed ? 2 : 1)];
  if (!isCompatibleShape({k}, {rhsK}))
    return emitOpError("reduction sizes differ: lhs has K = ")
           << k << ", rhs has K = " << rhsK
           << (transposed ? " (rhs is [N, K])" : " (rhs is [K, N])");
  if (rhsRank == 3 && !isCompatibleShape({lhs[0]}, {rhs[0]}))
    return emitOpError("batch sizes differ: lhs has ")
           << lhs[0] << ", rhs has " << rhs[0];

  SmallVector<int64_t> expected;
  if (lhsRank == 3)
    expected.push_back(lhs[0]);
  expected.append({m, n});
  if (!isCompatibleShape(resultType.getShape(), expected))
    return emitOpError("result shape ")
           << shapeText(resultType.getShape()) << " does not match "
           << shapeText(expected);

  if (Value bias = getBias()) {
    auto biasType = cast<RankedTensorType>(bias.getType());
    if (biasType.getElementType() != elementType ||
        !isCompatibleShape(biasType.getShape(), {n}))
      return emitOpError("bias must be [N] = ")
             << shapeText({n}) << " of " << elementType << ", got " << biasType;
  }
  return success();
}

namespace {
/// matmul(dequantize(a), dequantize(b)) -> matmul(a, b): sqz.matmul already
/// means "dequantize the compressed operands first", and keeping them
/// compressed lets lowering pick an integer kernel.
struct AbsorbDequantizeIntoMatmul : OpRewritePattern<MatmulOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(MatmulOp op,
                                PatternRewriter &rewriter) const override {
    auto lhs = op.getLhs().getDefiningOp<DequantizeOp>();
    auto rhs = op.getRhs().getDefiningOp<DequantizeOp>();
    if (!lhs && !rhs)
      return rewriter.notifyMatchFailure(op, "no operand is a dequantize");
    rewriter.modifyOpInPlace(op, [&] {
      if (lhs)
        op.getLhsMutable().assign(lhs.getSource());
      if (rhs)
        op.getRhsMutable().assign(rhs.getSource());
    });
    return success();
  }
};
} // namespace

void MatmulOp::getCanonicalizationPatterns(RewritePatternSet &patterns,
                                           MLIRContext *context) {
  patterns.add<AbsorbDequantizeIntoMatmul>(context);
}

//===----------------------------------------------------------------------===//
// ObserveOp
//===----------------------------------------------------------------------===//

LogicalResult ObserveOp::verify() {
  if (getId().empty())
    return emitOpError("needs a non-empty id");
  return success();
}
