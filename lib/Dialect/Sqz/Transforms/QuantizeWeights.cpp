//===- QuantizeWeights.cpp - sqz-quantize-weights -------------------------===//
//
// Turns linear layers with constant weights into sqz.matmul on packed,
// round-to-nearest quantized weights.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"
#include "sqz/Dialect/Sqz/Utils/QuantMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Debug.h"

#include <cmath>

#define DEBUG_TYPE "sqz-quantize-weights"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZQUANTIZEWEIGHTS
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

namespace {
/// A linear layer `y = x W (+ b)` found in the IR: what the rewrite builds
/// the sqz.matmul from, and the ops it replaces.
struct LinearLayer {
  /// The contraction that computes `x W`.
  linalg::LinalgOp contraction;
  /// The activation `x`, `[M, K]` or `[B, M, K]`.
  Value input;
  /// The constant weight as stored: `[K, N]`, `[N, K]` when
  /// `weightTransposed`, or one per batch, `[B, K, N]` / `[B, N, K]`.
  Value weight;
  bool weightTransposed = false;
  /// The `[N]` bias of an add that follows the contraction, and that add,
  /// whose result the sqz.matmul replaces; null when there is none.
  Value bias;
  Operation *biasAdd = nullptr;
};
} // namespace

/// Whether `body` is `yield(out + in0 * in1)` (operands of either op in either
/// order) and nothing else.
static bool isMultiplyAdd(Block &body) {
  if (body.getNumArguments() != 3 ||
      !llvm::hasNItems(body.without_terminator(), 2))
    return false;
  Operation *yield = body.getTerminator();
  if (yield->getNumOperands() != 1)
    return false;
  auto add = yield->getOperand(0).getDefiningOp<arith::AddFOp>();
  if (!add)
    return false;
  Value acc = body.getArgument(2);
  Value product = add.getLhs() == acc   ? add.getRhs()
                  : add.getRhs() == acc ? add.getLhs()
                                        : Value();
  auto mul = product ? product.getDefiningOp<arith::MulFOp>() : nullptr;
  if (!mul)
    return false;
  Value a = body.getArgument(0), b = body.getArgument(1);
  return (mul.getLhs() == a && mul.getRhs() == b) ||
         (mul.getLhs() == b && mul.getRhs() == a);
}

/// Whether `body` is `yield(in0 + in1)` and nothing else.
static bool isInputSum(Block &body) {
  if (body.getNumArguments() != 3 ||
      !llvm::hasSingleElement(body.without_terminator()))
    return false;
  Operation *yield = body.getTerminator();
  auto add = yield->getNumOperands() == 1
                 ? yield->getOperand(0).getDefiningOp<arith::AddFOp>()
                 : nullptr;
  Value a = body.getArgument(0), b = body.getArgument(1);
  return add && ((add.getLhs() == a && add.getRhs() == b) ||
                 (add.getLhs() == b && add.getRhs() == a));
}

/// Looks through ops that only move the elements of `value` around: linalg
/// ops with one tensor input, parallel loops and a body that yields the input
/// element, such as `linalg.transpose`, `linalg.broadcast` and their
/// `linalg.generic` forms. Returns the tensor they read, and rewrites `map`,
/// which reads `value` from some loops, to read that tensor from the same
/// loops.
static Value lookThroughDataMovement(Value value, AffineMap &map) {
  while (auto op = value.getDefiningOp<linalg::LinalgOp>()) {
    if (op.getNumDpsInputs() != 1 || op.getNumDpsInits() != 1 ||
        !op.hasPureTensorSemantics() ||
        op.getNumParallelLoops() != op.getNumLoops())
      break;
    Value source = op.getDpsInputs()[0];
    Block &body = *op.getBlock();
    Operation *yield = body.getTerminator();
    if (!isa<RankedTensorType>(source.getType()) ||
        !body.without_terminator().empty() || yield->getNumOperands() != 1 ||
        yield->getOperand(0) != body.getArgument(0))
      break;
    SmallVector<AffineMap> maps = op.getIndexingMapsArray();
    if (!maps[0].isProjectedPermutation() || !maps[1].isPermutation())
      break;
    // Result dims -> loops -> source dims.
    map = maps[0].compose(inversePermutation(maps[1])).compose(map);
    value = source;
  }
  return value;
}

/// Whether `map`'s results are `exprs`.
static bool hasResults(AffineMap map, ArrayRef<AffineExpr> exprs) {
  return map.getResults() == exprs;
}

