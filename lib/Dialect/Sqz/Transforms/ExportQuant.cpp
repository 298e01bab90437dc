//===- ExportQuant.cpp - sqz-export-quant ---------------------------------===//
//
// Rewrites quantized sqz tensors with constant parameters into upstream quant
// dialect IR: !quant.uniform types carrying the scales and zero points.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/QuantInterop.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include "llvm/Support/raw_ostream.h"

#include <array>

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZEXPORTQUANT
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

//===----------------------------------------------------------------------===//
// What a producer becomes
//===----------------------------------------------------------------------===//

/// The quant tensor type of a compressed value with parameters `scales` and
/// `zeroPoints` (operands of its producer), when they are dense constants.
static FailureOr<RankedTensorType> getExportType(SqzTensorType type,
                                                 Value scales, Value zeroPoints,
                                                 std::string &why) {
  if (type.getSparsity()) {
    llvm::raw_string_ostream(why) << "sparse tensors (" << type.getSparsity()
                                  << ") have no quant equivalent";
    return failure();
  }
  if (!type.getQuant()) {
    why = "the tensor is not quantized";
    return failure();
  }
  if (!scales) {
    why = "its parameters are computed at run time (dynamic), but a quant "
          "type holds constant ones";
    return failure();
  }
  DenseElementsAttr scaleValues, zeroPointValues;
  if (!matchPattern(scales, m_Constant(&scaleValues))) {
    why = "its scales are not a dense constant, which a quant type needs";
    return failure();
  }
  if (zeroPoints && !matchPattern(zeroPoints, m_Constant(&zeroPointValues))) {
    why = "its zero points are not a dense constant, which a quant type needs";
    return failure();
  }
  FailureOr<quant::QuantizedType> element =
      exportQuantType(type, scaleValues, zeroPointValues, why);
  if (failed(element))
    return failure();
  return RankedTensorType::get(type.getShape(), *element);
}

/// `value` as `type` (a tensor of a compatible shape), through tensor.cast
/// when the static sizes differ.
static Value castTo(OpBuilder &builder, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  return tensor::CastOp::create(builder, loc, type, value);
}

/// Checks that the use `use` of a compressed value made with the parameter
/// operands `scales` and `zeroPoints` can be rewritten: a dequantize, or an
/// unpack whose parameter results (when used) have the parameters' element
/// types.
static LogicalResult checkUse(OpOperand &use, Value scales, Value zeroPoints,
                              std::string &why) {
  Operation *user = use.getOwner();
  if (isa<DequantizeOp>(user))
    return success();
  if (auto unpack = dyn_cast<UnpackOp>(user)) {
    ValueRange parts = unpack.getParts();
    std::array<Value, 2> params = {scales, zeroPoints};
    for (auto [index, param] : llvm::enumerate(params)) {
      if (!param || parts[index + 1].use_empty())
        continue;
      Type given = getElementTypeOrSelf(param.getType());
      Type taken = getElementTypeOrSelf(parts[index + 1].getType());
      if (given != taken) {
        llvm::raw_string_ostream(why)
            << "it yields the " << (index ? "zero points" : "scales") << " as "
            << taken << " but they were given as " << given;
        return failure();
      }
    }
    return success();
  }
  llvm::raw_string_ostream(why)
      << "it takes a compressed value (operand #" << use.getOperandNumber()
      << "); only sqz.dequantize and sqz.unpack of one can be exported";
  return failure();
}

/// Replaces every use of the compressed `value` (sqz.dequantize, sqz.unpack)
/// by quant ops on `quantValue`, its quant form.
static void replaceUses(PatternRewriter &rewriter, Value value,
                        Value quantValue, Value scales, Value zeroPoints) {
  auto quantType = cast<RankedTensorType>(quantValue.getType());
  auto element = cast<quant::QuantizedType>(quantType.getElementType());
  for (Operation *user : llvm::make_early_inc_range(value.getUsers())) {
    rewriter.setInsertionPoint(user);
    Location loc = user->getLoc();
    if (auto dequantize = dyn_cast<DequantizeOp>(user)) {
      auto dcast = quant::DequantizeCastOp::create(
          rewriter, loc, quantType.clone(element.getExpressedType()),
          quantValue);
      rewriter.replaceOp(dequantize, castTo(rewriter, loc, dcast.getResult(),
                                            dequantize.getType()));
      continue;
    }
    auto unpack = cast<UnpackOp>(user);
    ValueRange parts = unpack.getParts();
    auto scast = quant::StorageCastOp::create(
        rewriter, loc, quantType.clone(element.getStorageType()), quantValue);
    SmallVector<Value> replacements = {
        castTo(rewriter, loc, scast.getResult(), parts[0].getType())};
    std::array<Value, 2> params = {scales, zeroPoints};
    for (auto [index, param] : llvm::enumerate(params)) {
      if (!param)
        continue;
      Value part = parts[index + 1];
      replacements.push_back(
          part.use_empty() ? Value()
                           : castTo(rewriter, loc, param, part.getType()));
    }
    rewriter.replaceOp(unpack, replacements);
  }
}

