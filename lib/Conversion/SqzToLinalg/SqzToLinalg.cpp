//===- SqzToLinalg.cpp - Reference lowering of sqz to linalg --------------===//
//
// The oracle: every sqz op becomes plain tensors and linalg.generic with the
// arithmetic written out, integer where the semantics are integer.
//
// A compressed value is carried as its parts (codes, scales, zero points):
// ops are visited in order, the parts of each compressed result are recorded,
// and every consumer is rebuilt from the parts of its operands.
//
//===----------------------------------------------------------------------===//

#include "sqz/Conversion/SqzToLinalg/SqzToLinalg.h"
#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Utils/StructuredBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StructuredOpsUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_CONVERTSQZTOLINALG
#include "sqz/Conversion/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

using utils::IteratorType;

namespace {
/// The parts that store one dense quantized tensor.
struct Parts {
  /// Codes with the logical shape, or, when `codesPerByte > 1`, bytes that
  /// hold `codesPerByte` codes each along the last dimension, low bits first.
  Value codes;
  unsigned codesPerByte = 1;
  Value scales;
  /// Null for symmetric schemes.
  Value zeroPoints;
};

/// Builds the linalg form of one function's sqz ops.
class Lowering {
public:
  Lowering(RewriterBase &rewriter) : b(rewriter) {}

  LogicalResult lower(Operation *op);

private:
  LogicalResult lowerPack(PackOp op);
  LogicalResult lowerQuantize(QuantizeOp op);
  LogicalResult lowerDequantize(DequantizeOp op);
  LogicalResult lowerMatmul(MatmulOp op);
  LogicalResult lowerUnpack(UnpackOp op);
  LogicalResult lowerFakeQuant(FakeQuantOp op);

  /// The parts of a compressed value lowered earlier.
  FailureOr<Parts> partsOf(Operation *user, Value value);

  /// `(q - z)` widened to i32, over the logical shape of `type`.
  Value centeredCodes(Location loc, SqzTensorType type, const Parts &parts);
  /// `(q - z) * s` in the expressed type.
  Value dequantize(Location loc, SqzTensorType type, const Parts &parts);
  /// Codes (and dynamic parameters) of `input` quantized as `type`.
  Parts quantize(Location loc, Value input, SqzTensorType type, Value scales,
                 Value zeroPoints);
  /// Per-unit scale and zero point of `input` for the scheme `quant`.
  std::pair<Value, Value> dynamicParams(Location loc, Value input,
                                        QuantAttr quant);

  /// An empty tensor with the sizes of `like` (dynamic ones read at run
  /// time) and `elementType`.
  Value emptyLike(Location loc, Value like, Type elementType);
  /// The map from the loops of a tensor of rank `rank` to its scales.
  AffineMap paramMap(QuantAttr quant, unsigned rank);
  /// The map from the loops of a tensor of rank `rank` to its codes.
  AffineMap codesMap(unsigned rank, unsigned codesPerByte);

  RewriterBase &b;
  llvm::DenseMap<Value, Parts> lowered;
};
} // namespace

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static Value constantF32(OpBuilder &b, Location loc, double value) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
}

static Value constantI32(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(value));
}

Value Lowering::emptyLike(Location loc, Value like, Type elementType) {
  SmallVector<OpFoldResult> sizes = tensor::getMixedSizes(b, loc, like);
  return tensor::EmptyOp::create(b, loc, sizes, elementType);
}

AffineMap Lowering::paramMap(QuantAttr quant, unsigned rank) {
  MLIRContext *context = b.getContext();
  switch (quant.getGranularity()) {
  case GranularityKind::PerTensor:
    return AffineMap::get(rank, 0, {}, context);
  case GranularityKind::PerChannel:
    return AffineMap::get(rank, 0, getAffineDimExpr(quant.getAxis(), context));
  case GranularityKind::PerGroup: {
    SmallVector<AffineExpr> results;
    for (unsigned d = 0; d < rank; ++d) {
      AffineExpr dim = getAffineDimExpr(d, context);
      results.push_back(
          d == quant.getAxis() ? dim.floorDiv(quant.getGroupSize()) : dim);
    }
    return AffineMap::get(rank, 0, results, context);
  }
  }
  llvm_unreachable("unknown granularity");
}

