//===- SqzToLinalg.cpp - Reference lowering of sqz to linalg --------------===//
//
// The oracle: every sqz op becomes plain tensors and linalg.generic with the
// arithmetic written out, integer where the semantics are integer.
//
// A compressed value is carried as its parts (codes, scales, zero points,
// sparsity metadata): ops are visited in order, the parts of each compressed
// result are recorded, and every consumer is rebuilt from the parts of its
// operands. A sparse tensor is decompressed, once, where a consumer first
// needs it dense; a direct sparse matmul reads its parts as stored.
//
//===----------------------------------------------------------------------===//

#include "sqz/Conversion/SqzToLinalg/SqzToLinalg.h"
#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Utils/StructuredBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
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

  /// Sparse tensors only: the kept values (codes when quantized) as the pack
  /// took them, and their metadata (N:M positions or the unstructured mask),
  /// held `metadataPerByte` to a byte along the sparse axis (the last
  /// dimension for a mask) when that is > 1. `codes` stays null until the
  /// tensor is decompressed.
  SparsityAttr sparsity;
  Value kept;
  Value metadata;
  unsigned metadataPerByte = 1;
  /// The metadata operand of the pack, which sqz.unpack gives back.
  Value storedMetadata;
  /// The pack; decompression is built right before it.
  Operation *producer = nullptr;
};

/// Builds the linalg form of one function's sqz ops.
class Lowering {
public:
  Lowering(RewriterBase &rewriter, SparseMatmulLowering sparseMatmul,
           bool observeCalls)
      : b(rewriter), sparseMatmul(sparseMatmul), observeCalls(observeCalls) {}

  LogicalResult lower(Operation *op);

private:
  LogicalResult lowerPack(PackOp op);
  LogicalResult lowerQuantize(QuantizeOp op);
  LogicalResult lowerDequantize(DequantizeOp op);
  LogicalResult lowerMatmul(MatmulOp op);
  LogicalResult lowerUnpack(UnpackOp op);
  /// Replaces `op` by the parts `results`, cast to its result types.
  LogicalResult replaceUnpack(UnpackOp op, SmallVector<Value> &results);
  LogicalResult lowerObserve(ObserveOp op);
  LogicalResult lowerFakeQuant(FakeQuantOp op);

  /// The parts of a compressed value lowered earlier, sparse tensors
  /// decompressed to dense codes (or values).
  FailureOr<Parts> partsOf(Operation *user, Value value);
  /// The parts of a compressed value lowered earlier, as stored.
  FailureOr<Parts> storedPartsOf(Operation *user, Value value);

