//===- LinearLayers.cpp - Finding and replacing linear layers ------------===//

#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::sqz;

int64_t LinearLayer::channelAxis() const {
  int64_t rank = cast<RankedTensorType>(weight.getType()).getRank();
  return rank - (weightTransposed ? 2 : 1);
}

int64_t LinearLayer::reductionAxis() const {
  int64_t rank = cast<RankedTensorType>(weight.getType()).getRank();
  return rank - (weightTransposed ? 1 : 2);
}

/// The float multiply of a contraction body `yield(out + x * y)` (the add's
/// operands in either order) of `ops` operations, or null.
static arith::MulFOp multiplyAddProduct(Block &body, size_t ops) {
  if (body.getNumArguments() != 3 ||
      !llvm::hasNItems(body.without_terminator(), ops))
    return nullptr;
  Operation *yield = body.getTerminator();
  if (yield->getNumOperands() != 1)
    return nullptr;
  auto add = yield->getOperand(0).getDefiningOp<arith::AddFOp>();
  if (!add)
    return nullptr;
  Value acc = body.getArgument(2);
  Value product = add.getLhs() == acc   ? add.getRhs()
                  : add.getRhs() == acc ? add.getLhs()
                                        : Value();
  return product ? product.getDefiningOp<arith::MulFOp>() : nullptr;
}

/// Whether `x` and `y` are the body's two inputs, in either order.
static bool areInputs(Block &body, Value x, Value y) {
  Value a = body.getArgument(0), b = body.getArgument(1);
  return (x == a && y == b) || (x == b && y == a);
}

/// Whether `body` is `yield(out + in0 * in1)` (operands of either op in either
/// order) and nothing else.
bool sqz::isFloatMultiplyAdd(Block &body) {
  arith::MulFOp mul = multiplyAddProduct(body, 2);
  return mul && areInputs(body, mul.getLhs(), mul.getRhs());
}

