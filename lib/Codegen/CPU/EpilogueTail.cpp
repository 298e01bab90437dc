//===- EpilogueTail.cpp - The elementwise op after a W8A8 layer -----------===//

#include "EpilogueTail.h"
#include "RowMatchers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace mlir::sqz;

namespace {

/// The op `value` is the result of, if it is an `OpTy` with `operand` as
/// one of its two operands; `other` receives the other one.
template <typename OpTy>
OpTy binaryWith(Value value, Value operand, Value &other) {
  auto op = value.getDefiningOp<OpTy>();
  if (!op)
    return nullptr;
  for (int first = 0; first < 2; ++first)
    if (op->getOperand(first) == operand) {
      other = op->getOperand(1 - first);
      return op;
    }
  return nullptr;
}

/// The `OpTy` that defines `value`, if one of its operands is the f32
/// constant `number` (seen through a cast, which `chain` collects); `other`
/// receives the other operand.
template <typename OpTy>
OpTy binaryWithConstant(Value value, float number, Value &other,
                        SmallVectorImpl<Operation *> &chain) {
  auto op = value.getDefiningOp<OpTy>();
  if (!op)
    return nullptr;
  for (int first = 0; first < 2; ++first) {
    SmallVector<Operation *> casts;
    std::optional<APFloat> constant = constantF32(op->getOperand(first), casts);
    if (constant && constant->bitwiseIsEqual(APFloat(number))) {
      other = op->getOperand(1 - first);
      chain.append(casts);
      return op;
    }
  }
  return nullptr;
}

/// Whether the body of the one-input `op` is GELU in its erf form on its
/// input: x * ((erf(x / sqrt 2) + 1) * 0.5), the constants f32 (possibly
/// casts of constants, inside the body or out), the commutative operands in
/// either order.
bool isGeluErf(linalg::GenericOp op) {
  Block *body = op.getBody();
  Value x = body->getArgument(0), half, plusOne, erfValue;
  SmallVector<Operation *> casts;
  Value yielded = body->getTerminator()->getOperand(0);
  if (!binaryWith<arith::MulFOp>(yielded, x, half) ||
      !binaryWithConstant<arith::MulFOp>(half, 0.5f, plusOne, casts) ||
      !binaryWithConstant<arith::AddFOp>(plusOne, 1.0f, erfValue, casts))
    return false;
  auto erf = erfValue.getDefiningOp<math::ErfOp>();
  if (!erf)
    return false;
  auto divide = erf.getOperand().getDefiningOp<arith::DivFOp>();
  if (!divide || divide.getLhs() != x)
    return false;
  std::optional<APFloat> divisor = constantF32(divide.getRhs(), casts);
  if (!divisor || !divisor->bitwiseIsEqual(APFloat(1.41421354f)))
    return false;
  // Nothing else in the body but constants.
  size_t castsInBody = llvm::count_if(
      casts, [&](Operation *cast) { return cast->getBlock() == body; });
  size_t computing =
      llvm::count_if(body->without_terminator(),
                     [](Operation &op) { return !isa<arith::ConstantOp>(op); });
  return computing == 5 + castsInBody;
}

} // namespace

std::optional<EpilogueTail> mlir::sqz::matchEpilogueTail(Value result,
                                                         bool withGelu) {
  if (!result.hasOneUse())
    return std::nullopt;
  EpilogueTail tail;
  Value value = result;
  if (auto expand =
          dyn_cast<tensor::ExpandShapeOp>(*result.getUsers().begin())) {
    if (!expand.getResult().hasOneUse())
      return std::nullopt;
    tail.expand = expand;
    value = expand.getResult();
  }
  auto op = dyn_cast<linalg::GenericOp>(*value.getUsers().begin());
  auto type = cast<RankedTensorType>(value.getType());
  // In the layer's block: the call moves to the op, not into a loop.
  Operation *producer = result.getDefiningOp();
  if (!op || !producer || op->getBlock() != producer->getBlock() ||
      !op.hasPureTensorSemantics() || op.getNumResults() != 1 ||
      op.getNumDpsInits() != 1 || op.getResult(0).getType() != type ||
      op.getNumParallelLoops() != op.getNumLoops() ||
      op.getNumLoops() != static_cast<unsigned>(type.getRank()))
    return std::nullopt;
  AffineMap identity = identityMap(op.getContext(), type.getRank());
  if (!llvm::all_of(op.getIndexingMapsArray(),
                    [&](AffineMap map) { return map == identity; }))
    return std::nullopt;
  // The output's value is not read.
  Block *body = op.getBody();
  if (!body->getArgument(op.getNumDpsInputs()).use_empty())
    return std::nullopt;
  tail.op = op;
  SmallVector<Value> inputs = op.getDpsInputs();
  if (inputs.size() == 1 && inputs[0] == value) {
    if (!withGelu || !isGeluErf(op))
      return std::nullopt;
    tail.gelu = true;
    return tail;
  }
  if (inputs.size() != 2 || !hasBodyOps(op, 1) ||
      !yieldedBinary<arith::AddFOp>(op, 0, 0, 1, /*commutative=*/true))
    return std::nullopt;
  unsigned layer = inputs[0] == value ? 0 : 1;
  if (inputs[layer] != value || inputs[1 - layer].getType() != type)
    return std::nullopt;
  tail.addend = inputs[1 - layer];
  return tail;
}

Value mlir::sqz::addendOperand(KernelCallBuilder &builder, Location loc,
                               const EpilogueTail *tail, int64_t columns) {
  RewriterBase &rewriter = builder.getRewriter();
  Value rows;
  if (tail && tail->addend) {
    rows = tail->addend;
    if (tensor::ExpandShapeOp expand = tail->expand)
      rows = tensor::CollapseShapeOp::create(rewriter, loc, rows,
                                             expand.getReassociationIndices());
  } else {
    rows = tensor::EmptyOp::create(rewriter, loc, ArrayRef<int64_t>{0, columns},
                                   rewriter.getF32Type());
  }
  return builder.readOnlyBuffer(loc, rows);
}

void mlir::sqz::replaceTail(RewriterBase &rewriter, const EpilogueTail &tail,
                            Value y) {
  linalg::GenericOp op = tail.op;
  tensor::ExpandShapeOp expand = tail.expand;
  Value result = y;
  if (expand) {
    rewriter.setInsertionPoint(op);
    result = tensor::ExpandShapeOp::create(
        rewriter, op.getLoc(), expand.getResultType(), y,
        expand.getReassociationIndices(), expand.getMixedOutputShape());
  }
  rewriter.replaceOp(op, result);
  if (expand)
    rewriter.eraseOp(expand);
}
