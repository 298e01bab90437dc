//===- ExportSparseTensor.cpp - sqz-export-sparse-tensor ------------------===//
//
// Hands 2:4 float weights to upstream's sparse_tensor world: the weight
// becomes a dense [N, K] constant converted into the upstream 2:4 encoding,
// and the sqz.matmul a linalg.generic contraction that --sparsifier
// compiles.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SparseTensor/IR/SparseTensor.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZEXPORTSPARSETENSOR
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

using utils::IteratorType;

/// The upstream 2:4 encoding along the last dimension of a 2-D tensor.
static sparse_tensor::SparseTensorEncodingAttr get24Encoding(MLIRContext *ctx) {
  AffineExpr i = getAffineDimExpr(0, ctx), j = getAffineDimExpr(1, ctx);
  auto dimToLvl = AffineMap::get(2, 0, {i, j.floorDiv(4), j % 4}, ctx);
  std::optional<sparse_tensor::LevelType> structured =
      sparse_tensor::buildLevelType(
          sparse_tensor::LevelFormat::NOutOfM,
          std::vector<sparse_tensor::LevelPropNonDefault>{},
          /*n=*/2, /*m=*/4);
  SmallVector<sparse_tensor::LevelType> levels = {
      sparse_tensor::LevelFormat::Dense, sparse_tensor::LevelFormat::Dense,
      *structured};
  return sparse_tensor::SparseTensorEncodingAttr::get(
      ctx, levels, dimToLvl, AffineMap(), /*posWidth=*/0, /*crdWidth=*/8);
}

/// Decompresses the constant 2:4 weight of `pack` into a dense `[N, K]`
/// buffer (transposing a `[K, N]` weight), or returns failure with `why`.
static LogicalResult decompressTo(PackOp pack, bool transposed,
                                  std::vector<float> &dense, int64_t &n,
                                  int64_t &k, std::string &why) {
  auto type = cast<SqzTensorType>(pack.getResult().getType());
  std::optional<WeightData> values = readConstantWeight(pack.getValues(), why);
  if (!values)
    return failure();
  DenseIntElementsAttr positions;
  if (!matchPattern(pack.getMetadata(), m_Constant(&positions)) ||
      positions.getElementType().getIntOrFloatBitWidth() > 8 ||
      positions.getElementType().getIntOrFloatBitWidth() == 1) {
    why = "the positions are not a constant of i2 to i8";
    return failure();
  }
  ArrayRef<char> raw = positions.getRawData();
  auto position = [&](int64_t i) {
    return static_cast<uint8_t>(raw[positions.isSplat() ? 0 : i]) & 3;
  };
  ArrayRef<int64_t> shape = type.getShape();
  n = shape[transposed ? 0 : 1];
  k = shape[transposed ? 1 : 0];
  dense.assign(n * k, 0.0f);
  // Values and positions have the logical shape with K halved.
  int64_t keptK = k / 2;
  for (int64_t row = 0; row < n; ++row) {
    for (int64_t slot = 0; slot < keptK; ++slot) {
      int64_t flat = transposed ? row * keptK + slot : slot * n + row;
      int64_t column = slot / 2 * 4 + position(flat);
      dense[row * k + column] = values->values[flat];
    }
  }
  return success();
}