AffineMap Lowering::codesMap(unsigned rank, unsigned codesPerByte) {
  MLIRContext *context = b.getContext();
  SmallVector<AffineExpr> results;
  for (unsigned d = 0; d < rank; ++d) {
    AffineExpr dim = getAffineDimExpr(d, context);
    results.push_back(
        d + 1 == rank && codesPerByte > 1 ? dim.floorDiv(codesPerByte) : dim);
  }
  return AffineMap::get(rank, 0, results, context);
}

/// Packs constant sub-byte codes `perByte` to a byte along the last
/// dimension, low bits first. Returns null when the last dimension does not
/// divide evenly.
static Value packSubByteCodes(OpBuilder &b, Location loc,
                              DenseIntElementsAttr codes, unsigned width) {
  auto type = cast<RankedTensorType>(codes.getType());
  unsigned perByte = 8 / width;
  int64_t last = type.getShape().back();
  if (last % perByte != 0)
    return {};
  SmallVector<int64_t> packedShape(type.getShape());
  packedShape.back() = last / perByte;
  // Sub-byte integer elements are stored one per byte in the attribute.
  ArrayRef<char> raw = codes.getRawData();
  std::vector<char> packed(raw.size() / perByte, 0);
  uint8_t mask = (1u << width) - 1;
  bool splat = codes.isSplat();
  for (size_t i = 0, e = type.getNumElements(); i < e; ++i) {
    uint8_t code = static_cast<uint8_t>(raw[splat ? 0 : i]) & mask;
    packed[i / perByte] |= static_cast<char>(code << ((i % perByte) * width));
  }
  auto packedType = RankedTensorType::get(packedShape, b.getI8Type());
  return arith::ConstantOp::create(
      b, loc, DenseElementsAttr::getFromRawBuffer(packedType, packed));
}

//===----------------------------------------------------------------------===//
// Parts
//===----------------------------------------------------------------------===//

FailureOr<Parts> Lowering::partsOf(Operation *user, Value value) {
  auto it = lowered.find(value);
  if (it != lowered.end())
    return it->second;
  if (isa<BlockArgument>(value))
    return user->emitOpError("reads a compressed value that crosses a "
                             "function or block boundary, which "
                             "convert-sqz-to-linalg does not lower");
  return user->emitOpError("reads a compressed value made by '")
         << value.getDefiningOp()->getName()
         << "', which convert-sqz-to-linalg does not lower";
}

LogicalResult Lowering::lowerPack(PackOp op) {
  auto type = cast<SqzTensorType>(op.getType());
  if (type.getSparsity())
    return op.emitOpError("sparse tensors are not lowered by "
                          "convert-sqz-to-linalg yet");
  Parts parts{op.getValues(), 1, op.getScales(), op.getZeroPoints()};
  unsigned width = type.getQuant().getStorageWidth();
  DenseIntElementsAttr constantCodes;
  if (width < 8 && matchPattern(op.getValues(), m_Constant(&constantCodes))) {
    b.setInsertionPoint(op);
    if (Value packed = packSubByteCodes(b, op.getLoc(), constantCodes, width)) {
      parts.codes = packed;
      parts.codesPerByte = 8 / width;
    }
  }
  lowered[op.getResult()] = parts;
  return success();
}

LogicalResult Lowering::lowerUnpack(UnpackOp op) {
  FailureOr<Parts> parts = partsOf(op, op.getSource());
  if (failed(parts))
    return failure();
  auto type = cast<SqzTensorType>(op.getSource().getType());
  b.setInsertionPoint(op);
  Value codes = parts->codes;
  if (parts->codesPerByte > 1) {
    // Unpack to one code per element: the centered codes plus the zero
    // point, truncated back to the storage width.
    Parts plain = *parts;
    plain.zeroPoints = {};
    Value wide = centeredCodes(op.getLoc(), type, plain);
    Type storage = type.getQuant().getStorageType();
    Value init = emptyLike(op.getLoc(), wide, storage);
    unsigned rank = type.getRank();
    AffineMap identity = b.getMultiDimIdentityMap(rank);
    codes =
        linalg::GenericOp::create(
            b, op.getLoc(), init.getType(), wide, init, {identity, identity},
            SmallVector<IteratorType>(rank, IteratorType::parallel),
            [&](OpBuilder &nb, Location loc, ValueRange args) {
              Value narrow = arith::TruncIOp::create(nb, loc, storage, args[0]);
              linalg::YieldOp::create(nb, loc, narrow);
            })
            .getResult(0);
  }
  SmallVector<Value> results = {codes};
  if (parts->scales)
    results.push_back(parts->scales);
  if (parts->zeroPoints)
    results.push_back(parts->zeroPoints);
  b.replaceOp(op, results);
  return success();
}