/// Erases `value`'s producer when nothing uses it any more (the constant
/// parameters of an exported op: the quant type holds them now).
static void eraseIfDead(PatternRewriter &rewriter, Value value) {
  Operation *op = value ? value.getDefiningOp() : nullptr;
  if (op && op->use_empty() && isPure(op))
    rewriter.eraseOp(op);
}

namespace {
/// Rewrites a producer of a compressed value (sqz.quantize, sqz.pack) and
/// all its uses; `makeQuantValue` builds the quant form of the value.
template <typename OpTy> struct ExportProducer : OpRewritePattern<OpTy> {
  using OpRewritePattern<OpTy>::OpRewritePattern;

  virtual Value makeQuantValue(PatternRewriter &rewriter, OpTy op,
                               RankedTensorType quantType) const = 0;

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const override {
    auto type = cast<SqzTensorType>(op.getResult().getType());
    Value scales = op.getScales(), zeroPoints = op.getZeroPoints();
    std::string why;
    FailureOr<RankedTensorType> quantType =
        getExportType(type, scales, zeroPoints, why);
    if (failed(quantType))
      return rewriter.notifyMatchFailure(op, why);
    for (OpOperand &use : op.getResult().getUses())
      if (failed(checkUse(use, scales, zeroPoints, why)))
        return rewriter.notifyMatchFailure(op, why);

    rewriter.setInsertionPoint(op);
    Value quantValue = makeQuantValue(rewriter, op, *quantType);
    replaceUses(rewriter, op.getResult(), quantValue, scales, zeroPoints);
    rewriter.eraseOp(op);
    eraseIfDead(rewriter, scales);
    eraseIfDead(rewriter, zeroPoints);
    return success();
  }
};

/// sqz.quantize -> quant.qcast.
struct ExportQuantize : ExportProducer<QuantizeOp> {
  using ExportProducer::ExportProducer;
  Value makeQuantValue(PatternRewriter &rewriter, QuantizeOp op,
                       RankedTensorType quantType) const override {
    auto element = cast<quant::QuantizedType>(quantType.getElementType());
    Value input = castTo(rewriter, op.getLoc(), op.getInput(),
                         quantType.clone(element.getExpressedType()));
    return quant::QuantizeCastOp::create(rewriter, op.getLoc(), quantType,
                                         input);
  }
};

/// sqz.pack of codes -> quant.scast of the codes.
struct ExportPack : ExportProducer<PackOp> {
  using ExportProducer::ExportProducer;
  Value makeQuantValue(PatternRewriter &rewriter, PackOp op,
                       RankedTensorType quantType) const override {
    auto element = cast<quant::QuantizedType>(quantType.getElementType());
    Value codes = castTo(rewriter, op.getLoc(), op.getValues(),
                         quantType.clone(element.getStorageType()));
    return quant::StorageCastOp::create(rewriter, op.getLoc(), quantType,
                                        codes);
  }
};

/// sqz.fake_quant -> quant.dcast of quant.qcast.
struct ExportFakeQuant : OpRewritePattern<FakeQuantOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(FakeQuantOp op,
                                PatternRewriter &rewriter) const override {
    auto inputType = cast<RankedTensorType>(op.getInput().getType());
    auto type = SqzTensorType::get(inputType.getShape(),
                                   inputType.getElementType(), op.getQuant());
    std::string why;
    FailureOr<RankedTensorType> quantType =
        getExportType(type, op.getScales(), op.getZeroPoints(), why);
    if (failed(quantType))
      return rewriter.notifyMatchFailure(op, why);
    auto qcast = quant::QuantizeCastOp::create(rewriter, op.getLoc(),
                                               *quantType, op.getInput());
    auto dcast = quant::DequantizeCastOp::create(rewriter, op.getLoc(),
                                                 inputType, qcast.getResult());
    Value scales = op.getScales(), zeroPoints = op.getZeroPoints();
    rewriter.replaceOp(op, dcast.getResult());
    eraseIfDead(rewriter, scales);
    eraseIfDead(rewriter, zeroPoints);
    return success();
  }
};
} // namespace