  /// The logical-shape tensor of the pruned elements of a sparse tensor:
  /// the zero point when quantized asymmetric, else zero.
  Value prunedFill(Location loc, SqzTensorType type, const Parts &parts);
  /// The dense codes (or values) of an N:M sparse tensor.
  Value decompressNM(Location loc, SqzTensorType type, const Parts &parts);
  /// The dense codes (or values) of an unstructured sparse tensor.
  Value decompressUnstructured(Location loc, SqzTensorType type,
                               const Parts &parts);
  /// `init + lhs x rhs` over the kept values of an N:M sparse 2-D rhs only,
  /// the lhs gathered at the kept positions: in i32 on centered codes when
  /// `integer`, else on dequantized values in the accumulator's type;
  /// marked with kNMContractionAttrName (`int8Operands`: both sides are
  /// symmetric signed 8-bit codes).
  Value sparseContraction(Location loc, Value lhs, SqzTensorType rhsType,
                          const Parts &rhs, Value init, bool transposed,
                          bool integer, bool int8Operands = false);

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
  SparseMatmulLowering sparseMatmul;
  bool observeCalls;
  llvm::DenseMap<Value, Parts> lowered;
  /// observe=call: the ids seen so far, by index.
  SmallVector<Attribute> observeIds;
  llvm::DenseMap<StringAttr, int64_t> observeIndex;
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

/// Packs constant integers of `width` bits (1, 2 or 4) `8 / width` to a byte
/// along dimension `axis`, low bits first: the element at index `a` of the
/// axis lands in byte `a / (8 / width)`, bits from `(a % (8 / width)) *
/// width`. Returns null when the axis does not divide evenly.
static Value packSubByte(OpBuilder &b, Location loc,
                         DenseIntElementsAttr values, unsigned width,
                         unsigned axis) {
  auto type = cast<RankedTensorType>(values.getType());
  assert(axis < type.getRank() && "packing along an axis the tensor lacks");
  unsigned perByte = 8 / width;
  ArrayRef<int64_t> shape = type.getShape();
  int64_t along = shape[axis];
  if (along % perByte != 0)
    return {};
  int64_t inner = 1;
  for (unsigned d = axis + 1; d < shape.size(); ++d)
    inner *= shape[d];
  SmallVector<int64_t> packedShape(shape);
  packedShape[axis] = along / perByte;
  int64_t numElements = type.getNumElements();
  std::vector<char> packed(numElements / perByte, 0);
  uint8_t mask = (1u << width) - 1;
  auto place = [&](int64_t i, uint8_t value) {
    int64_t outer = i / (along * inner), a = (i / inner) % along;
    int64_t byte =
        (outer * (along / perByte) + a / perByte) * inner + i % inner;
    packed[byte] |=
        static_cast<char>((value & mask) << ((a % perByte) * width));
  };
  if (type.getElementType().isInteger(1)) {
    int64_t i = 0;
    for (bool bit : values.getValues<bool>())
      place(i++, bit);
  } else {
    // Integer elements are stored in whole little-endian bytes, sub-byte
    // ones one per byte; the low byte holds every value that fits `width`.
    ArrayRef<char> raw = values.getRawData();
    size_t stride = llvm::divideCeil(type.getElementTypeBitWidth(), 8);
    bool splat = values.isSplat();
    for (int64_t i = 0; i < numElements; ++i)
      place(i, static_cast<uint8_t>(raw[splat ? 0 : i * stride]));
  }
  auto packedType = RankedTensorType::get(packedShape, b.getI8Type());
  return arith::ConstantOp::create(
      b, loc, DenseElementsAttr::getFromRawBuffer(packedType, packed));
}

/// The `width`-bit field of `byte` (i8) that holds element `index` of a run
/// of `8 / width` packed by packSubByte, as an i<width>.
static Value extractSubByte(OpBuilder &b, Location loc, Value byte, Value index,
                            unsigned width) {
  unsigned perByte = 8 / width;
  Value slot = arith::RemUIOp::create(
      b, loc, index, arith::ConstantIndexOp::create(b, loc, perByte));
  Value shift = arith::MulIOp::create(
      b, loc, arith::IndexCastOp::create(b, loc, b.getI8Type(), slot),
      arith::ConstantOp::create(b, loc, b.getI8IntegerAttr(width)));
  Value shifted = arith::ShRUIOp::create(b, loc, byte, shift);
  return arith::TruncIOp::create(b, loc, b.getIntegerType(width), shifted);
}

/// Up to this m, a direct sparse matmul of a [K, N] rhs selects the lhs
/// element among the m of a group instead of gathering it.
static constexpr int64_t kMaxSelectCandidates = 8;

/// Bits per stored N:M position: the next power of two of ceil(log2 m), so
/// that positions never straddle a byte (2 for 2:4, 4 for 4:8).
static unsigned positionBits(int64_t m) {
  return llvm::PowerOf2Ceil(std::max<unsigned>(1, llvm::Log2_64_Ceil(m)));
}

//===----------------------------------------------------------------------===//
// Parts
//===----------------------------------------------------------------------===//

FailureOr<Parts> Lowering::partsOf(Operation *user, Value value) {
  FailureOr<Parts> parts = storedPartsOf(user, value);
  if (failed(parts) || !parts->sparsity || parts->codes)
    return parts;
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(parts->producer);
  auto type = cast<SqzTensorType>(value.getType());
  Location loc = parts->producer->getLoc();
  parts->codes = parts->sparsity.getKind() == SparsityKind::NM
                     ? decompressNM(loc, type, *parts)
                     : decompressUnstructured(loc, type, *parts);
  lowered[value] = *parts;
  return parts;
}

FailureOr<Parts> Lowering::storedPartsOf(Operation *user, Value value) {
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
  Parts parts;
  parts.codes = op.getValues();
  parts.scales = op.getScales();
  parts.zeroPoints = op.getZeroPoints();
  if (SparsityAttr sparsity = type.getSparsity()) {
    if (!type.hasStaticShape() || type.getRank() == 0)
      return op.emitOpError("sparse tensor ")
             << type
             << " needs a static shape to be decompressed by "
                "convert-sqz-to-linalg";
    parts.codes = {};
    parts.sparsity = sparsity;
    parts.kept = op.getValues();
    parts.metadata = parts.storedMetadata = op.getMetadata();
    parts.producer = op;
    bool nm = sparsity.getKind() == SparsityKind::NM;
    unsigned width = nm ? positionBits(sparsity.getM()) : 1;
    unsigned axis = nm ? sparsity.getAxis() : type.getRank() - 1;
    DenseIntElementsAttr constant;
    if (width < 8 && matchPattern(op.getMetadata(), m_Constant(&constant))) {
      b.setInsertionPoint(op);
      if (Value packed = packSubByte(b, op.getLoc(), constant, width, axis)) {
        parts.metadata = packed;
        parts.metadataPerByte = 8 / width;
      }
    }
    lowered[op.getResult()] = parts;
    return success();
  }
  unsigned width = type.getQuant().getStorageWidth();
  DenseIntElementsAttr constantCodes;
  // A rank-0 tensor has no axis to pack along: its one code keeps its byte.
  if (width < 8 && type.getRank() > 0 &&
      matchPattern(op.getValues(), m_Constant(&constantCodes))) {
    b.setInsertionPoint(op);
    if (Value packed = packSubByte(b, op.getLoc(), constantCodes, width,
                                   type.getRank() - 1)) {
      parts.codes = packed;
      parts.codesPerByte = 8 / width;
    }
  }
  lowered[op.getResult()] = parts;
  return success();
}

LogicalResult Lowering::lowerUnpack(UnpackOp op) {
  FailureOr<Parts> parts = storedPartsOf(op, op.getSource());
  if (failed(parts))
    return failure();
  auto type = cast<SqzTensorType>(op.getSource().getType());
  b.setInsertionPoint(op);
  if (parts->sparsity) {
    // Sparse values are never packed: the parts as the pack took them.
    SmallVector<Value> results = {parts->kept};
    if (parts->scales)
      results.push_back(parts->scales);
    if (parts->zeroPoints)
      results.push_back(parts->zeroPoints);
    results.push_back(parts->storedMetadata);
    return replaceUnpack(op, results);
  }
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
  return replaceUnpack(op, results);
}

LogicalResult Lowering::replaceUnpack(UnpackOp op,
                                      SmallVector<Value> &results) {
  // The verifier lets the results be less static than the stored parts (a
  // `?` where the part has a size): cast to what the op promises.
  for (auto [index, result] : llvm::enumerate(results)) {
    Type promised = op.getResult(index).getType();
    if (result.getType() == promised)
      continue;
    if (!tensor::CastOp::areCastCompatible(result.getType(), promised))
      return op.emitOpError("result #")
             << index << " is " << promised << ", but the stored part is "
             << result.getType();
    result = tensor::CastOp::create(b, op.getLoc(), promised, result);
  }
  b.replaceOp(op, results);
  return success();
}

//===----------------------------------------------------------------------===//
// Sparse tensors
//===----------------------------------------------------------------------===//

/// `value` (kept N:M values or unpacked positions, static shape) with the
/// sparse `axis` split into `[groups, n]`, so that the kept slot is a loop of
/// its own.
static Value splitKeptAxis(OpBuilder &b, Location loc, Value value,
                           unsigned axis, int64_t n) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape;
  SmallVector<ReassociationIndices> reassociation;
  for (auto [dim, size] : llvm::enumerate(type.getShape())) {
    if (dim == axis) {
      shape.append({size / n, n});
      reassociation.push_back(
          {int64_t(shape.size()) - 2, int64_t(shape.size()) - 1});
      continue;
    }
    shape.push_back(size);
    reassociation.push_back({int64_t(shape.size()) - 1});
  }
  return tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), value,
      reassociation);
}