bool sqz::isWideningFloatMultiplyAdd(Block &body) {
  arith::MulFOp mul = multiplyAddProduct(body, 4);
  if (!mul)
    return false;
  auto widened = [](Value v) {
    auto ext = v.getDefiningOp<arith::ExtFOp>();
    return ext ? ext.getIn() : Value();
  };
  Value x = widened(mul.getLhs()), y = widened(mul.getRhs());
  return x && y && areInputs(body, x, y);
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

Value sqz::lookThroughDataMovement(Value value, AffineMap &map) {
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

FailureOr<LinearLayer> sqz::matchLinearLayer(linalg::LinalgOp op,
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
  if (!isFloatMultiplyAdd(*op.getBlock()))
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

bool sqz::hasWeightOperand(const LinearLayer &layer) {
  Operation *producer = layer.weight.getDefiningOp();
  if (producer && isa<SqzDialect>(producer->getDialect()))
    return true;
  std::string why;
  return readConstantBytes(layer.weight, why).has_value();
}

SmallVector<NamedLayer> sqz::findNamedLayers(Operation *root) {
  SmallVector<NamedLayer> layers;
  root->walk<WalkOrder::PreOrder>([&](FunctionOpInterface function) {
    // Two counters, so that no weight layer's name depends on how many
    // activation x activation contractions come before it.
    unsigned weightIndex = 0, activationIndex = 0;
    function->walk<WalkOrder::PreOrder>([&](Operation *op) {
      bool weighted = true;
      if (!isa<MatmulOp>(op)) {
        auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
        if (!linalgOp)
          return;
        std::string why;
        FailureOr<LinearLayer> layer = matchLinearLayer(linalgOp, why);
        if (failed(layer))
          return;
        weighted = hasWeightOperand(*layer);
      }
      std::string name;
      if (auto attr =
              op->getAttrOfType<StringAttr>(SqzDialect::getLayerAttrName()))
        name = attr.str();
      else if (weighted)
        name = (function.getName() + ".linear" + Twine(weightIndex)).str();
      else
        name = (function.getName() + ".matmul" + Twine(activationIndex)).str();
      ++(weighted ? weightIndex : activationIndex);
      layers.push_back({op, std::move(name)});
    });
    return WalkResult::skip();
  });
  return layers;
}

SmallVector<NamedLinearLayer> sqz::findNamedLinearLayers(Operation *root) {
  SmallVector<NamedLinearLayer> layers;
  for (NamedLayer &layer : findNamedLayers(root))
    if (auto linalgOp = dyn_cast<linalg::LinalgOp>(layer.op))
      layers.push_back({linalgOp, std::move(layer.name)});
  return layers;
}

void sqz::matchBiasAdd(LinearLayer &layer) {
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

Operation *sqz::lastOpOf(const LinearLayer &layer) {
  if (layer.biasAdd)
    return layer.biasAdd;
  return layer.contraction;
}

MatmulOp sqz::replaceLinearLayer(RewriterBase &rewriter, LinearLayer &layer,
                                 Value weight, Operation *weightHolder) {
  linalg::LinalgOp contraction = layer.contraction;
  rewriter.setInsertionPoint(lastOpOf(layer));
  auto result = MatmulOp::create(
      rewriter, contraction.getLoc(), contraction->getResult(0).getType(),
      layer.input, weight, layer.bias, layer.weightTransposed);
  if (Attribute name = contraction->getAttr(SqzDialect::getLayerAttrName()))
    result->setAttr(SqzDialect::getLayerAttrName(), name);
  if (Attribute smoothing = contraction->getAttr("sqz.smoothing"))
    result->setAttr("sqz.smoothing", smoothing);

  // Replace the layer, then erase what only it read: the float weight (and
  // the transposes or broadcasts on the way), the accumulator, and the bias
  // broadcast.
  // The weight's holder may be among the producers erased below; only a
  // global outlives them, so look it up first.
  auto global = dyn_cast_or_null<ml_program::GlobalOp>(weightHolder);
  SmallVector<Operation *> producers;
  auto addProducers = [&](Operation *op) {
    for (Value operand : op->getOperands()) {
      Operation *producer = operand.getDefiningOp();
      if (producer && producer != contraction.getOperation())
        producers.push_back(producer);
    }
  };
  addProducers(contraction);
  if (layer.biasAdd) {
    addProducers(layer.biasAdd);
    rewriter.replaceOp(layer.biasAdd, result.getResult());
    rewriter.eraseOp(contraction);
  } else {
    rewriter.replaceOp(contraction, result.getResult());
  }
  eraseDeadProducers(rewriter, std::move(producers));
  // A weight global that nothing loads any more goes too, if it is private.
  if (global && global.isPrivate() &&
      SymbolTable::symbolKnownUseEmpty(global, global->getParentOp()))
    rewriter.eraseOp(global);
  return result;
}

/// Whether `value` is `arith.extsi` of the block argument `arg` from i8.
static bool isSignExtendedI8(Value value, BlockArgument arg) {
  auto ext = value.getDefiningOp<arith::ExtSIOp>();
  return ext && ext.getIn() == arg && ext.getIn().getType().isInteger(8);
}

/// Whether `value` is `arith.extui` of the block argument `arg` from i8.
static bool isZeroExtendedI8(Value value, BlockArgument arg) {
  auto ext = value.getDefiningOp<arith::ExtUIOp>();
  return ext && ext.getIn() == arg && ext.getIn().getType().isInteger(8);
}

std::optional<bool> sqz::int8InputIsUnsigned(Block &body, unsigned inputIndex) {
  if (body.getNumArguments() != 3 ||
      !body.getArgument(2).getType().isInteger(32))
    return std::nullopt;
  Operation *yield = body.getTerminator();
  auto add = yield->getNumOperands() == 1
                 ? yield->getOperand(0).getDefiningOp<arith::AddIOp>()
                 : nullptr;
  if (!add)
    return std::nullopt;
  Value acc = body.getArgument(2);
  Value product = add.getLhs() == acc   ? add.getRhs()
                  : add.getRhs() == acc ? add.getLhs()
                                        : Value();
  auto mul = product ? product.getDefiningOp<arith::MulIOp>() : nullptr;
  if (!mul)
    return std::nullopt;
  BlockArgument input = body.getArgument(inputIndex);
  BlockArgument weight = body.getArgument(1 - inputIndex);
  for (auto [x, w] : {std::pair(mul.getLhs(), mul.getRhs()),
                      std::pair(mul.getRhs(), mul.getLhs())}) {
    if (!isSignExtendedI8(w, weight))
      continue;
    if (isSignExtendedI8(x, input))
      return false;
    if (isZeroExtendedI8(x, input))
      return true;
  }
  return std::nullopt;
}
