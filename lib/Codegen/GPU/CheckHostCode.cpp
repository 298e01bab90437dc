//===- CheckHostCode.cpp - Host code touches no device memory -------------===//

#include "sqz/Codegen/GPU/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZGPUCHECKHOSTCODE
#include "sqz/Codegen/GPU/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

/// Whether `op` reads or writes buffer elements itself (a reshape reads its
/// shape operand; an external function reads what it is given).
static bool accessesElements(Operation *op) {
  if (auto call = dyn_cast<func::CallOp>(op)) {
    auto callee = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
        call, call.getCalleeAttr());
    return (!callee || callee.isExternal()) &&
           llvm::any_of(call.getOperandTypes(),
                        [](Type type) { return isa<MemRefType>(type); });
  }
  return isa<memref::ReshapeOp, memref::LoadOp, memref::StoreOp,
             memref::AtomicRMWOp, memref::GenericAtomicRMWOp, memref::CopyOp,
             affine::AffineLoadOp, affine::AffineStoreOp,
             vector::TransferReadOp, vector::TransferWriteOp, vector::LoadOp,
             vector::StoreOp, vector::MaskedLoadOp, vector::MaskedStoreOp,
             vector::GatherOp, vector::ScatterOp, linalg::LinalgOp>(op);
}

namespace {
struct SqzGPUCheckHostCodePass
    : public sqz::impl::SqzGPUCheckHostCodeBase<SqzGPUCheckHostCodePass> {
  void runOnOperation() override {
    bool failed = false;
    getOperation().walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (isa<gpu::GPUModuleOp>(op))
        return WalkResult::skip();
      if (!accessesElements(op) || failed)
        return WalkResult::advance();
      op->emitError() << "'" << op->getName()
                      << "' reads or writes buffer elements in host code, "
                         "but the buffers live in device memory: "
                         "sqz-lower-to-nvvm maps no kernel to it";
      failed = true;
      return WalkResult::interrupt();
    });
    if (failed)
      signalPassFailure();
  }
};
} // namespace
