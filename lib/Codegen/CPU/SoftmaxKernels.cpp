//===- SoftmaxKernels.cpp - Softmax over rows on the CPU kernel -----------===//

#include "SoftmaxKernels.h"
#include "RowMatchers.h"

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
  /// The ops of the softmax that read `input`.
  SmallVector<Operation *, 2> readers;
};

/// The input x of `max_j x[..., j]` (keep-dims or not) as `rowMax` reads it:
/// a reduction generic from -infinity or the lowest float whose other
/// results (torch's argmax) are unused, seen through the expand_shape that
/// adds the unit dimension.
Value maxReductionInput(Value rowMax, int64_t rank,
                        SmallVectorImpl<Operation *> &readers) {
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
  readers.push_back(op);
  return op.getDpsInputs()[0];
}

/// The x of `exp(x - max_j x[..., j])` as `value`: one generic, or a
/// subtraction and an exponential.
Value shiftedExpInput(Value value, int64_t rank,
                      SmallVectorImpl<Operation *> &readers) {
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
  readers.push_back(sub);
  return maxReductionInput(sub.getDpsInputs()[1], rank, readers) == x ? x
                                                                      : Value();
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
  SmallVector<Operation *, 2> readers;
  Value x = shiftedExpInput(exponentials, rank, readers);
  if (!x)
    return std::nullopt;
  return Softmax{op, x, std::move(readers)};
}

/// `linalg.softmax` over the innermost dimension of an f32 tensor.
std::optional<Softmax> matchSoftmaxOp(linalg::SoftmaxOp op) {
  auto type = dyn_cast<RankedTensorType>(op.getInput().getType());
  if (!type || !op.hasPureTensorSemantics() || !type.getElementType().isF32() ||
      op.getDimension() + 1 != static_cast<uint64_t>(type.getRank()))
    return std::nullopt;
  return Softmax{op, op.getInput(), {op}};
}

/// Attention's scores as a softmax reads them: `x * scale + mask` (or
/// `x / scale`, or the scaling or the mask alone), the mask read through
/// `maskMap`.
struct MaskedScores {
  Value x;
  std::optional<APFloat> scale;
  bool divides = false;
  Value mask;
  AffineMap maskMap;
};

/// A map of `rank` loops that reads a mask broadcast along some of the
/// outer dimensions: each result the loop of its position or 0 where the
/// mask's dimension is 1, the innermost the innermost loop.
bool isBroadcastMaskMap(AffineMap map, RankedTensorType mask, int64_t rank) {
  if (map.getNumDims() != rank || map.getNumResults() != rank ||
      mask.getRank() != rank || map.getNumSymbols() != 0)
    return false;
  for (auto [d, result] : llvm::enumerate(map.getResults())) {
    auto dim = dyn_cast<AffineDimExpr>(result);
    if (dim && dim.getPosition() == d)
      continue;
    auto zero = dyn_cast<AffineConstantExpr>(result);
    if (static_cast<int64_t>(d) + 1 == rank || !zero || zero.getValue() != 0 ||
        mask.getDimSize(d) != 1)
      return false;
  }
  return true;
}

/// Whether `op` is an elementwise f32 generic over static shapes whose
/// result the body computes from its inputs alone.
bool isElementwiseF32(linalg::GenericOp op) {
  if (!op || op->getNumResults() != 1 || !op.hasPureTensorSemantics() ||
      op.getNumParallelLoops() != op.getNumLoops() ||
      !getElementTypeOrSelf(op->getResult(0).getType()).isF32() ||
      !cast<RankedTensorType>(op->getResult(0).getType()).hasStaticShape())
    return false;
  Block *body = op.getBody();
  return body->getArgument(body->getNumArguments() - 1).use_empty() &&
         llvm::all_of(op.getDpsInputs(), [](Value input) {
           return getElementTypeOrSelf(input.getType()).isF32();
         });
}