/// Rewrites `matmul` when its weight is a constant, unquantized 2:4 pack
/// along the reduction axis and its lhs is 2-D; returns failure otherwise.
static LogicalResult exportMatmul(RewriterBase &rewriter, MatmulOp matmul) {
  auto type = dyn_cast<SqzTensorType>(matmul.getRhs().getType());
  auto pack = matmul.getRhs().getDefiningOp<PackOp>();
  if (!type || !pack || type.getQuant() || !type.getSparsity() ||
      type.getRank() != 2)
    return failure();
  SparsityAttr sparsity = type.getSparsity();
  bool transposed = matmul.getRhsTransposed();
  if (sparsity.getKind() != SparsityKind::NM || sparsity.getN() != 2 ||
      sparsity.getM() != 4 || sparsity.getAxis() != (transposed ? 1u : 0u))
    return failure();
  auto lhsType = dyn_cast<RankedTensorType>(matmul.getLhs().getType());
  if (!lhsType || lhsType.getRank() != 2 ||
      lhsType.getElementType() != type.getElementType())
    return failure();

  std::vector<float> dense;
  int64_t n = 0, k = 0;
  std::string why;
  if (failed(decompressTo(pack, transposed, dense, n, k, why)))
    return failure();

  MLIRContext *ctx = rewriter.getContext();
  Location loc = matmul.getLoc();
  rewriter.setInsertionPoint(matmul);
  Type elementType = type.getElementType();
  auto denseType = RankedTensorType::get({n, k}, elementType);
  DenseElementsAttr denseAttr = DenseElementsAttr::get(
      denseType.clone(rewriter.getF32Type()), ArrayRef<float>(dense));
  if (!elementType.isF32())
    denseAttr = denseAttr.mapValues(elementType, [&](const APFloat &value) {
      APFloat converted = value;
      bool lost;
      converted.convert(cast<FloatType>(elementType).getFloatSemantics(),
                        APFloat::rmNearestTiesToEven, &lost);
      return converted.bitcastToAPInt();
    });
  Value weight = arith::ConstantOp::create(rewriter, loc, denseAttr);
  auto sparseType =
      RankedTensorType::get({n, k}, elementType, get24Encoding(ctx));
  Value sparse =
      sparse_tensor::ConvertOp::create(rewriter, loc, sparseType, weight);

  auto resultType = cast<RankedTensorType>(matmul.getResult().getType());
  Value zero = arith::ConstantOp::create(rewriter, loc,
                                         rewriter.getZeroAttr(elementType));
  Value empty = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                        elementType);
  Value init = linalg::FillOp::create(rewriter, loc, zero, empty).getResult(0);
  AffineExpr dm = getAffineDimExpr(0, ctx), dn = getAffineDimExpr(1, ctx),
             dk = getAffineDimExpr(2, ctx);
  SmallVector<AffineMap> maps = {AffineMap::get(3, 0, {dm, dk}, ctx),
                                 AffineMap::get(3, 0, {dn, dk}, ctx),
                                 AffineMap::get(3, 0, {dm, dn}, ctx)};
  Value result =
      linalg::GenericOp::create(
          rewriter, loc, resultType, ValueRange{matmul.getLhs(), sparse},
          ValueRange{init}, maps,
          {IteratorType::parallel, IteratorType::parallel,
           IteratorType::reduction},
          [](OpBuilder &b, Location loc, ValueRange args) {
            Value product = arith::MulFOp::create(b, loc, args[0], args[1]);
            Value sum = arith::AddFOp::create(b, loc, args[2], product);
            linalg::YieldOp::create(b, loc, sum);
          })
          .getResult(0);
  if (Value bias = matmul.getBias()) {
    SmallVector<AffineMap> biasMaps = {
        AffineMap::getMultiDimIdentityMap(2, ctx),
        AffineMap::get(2, 0, {getAffineDimExpr(1, ctx)}, ctx),
        AffineMap::getMultiDimIdentityMap(2, ctx)};
    result = linalg::GenericOp::create(
                 rewriter, loc, resultType, ValueRange{result, bias},
                 ValueRange{empty}, biasMaps,
                 {IteratorType::parallel, IteratorType::parallel},
                 [](OpBuilder &b, Location loc, ValueRange args) {
                   Value sum = arith::AddFOp::create(b, loc, args[0], args[1]);
                   linalg::YieldOp::create(b, loc, sum);
                 })
                 .getResult(0);
  }
  rewriter.replaceOp(matmul, result);
  eraseDeadProducers(rewriter, {pack.getOperation()});
  return success();
}

namespace {
struct SqzExportSparseTensorPass
    : sqz::impl::SqzExportSparseTensorBase<SqzExportSparseTensorPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<MatmulOp> matmuls;
    getOperation()->walk([&](MatmulOp op) { matmuls.push_back(op); });
    IRRewriter rewriter(&getContext());
    for (MatmulOp matmul : matmuls)
      (void)exportMatmul(rewriter, matmul);
  }
};
} // namespace