Value Lowering::prunedFill(Location loc, SqzTensorType type,
                           const Parts &parts) {
  Type element = cast<RankedTensorType>(parts.kept.getType()).getElementType();
  Value empty = tensor::EmptyOp::create(b, loc, type.getShape(), element);
  if (!parts.zeroPoints) {
    Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(element));
    return linalg::FillOp::create(b, loc, zero, empty).getResult(0);
  }
  // A pruned element is the code of 0.0: the zero point.
  QuantAttr quant = type.getQuant();
  unsigned rank = type.getRank();
  return linalg::GenericOp::create(
             b, loc, empty.getType(), parts.zeroPoints, empty,
             {paramMap(quant, rank), b.getMultiDimIdentityMap(rank)},
             SmallVector<IteratorType>(rank, IteratorType::parallel),
             [&](OpBuilder &nb, Location l, ValueRange args) {
               Value zp = zeroPointToI32(nb, l, args[0], quant);
               linalg::YieldOp::create(
                   nb, l,
                   arith::TruncIOp::create(nb, l, element, zp).getResult());
             })
      .getResult(0);
}

Value Lowering::decompressNM(Location loc, SqzTensorType type,
                             const Parts &parts) {
  SparsityAttr sparsity = parts.sparsity;
  int64_t n = sparsity.getN(), m = sparsity.getM();
  unsigned axis = sparsity.getAxis();
  unsigned rank = type.getRank();
  ArrayRef<int64_t> shape = type.getShape();
  MLIRContext *context = b.getContext();
  auto d = [&](unsigned i) { return getAffineDimExpr(i, context); };

  // Loops: the logical dimensions with the sparse axis split into
  // [group g, position j], then the kept slot s (a reduction).
  unsigned g = axis, j = axis + 1, s = rank + 1;
  SmallVector<int64_t> expanded;
  SmallVector<ReassociationIndices> reassociation;
  // The kept values (and unpacked positions) are read split into
  // [groups, n] along the axis; packed positions by byte.
  SmallVector<AffineExpr> keptExprs, metadataExprs, outExprs;
  unsigned perByte = parts.metadataPerByte;
  for (unsigned dim = 0; dim < rank; ++dim) {
    if (dim == axis) {
      expanded.append({shape[dim] / m, m});
      reassociation.push_back(
          {int64_t(expanded.size()) - 2, int64_t(expanded.size()) - 1});
      keptExprs.append({d(g), d(s)});
      if (perByte > 1)
        metadataExprs.push_back((d(g) * n + d(s)).floorDiv(perByte));
      else
        metadataExprs.append({d(g), d(s)});
      continue;
    }
    expanded.push_back(shape[dim]);
    reassociation.push_back({int64_t(expanded.size()) - 1});
    unsigned loop = dim < axis ? dim : dim + 1;
    keptExprs.push_back(d(loop));
    metadataExprs.push_back(d(loop));
  }
  Value kept = splitKeptAxis(b, loc, parts.kept, axis, n);
  Value metadata = perByte > 1 ? parts.metadata
                               : splitKeptAxis(b, loc, parts.metadata, axis, n);
  for (unsigned loop = 0; loop <= rank; ++loop)
    outExprs.push_back(d(loop));

  Value fill = prunedFill(loc, type, parts);
  auto fillType = cast<RankedTensorType>(fill.getType());
  auto expandedType =
      RankedTensorType::get(expanded, fillType.getElementType());
  Value init =
      tensor::ExpandShapeOp::create(b, loc, expandedType, fill, reassociation);
  unsigned numLoops = rank + 2;
  SmallVector<IteratorType> iterators(numLoops, IteratorType::parallel);
  iterators.back() = IteratorType::reduction;
  unsigned width = 8 / perByte;
  Value dense =
      linalg::GenericOp::create(
          b, loc, expandedType, ValueRange{kept, metadata}, init,
          {AffineMap::get(numLoops, 0, keptExprs, context),
           AffineMap::get(numLoops, 0, metadataExprs, context),
           AffineMap::get(numLoops, 0, outExprs, context)},
          iterators,
          [&](OpBuilder &nb, Location l, ValueRange args) {
            Value position = args[1];
            if (perByte > 1) {
              Value index = arith::AddIOp::create(
                  nb, l,
                  arith::MulIOp::create(
                      nb, l, linalg::IndexOp::create(nb, l, g),
                      arith::ConstantIndexOp::create(nb, l, n)),
                  linalg::IndexOp::create(nb, l, s));
              position = extractSubByte(nb, l, position, index, width);
            }
            position = arith::IndexCastUIOp::create(nb, l, nb.getIndexType(),
                                                    position);
            // Exactly one kept slot of a group lands on position j, or none.
            Value here =
                arith::CmpIOp::create(nb, l, arith::CmpIPredicate::eq, position,
                                      linalg::IndexOp::create(nb, l, j));
            linalg::YieldOp::create(
                nb, l,
                arith::SelectOp::create(nb, l, here, args[0], args[2])
                    .getResult());
          })
          .getResult(0);
  return tensor::CollapseShapeOp::create(b, loc, fillType, dense,
                                         reassociation);
}