/// In `op`'s body, `value` as the input read through the identity map
/// that its block argument stands for, or null.
Value identityInput(linalg::GenericOp op, Value value) {
  auto argument = dyn_cast<BlockArgument>(value);
  if (!argument || argument.getOwner() != op.getBody() ||
      argument.getArgNumber() >= op.getNumDpsInputs() ||
      !op.getIndexingMapsArray()[argument.getArgNumber()].isIdentity())
    return nullptr;
  return op.getDpsInputs()[argument.getArgNumber()];
}

/// `value` as `x * c`, `c * x` or `x / c` in `op`'s body with x an input
/// read through the identity map and c a constant: fills `scores`' x and
/// scale, and adds the ops it used to `used`.
bool matchScaling(linalg::GenericOp op, Value value, MaskedScores &scores,
                  SmallVectorImpl<Operation *> &used) {
  Operation *scaling = value.getDefiningOp();
  auto multiply = dyn_cast_or_null<arith::MulFOp>(scaling);
  auto divide = dyn_cast_or_null<arith::DivFOp>(scaling);
  // Fast-math flags would let the reference round otherwise.
  if ((!multiply || multiply.getFastmath() != arith::FastMathFlags::none) &&
      (!divide || divide.getFastmath() != arith::FastMathFlags::none))
    return false;
  if (scaling->getBlock() != op.getBody())
    return false;
  bool divides = static_cast<bool>(divide);
  for (unsigned i = 0; i < (divides ? 1u : 2u); ++i) {
    Value x = identityInput(op, scaling->getOperand(i));
    SmallVector<Operation *> chain;
    std::optional<APFloat> scale =
        x ? constantF32(scaling->getOperand(1 - i), chain) : std::nullopt;
    if (!scale)
      continue;
    scores.x = x;
    scores.scale = scale;
    scores.divides = divides;
    used.push_back(scaling);
    for (Operation *cast : chain)
      if (cast->getBlock() == op.getBody())
        used.push_back(cast);
    return true;
  }
  return false;
}

/// Whether the ops of `op`'s body are the yield and `used`.
bool bodyIsExactly(linalg::GenericOp op, ArrayRef<Operation *> used) {
  return op.getBody()->getOperations().size() == used.size() + 1;
}

/// `value`, a softmax's input, as attention's scaled and masked scores: one
/// elementwise generic that scales and adds the mask, or that scales or
/// adds alone, or a scaling generic (used only there) under a masking one.
std::optional<MaskedScores> matchMaskedScores(Value value) {
  auto op = value.getDefiningOp<linalg::GenericOp>();
  if (!isElementwiseF32(op))
    return std::nullopt;
  int64_t rank = cast<RankedTensorType>(value.getType()).getRank();
  MaskedScores scores;
  SmallVector<Operation *> used;
  Value yielded = op.getBody()->getTerminator()->getOperand(0);
  if (auto add = yielded.getDefiningOp<arith::AddFOp>();
      add && add->getBlock() == op.getBody() &&
      add.getFastmath() == arith::FastMathFlags::none) {
    for (unsigned i = 0; i < 2 && !scores.mask; ++i) {
      auto argument = dyn_cast<BlockArgument>(add->getOperand(i));
      if (!argument || argument.getOwner() != op.getBody() ||
          argument.getArgNumber() >= op.getNumDpsInputs())
        continue;
      Value mask = op.getDpsInputs()[argument.getArgNumber()];
      AffineMap map = op.getIndexingMapsArray()[argument.getArgNumber()];
      auto maskType = dyn_cast<RankedTensorType>(mask.getType());
      if (!maskType || !maskType.hasStaticShape() ||
          !isBroadcastMaskMap(map, maskType, rank))
        continue;
      Value other = add->getOperand(1 - i);
      if (Value x = identityInput(op, other); x && other != argument) {
        scores.x = x;
      } else if (!matchScaling(op, other, scores, used)) {
        continue;
      }
      scores.mask = mask;
      scores.maskMap = map;
      used.push_back(add);
    }
    if (!scores.mask)
      return std::nullopt;
  } else if (!matchScaling(op, yielded, scores, used)) {
    return std::nullopt;
  }
  if (!bodyIsExactly(op, used))
    return std::nullopt;
  // A mask alone may sit on a scaling of its own.
  if (!scores.scale) {
    auto scaling = scores.x.getDefiningOp<linalg::GenericOp>();
    MaskedScores inner;
    SmallVector<Operation *> innerUsed;
    if (isElementwiseF32(scaling) && scores.x.hasOneUse() &&
        matchScaling(scaling, scaling.getBody()->getTerminator()->getOperand(0),
                     inner, innerUsed) &&
        bodyIsExactly(scaling, innerUsed)) {
      scores.x = inner.x;
      scores.scale = inner.scale;
      scores.divides = inner.divides;
    }
  }
  return scores;
}