/// Recognises a contraction `x W` with a zero accumulator and finds how it
/// reads its weight: a linalg.matmul, linalg.batch_matmul or linalg.generic
/// whose result is `[M, N]` or `[B, M, N]`, whose activation is read with the
/// result's rows and `K` (`[M, K]`, `[B, M, K]`) and whose weight, seen
/// through transposes and broadcasts, is a 2-D `[K, N]` / `[N, K]` shared by
/// all rows or a 3-D `[B, K, N]` / `[B, N, K]` per batch.
static FailureOr<LinearLayer> matchContraction(linalg::LinalgOp op,
                                               std::string &why) {
  auto fail = [&](StringRef reason) {
    why = reason.str();
    return failure();
  };
  if (op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      !op.hasPureTensorSemantics())
    return fail("not a contraction of two tensors into one");
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || dims->k.size() != 1)
    return fail("does not reduce over exactly one dimension");

  // The result is [rows..., N]: [M, N] or [B, M, N], every loop but K.
  MLIRContext *context = op.getContext();
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  AffineMap resultMap = maps[2];
  unsigned rank = resultMap.getNumResults();
  if (!resultMap.isProjectedPermutation() || (rank != 2 && rank != 3) ||
      op.getNumLoops() != rank + 1)
    return fail("result is not [M, N] or [B, M, N]");
  ArrayRef<AffineExpr> rows = resultMap.getResults().drop_back();
  AffineExpr n = resultMap.getResults().back();
  AffineExpr k = getAffineDimExpr(dims->k.front(), context);

  // The activation is the input read [rows..., K]; the weight is the other.
  SmallVector<AffineExpr> inputExprs(rows);
  inputExprs.push_back(k);
  int inputIndex = hasResults(maps[0], inputExprs)   ? 0
                   : hasResults(maps[1], inputExprs) ? 1
                                                     : -1;
  if (inputIndex < 0)
    return fail(rank == 2
                    ? "no input is read as [M, K] for a result [M, N]"
                    : "no input is read as [B, M, K] for a result [B, M, N]");
  LinearLayer layer;
  layer.contraction = op;
  layer.input = op.getDpsInputs()[inputIndex];
  Value weight = op.getDpsInputs()[1 - inputIndex];
  Type elementType = getElementTypeOrSelf(op->getResult(0).getType());
  if (getElementTypeOrSelf(layer.input.getType()) != elementType ||
      getElementTypeOrSelf(weight.getType()) != elementType)
    return fail("operands and result have different element types");
  if (!isMultiplyAdd(*op.getBlock()))
    return fail("body is not a float multiply-add");

  Value init = op.getDpsInits()[0];
  auto fill = init.getDefiningOp<linalg::FillOp>();
  if (!(fill && matchPattern(fill.getInputs()[0], m_AnyZeroFloat())) &&
      !matchPattern(init, m_AnyZeroFloat()))
    return fail("accumulator is not a zero fill");

  AffineMap weightMap = maps[1 - inputIndex];
  layer.weight = lookThroughDataMovement(weight, weightMap);
  if (hasResults(weightMap, {n, k}) ||
      (rank == 3 && hasResults(weightMap, {rows[0], n, k}))) {
    layer.weightTransposed = true;
  } else if (!hasResults(weightMap, {k, n}) &&
             !(rank == 3 && hasResults(weightMap, {rows[0], k, n}))) {
    return fail(rank == 2 ? "weight is read neither as [K, N] nor as [N, K]"
                          : "weight is read neither as [K, N] or [N, K] nor "
                            "per batch as [B, K, N] or [B, N, K]");
  }
  return layer;
}

