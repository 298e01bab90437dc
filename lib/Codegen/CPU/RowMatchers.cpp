//===- RowMatchers.cpp - Matching row-wise ops of the decomposed glue -----===//

#include "RowMatchers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::sqz;

AffineMap mlir::sqz::identityMap(MLIRContext *context, int64_t rank) {
  return AffineMap::getMultiDimIdentityMap(rank, context);
}
AffineMap mlir::sqz::rowValueMap(MLIRContext *context, int64_t rank) {
  SmallVector<AffineExpr> results;
  for (int64_t d = 0; d + 1 < rank; ++d)
    results.push_back(getAffineDimExpr(d, context));
  results.push_back(getAffineConstantExpr(0, context));
  return AffineMap::get(rank, 0, results, context);
}
AffineMap mlir::sqz::droppedInnermostMap(MLIRContext *context, int64_t rank) {
  return identityMap(context, rank).getMajorSubMap(rank - 1);
}

AffineMap mlir::sqz::innermostMap(MLIRContext *context, int64_t rank) {
  return AffineMap::get(rank, 0, getAffineDimExpr(rank - 1, context));
}

linalg::GenericOp mlir::sqz::structuredGeneric(Value value,
                                               ArrayRef<AffineMap> maps,
                                               bool reducesInnermost) {
  auto op = value.getDefiningOp<linalg::GenericOp>();
  if (!op || !op.hasPureTensorSemantics() || op.getIndexingMapsArray() != maps)
    return nullptr;
  auto iterators = op.getIteratorTypesArray();
  for (auto [i, iterator] : llvm::enumerate(iterators)) {
    bool reduction = reducesInnermost && i + 1 == iterators.size();
    if (iterator != (reduction ? utils::IteratorType::reduction
                               : utils::IteratorType::parallel))
      return nullptr;
  }
  return op;
}

linalg::GenericOp mlir::sqz::genericWith(Value value, ArrayRef<AffineMap> maps,
                                         bool reducesInnermost) {
  linalg::GenericOp op = structuredGeneric(value, maps, reducesInnermost);
  if (!op)
    return nullptr;
  // f32 inputs and result (an argmax beside a max may be i64).
  for (Value operand : op.getDpsInputs())
    if (!getElementTypeOrSelf(operand.getType()).isF32())
      return nullptr;
  return getElementTypeOrSelf(value.getType()).isF32() ? op : nullptr;
}

bool mlir::sqz::hasBodyOps(linalg::GenericOp op, size_t count) {
  return op.getBody()->getOperations().size() == count + 1;
}

bool mlir::sqz::isFilledWith(Value init, function_ref<bool(APFloat)> value) {
  Value constant;
  if (auto fill = init.getDefiningOp<linalg::FillOp>()) {
    constant = fill.getInputs()[0];
  } else if (auto generic = init.getDefiningOp<linalg::GenericOp>()) {
    if (generic.getNumDpsInputs() != 0 || !hasBodyOps(generic, 0))
      return false;
    constant = generic.getBody()->getTerminator()->getOperand(0);
  } else {
    return false;
  }
  APFloat number(0.0f);
  return matchPattern(constant, m_ConstantFloat(&number)) && value(number);
}

std::optional<APFloat>
mlir::sqz::constantF32(Value value, SmallVectorImpl<Operation *> &chain) {
  if (!value.getType().isF32())
    return std::nullopt;
  if (Operation *cast = value.getDefiningOp();
      isa_and_nonnull<arith::TruncFOp, arith::ExtFOp>(cast)) {
    auto truncation = dyn_cast<arith::TruncFOp>(cast);
    if (truncation && truncation.getRoundingmodeAttr())
      return std::nullopt;
    chain.push_back(cast);
    value = cast->getOperand(0);
  }
  APFloat number(0.0f);
  if (!matchPattern(value, m_ConstantFloat(&number)))
    return std::nullopt;
  // truncf's default rounding.
  bool inexact = false;
  number.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven, &inexact);
  return number;
}

SmallVector<ReassociationIndices> mlir::sqz::rowGroups(int64_t rank) {
  if (rank == 1)
    return {{0, 1}};
  if (rank > 2)
    return {llvm::to_vector(llvm::seq<int64_t>(0, rank - 1)), {rank - 1}};
  return {};
}

Value mlir::sqz::asRows(RewriterBase &rewriter, Location loc, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<ReassociationIndices> groups = rowGroups(type.getRank());
  if (type.getRank() == 1)
    return tensor::ExpandShapeOp::create(
        rewriter, loc,
        RankedTensorType::get({1, type.getDimSize(0)}, type.getElementType()),
        value, groups);
  if (type.getRank() > 2)
    return tensor::CollapseShapeOp::create(rewriter, loc, value, groups);
  return value;
}

Value mlir::sqz::emitRowKernelCall(KernelCallBuilder &builder, StringRef kernel,
                                   Location loc, Value x, ValueRange operands,
                                   ValueRange scalars) {
  RewriterBase &rewriter = builder.getRewriter();
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  Value rows = asRows(rewriter, loc, x);
  auto rowsType = cast<RankedTensorType>(rows.getType());
  SmallVector<Value> dynamicSizes;
  for (int64_t d = 0; d < 2; ++d)
    if (rowsType.isDynamicDim(d))
      dynamicSizes.push_back(tensor::DimOp::create(rewriter, loc, rows, d));
  SmallVector<Value> callOperands = {rows};
  llvm::append_range(callOperands, operands);
  Value y = builder.emitOperandsCall(loc, kernel, callOperands, rowsType,
                                     dynamicSizes, scalars);
  if (rank == 1)
    return tensor::CollapseShapeOp::create(rewriter, loc, y, rowGroups(rank));
  if (rank > 2)
    return tensor::ExpandShapeOp::create(
        rewriter, loc, type, y, rowGroups(rank),
        tensor::getMixedSizes(rewriter, loc, x));
  return y;
}