//===----------------------------------------------------------------------===//
// Dequantize
//===----------------------------------------------------------------------===//

Value Lowering::centeredCodes(Location loc, SqzTensorType type,
                              const Parts &parts) {
  QuantAttr quant = type.getQuant();
  unsigned rank = type.getRank();
  bool isSigned = quant.getStorageSigned();
  unsigned width = quant.getStorageWidth();
  SmallVector<Value> inputs = {parts.codes};
  SmallVector<AffineMap> maps = {codesMap(rank, parts.codesPerByte)};
  if (parts.zeroPoints) {
    inputs.push_back(parts.zeroPoints);
    maps.push_back(paramMap(quant, rank));
  }
  maps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<OpFoldResult> sizes;
  for (int64_t dim : type.getShape())
    sizes.push_back(b.getIndexAttr(dim));
  if (parts.codesPerByte == 1)
    sizes = tensor::getMixedSizes(b, loc, parts.codes);
  Value init = tensor::EmptyOp::create(b, loc, sizes, b.getI32Type());
  unsigned perByte = parts.codesPerByte;
  return linalg::GenericOp::create(
             b, loc, init.getType(), inputs, init, maps,
             SmallVector<IteratorType>(rank, IteratorType::parallel),
             [&](OpBuilder &nb, Location l, ValueRange args) {
               Value code = args[0];
               if (perByte > 1) {
                 // Shift the wanted code to the low bits of its byte.
                 Value index = linalg::IndexOp::create(nb, l, rank - 1);
                 Value slot = arith::RemUIOp::create(
                     nb, l, index,
                     arith::ConstantIndexOp::create(nb, l, perByte));
                 Value shift = arith::MulIOp::create(
                     nb, l,
                     arith::IndexCastOp::create(nb, l, nb.getI8Type(), slot),
                     arith::ConstantOp::create(nb, l,
                                               nb.getI8IntegerAttr(width)));
                 Value shifted = arith::ShRUIOp::create(nb, l, code, shift);
                 code = arith::TruncIOp::create(nb, l, nb.getIntegerType(width),
                                                shifted);
               }
               Value value = toI32(nb, l, code, isSigned);
               if (args.size() > 2)
                 value = arith::SubIOp::create(
                     nb, l, value, zeroPointToI32(nb, l, args[1], quant));
               linalg::YieldOp::create(nb, l, value);
             })
      .getResult(0);
}

Value Lowering::dequantize(Location loc, SqzTensorType type,
                           const Parts &parts) {
  QuantAttr quant = type.getQuant();
  unsigned rank = type.getRank();
  Value centered = centeredCodes(loc, type, parts);
  Type expressed = type.getElementType();
  Value init = emptyLike(loc, centered, expressed);
  AffineMap identity = b.getMultiDimIdentityMap(rank);
  return linalg::GenericOp::create(
             b, loc, init.getType(), ValueRange{centered, parts.scales}, init,
             {identity, paramMap(quant, rank), identity},
             SmallVector<IteratorType>(rank, IteratorType::parallel),
             [&](OpBuilder &nb, Location l, ValueRange args) {
               Value value =
                   arith::SIToFPOp::create(nb, l, nb.getF32Type(), args[0]);
               Value scale = castFloat(nb, l, args[1], nb.getF32Type());
               value = arith::MulFOp::create(nb, l, value, scale);
               linalg::YieldOp::create(nb, l,
                                       castFloat(nb, l, value, expressed));
             })
      .getResult(0);
}