/// Records as the layer's bias the `[N]` vector `b` when the contraction's
/// only user computes `y + b` broadcast along the rows and nothing else: a
/// `linalg.generic` or `linalg.add` (the bias read through a broadcast), or
/// an `arith.addf` on tensors of the broadcast bias.
static void matchBiasAdd(LinearLayer &layer) {
  Value result = layer.contraction->getResult(0);
  if (!result.hasOneUse())
    return;
  Operation *user = *result.getUsers().begin();
  if (user->getBlock() != layer.contraction->getBlock() ||
      user->getNumResults() != 1 ||
      user->getResult(0).getType() != result.getType())
    return;
  auto resultType = cast<RankedTensorType>(result.getType());
  unsigned rank = resultType.getRank();
  AffineMap identity =
      AffineMap::getMultiDimIdentityMap(rank, user->getContext());
  Value bias;
  AffineMap biasMap;
  if (auto add = dyn_cast<arith::AddFOp>(user)) {
    bias = add.getLhs() == result ? add.getRhs() : add.getLhs();
    biasMap = identity;
  } else if (auto add = dyn_cast<linalg::LinalgOp>(user)) {
    if (add.getNumDpsInputs() != 2 || add.getNumDpsInits() != 1 ||
        !add.hasPureTensorSemantics() ||
        add.getNumParallelLoops() != add.getNumLoops() ||
        !isInputSum(*add.getBlock()))
      return;
    SmallVector<AffineMap> maps = add.getIndexingMapsArray();
    SmallVector<Value> inputs = add.getDpsInputs();
    unsigned resultIndex = inputs[0] == result ? 0 : 1;
    if (inputs[resultIndex] != result || maps[resultIndex] != identity ||
        maps[2] != identity)
      return;
    bias = inputs[1 - resultIndex];
    biasMap = maps[1 - resultIndex];
  } else {
    return;
  }
  bias = lookThroughDataMovement(bias, biasMap);
  auto biasType = dyn_cast<RankedTensorType>(bias.getType());
  if (!biasType || biasType.getRank() != 1 ||
      biasType.getElementType() != resultType.getElementType() ||
      biasMap != AffineMap::get(rank, 0,
                                getAffineDimExpr(rank - 1, user->getContext())))
    return;
  layer.bias = bias;
  layer.biasAdd = user;
}

LogicalResult mlir::sqz::quantizeLinearWeight(
    RewriterBase &rewriter, linalg::LinalgOp linalgOp,
    const WeightQuantOptions &options, function_ref<void(StringRef)> explain,
    bool &hadError) {
  std::string why;
  FailureOr<LinearLayer> layer = matchContraction(linalgOp, why);
  if (failed(layer)) {
    explain(why);
    return failure();
  }
  std::optional<WeightData> data = readConstantWeight(layer->weight, why);
  if (!data) {
    explain(why);
    return failure();
  }

  // Scales run along the output channels N; groups along the reduction K.
  auto weightType = cast<RankedTensorType>(layer->weight.getType());
  int64_t rank = weightType.getRank();
  int64_t channelAxis = rank - (layer->weightTransposed ? 2 : 1);
  int64_t reductionAxis = rank - (layer->weightTransposed ? 1 : 2);
  int64_t axis = 0, groupSize = 0;
  if (options.granularity == GranularityKind::PerChannel)
    axis = channelAxis;
  if (options.granularity == GranularityKind::PerGroup) {
    axis = reductionAxis;
    groupSize = options.groupSize;
  }
  MLIRContext *context = rewriter.getContext();
  auto quant = QuantAttr::get(context, options.bits, options.symmetric,
                              options.granularity, axis, groupSize,
                              options.symmetric, options.narrowRange);
  int64_t reduction = weightType.getDimSize(reductionAxis);
  if (groupSize && reduction % groupSize != 0) {
    explain(("group size " + Twine(groupSize) +
             " does not divide the reduction size " + Twine(reduction))
                .str());
    return failure();
  }

  QuantizedBuffer buffer;
  int64_t badIndex = 0;
  if (!quantizeBuffer(data->values, weightType.getShape(), quant, buffer,
                      badIndex)) {
    data->definingOp->emitError("weight has a non-finite value (")
        << data->values[badIndex] << ") at flat index " << badIndex;
    hadError = true;
    return failure();
  }
  matchBiasAdd(*layer);

  // Materialize codes, scales and zero points as constants next to the
  // layer's last op (the bias add when there is one: the bias is defined
  // before it).
  linalg::LinalgOp contraction = layer->contraction;
  Operation *last =
      layer->biasAdd ? layer->biasAdd : contraction.getOperation();
  Location loc = contraction.getLoc();
  rewriter.setInsertionPoint(last);
  auto codesType =
      RankedTensorType::get(weightType.getShape(), quant.getStorageType());
  auto codes = arith::ConstantOp::create(
      rewriter, loc,
      DenseElementsAttr::getFromRawBuffer(
          codesType,
          ArrayRef<char>(reinterpret_cast<const char *>(buffer.codes.data()),
                         buffer.codes.size())));
  auto paramType = RankedTensorType::get(
      quant.getParamShape(weightType.getShape()), rewriter.getF32Type());
  auto scales = arith::ConstantOp::create(
      rewriter, loc,
      DenseElementsAttr::get(paramType, ArrayRef<float>(buffer.scales)));
  Value zeroPoints;
  if (!options.symmetric)
    zeroPoints = arith::ConstantOp::create(
        rewriter, loc,
        DenseElementsAttr::get(paramType.clone(rewriter.getI32Type()),
                               ArrayRef<int32_t>(buffer.zeroPoints)));
  auto packedType = SqzTensorType::get(context, weightType.getShape(),
                                       weightType.getElementType(), quant, {});
  auto packed = PackOp::create(rewriter, loc, packedType, codes, scales,
                               zeroPoints, /*metadata=*/Value());
  double count = static_cast<double>(data->values.size());
  double sqnr = 10.0 * std::log10(buffer.signalEnergy / buffer.errorEnergy);
  packed->setAttr(
      SqzDialect::getQuantErrorAttrName(),
      rewriter.getDictionaryAttr(
          {rewriter.getNamedAttr(
               "mse", rewriter.getF64FloatAttr(buffer.errorEnergy / count)),
           rewriter.getNamedAttr("sqnr_db", rewriter.getF64FloatAttr(sqnr))}));
  auto result = MatmulOp::create(
      rewriter, loc, contraction->getResult(0).getType(), layer->input, packed,
      layer->bias, layer->weightTransposed);
  if (Attribute name = contraction->getAttr(SqzDialect::getLayerAttrName()))
    result->setAttr(SqzDialect::getLayerAttrName(), name);

  // Replace the layer, then erase what only it read: the float weight (and
  // the transposes or broadcasts on the way), the accumulator, and the bias
  // broadcast.
  SmallVector<Operation *> producers;
  auto addProducers = [&](Operation *op) {
    for (Value operand : op->getOperands()) {
      Operation *producer = operand.getDefiningOp();
      if (producer && producer != contraction.getOperation())
        producers.push_back(producer);
    }
  };
  addProducers(contraction);
  if (layer->biasAdd) {
    addProducers(layer->biasAdd);
    rewriter.replaceOp(layer->biasAdd, result.getResult());
    rewriter.eraseOp(contraction);
  } else {
    rewriter.replaceOp(contraction, result.getResult());
  }
  eraseDeadProducers(rewriter, std::move(producers));
  // A weight global that nothing loads any more goes too, if it is private.
  auto global = dyn_cast<ml_program::GlobalOp>(data->definingOp);
  if (global && global.isPrivate() &&
      SymbolTable::symbolKnownUseEmpty(global, global->getParentOp()))
    rewriter.eraseOp(global);
  return success();
}