Value Lowering::decompressUnstructured(Location loc, SqzTensorType type,
                                       const Parts &parts) {
  unsigned rank = type.getRank();
  int64_t numElements = type.getNumElements();
  Value fill = prunedFill(loc, type, parts);
  auto fillType = cast<RankedTensorType>(fill.getType());
  ReassociationIndices all;
  for (unsigned d = 0; d < rank; ++d)
    all.push_back(d);
  auto flatten = [&](Value value) -> Value {
    auto valueType = cast<RankedTensorType>(value.getType());
    if (rank == 1)
      return value;
    auto flatType = RankedTensorType::get({valueType.getNumElements()},
                                          valueType.getElementType());
    return tensor::CollapseShapeOp::create(b, loc, flatType, value,
                                           ArrayRef<ReassociationIndices>{all});
  };
  Value flat = flatten(fill);
  // Packed along the last dimension, the mask's bytes in row-major order
  // hold the bits of the flat index in order.
  Value mask = flatten(parts.metadata);
  Value kept = parts.kept;
  bool packed = parts.metadataPerByte > 1;

  // The running count of set bits is the index of the next kept value.
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value end = arith::ConstantIndexOp::create(b, loc, numElements);
  auto loop = scf::ForOp::create(
      b, loc, zero, end, one, ValueRange{flat, zero},
      [&](OpBuilder &nb, Location l, Value i, ValueRange iter) {
        Value bit;
        if (packed) {
          Value byteIndex = arith::DivUIOp::create(
              nb, l, i, arith::ConstantIndexOp::create(nb, l, 8));
          Value byte = tensor::ExtractOp::create(nb, l, mask, byteIndex);
          bit = extractSubByte(nb, l, byte, i, 1);
        } else {
          bit = tensor::ExtractOp::create(nb, l, mask, i);
        }
        auto branch = scf::IfOp::create(
            nb, l, bit,
            [&](OpBuilder &tb, Location tl) {
              Value value = tensor::ExtractOp::create(tb, tl, kept, iter[1]);
              Value out = tensor::InsertOp::create(tb, tl, value, iter[0], i);
              Value next = arith::AddIOp::create(
                  tb, tl, iter[1], arith::ConstantIndexOp::create(tb, tl, 1));
              scf::YieldOp::create(tb, tl, ValueRange{out, next});
            },
            [&](OpBuilder &eb, Location el) {
              scf::YieldOp::create(eb, el, iter);
            });
        scf::YieldOp::create(nb, l, branch.getResults());
      });
  Value dense = loop.getResult(0);
  if (rank == 1)
    return dense;
  return tensor::ExpandShapeOp::create(b, loc, fillType, dense,
                                       ArrayRef<ReassociationIndices>{all});
}