void sqz::populateSqzExportQuantPatterns(RewritePatternSet &patterns) {
  patterns.add<ExportQuantize, ExportPack, ExportFakeQuant>(
      patterns.getContext());
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

/// Reports every op the export cannot rewrite, each with why.
static LogicalResult checkExportable(Operation *root) {
  bool ok = true;
  auto fail = [&](Operation *op) {
    ok = false;
    return op->emitOpError("cannot be exported to quant: ");
  };
  auto checkProducer = [&](Operation *op, Value result, Value scales,
                           Value zeroPoints) {
    std::string why;
    if (failed(getExportType(cast<SqzTensorType>(result.getType()), scales,
                             zeroPoints, why))) {
      fail(op) << why;
      return;
    }
    for (OpOperand &use : result.getUses()) {
      // A matmul on compressed operands is reported on the matmul, a
      // function result of compressed type on the function.
      Operation *user = use.getOwner();
      if (isa<MatmulOp>(user) ||
          (user->hasTrait<OpTrait::ReturnLike>() &&
           isa<FunctionOpInterface>(user->getParentOp())))
        continue;
      if (failed(checkUse(use, scales, zeroPoints, why)))
        fail(use.getOwner()) << why;
      why.clear();
    }
  };

  root->walk([&](Operation *op) {
    if (auto quantize = dyn_cast<QuantizeOp>(op)) {
      checkProducer(op, quantize.getResult(), quantize.getScales(),
                    quantize.getZeroPoints());
      return;
    }
    if (auto pack = dyn_cast<PackOp>(op)) {
      checkProducer(op, pack.getResult(), pack.getScales(),
                    pack.getZeroPoints());
      return;
    }
    if (auto fakeQuant = dyn_cast<FakeQuantOp>(op)) {
      auto inputType = cast<RankedTensorType>(fakeQuant.getInput().getType());
      std::string why;
      if (failed(getExportType(SqzTensorType::get(inputType.getShape(),
                                                  inputType.getElementType(),
                                                  fakeQuant.getQuant()),
                               fakeQuant.getScales(), fakeQuant.getZeroPoints(),
                               why)))
        fail(op) << why;
      return;
    }
    if (auto matmul = dyn_cast<MatmulOp>(op)) {
      if (isa<SqzTensorType>(matmul.getLhs().getType()) ||
          isa<SqzTensorType>(matmul.getRhs().getType()))
        fail(op) << "quant has no matmul on quantized operands (dequantize "
                    "them first, at the cost of the integer kernel)";
    }
    // Compressed values made or received anywhere else.
    auto failType = [&](StringRef what, unsigned index, Type type) {
      fail(op) << what << " #" << index << " has the compressed type " << type
               << ", which quant cannot express: only the results of "
                  "sqz.quantize and sqz.pack can be exported";
    };
    auto function = dyn_cast<FunctionOpInterface>(op);
    if (function) {
      for (auto [index, type] : llvm::enumerate(function.getArgumentTypes()))
        if (isa<SqzTensorType>(type))
          failType("argument", index, type);
      for (auto [index, type] : llvm::enumerate(function.getResultTypes()))
        if (isa<SqzTensorType>(type))
          failType("result", index, type);
    }
    for (Region &region : op->getRegions())
      for (Block &block : region)
        if (!function || !block.isEntryBlock())
          for (BlockArgument argument : block.getArguments())
            if (isa<SqzTensorType>(argument.getType()))
              failType("block argument", argument.getArgNumber(),
                       argument.getType());
    for (OpResult result : op->getResults())
      if (isa<SqzTensorType>(result.getType()))
        failType("result", result.getResultNumber(), result.getType());
  });
  return success(ok);
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

namespace {
struct SqzExportQuantPass : sqz::impl::SqzExportQuantBase<SqzExportQuantPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(checkExportable(module)))
      return signalPassFailure();

    SmallVector<Operation *> producers;
    module.walk([&](Operation *op) {
      if (isa<QuantizeOp, PackOp, FakeQuantOp>(op))
        producers.push_back(op);
    });
    if (producers.empty())
      return;
    RewritePatternSet patterns(&getContext());
    populateSqzExportQuantPatterns(patterns);
    // Only the producers (and their users) are rewritten; no folding, since
    // quant folds dcast(qcast(x)) to x and drops the rounding.
    GreedyRewriteConfig config;
    config.setStrictness(GreedyRewriteStrictness::ExistingAndNewOps)
        .enableFolding(false)
        .enableConstantCSE(false)
        .setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled);
    bool allErased = false;
    if (failed(applyOpPatternsGreedily(producers, std::move(patterns), config,
                                       /*changed=*/nullptr, &allErased)) ||
        !allErased) {
      module.emitError("sqz-export-quant: some compressed values were left "
                       "in sqz form");
      signalPassFailure();
    }
  }
};
} // namespace