LogicalResult Lowering::lowerDequantize(DequantizeOp op) {
  FailureOr<Parts> parts = partsOf(op, op.getSource());
  if (failed(parts))
    return failure();
  b.setInsertionPoint(op);
  auto type = cast<SqzTensorType>(op.getSource().getType());
  b.replaceOp(op, dequantize(op.getLoc(), type, *parts));
  return success();
}

//===----------------------------------------------------------------------===//
// Quantize
//===----------------------------------------------------------------------===//

std::pair<Value, Value> Lowering::dynamicParams(Location loc, Value input,
                                                QuantAttr quant) {
  auto inputType = cast<RankedTensorType>(input.getType());
  unsigned rank = inputType.getRank();
  MLIRContext *context = b.getContext();

  // View the input so that every unit's elements are reduction loops: per
  // group, split the axis into [groups, groupSize] first.
  Value view = input;
  SmallVector<bool> reduced(rank, true);
  if (quant.getGranularity() == GranularityKind::PerChannel)
    reduced[quant.getAxis()] = false;
  if (quant.getGranularity() == GranularityKind::PerGroup) {
    int64_t axis = quant.getAxis(), group = quant.getGroupSize();
    SmallVector<int64_t> shape;
    SmallVector<ReassociationIndices> reassociation;
    for (unsigned d = 0; d < rank; ++d) {
      if (d == axis) {
        int64_t dim = inputType.getDimSize(d);
        shape.append({ShapedType::isDynamic(dim) ? dim : dim / group, group});
        reassociation.push_back(
            {int64_t(shape.size()) - 2, int64_t(shape.size()) - 1});
      } else {
        shape.push_back(inputType.getDimSize(d));
        reassociation.push_back({int64_t(shape.size()) - 1});
      }
    }
    auto viewType = RankedTensorType::get(shape, inputType.getElementType());
    view =
        tensor::ExpandShapeOp::create(b, loc, viewType, input, reassociation);
    reduced.assign(rank + 1, false);
    reduced[axis + 1] = true;
  }
  unsigned viewRank = reduced.size();
  SmallVector<AffineExpr> kept;
  SmallVector<IteratorType> iterators;
  SmallVector<OpFoldResult> keptSizes;
  SmallVector<OpFoldResult> viewSizes = tensor::getMixedSizes(b, loc, view);
  for (unsigned d = 0; d < viewRank; ++d) {
    iterators.push_back(reduced[d] ? IteratorType::reduction
                                   : IteratorType::parallel);
    if (!reduced[d]) {
      kept.push_back(getAffineDimExpr(d, context));
      keptSizes.push_back(viewSizes[d]);
    }
  }
  AffineMap viewMap = b.getMultiDimIdentityMap(viewRank);
  AffineMap keptMap = AffineMap::get(viewRank, 0, kept, context);

  // Reduce min and max over every unit, in f32, starting from 0 so that the
  // range includes zero.
  Type f32 = b.getF32Type();
  Value zero = constantF32(b, loc, 0.0);
  Value empty = tensor::EmptyOp::create(b, loc, keptSizes, f32);
  Value init = linalg::FillOp::create(b, loc, zero, empty).getResult(0);
  auto range = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType(), init.getType()}, view,
      ValueRange{init, init}, {viewMap, keptMap, keptMap}, iterators,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value x = castFloat(nb, l, args[0], f32);
        linalg::YieldOp::create(
            nb, l,
            ValueRange{arith::MinimumFOp::create(nb, l, args[1], x),
                       arith::MaximumFOp::create(nb, l, args[2], x)});
      });
  Value lo = range.getResult(0), hi = range.getResult(1);

  // Scales (and zero points) from the ranges, elementwise over the units.
  unsigned keptRank = kept.size();
  AffineMap keptIdentity = b.getMultiDimIdentityMap(keptRank);
  SmallVector<IteratorType> parallel(keptRank, IteratorType::parallel);
  double qmin = quant.getStorageMin(), qmax = quant.getStorageMax();
  bool symmetric = quant.getSymmetric();
  Value scaleInit = tensor::EmptyOp::create(b, loc, keptSizes, f32);
  Value zpInit = tensor::EmptyOp::create(b, loc, keptSizes, b.getI32Type());
  SmallVector<Type> resultTypes = {scaleInit.getType()};
  SmallVector<Value> inits = {scaleInit};
  if (!symmetric) {
    resultTypes.push_back(zpInit.getType());
    inits.push_back(zpInit);
  }
  SmallVector<AffineMap> maps(2 + inits.size(), keptIdentity);
  auto params = linalg::GenericOp::create(
      b, loc, resultTypes, ValueRange{lo, hi}, inits, maps, parallel,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value scale;
        if (symmetric) {
          Value absmax = arith::MaximumFOp::create(
              nb, l, arith::NegFOp::create(nb, l, args[0]), args[1]);
          scale =
              arith::DivFOp::create(nb, l, absmax, constantF32(nb, l, qmax));
        } else {
          scale = arith::DivFOp::create(
              nb, l, arith::SubFOp::create(nb, l, args[1], args[0]),
              constantF32(nb, l, qmax - qmin));
        }
        Value isZero = arith::CmpFOp::create(nb, l, arith::CmpFPredicate::OEQ,
                                             scale, constantF32(nb, l, 0.0));
        scale = arith::SelectOp::create(nb, l, isZero, constantF32(nb, l, 1.0),
                                        scale);
        SmallVector<Value> results = {scale};
        if (!symmetric) {
          Value shift = math::RoundEvenOp::create(
              nb, l, arith::DivFOp::create(nb, l, args[0], scale));
          Value zp =
              arith::SubFOp::create(nb, l, constantF32(nb, l, qmin), shift);
          zp = arith::MaximumFOp::create(nb, l, zp, constantF32(nb, l, qmin));
          zp = arith::MinimumFOp::create(nb, l, zp, constantF32(nb, l, qmax));
          results.push_back(
              arith::FPToSIOp::create(nb, l, nb.getI32Type(), zp));
        }
        linalg::YieldOp::create(nb, l, results);
      });
  Value scales = params.getResult(0);
  Value zeroPoints = symmetric ? Value() : params.getResult(1);
  return {scales, zeroPoints};
}

