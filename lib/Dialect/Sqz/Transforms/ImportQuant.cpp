//===- ImportQuant.cpp - sqz-import-quant ---------------------------------===//
//
// Rewrites upstream quant dialect IR (quant.qcast, quant.scast, quant.dcast
// on !quant.uniform tensors) into sqz ops on !sqz.tensor.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/QuantInterop.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Quant/IR/Quant.h"
#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Transforms/DialectConversion.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZIMPORTQUANT
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

namespace {
/// The scale and zero-point constants of an imported type.
struct ParamConstants {
  Value scales;
  Value zeroPoints;
};
} // namespace

static ParamConstants materializeParams(OpBuilder &builder, Location loc,
                                        const ImportedQuantType &imported) {
  ParamConstants params;
  params.scales = arith::ConstantOp::create(builder, loc, imported.scales);
  if (imported.zeroPoints)
    params.zeroPoints =
        arith::ConstantOp::create(builder, loc, imported.zeroPoints);
  return params;
}

namespace {
/// quant.qcast -> sqz.quantize with constant parameters.
struct ImportQuantizeCast : OpConversionPattern<quant::QuantizeCastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(quant::QuantizeCastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    std::string why;
    FailureOr<ImportedQuantType> imported =
        importQuantType(op.getResult().getType(), why);
    if (failed(imported))
      return rewriter.notifyMatchFailure(op, why);
    ParamConstants params = materializeParams(rewriter, op.getLoc(), *imported);
    auto quantize = QuantizeOp::create(rewriter, op.getLoc(), imported->type,
                                       adaptor.getInput(), params.scales,
                                       params.zeroPoints);
    rewriter.replaceOp(op, quantize.getResult());
    return success();
  }
};

/// quant.scast of integer codes -> sqz.pack of the codes; quant.scast of a
/// quantized value back to integers -> the codes of sqz.unpack.
struct ImportStorageCast : OpConversionPattern<quant::StorageCastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(quant::StorageCastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    bool toQuantized = isQuantDialectType(op.getResult().getType());
    Type quantizedType =
        toQuantized ? op.getResult().getType() : op.getInput().getType();
    std::string why;
    FailureOr<ImportedQuantType> imported = importQuantType(quantizedType, why);
    if (failed(imported))
      return rewriter.notifyMatchFailure(op, why);

    if (toQuantized) {
      ParamConstants params =
          materializeParams(rewriter, op.getLoc(), *imported);
      auto pack = PackOp::create(rewriter, op.getLoc(), imported->type,
                                 adaptor.getInput(), params.scales,
                                 params.zeroPoints, /*metadata=*/Value());
      rewriter.replaceOp(op, pack.getResult());
      return success();
    }

    if (adaptor.getInput().getType() != imported->type)
      return rewriter.notifyMatchFailure(op, "source was not imported");
    SmallVector<Type> partTypes = {imported->type.getValuesType(),
                                   imported->scales.getType()};
    if (imported->zeroPoints)
      partTypes.push_back(imported->zeroPoints.getType());
    auto unpack =
        UnpackOp::create(rewriter, op.getLoc(), partTypes, adaptor.getInput());
    rewriter.replaceOp(op, unpack.getParts().front());
    return success();
  }
};

/// quant.dcast -> sqz.dequantize.
struct ImportDequantizeCast : OpConversionPattern<quant::DequantizeCastOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult
  matchAndRewrite(quant::DequantizeCastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!isa<SqzTensorType>(adaptor.getInput().getType()))
      return rewriter.notifyMatchFailure(op, "source was not imported");
    auto dequantize = DequantizeOp::create(
        rewriter, op.getLoc(), op.getResult().getType(), adaptor.getInput());
    rewriter.replaceOp(op, dequantize.getResult());
    return success();
  }
};
} // namespace

