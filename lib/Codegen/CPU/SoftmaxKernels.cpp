//===- SoftmaxKernels.cpp - Softmax over rows on the CPU kernel -----------===//

#include "SoftmaxKernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"

#include <limits>

using namespace mlir;
using namespace mlir::sqz;

namespace {

/// A softmax over the innermost dimension of `input`, computed by `root`
/// (whose result is the softmax).
struct Softmax {
  Operation *root;
  Value input;
};

/// The maps of a generic over `rank` loops: the identity, and the one that
/// reads a tensor whose innermost dimension is 1 (a row's value broadcast
/// along it).
AffineMap identityMap(MLIRContext *context, int64_t rank) {
  return AffineMap::getMultiDimIdentityMap(rank, context);
}
AffineMap rowValueMap(MLIRContext *context, int64_t rank) {
  SmallVector<AffineExpr> results;
  for (int64_t d = 0; d + 1 < rank; ++d)
    results.push_back(getAffineDimExpr(d, context));
  results.push_back(getAffineConstantExpr(0, context));
  return AffineMap::get(rank, 0, results, context);
}
/// The map of a reduction's result that drops the innermost loop.
AffineMap droppedInnermostMap(MLIRContext *context, int64_t rank) {
  return identityMap(context, rank).getMajorSubMap(rank - 1);
}

/// The generic that defines `value` with `maps` and its loops parallel but
/// for the innermost when `reducesInnermost`, on f32 inputs into an f32
/// `value`, or null.
linalg::GenericOp genericWith(Value value, ArrayRef<AffineMap> maps,
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
  // f32 inputs and result (an argmax beside a max may be i64).
  for (Value operand : op.getDpsInputs())
    if (!getElementTypeOrSelf(operand.getType()).isF32())
      return nullptr;
  return getElementTypeOrSelf(value.getType()).isF32() ? op : nullptr;
}

/// The op whose result the generic's body yields as result `index`, if it is
/// an `OpTy` on the block arguments `lhs` and `rhs` (in either order when
/// `commutative`).
template <typename OpTy>
OpTy yieldedBinary(linalg::GenericOp op, unsigned index, unsigned lhs,
                   unsigned rhs, bool commutative) {
  Block *body = op.getBody();
  auto yielded = body->getTerminator()->getOperand(index).getDefiningOp<OpTy>();
  if (!yielded)
    return nullptr;
  Value a = body->getArgument(lhs), b = body->getArgument(rhs);
  if ((yielded.getLhs() == a && yielded.getRhs() == b) ||
      (commutative && yielded.getLhs() == b && yielded.getRhs() == a))
    return yielded;
  return nullptr;
}

/// Whether the body of `op` is its ops `count` ops and the yield.
bool hasBodyOps(linalg::GenericOp op, size_t count) {
  return op.getBody()->getOperations().size() == count + 1;
}

/// Whether `init` is filled with `value` (a linalg.fill, or a generic that
/// yields the constant).
bool isFilledWith(Value init, function_ref<bool(APFloat)> value) {
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

/// The input x of `max_j x[..., j]` (keep-dims or not) as `rowMax` reads it:
/// a reduction generic from -infinity or the lowest float whose other
/// results (torch's argmax) are unused, seen through the expand_shape that
/// adds the unit dimension.
Value maxReductionInput(Value rowMax, int64_t rank) {
  MLIRContext *context = rowMax.getContext();
  auto result = dyn_cast<OpResult>(rowMax);
  AffineMap resultMap = rowValueMap(context, rank);
  if (auto expand = rowMax.getDefiningOp<tensor::ExpandShapeOp>()) {
    auto source = cast<RankedTensorType>(expand.getSrcType());
    auto target = cast<RankedTensorType>(expand.getResultType());
    if (source.getRank() + 1 != target.getRank() ||
        target.getShape().back() != 1 ||
        source.getShape() != target.getShape().drop_back())
      return nullptr;
    result = dyn_cast<OpResult>(expand.getSrc());
    resultMap = droppedInnermostMap(context, rank);
  }
  if (!result)
    return nullptr;
  auto op = dyn_cast<linalg::GenericOp>(result.getOwner());
  if (!op || op.getNumDpsInputs() != 1 || !op.hasPureTensorSemantics())
    return nullptr;
  unsigned index = result.getResultNumber();
  SmallVector<AffineMap> maps = {identityMap(context, rank)};
  for (OpResult other : op->getResults()) {
    if (other != result && !other.use_empty())
      return nullptr;
    maps.push_back(
        other == result
            ? resultMap
            : op.getIndexingMapsArray()[1 + other.getResultNumber()]);
  }
  if (!genericWith(result, maps, /*reducesInnermost=*/true) ||
      !yieldedBinary<arith::MaximumFOp>(op, index, 0, 1 + index,
                                        /*commutative=*/true))
    return nullptr;
  float lowest = std::numeric_limits<float>::lowest();
  if (!isFilledWith(op.getDpsInits()[index], [&](APFloat v) {
        return (v.isInfinity() && v.isNegative()) ||
               v.convertToFloat() == lowest;
      }))
    return nullptr;
  return op.getDpsInputs()[0];
}

/// The x of `exp(x - max_j x[..., j])` as `value`: one generic, or a
/// subtraction and an exponential.
Value shiftedExpInput(Value value, int64_t rank) {
  MLIRContext *context = value.getContext();
  AffineMap id = identityMap(context, rank), row = rowValueMap(context, rank);
  linalg::GenericOp sub;
  if (linalg::GenericOp fused = genericWith(value, {id, row, id}, false)) {
    Block *body = fused.getBody();
    auto exp =
        body->getTerminator()->getOperand(0).getDefiningOp<math::ExpOp>();
    auto difference =
        exp ? exp.getOperand().getDefiningOp<arith::SubFOp>() : nullptr;
    if (!hasBodyOps(fused, 2) || !difference ||
        difference.getLhs() != body->getArgument(0) ||
        difference.getRhs() != body->getArgument(1))
      return nullptr;
    sub = fused;
  } else if (linalg::GenericOp exp = genericWith(value, {id, id}, false)) {
    auto op = exp.getBody()
                  ->getTerminator()
                  ->getOperand(0)
                  .getDefiningOp<math::ExpOp>();
    if (!hasBodyOps(exp, 1) || !op ||
        op.getOperand() != exp.getBody()->getArgument(0))
      return nullptr;
    sub = genericWith(exp.getDpsInputs()[0], {id, row, id}, false);
    if (!sub || !hasBodyOps(sub, 1) ||
        !yieldedBinary<arith::SubFOp>(sub, 0, 0, 1, /*commutative=*/false))
      return nullptr;
  } else {
    return nullptr;
  }
  Value x = sub.getDpsInputs()[0];
  return maxReductionInput(sub.getDpsInputs()[1], rank) == x ? x : Value();
}

/// A decomposed softmax whose division is `op`: `e / sum_j e[..., j]` with
/// e = exp(x - max_j x[..., j]), the sum from 0.
std::optional<Softmax> matchDecomposedSoftmax(linalg::GenericOp op) {
  if (op->getNumResults() != 1)
    return std::nullopt;
  auto type = cast<RankedTensorType>(op->getResult(0).getType());
  int64_t rank = type.getRank();
  MLIRContext *context = op.getContext();
  AffineMap id = identityMap(context, rank), row = rowValueMap(context, rank);
  if (rank < 1 || !genericWith(op->getResult(0), {id, row, id}, false) ||
      !hasBodyOps(op, 1) ||
      !yieldedBinary<arith::DivFOp>(op, 0, 0, 1, /*commutative=*/false))
    return std::nullopt;
  Value exponentials = op.getDpsInputs()[0];
  linalg::GenericOp sum = genericWith(op.getDpsInputs()[1], {id, row}, true);
  if (!sum || sum.getDpsInputs()[0] != exponentials || !hasBodyOps(sum, 1) ||
      !yieldedBinary<arith::AddFOp>(sum, 0, 0, 1, /*commutative=*/true) ||
      !isFilledWith(sum.getDpsInits()[0],
                    [](APFloat v) { return v.isPosZero(); }))
    return std::nullopt;
  Value x = shiftedExpInput(exponentials, rank);
  if (!x)
    return std::nullopt;
  return Softmax{op, x};
}

/// `linalg.softmax` over the innermost dimension of an f32 tensor.
std::optional<Softmax> matchSoftmaxOp(linalg::SoftmaxOp op) {
  auto type = dyn_cast<RankedTensorType>(op.getInput().getType());
  if (!type || !op.hasPureTensorSemantics() || !type.getElementType().isF32() ||
      op.getDimension() + 1 != static_cast<uint64_t>(type.getRank()))
    return std::nullopt;
  return Softmax{op, op.getInput()};
}

/// The softmax of `x` as rows: a vector as one row, a higher rank with its
/// leading dimensions collapsed into the rows; the kernel's result
/// reshaped back to x's shape.
Value emitSoftmaxCall(KernelCallBuilder &builder, StringRef kernel,
                      Location loc, Value x) {
  RewriterBase &rewriter = builder.getRewriter();
  auto type = cast<RankedTensorType>(x.getType());
  int64_t rank = type.getRank();
  SmallVector<ReassociationIndices> groups;
  if (rank == 1)
    groups = {{0, 1}};
  else if (rank > 2)
    groups = {llvm::to_vector(llvm::seq<int64_t>(0, rank - 1)), {rank - 1}};
  Value rows = x;
  if (rank == 1)
    rows = tensor::ExpandShapeOp::create(
        rewriter, loc,
        RankedTensorType::get({1, type.getDimSize(0)}, type.getElementType()),
        x, groups);
  else if (rank > 2)
    rows = tensor::CollapseShapeOp::create(rewriter, loc, x, groups);
  auto rowsType = cast<RankedTensorType>(rows.getType());
  SmallVector<Value> dynamicSizes;
  for (int64_t d = 0; d < 2; ++d)
    if (rowsType.isDynamicDim(d))
      dynamicSizes.push_back(tensor::DimOp::create(rewriter, loc, rows, d));
  Value y =
      builder.emitOperandsCall(loc, kernel, {rows}, rowsType, dynamicSizes);
  if (rank == 1)
    return tensor::CollapseShapeOp::create(rewriter, loc, y, groups);
  if (rank > 2)
    return tensor::ExpandShapeOp::create(
        rewriter, loc, type, y, groups,
        tensor::getMixedSizes(rewriter, loc, x));
  return y;
}

} // namespace

void mlir::sqz::rewriteSoftmaxes(ModuleOp module, KernelCallBuilder &builder,
                                 const TargetCPU &cpu,
                                 SmallVectorImpl<Operation *> &producers) {
  if (!cpu.hasAvx512())
    return;
  SmallVector<Softmax> softmaxes;
  module.walk([&](Operation *op) {
    std::optional<Softmax> match;
    if (auto generic = dyn_cast<linalg::GenericOp>(op))
      match = matchDecomposedSoftmax(generic);
    else if (auto softmax = dyn_cast<linalg::SoftmaxOp>(op))
      match = matchSoftmaxOp(softmax);
    if (match)
      softmaxes.push_back(*match);
  });
  RewriterBase &rewriter = builder.getRewriter();
  for (Softmax softmax : softmaxes) {
    rewriter.setInsertionPoint(softmax.root);
    Value y = emitSoftmaxCall(builder, "sqz_cpu_softmax_rows_f32_avx512",
                              softmax.root->getLoc(), softmax.input);
    for (Value operand : softmax.root->getOperands())
      if (Operation *producer = operand.getDefiningOp())
        producers.push_back(producer);
    rewriter.replaceOp(softmax.root, y);
  }
}
