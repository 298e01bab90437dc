//===- RewriteUtils.cpp - Small rewriting helpers of the sqz passes -------===//

#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/IR/SqzOps.h"

#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/DenseSet.h"

#include "llvm/Support/Format.h"

using namespace mlir;

void mlir::sqz::eraseDeadProducers(RewriterBase &rewriter,
                                   SmallVector<Operation *> ops) {
  DenseSet<Operation *> erased;
  while (!ops.empty()) {
    Operation *op = ops.pop_back_val();
    if (!op || erased.contains(op) || !op->use_empty() || !isPure(op))
      continue;
    for (Value operand : op->getOperands())
      if (Operation *producer = operand.getDefiningOp())
        ops.push_back(producer);
    erased.insert(op);
    rewriter.eraseOp(op);
  }
}

std::string mlir::sqz::formatShortest(double value) {
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%g", value);
  return text;
}

SmallVector<Type> mlir::sqz::unpackPartTypes(Value value, SqzTensorType type) {
  QuantAttr quant = type.getQuant();
  Builder b(type.getContext());
  Value scales, zeroPoints;
  if (auto pack = value.getDefiningOp<PackOp>()) {
    scales = pack.getScales();
    zeroPoints = pack.getZeroPoints();
  } else if (auto quantize = value.getDefiningOp<QuantizeOp>()) {
    scales = quantize.getScales();
    zeroPoints = quantize.getZeroPoints();
  }
  SmallVector<int64_t> paramShape = quant.getParamShape(type.getShape());
  SmallVector<Type> types = {type.getValuesType()};
  types.push_back(scales ? scales.getType()
                         : RankedTensorType::get(paramShape, b.getF32Type()));
  if (!quant.getSymmetric())
    types.push_back(zeroPoints
                        ? zeroPoints.getType()
                        : RankedTensorType::get(paramShape, b.getI32Type()));
  return types;
}
