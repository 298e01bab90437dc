//===- QuantizeKernels.cpp - Dynamic activation quantization kernels ------===//

#include "QuantizeKernels.h"

#include "sqz/Dialect/Sqz/IR/SqzOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::sqz;

/// Whether `op` quantizes a 2-D f32 tensor at run time to symmetric int8
/// codes with one scale per row: what the kernels compute.
static bool isDynamicPerRowInt8(QuantizeOp op) {
  auto inputType = cast<RankedTensorType>(op.getInput().getType());
  auto resultType = cast<SqzTensorType>(op.getType());
  QuantAttr quant = resultType.getQuant();
  return op.isDynamic() && inputType.getRank() == 2 &&
         inputType.getElementType().isF32() && !resultType.getSparsity() &&
         quant.getStorageWidth() == 8 && quant.getStorageSigned() &&
         quant.getSymmetric() &&
         quant.getGranularity() == GranularityKind::PerChannel &&
         quant.getAxis() == 0;
}

QuantizeOp mlir::sqz::quantizationOf(Value codes, Value rowScales) {
  auto unpack = codes.getDefiningOp<UnpackOp>();
  if (!unpack || codes != unpack->getResult(0) ||
      rowScales != unpack->getResult(1))
    return nullptr;
  auto quantize = unpack.getSource().getDefiningOp<QuantizeOp>();
  return quantize && isDynamicPerRowInt8(quantize) ? quantize : nullptr;
}

SmallVector<Value> mlir::sqz::quantizationBounds(OpBuilder &b, Location loc,
                                                 QuantizeOp quantize) {
  QuantAttr quant = cast<SqzTensorType>(quantize.getType()).getQuant();
  SmallVector<Value> bounds;
  for (int64_t bound : {quant.getStorageMin(), quant.getStorageMax()})
    bounds.push_back(arith::ConstantOp::create(
        b, loc, b.getF32FloatAttr(static_cast<float>(bound))));
  return bounds;
}

void mlir::sqz::rewriteDynamicQuantizations(ModuleOp module,
                                            KernelCallBuilder &builder,
                                            const TargetCPU &cpu) {
  if (!cpu.hasAvx512())
    return;
  SmallVector<QuantizeOp> quantizations;
  module.walk([&](QuantizeOp op) {
    if (isDynamicPerRowInt8(op))
      quantizations.push_back(op);
  });
  RewriterBase &rewriter = builder.getRewriter();
  for (QuantizeOp op : quantizations) {
    // Left without readers by a kernel that quantizes its input itself.
    if (op->use_empty()) {
      rewriter.eraseOp(op);
      continue;
    }
    rewriter.setInsertionPoint(op);
    Location loc = op.getLoc();
    Value x = op.getInput();
    auto inputType = cast<RankedTensorType>(x.getType());
    SmallVector<Value> rows;
    if (inputType.isDynamicDim(0))
      rows.push_back(tensor::DimOp::create(rewriter, loc, x, 0));
    SmallVector<Value> sizes = rows;
    if (inputType.isDynamicDim(1))
      sizes.push_back(tensor::DimOp::create(rewriter, loc, x, 1));
    SmallVector<Value> bounds = quantizationBounds(rewriter, loc, op);
    Value qmax = bounds[1];
    auto scalesType =
        RankedTensorType::get({inputType.getDimSize(0)}, rewriter.getF32Type());
    Value scales =
        builder.emitOperandsCall(loc, "sqz_cpu_quantize_row_scales_avx512", {x},
                                 scalesType, rows, {qmax});
    auto codesType =
        RankedTensorType::get(inputType.getShape(), rewriter.getI8Type());
    Value codes =
        builder.emitOperandsCall(loc, "sqz_cpu_quantize_rows_s8_avx512",
                                 {x, scales}, codesType, sizes, bounds);
    rewriter.replaceOpWithNewOp<PackOp>(op, op.getType(), codes, scales,
                                        /*zero_points=*/Value(),
                                        /*metadata=*/Value());
  }
}