Parts Lowering::quantize(Location loc, Value input, SqzTensorType type,
                         Value scales, Value zeroPoints) {
  QuantAttr quant = type.getQuant();
  if (!scales)
    std::tie(scales, zeroPoints) = dynamicParams(loc, input, quant);
  unsigned rank = type.getRank();
  AffineMap identity = b.getMultiDimIdentityMap(rank);
  AffineMap params = paramMap(quant, rank);
  SmallVector<Value> inputs = {input, scales};
  SmallVector<AffineMap> maps = {identity, params};
  if (zeroPoints) {
    inputs.push_back(zeroPoints);
    maps.push_back(params);
  }
  maps.push_back(identity);
  Type storage = quant.getStorageType();
  Value init = emptyLike(loc, input, storage);
  double qmin = quant.getStorageMin(), qmax = quant.getStorageMax();
  Value codes =
      linalg::GenericOp::create(
          b, loc, init.getType(), inputs, init, maps,
          SmallVector<IteratorType>(rank, IteratorType::parallel),
          [&](OpBuilder &nb, Location l, ValueRange args) {
            Type f32 = nb.getF32Type();
            Value x = castFloat(nb, l, args[0], f32);
            Value scale = castFloat(nb, l, args[1], f32);
            Value code = math::RoundEvenOp::create(
                nb, l, arith::DivFOp::create(nb, l, x, scale));
            if (args.size() > 3)
              code = arith::AddFOp::create(
                  nb, l, code,
                  arith::SIToFPOp::create(
                      nb, l, f32, zeroPointToI32(nb, l, args[2], quant)));
            code = arith::MaximumFOp::create(nb, l, code,
                                             constantF32(nb, l, qmin));
            code = arith::MinimumFOp::create(nb, l, code,
                                             constantF32(nb, l, qmax));
            Value wide = arith::FPToSIOp::create(nb, l, nb.getI32Type(), code);
            Value narrow = arith::TruncIOp::create(nb, l, storage, wide);
            linalg::YieldOp::create(nb, l, narrow);
          })
          .getResult(0);
  return Parts{codes, 1, scales, zeroPoints};
}

LogicalResult Lowering::lowerQuantize(QuantizeOp op) {
  b.setInsertionPoint(op);
  auto type = cast<SqzTensorType>(op.getType());
  lowered[op.getResult()] = quantize(op.getLoc(), op.getInput(), type,
                                     op.getScales(), op.getZeroPoints());
  return success();
}

