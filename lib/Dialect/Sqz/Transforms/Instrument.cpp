//===- Instrument.cpp - sqz-instrument ------------------------------------===//
//
// Names every linear layer (`sqz.layer`) and routes its activation input
// through an `sqz.observe` keyed by that name, so that a calibration run
// records the statistics that the data-aware passes read.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZINSTRUMENT
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

namespace {
/// A layer to instrument: the op, its name and the operand that carries the
/// activation (null when it is not a float tensor, e.g. a quantized lhs).
struct InstrumentedLayer {
  Operation *op;
  std::string name;
  OpOperand *activation;
};
} // namespace

/// The float ranked tensor operand `operand`, or null.
static OpOperand *floatTensorOperand(OpOperand &operand) {
  auto type = dyn_cast<RankedTensorType>(operand.get().getType());
  return type && isa<FloatType>(type.getElementType()) ? &operand : nullptr;
}

/// The operand of the layer `op` that carries its activation, when that is
/// a float tensor (a quantized lhs is not observed), else null.
static OpOperand *activationOperand(Operation *op) {
  if (auto matmul = dyn_cast<MatmulOp>(op))
    return floatTensorOperand(matmul.getLhsMutable());
  auto linalgOp = cast<linalg::LinalgOp>(op);
  std::string why;
  FailureOr<LinearLayer> layer = matchLinearLayer(linalgOp, why);
  assert(succeeded(layer) && "findNamedLayers matched it");
  OpOperand *input = linalgOp.getDpsInputOperand(0);
  if (input->get() != layer->input)
    input = linalgOp.getDpsInputOperand(1);
  return floatTensorOperand(*input);
}

namespace {
struct SqzInstrumentPass : sqz::impl::SqzInstrumentBase<SqzInstrumentPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<InstrumentedLayer> layers;
    for (NamedLayer &layer : findNamedLayers(getOperation()))
      layers.push_back(
          {layer.op, std::move(layer.name), activationOperand(layer.op)});
    OpBuilder builder(&getContext());
    for (InstrumentedLayer &layer : layers) {
      StringAttr name = builder.getStringAttr(layer.name);
      layer.op->setAttr(SqzDialect::getLayerAttrName(), name);
      if (!layer.activation)
        continue;
      Value input = layer.activation->get();
      if (auto observe = input.getDefiningOp<ObserveOp>();
          observe && observe.getId() == layer.name)
        continue;
      builder.setInsertionPoint(layer.op);
      auto observe = ObserveOp::create(builder, layer.op->getLoc(),
                                       input.getType(), input, name);
      layer.activation->set(observe.getResult());
    }
  }
};
} // namespace
