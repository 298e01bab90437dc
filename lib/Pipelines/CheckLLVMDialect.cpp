//===- CheckLLVMDialect.cpp - The contract check of the pipelines ---------===//
//
// A pipeline that promises LLVM dialect output ends here: anything else left
// in the module is reported once per kind of operation, and the pass fails.
//
//===----------------------------------------------------------------------===//

#include "sqz/Pipelines/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

#include "llvm/ADT/StringSet.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZCHECKLLVMDIALECT
#include "sqz/Pipelines/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {

struct SqzCheckLLVMDialectPass
    : public sqz::impl::SqzCheckLLVMDialectBase<SqzCheckLLVMDialectPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    // Casts left by a partial conversion are a symptom: name them only when
    // nothing else is left, the op that was not converted being the cause.
    SmallVector<Operation *> leftovers, casts;
    llvm::StringSet<> seen;
    module->walk([&](Operation *op) {
      if (op == module.getOperation() ||
          isa_and_nonnull<LLVM::LLVMDialect>(op->getDialect()) ||
          (allowGPUBinaries && isa<gpu::BinaryOp, gpu::LaunchFuncOp>(op)))
        return;
      if (!seen.insert(op->getName().getStringRef()).second)
        return;
      (isa<UnrealizedConversionCastOp>(op) ? casts : leftovers).push_back(op);
    });
    if (leftovers.empty())
      leftovers = std::move(casts);
    for (Operation *op : leftovers)
      op->emitError() << pipelineName << ": '" << op->getName()
                      << "' op was not lowered to the LLVM dialect (the "
                         "output may hold only builtin.module and llvm.* ops"
                      << (allowGPUBinaries ? ", gpu.binary and gpu.launch_func)"
                                           : ")");
    if (!leftovers.empty())
      signalPassFailure();
  }
};

} // namespace