LogicalResult Lowering::lowerFakeQuant(FakeQuantOp op) {
  b.setInsertionPoint(op);
  auto inputType = cast<RankedTensorType>(op.getInput().getType());
  auto type = SqzTensorType::get(b.getContext(), inputType.getShape(),
                                 inputType.getElementType(), op.getQuant(),
                                 SparsityAttr());
  Parts parts = quantize(op.getLoc(), op.getInput(), type, op.getScales(),
                         op.getZeroPoints());
  b.replaceOp(op, dequantize(op.getLoc(), type, parts));
  return success();
}

//===----------------------------------------------------------------------===//
// Matmul
//===----------------------------------------------------------------------===//

LogicalResult Lowering::lowerMatmul(MatmulOp op) {
  Location loc = op.getLoc();
  b.setInsertionPoint(op);
  auto lhsType = dyn_cast<SqzTensorType>(op.getLhs().getType());
  auto rhsType = dyn_cast<SqzTensorType>(op.getRhs().getType());
  FailureOr<Parts> lhsParts = Parts(), rhsParts = Parts();
  if (lhsType && failed(lhsParts = partsOf(op, op.getLhs())))
    return failure();
  if (rhsType && failed(rhsParts = partsOf(op, op.getRhs())))
    return failure();

  auto resultType = cast<RankedTensorType>(op.getType());
  Type expressed = resultType.getElementType();
  bool transposed = op.getRhsTransposed();
  unsigned lhsRank = cast<ShapedType>(op.getLhs().getType()).getRank();
  unsigned rhsRank = cast<ShapedType>(op.getRhs().getType()).getRank();
  int64_t rowDim = lhsRank - 2;
  int64_t channelDim = rhsRank - (transposed ? 2 : 1);
  bool integer = lhsType && rhsType &&
                 lhsType.getQuant().isConstantAlongAllBut(rowDim) &&
                 rhsType.getQuant().isConstantAlongAllBut(channelDim);

  // Result sizes: [batch,] m from the lhs, n from the rhs.
  auto sizeOf = [&](Value value, Value storage, unsigned dim) -> OpFoldResult {
    int64_t size = cast<ShapedType>(value.getType()).getDimSize(dim);
    if (!ShapedType::isDynamic(size))
      return b.getIndexAttr(size);
    return tensor::DimOp::create(b, loc, storage, dim).getResult();
  };
  Value lhsStorage = lhsType ? lhsParts->codes : op.getLhs();
  Value rhsStorage = rhsType ? rhsParts->codes : op.getRhs();
  SmallVector<OpFoldResult> sizes;
  if (lhsRank == 3)
    sizes.push_back(sizeOf(op.getLhs(), lhsStorage, 0));
  sizes.push_back(sizeOf(op.getLhs(), lhsStorage, lhsRank - 2));
  sizes.push_back(sizeOf(op.getRhs(), rhsStorage, channelDim));
  unsigned resultRank = sizes.size();
  AffineMap identity = b.getMultiDimIdentityMap(resultRank);
  SmallVector<IteratorType> parallel(resultRank, IteratorType::parallel);
  MLIRContext *context = b.getContext();

  Value product;
  SmallVector<Value> epilogueInputs;
  SmallVector<AffineMap> epilogueMaps;
  if (integer) {
    Value lhs = centeredCodes(loc, lhsType, *lhsParts);
    Value rhs = centeredCodes(loc, rhsType, *rhsParts);
    Value zero = constantI32(b, loc, 0);
    Value empty = tensor::EmptyOp::create(b, loc, sizes, b.getI32Type());
    Value init = linalg::FillOp::create(b, loc, zero, empty).getResult(0);
    product = buildContraction(b, loc, lhs, rhs, init, transposed);
    // Scale maps from the result's loops: the lhs scale varies with m, the
    // rhs scale with n (or is one scalar).
    auto scaleMap = [&](QuantAttr quant, unsigned resultDim) {
      if (quant.getGranularity() == GranularityKind::PerTensor)
        return AffineMap::get(resultRank, 0, {}, context);
      return AffineMap::get(resultRank, 0,
                            getAffineDimExpr(resultDim, context));
    };
    epilogueInputs = {product, lhsParts->scales, rhsParts->scales};
    epilogueMaps = {identity, scaleMap(lhsType.getQuant(), resultRank - 2),
                    scaleMap(rhsType.getQuant(), resultRank - 1)};
  } else {
    Value lhs = lhsType ? dequantize(loc, lhsType, *lhsParts) : op.getLhs();
    Value rhs = rhsType ? dequantize(loc, rhsType, *rhsParts) : op.getRhs();
    Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(expressed));
    Value empty = tensor::EmptyOp::create(b, loc, sizes, expressed);
    Value init = linalg::FillOp::create(b, loc, zero, empty).getResult(0);
    product = buildContraction(b, loc, lhs, rhs, init, transposed);
    epilogueInputs = {product};
    epilogueMaps = {identity};
  }

  Value bias = op.getBias();
  if (!integer && !bias) {
    b.replaceOp(op, product);
    return success();
  }
  if (bias) {
    epilogueInputs.push_back(bias);
    epilogueMaps.push_back(AffineMap::get(
        resultRank, 0, getAffineDimExpr(resultRank - 1, context)));
  }
  epilogueMaps.push_back(identity);
  Value init = tensor::EmptyOp::create(b, loc, sizes, expressed);
  Value result =
      linalg::GenericOp::create(
          b, loc, init.getType(), epilogueInputs, init, epilogueMaps, parallel,
          [&](OpBuilder &nb, Location l, ValueRange args) {
            Value value = args[0];
            unsigned next = 1;
            if (integer) {
              Type f32 = nb.getF32Type();
              value = arith::SIToFPOp::create(nb, l, f32, value);
              Value scale =
                  arith::MulFOp::create(nb, l, castFloat(nb, l, args[1], f32),
                                        castFloat(nb, l, args[2], f32));
              value = castFloat(
                  nb, l, arith::MulFOp::create(nb, l, value, scale), expressed);
              next = 3;
            }
            if (bias)
              value = arith::AddFOp::create(nb, l, value, args[next]);
            linalg::YieldOp::create(nb, l, value);
          })
          .getResult(0);
  b.replaceOp(op, result);
  return success();
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

