//===- ExportEntryPoints.cpp - Make public functions callable from C ------===//
//
// Marks every public function with a body for the C interface wrapper, keeps
// its tensor-level signature for runners, and protects the caller's input
// buffers from being written by bufferization.
//
//===----------------------------------------------------------------------===//

#include "sqz/Pipelines/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZEXPORTENTRYPOINTS
#include "sqz/Pipelines/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {

struct SqzExportEntryPointsPass
    : public sqz::impl::SqzExportEntryPointsBase<SqzExportEntryPointsPass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *context = &getContext();
    StringRef writableName =
        bufferization::BufferizationDialect::kWritableAttrName;
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (!func.isPublic() || func.isExternal())
        continue;
      func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                    UnitAttr::get(context));
      func->setAttr(sqz::kSignatureAttrName,
                    TypeAttr::get(func.getFunctionType()));
      if (!readOnlyArgs)
        continue;
      for (auto [index, type] : llvm::enumerate(func.getArgumentTypes()))
        if (isa<TensorType>(type) && !func.getArgAttr(index, writableName))
          func.setArgAttr(index, writableName, BoolAttr::get(context, false));
    }
  }
};

} // namespace