namespace {
struct SqzQuantizeWeightsPass
    : sqz::impl::SqzQuantizeWeightsBase<SqzQuantizeWeightsPass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    if (bits != 8 && bits != 4 && bits != 2)
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-weights: bits must be 8, 4 or 2, got "
             << static_cast<unsigned>(bits);
    if (granularity == "tensor")
      quantOptions.granularity = GranularityKind::PerTensor;
    else if (granularity == "channel")
      quantOptions.granularity = GranularityKind::PerChannel;
    else if (granularity == "group")
      quantOptions.granularity = GranularityKind::PerGroup;
    else
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-weights: granularity must be tensor, channel or "
                "group, got '"
             << granularity << "'";
    if (quantOptions.granularity == GranularityKind::PerGroup && groupSize <= 0)
      return emitError(UnknownLoc::get(context))
             << "sqz-quantize-weights: group-size must be positive, got "
             << static_cast<int64_t>(groupSize);
    quantOptions.bits = bits;
    quantOptions.groupSize = groupSize;
    quantOptions.symmetric = symmetric;
    quantOptions.narrowRange = narrowRange;
    return success();
  }

  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> candidates;
    getOperation()->walk([&](linalg::LinalgOp op) {
      if (linalg::isaContractionOpInterface(op))
        candidates.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    bool hadError = false;
    for (linalg::LinalgOp op : candidates) {
      auto explainSkip = [&](StringRef why) {
        LLVM_DEBUG(llvm::dbgs() << "skipping " << op->getName() << " at "
                                << op->getLoc() << ": " << why << "\n");
        if (explain)
          op->emitRemark("weight not quantized: ") << why;
      };
      (void)quantizeLinearWeight(rewriter, op, quantOptions, explainSkip,
                                 hadError);
    }
    if (hadError)
      signalPassFailure();
  }

  WeightQuantOptions quantOptions;
};
} // namespace