LogicalResult Lowering::lower(Operation *root) {
  SmallVector<Operation *> sqzOps;
  root->walk([&](Operation *op) {
    if (isa<SqzDialect>(op->getDialect()))
      sqzOps.push_back(op);
  });
  SmallVector<Operation *> toErase;
  for (Operation *op : sqzOps) {
    LogicalResult result =
        TypeSwitch<Operation *, LogicalResult>(op)
            .Case([&](PackOp pack) {
              toErase.push_back(pack);
              return lowerPack(pack);
            })
            .Case([&](QuantizeOp quantize) {
              toErase.push_back(quantize);
              return lowerQuantize(quantize);
            })
            .Case([&](DequantizeOp op) { return lowerDequantize(op); })
            .Case([&](MatmulOp op) { return lowerMatmul(op); })
            .Case([&](UnpackOp op) { return lowerUnpack(op); })
            .Case([&](FakeQuantOp op) { return lowerFakeQuant(op); })
            .Case([&](ObserveOp op) {
              b.replaceOp(op, op.getInput());
              return success();
            })
            .Default([](Operation *op) {
              return op->emitOpError("is not lowered by convert-sqz-to-linalg");
            });
    if (failed(result))
      return failure();
  }
  // Producers of compressed values go last, once nothing reads them.
  for (Operation *op : llvm::reverse(toErase)) {
    if (!op->use_empty())
      return op->emitOpError("result is still used after lowering: only sqz "
                             "ops may read a compressed value");
    b.eraseOp(op);
  }
  return success();
}

LogicalResult mlir::sqz::lowerSqzToLinalg(RewriterBase &rewriter,
                                          Operation *root) {
  return Lowering(rewriter).lower(root);
}

namespace {
struct ConvertSqzToLinalgPass
    : sqz::impl::ConvertSqzToLinalgBase<ConvertSqzToLinalgPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    if (failed(lowerSqzToLinalg(rewriter, getOperation())))
      signalPassFailure();
  }
};
} // namespace