Value Lowering::sparseContraction(Location loc, Value lhs,
                                  SqzTensorType rhsType, const Parts &rhs,
                                  Value init, bool transposed, bool integer,
                                  bool int8Operands) {
  MLIRContext *context = b.getContext();
  auto d = [&](unsigned i) { return getAffineDimExpr(i, context); };
  SparsityAttr sparsity = rhs.sparsity;
  int64_t n = sparsity.getN(), m = sparsity.getM();
  QuantAttr quant = rhsType.getQuant();
  auto initType = cast<RankedTensorType>(init.getType());
  Type accType = initType.getElementType();

  // Loops: [batch,] row, col, then the group g and kept slot s of the
  // reduction; the kept value's index along the sparse axis is g * n + s.
  unsigned resultRank = initType.getRank();
  unsigned numLoops = resultRank + 2;
  unsigned row = resultRank - 2, col = resultRank - 1, g = resultRank,
           s = resultRank + 1;
  unsigned perByte = rhs.metadataPerByte;
  unsigned axis = transposed ? 1 : 0;
  // The kept values (and unpacked positions) split into [groups, n] along
  // the reduction axis; packed positions by byte.
  auto splitMap = [&]() {
    SmallVector<AffineExpr> exprs = {d(g), d(s), d(col)};
    if (transposed)
      exprs = {d(col), d(g), d(s)};
    return AffineMap::get(numLoops, 0, exprs, context);
  };
  auto packedMap = [&]() {
    SmallVector<AffineExpr> exprs = {(d(g) * n + d(s)).floorDiv(perByte),
                                     d(col)};
    if (transposed)
      std::swap(exprs[0], exprs[1]);
    return AffineMap::get(numLoops, 0, exprs, context);
  };
  SmallVector<Value> inputs = {
      splitKeptAxis(b, loc, rhs.kept, axis, n),
      perByte > 1 ? rhs.metadata
                  : splitKeptAxis(b, loc, rhs.metadata, axis, n)};
  SmallVector<AffineMap> maps = {splitMap(),
                                 perByte > 1 ? packedMap() : splitMap()};
  // Weight parameters are per tensor or per output channel.
  AffineMap paramMap =
      quant && quant.getGranularity() == GranularityKind::PerChannel
          ? AffineMap::get(numLoops, 0, d(col))
          : AffineMap::get(numLoops, 0, {}, context);
  int zeroPointArg = -1, scaleArg = -1;
  if (rhs.zeroPoints) {
    zeroPointArg = inputs.size();
    inputs.push_back(rhs.zeroPoints);
    maps.push_back(paramMap);
  }
  if (quant && !integer) {
    scaleArg = inputs.size();
    inputs.push_back(rhs.scales);
    maps.push_back(paramMap);
  }
  SmallVector<AffineExpr> outExprs;
  for (unsigned loop = 0; loop < resultRank; ++loop)
    outExprs.push_back(d(loop));
  maps.push_back(AffineMap::get(numLoops, 0, outExprs, context));
  SmallVector<IteratorType> iterators(numLoops, IteratorType::parallel);
  iterators[g] = iterators[s] = IteratorType::reduction;
  unsigned width = 8 / perByte;
  Value product =
      linalg::GenericOp::create(
          b, loc, initType, inputs, init, maps, iterators,
          [&](OpBuilder &nb, Location l, ValueRange args) {
            Value groupIndex = linalg::IndexOp::create(nb, l, g);
            Value position = args[1];
            if (perByte > 1) {
              Value index = arith::AddIOp::create(
                  nb, l,
                  arith::MulIOp::create(
                      nb, l, groupIndex,
                      arith::ConstantIndexOp::create(nb, l, n)),
                  linalg::IndexOp::create(nb, l, s));
              position = extractSubByte(nb, l, position, index, width);
            }
            // The lhs at k = g * m + position. A [K, N] rhs gets its
            // column loop innermost: there, for small m, a select among
            // the m candidates of the group, whose loads do not depend on
            // the column (hoisted, so the loop vectorizes); else a
            // gather.
            Value base = arith::MulIOp::create(
                nb, l, groupIndex, arith::ConstantIndexOp::create(nb, l, m));
            Value offset = arith::IndexCastUIOp::create(
                nb, l, nb.getIndexType(), position);
            auto lhsAt = [&](Value k) -> Value {
              SmallVector<Value> indices;
              if (resultRank == 3)
                indices.push_back(linalg::IndexOp::create(nb, l, 0));
              indices.append({linalg::IndexOp::create(nb, l, row), k});
              return tensor::ExtractOp::create(nb, l, lhs, indices);
            };
            Value x;
            if (!transposed && m <= kMaxSelectCandidates) {
              for (int64_t t = 0; t < m; ++t) {
                Value candidate = lhsAt(arith::AddIOp::create(
                    nb, l, base, arith::ConstantIndexOp::create(nb, l, t)));
                if (t == 0) {
                  x = candidate;
                  continue;
                }
                Value here = arith::CmpIOp::create(
                    nb, l, arith::CmpIPredicate::eq, offset,
                    arith::ConstantIndexOp::create(nb, l, t));
                x = arith::SelectOp::create(nb, l, here, candidate, x);
              }
            } else {
              x = lhsAt(arith::AddIOp::create(nb, l, base, offset));
            }
            Value acc = args.back();
            Value w = args[0];
            if (quant) {
              w = toI32(nb, l, w, quant.getStorageSigned());
              if (zeroPointArg >= 0)
                w = arith::SubIOp::create(
                    nb, l, w, zeroPointToI32(nb, l, args[zeroPointArg], quant));
            }
            if (integer) {
              Value product = arith::MulIOp::create(nb, l, x, w);
              linalg::YieldOp::create(
                  nb, l,
                  arith::AddIOp::create(nb, l, acc, product).getResult());
              return;
            }
            if (quant) {
              // As the dense dequantize: (q - z) * s in f32, then the
              // expressed type.
              Type f32 = nb.getF32Type();
              w = arith::MulFOp::create(nb, l,
                                        arith::SIToFPOp::create(nb, l, f32, w),
                                        castFloat(nb, l, args[scaleArg], f32));
              w = castFloat(nb, l, w, accType);
            }
            Value product = arith::MulFOp::create(nb, l, x, w);
            linalg::YieldOp::create(
                nb, l, arith::AddFOp::create(nb, l, acc, product).getResult());
          })
          .getResult(0);
  // What a code generator for sparse hardware needs to know of it.
  SmallVector<NamedAttribute> facts = {
      b.getNamedAttr("n", b.getI64IntegerAttr(n)),
      b.getNamedAttr("m", b.getI64IntegerAttr(m)),
      b.getNamedAttr("positions_per_byte", b.getI64IntegerAttr(perByte))};
  if (int8Operands)
    facts.push_back(b.getNamedAttr("int8_operands", b.getUnitAttr()));
  product.getDefiningOp()->setAttr(kNMContractionAttrName,
                                   b.getDictionaryAttr(facts));
  return product;
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
                 Value index = linalg::IndexOp::create(nb, l, rank - 1);
                 code = extractSubByte(nb, l, code, index, width);
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
  // Sparse, not quantized: the decompressed values.
  if (!quant)
    return parts.codes;
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
  Parts parts;
  parts.codes = codes;
  parts.scales = scales;
  parts.zeroPoints = zeroPoints;
  return parts;
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

/// Whether `quant` stores symmetric signed 8-bit codes: every centered code
/// fits in i8.
static bool isSymmetricSigned8(QuantAttr quant) {
  return quant && quant.getSymmetric() && quant.getStorageWidth() == 8 &&
         quant.getStorageSigned();
}

LogicalResult Lowering::lowerMatmul(MatmulOp op) {
  Location loc = op.getLoc();
  b.setInsertionPoint(op);
  auto lhsType = dyn_cast<SqzTensorType>(op.getLhs().getType());
  auto rhsType = dyn_cast<SqzTensorType>(op.getRhs().getType());
  auto resultType = cast<RankedTensorType>(op.getType());
  Type expressed = resultType.getElementType();
  bool transposed = op.getRhsTransposed();
  unsigned lhsRank = cast<ShapedType>(op.getLhs().getType()).getRank();
  unsigned rhsRank = cast<ShapedType>(op.getRhs().getType()).getRank();
  int64_t rowDim = lhsRank - 2;
  int64_t channelDim = rhsRank - (transposed ? 2 : 1);
  QuantAttr lhsQuant = lhsType ? lhsType.getQuant() : QuantAttr();
  QuantAttr rhsQuant = rhsType ? rhsType.getQuant() : QuantAttr();
  bool integer = lhsQuant && rhsQuant &&
                 lhsQuant.isConstantAlongAllBut(rowDim) &&
                 rhsQuant.isConstantAlongAllBut(channelDim);

  // A 2-D rhs that is N:M sparse along the reduction axis, with parameters
  // per tensor or per output channel, is read directly when asked to.
  SparsityAttr rhsSparsity = rhsType ? rhsType.getSparsity() : SparsityAttr();
  bool directAllowed =
      sparseMatmul == SparseMatmulLowering::Direct ||
      (sparseMatmul == SparseMatmulLowering::DirectInteger && integer);
  bool direct = directAllowed && rhsSparsity &&
                rhsSparsity.getKind() == SparsityKind::NM && rhsRank == 2 &&
                rhsSparsity.getAxis() == (transposed ? 1 : 0) &&
                (!rhsQuant || rhsQuant.isConstantAlongAllBut(channelDim));

  FailureOr<Parts> lhsParts = Parts(), rhsParts = Parts();
  if (lhsType && failed(lhsParts = partsOf(op, op.getLhs())))
    return failure();
  if (rhsType && failed(rhsParts = direct ? storedPartsOf(op, op.getRhs())
                                          : partsOf(op, op.getRhs())))
    return failure();

  // Result sizes: [batch,] m from the lhs, n from the rhs.
  auto sizeOf = [&](Value value, Value storage, unsigned dim) -> OpFoldResult {
    int64_t size = cast<ShapedType>(value.getType()).getDimSize(dim);
    if (!ShapedType::isDynamic(size))
      return b.getIndexAttr(size);
    return tensor::DimOp::create(b, loc, storage, dim).getResult();
  };
  Value lhsStorage = lhsType ? lhsParts->codes : op.getLhs();
  Value rhsStorage =
      rhsType ? (direct ? rhsParts->kept : rhsParts->codes) : op.getRhs();
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
    Value zero = constantI32(b, loc, 0);
    Value empty = tensor::EmptyOp::create(b, loc, sizes, b.getI32Type());
    Value init = linalg::FillOp::create(b, loc, zero, empty).getResult(0);
    if (direct)
      product = sparseContraction(
          loc, lhs, rhsType, *rhsParts, init, transposed, /*integer=*/true,
          isSymmetricSigned8(lhsQuant) && isSymmetricSigned8(rhsQuant));
    else
      product =
          buildContraction(b, loc, lhs, centeredCodes(loc, rhsType, *rhsParts),
                           init, transposed);
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
    Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(expressed));
    Value empty = tensor::EmptyOp::create(b, loc, sizes, expressed);
    Value init = linalg::FillOp::create(b, loc, zero, empty).getResult(0);
    if (direct) {
      product = sparseContraction(loc, lhs, rhsType, *rhsParts, init,
                                  transposed, /*integer=*/false);
    } else {
      Value rhs = rhsType ? dequantize(loc, rhsType, *rhsParts) : op.getRhs();
      product = buildContraction(b, loc, lhs, rhs, init, transposed);
    }
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
// sqz.observe
//===----------------------------------------------------------------------===//

LogicalResult Lowering::lowerObserve(ObserveOp op) {
  Value input = op.getInput();
  if (!observeCalls) {
    b.replaceOp(op, input);
    return success();
  }
  auto type = cast<RankedTensorType>(input.getType());
  Type elementType = type.getElementType();
  if (!elementType.isF32() && !elementType.isF16() && !elementType.isBF16())
    return op.emitOpError("observe=call records f32, f16 or bf16 values, got ")
           << elementType;
  auto module = op->getParentOfType<ModuleOp>();
  if (!module)
    return op.emitOpError("observe=call needs an enclosing module");

  // The declaration of the recorder, once per module.
  MLIRContext *context = op.getContext();
  Type f32 = Float32Type::get(context);
  auto unranked = UnrankedMemRefType::get(f32, /*memorySpace=*/0);
  auto calleeType =
      FunctionType::get(context, {b.getI64Type(), unranked}, TypeRange());
  auto callee = module.lookupSymbol<func::FuncOp>(kObserveFunctionName);
  if (!callee) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(module.getBody());
    callee = func::FuncOp::create(b, module.getLoc(), kObserveFunctionName,
                                  calleeType);
    callee.setPrivate();
  } else if (callee.getFunctionType() != calleeType) {
    return op.emitOpError("observe=call: @")
           << kObserveFunctionName << " exists with type "
           << callee.getFunctionType() << ", expected " << calleeType;
  }

  StringAttr id = op.getIdAttr();
  auto [it, inserted] = observeIndex.try_emplace(id, observeIds.size());
  if (inserted)
    observeIds.push_back(id);
  module->setAttr(kObserveIdsAttrName, b.getArrayAttr(observeIds));

  Location loc = op.getLoc();
  b.setInsertionPoint(op);
  Value value = input;
  if (!elementType.isF32())
    value = arith::ExtFOp::create(b, loc, type.clone(f32), input);
  // Any layout: the recorder reads the strides from the descriptor.
  SmallVector<int64_t> strides(type.getRank(), ShapedType::kDynamic);
  auto layout = StridedLayoutAttr::get(context, ShapedType::kDynamic, strides);
  auto memrefType = MemRefType::get(type.getShape(), f32, layout);
  Value buffer = bufferization::ToBufferOp::create(b, loc, memrefType, value,
                                                   /*read_only=*/true);
  Value cast = memref::CastOp::create(b, loc, unranked, buffer);
  Value index = arith::ConstantIntOp::create(b, loc, it->second, 64);
  func::CallOp::create(b, loc, callee, ValueRange{index, cast});
  b.replaceOp(op, input);
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
            .Case([&](ObserveOp op) { return lowerObserve(op); })
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
                                          Operation *root,
                                          SparseMatmulLowering sparseMatmul,
                                          bool observeCalls) {
  return Lowering(rewriter, sparseMatmul, observeCalls).lower(root);
}

namespace {
struct ConvertSqzToLinalgPass
    : sqz::impl::ConvertSqzToLinalgBase<ConvertSqzToLinalgPass> {
  using Base::Base;

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    if (failed(lowerSqzToLinalg(rewriter, getOperation(), sparseMatmul,
                                observe == ObserveLowering::Call)))
      signalPassFailure();
  }
};
} // namespace