/// How rows of `x` (its leading dimensions) share the rows of a mask read
/// through `map`: seen as [outer, broadcast, inner] with the mask present
/// along the outer and inner dimensions; none when the mask's broadcast
/// dimensions are not one run.
std::optional<std::pair<int64_t, int64_t>> maskRowSharing(RankedTensorType x,
                                                          AffineMap map) {
  int64_t broadcast = 1, inner = 1;
  enum { Outer, Broadcast, Inner } phase = Outer;
  for (int64_t d = 0; d + 1 < x.getRank(); ++d) {
    int64_t size = x.getDimSize(d);
    if (size == 1)
      continue;
    bool present = isa<AffineDimExpr>(map.getResult(d));
    if (!present && phase == Inner)
      return std::nullopt;
    if (!present) {
      phase = Broadcast;
      broadcast *= size;
    } else if (phase != Outer) {
      phase = Inner;
      inner *= size;
    }
  }
  return std::make_pair(broadcast, inner);
}

/// The masked softmax kernel on `scores`, replacing a softmax of rank 2 or
/// more whose input they compute; null when the mask's broadcast does not
/// fit the kernel.
Value emitMaskedSoftmaxCall(KernelCallBuilder &builder, Location loc,
                            const MaskedScores &scores) {
  RewriterBase &rewriter = builder.getRewriter();
  auto type = cast<RankedTensorType>(scores.x.getType());
  int64_t broadcast = 1, inner = 1;
  Value mask;
  if (scores.mask) {
    std::optional<std::pair<int64_t, int64_t>> sharing =
        maskRowSharing(type, scores.maskMap);
    if (!sharing)
      return nullptr;
    std::tie(broadcast, inner) = *sharing;
    mask = asRows(rewriter, loc, scores.mask);
  } else {
    mask = tensor::EmptyOp::create(rewriter, loc,
                                   ArrayRef<int64_t>{0, type.getShape().back()},
                                   rewriter.getF32Type());
  }
  auto i64 = [&](int64_t v) -> Value {
    return arith::ConstantOp::create(rewriter, loc,
                                     rewriter.getI64IntegerAttr(v));
  };
  APFloat scale = scores.scale.value_or(APFloat(1.0f));
  Value scalars[] = {
      arith::ConstantOp::create(
          rewriter, loc, rewriter.getF32FloatAttr(scale.convertToFloat())),
      i64(scores.divides), i64(broadcast), i64(inner)};
  return emitRowKernelCall(builder, "sqz_cpu_softmax_rows_masked_f32_avx512",
                           loc, scores.x, {mask}, scalars);
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
  for (Softmax &softmax : softmaxes) {
    rewriter.setInsertionPoint(softmax.root);
    Location loc = softmax.root->getLoc();
    Value y;
    // Attention's scaling and mask go into the kernel where nothing else
    // reads the scores.
    std::optional<MaskedScores> scores;
    if (cast<RankedTensorType>(softmax.input.getType()).getRank() >= 2 &&
        llvm::all_of(softmax.input.getUsers(), [&](Operation *user) {
          return llvm::is_contained(softmax.readers, user);
        }))
      scores = matchMaskedScores(softmax.input);
    if (scores)
      y = emitMaskedSoftmaxCall(builder, loc, *scores);
    if (!y)
      y = emitRowKernelCall(builder, "sqz_cpu_softmax_rows_f32_avx512", loc,
                            softmax.input);
    for (Value operand : softmax.root->getOperands())
      if (Operation *producer = operand.getDefiningOp())
        producers.push_back(producer);
    rewriter.replaceOp(softmax.root, y);
  }
}