void sqz::populateSqzImportQuantPatterns(const TypeConverter &converter,
                                         RewritePatternSet &patterns) {
  patterns.add<ImportQuantizeCast, ImportStorageCast, ImportDequantizeCast>(
      converter, patterns.getContext());
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

/// Whether `op` may produce a quantized value: quant.qcast, or quant.scast of
/// integers.
static bool isImportedProducer(Operation *op) {
  return isa<quant::QuantizeCastOp, quant::StorageCastOp>(op);
}

/// Whether `op` may take a quantized value: quant.dcast, or quant.scast back
/// to integers.
static bool isImportedUser(Operation *op) {
  return isa<quant::DequantizeCastOp, quant::StorageCastOp>(op);
}

/// Reports every quantized value the import cannot rewrite. One error per
/// cause: a type sqz cannot hold (on its producer), an argument of quantized
/// type, a producer or user other than the quant casts.
static LogicalResult checkImportable(Operation *root) {
  bool ok = true;
  auto checkUses = [&](Value value) {
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      if (isImportedUser(user))
        continue;
      // A function result of quantized type is reported on the function.
      if (user->hasTrait<OpTrait::ReturnLike>() &&
          isa<FunctionOpInterface>(user->getParentOp()))
        continue;
      user->emitOpError("takes a quantized value (operand #")
          << use.getOperandNumber()
          << "), which sqz cannot import: only quant.dcast and quant.scast "
             "may use one";
      ok = false;
    }
  };

  root->walk([&](Operation *op) {
    if (auto function = dyn_cast<FunctionOpInterface>(op)) {
      for (auto [index, type] : llvm::enumerate(function.getArgumentTypes()))
        if (isQuantDialectType(type)) {
          op->emitOpError("argument #")
              << index << " has quantized type " << type
              << ", which sqz cannot import: quantize inside the function "
                 "with quant.qcast";
          ok = false;
        }
      for (auto [index, type] : llvm::enumerate(function.getResultTypes()))
        if (isQuantDialectType(type)) {
          op->emitOpError("result #")
              << index << " has quantized type " << type
              << ", which sqz cannot import: return the quant.dcast of it";
          ok = false;
        }
    }
    for (Region &region : op->getRegions()) {
      for (Block &block : region) {
        bool isFunctionEntry =
            isa<FunctionOpInterface>(op) && block.isEntryBlock();
        for (BlockArgument argument : block.getArguments()) {
          if (!isQuantDialectType(argument.getType()))
            continue;
          // Their uses are not reported again.
          if (!isFunctionEntry) {
            op->emitOpError("has a block argument #")
                << argument.getArgNumber() << " of quantized type "
                << argument.getType() << ", which sqz cannot import";
            ok = false;
          }
        }
      }
    }

    for (OpResult result : op->getResults()) {
      if (!isQuantDialectType(result.getType()))
        continue;
      if (!isImportedProducer(op)) {
        op->emitOpError("produces a quantized value (result #")
            << result.getResultNumber()
            << "), which sqz cannot import: only quant.qcast and quant.scast "
               "may produce one";
        ok = false;
      } else {
        std::string why;
        if (failed(importQuantType(result.getType(), why))) {
          op->emitOpError("cannot import ") << result.getType() << ": " << why;
          ok = false;
        }
      }
      checkUses(result);
    }
  });
  return success(ok);
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

namespace {
struct SqzImportQuantPass : sqz::impl::SqzImportQuantBase<SqzImportQuantPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(checkImportable(module)))
      return signalPassFailure();

    MLIRContext *context = &getContext();
    TypeConverter converter;
    converter.addConversion([](Type type) { return type; });
    populateSqzImportQuantTypeConversions(converter);
    RewritePatternSet patterns(context);
    populateSqzImportQuantPatterns(converter, patterns);

    ConversionTarget target(*context);
    target.addIllegalDialect<quant::QuantDialect>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    ConversionConfig config;
    // quant folds dcast(qcast(x)) to x, which would drop the rounding.
    config.foldingMode = DialectConversionFoldingMode::Never;
    if (failed(applyPartialConversion(module, target, std::move(patterns),
                                      config)))
      signalPassFailure();
  }
};
} // namespace
