//===- VerifySparsity.cpp - sqz-verify-sparsity ---------------------------===//
//
// Proves that the sparse data stored in a module satisfies its pattern: the
// N:M positions and unstructured masks of sqz.pack (also when they are
// dense_resource blobs, which the op verifier does not read), and constants
// of upstream sparse_tensor N:M types, which upstream never checks.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"

#include "mlir/Dialect/SparseTensor/IR/SparseTensor.h"
#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/BuiltinDialect.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZVERIFYSPARSITY
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

namespace {
/// The bytes of a constant integer tensor with one byte per element, or of
/// an i1 tensor of a dense_resource blob (one byte per element too).
struct ConstantBytes {
  ArrayRef<char> bytes;
  bool splat = false;
  uint8_t at(int64_t i) const {
    return static_cast<uint8_t>(bytes[splat ? 0 : i]);
  }
};
} // namespace

/// Reads a constant metadata tensor whose elements take one byte each (i2 to
/// i8 dense values, or any width up to 8 in a dense_resource blob).
static std::optional<ConstantBytes> readByteConstant(Value value) {
  Attribute attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementTypeBitWidth() > 8)
    return std::nullopt;
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob ||
        blob->getData().size() != static_cast<size_t>(type.getNumElements()))
      return std::nullopt;
    return ConstantBytes{blob->getData(), false};
  }
  auto dense = dyn_cast<DenseIntElementsAttr>(attr);
  if (!dense || type.getElementTypeBitWidth() == 1)
    return std::nullopt;
  return ConstantBytes{dense.getRawData(), dense.isSplat()};
}

/// Checks the N:M positions or the unstructured mask of `pack`.
static LogicalResult verifyPack(PackOp pack) {
  auto type = cast<SqzTensorType>(pack.getResult().getType());
  SparsityAttr sparsity = type.getSparsity();
  if (!sparsity)
    return success();
  Value metadata = pack.getMetadata();
  auto metadataType = cast<RankedTensorType>(metadata.getType());
  if (!metadataType.hasStaticShape())
    return success();

  if (sparsity.getKind() == SparsityKind::Unstructured) {
    auto valuesType = cast<RankedTensorType>(pack.getValues().getType());
    if (valuesType.isDynamicDim(0))
      return success();
    int64_t stored = valuesType.getDimSize(0), set = 0;
    int64_t count = metadataType.getNumElements();
    std::function<bool(int64_t)> bit;
    DenseIntElementsAttr dense;
    std::optional<ConstantBytes> bytes;
    if (matchPattern(metadata, m_Constant(&dense)))
      bit = [dense](int64_t i) { return dense.getValues<bool>()[i]; };
    else if ((bytes = readByteConstant(metadata)))
      bit = [&bytes](int64_t i) { return bytes->at(i) & 1; };
    else
      return success();
    for (int64_t i = 0; i < count; ++i)
      if (bit(i) && ++set > stored)
        return pack.emitError("sqz-verify-sparsity: unstructured mask sets "
                              "flat index ")
               << i << " but only " << stored << " values are stored";
    if (set < stored)
      return pack.emitError("sqz-verify-sparsity: unstructured mask sets ")
             << set << " elements but " << stored << " values are stored";
    return success();
  }

  std::optional<ConstantBytes> bytes = readByteConstant(metadata);
  if (!bytes)
    return success();
  uint8_t mask =
      static_cast<uint8_t>((1u << metadataType.getElementTypeBitWidth()) - 1);
  std::optional<std::pair<int64_t, std::string>> violation =
      sparsity.findPositionViolation(metadataType.getShape(), [&](int64_t i) {
        return static_cast<uint64_t>(bytes->at(i) & mask);
      });
  if (violation)
    return pack.emitError("sqz-verify-sparsity: N:M metadata at flat index ")
           << violation->first << ": " << violation->second;
  return success();
}

/// The dimension and `n`, `m` of the N:M level of `encoding`: a level
/// `d mod m` of type `structured[n, m]`.
static std::optional<std::tuple<unsigned, uint64_t, uint64_t>>
getNOutOfMDim(sparse_tensor::SparseTensorEncodingAttr encoding) {
  ArrayRef<sparse_tensor::LevelType> levels = encoding.getLvlTypes();
  AffineMap dimToLvl = encoding.getDimToLvl();
  for (auto [level, levelType] : llvm::enumerate(levels)) {
    if (!sparse_tensor::isNOutOfMLT(levelType) || !dimToLvl)
      continue;
    auto mod = dyn_cast<AffineBinaryOpExpr>(dimToLvl.getResult(level));
    if (!mod || mod.getKind() != AffineExprKind::Mod)
      continue;
    auto dim = dyn_cast<AffineDimExpr>(mod.getLHS());
    if (!dim)
      continue;
    return std::make_tuple(dim.getPosition(), sparse_tensor::getN(levelType),
                           sparse_tensor::getM(levelType));
  }
  return std::nullopt;
}

/// Checks the dense data `data` that becomes a tensor of the N:M type `type`:
/// at most n non-zeros in every run of m along the structured dimension.
static LogicalResult verifyNOutOfMData(Operation *op, DenseElementsAttr data,
                                       RankedTensorType type) {
  auto encoding = sparse_tensor::getSparseTensorEncoding(type);
  if (!encoding)
    return success();
  auto nm = getNOutOfMDim(encoding);
  if (!nm)
    return success();
  auto [dim, n, m] = *nm;
  ArrayRef<int64_t> shape = type.getShape();
  int64_t stride = 1;
  for (int64_t size : shape.drop_front(dim + 1))
    stride *= size;
  SmallVector<bool> nonZero;
  if (isa<FloatType>(data.getElementType())) {
    for (const APFloat &value : data.getValues<APFloat>())
      nonZero.push_back(!value.isZero());
  } else {
    for (const APInt &value : data.getValues<APInt>())
      nonZero.push_back(!value.isZero());
  }
  int64_t count = nonZero.size();
  for (int64_t i = 0; i < count; ++i) {
    int64_t index = (i / stride) % shape[dim];
    if (index % m != 0)
      continue;
    uint64_t kept = 0;
    for (uint64_t j = 0; j < m; ++j)
      kept += nonZero[i + j * stride];
    if (kept > n)
      return op->emitError("sqz-verify-sparsity: the group of ")
             << m << " starting at flat index " << i << " holds " << kept
             << " non-zeros, but " << type << " keeps at most " << n;
  }
  return success();
}

namespace {
struct SqzVerifySparsityPass
    : sqz::impl::SqzVerifySparsityBase<SqzVerifySparsityPass> {
  using Base::Base;

  void runOnOperation() override {
    bool failedAny = false;
    getOperation()->walk([&](Operation *op) {
      if (auto pack = dyn_cast<PackOp>(op)) {
        failedAny |= failed(verifyPack(pack));
        return;
      }
      // A constant of an N:M type, or a conversion of a constant into one.
      for (Value result : op->getResults()) {
        auto type = dyn_cast<RankedTensorType>(result.getType());
        if (!type || !sparse_tensor::getSparseTensorEncoding(type) ||
            !type.hasStaticShape())
          continue;
        DenseElementsAttr data;
        if (!matchPattern(result, m_Constant(&data)) &&
            !(op->getNumOperands() == 1 &&
              matchPattern(op->getOperand(0), m_Constant(&data))))
          continue;
        failedAny |= failed(verifyNOutOfMData(op, data, type));
      }
    });
    if (failedAny)
      signalPassFailure();
  }
};
} // namespace
