//===- DeviceConstants.cpp - Constant globals through device copies -------===//

#include "sqz/Codegen/GPU/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZGPUDEVICECONSTANTS
#include "sqz/Codegen/GPU/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

/// `ptr sqzrtCudaDeviceConstant(ptr, i64)`, declared once.
static LLVM::LLVMFuncOp declareDeviceConstant(ModuleOp module) {
  StringRef name = sqz::kDeviceConstantFunctionName;
  if (auto existing = module.lookupSymbol<LLVM::LLVMFuncOp>(name))
    return existing;
  MLIRContext *context = module.getContext();
  auto pointer = LLVM::LLVMPointerType::get(context);
  auto type = LLVM::LLVMFunctionType::get(
      pointer, {pointer, IntegerType::get(context, 64)});
  OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
  return LLVM::LLVMFuncOp::create(builder, module.getLoc(), name, type);
}

namespace {
struct SqzGPUDeviceConstantsPass
    : public sqz::impl::SqzGPUDeviceConstantsBase<SqzGPUDeviceConstantsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTableCollection symbols;
    SmallVector<std::pair<LLVM::AddressOfOp, LLVM::GlobalOp>> addresses;
    for (auto function : module.getOps<LLVM::LLVMFuncOp>())
      function.walk([&](LLVM::AddressOfOp address) {
        auto global =
            dyn_cast_or_null<LLVM::GlobalOp>(symbols.lookupNearestSymbolFrom(
                address, address.getGlobalNameAttr()));
        if (global && global.getConstant())
          addresses.push_back({address, global});
      });
    if (addresses.empty())
      return;
    LLVM::LLVMFuncOp upload = declareDeviceConstant(module);
    DataLayout layout(module);
    for (auto [address, global] : addresses) {
      OpBuilder builder(address->getContext());
      builder.setInsertionPointAfter(address);
      Location loc = address.getLoc();
      Value bytes = LLVM::ConstantOp::create(
          builder, loc, builder.getI64Type(),
          builder.getI64IntegerAttr(
              layout.getTypeSize(global.getGlobalType()).getFixedValue()));
      auto call = LLVM::CallOp::create(builder, loc, upload,
                                       ValueRange{address.getResult(), bytes});
      address.getResult().replaceAllUsesExcept(call.getResult(), call);
    }
  }
};
} // namespace
