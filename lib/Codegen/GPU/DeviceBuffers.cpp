//===- DeviceBuffers.cpp - Every buffer of a function in device memory ----===//
//
// Host allocations become device allocations, copies become linalg copies
// (kernels), and entry points copy their arguments to the device and their
// results back to new host buffers.
//
//===----------------------------------------------------------------------===//

#include "sqz/Codegen/GPU/Passes.h"
#include "sqz/Pipelines/Passes.h"

#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZGPUDEVICEBUFFERS
#include "sqz/Codegen/GPU/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

/// The sizes of `buffer`'s dynamic dimensions, as `memref.dim`s.
static SmallVector<Value> dynamicSizes(OpBuilder &builder, Location loc,
                                       Value buffer) {
  auto type = cast<MemRefType>(buffer.getType());
  SmallVector<Value> sizes;
  for (auto [index, size] : llvm::enumerate(type.getShape()))
    if (ShapedType::isDynamic(size))
      sizes.push_back(memref::DimOp::create(builder, loc, buffer, index));
  return sizes;
}

static Value createDeviceBuffer(OpBuilder &builder, Location loc,
                                MemRefType type, ValueRange sizes) {
  return gpu::AllocOp::create(builder, loc, type, /*asyncToken=*/Type(),
                              ValueRange(), sizes, ValueRange(),
                              /*hostShared=*/UnitAttr())
      .getMemref();
}

/// memref.alloc / alloca -> gpu.alloc, memref.dealloc -> gpu.dealloc; an
/// alloca's buffer is freed at the end of its block.
static void moveAllocationsToDevice(func::FuncOp func, IRRewriter &rewriter) {
  SmallVector<Operation *> allocations;
  func.walk([&](Operation *op) {
    if (isa<memref::AllocOp, memref::AllocaOp, memref::DeallocOp>(op))
      allocations.push_back(op);
  });
  for (Operation *op : allocations) {
    rewriter.setInsertionPoint(op);
    Location loc = op->getLoc();
    if (auto dealloc = dyn_cast<memref::DeallocOp>(op)) {
      rewriter.replaceOpWithNewOp<gpu::DeallocOp>(
          dealloc, /*asyncToken=*/Type(), ValueRange(), dealloc.getMemref());
      continue;
    }
    auto type = cast<MemRefType>(op->getResult(0).getType());
    ValueRange sizes = isa<memref::AllocOp>(op)
                           ? cast<memref::AllocOp>(op).getDynamicSizes()
                           : cast<memref::AllocaOp>(op).getDynamicSizes();
    Value buffer = createDeviceBuffer(rewriter, loc, type, sizes);
    if (isa<memref::AllocaOp>(op)) {
      rewriter.setInsertionPoint(op->getBlock()->getTerminator());
      gpu::DeallocOp::create(rewriter, loc, Type(), ValueRange(), buffer);
    }
    rewriter.replaceOp(op, buffer);
  }
}

/// memref.copy -> linalg.copy, which becomes a kernel.
static void copiesAsKernels(func::FuncOp func, IRRewriter &rewriter) {
  SmallVector<memref::CopyOp> copies;
  func.walk([&](memref::CopyOp copy) { copies.push_back(copy); });
  for (memref::CopyOp copy : copies) {
    rewriter.setInsertionPoint(copy);
    linalg::CopyOp::create(rewriter, copy.getLoc(), copy.getSource(),
                           copy.getTarget());
    rewriter.eraseOp(copy);
  }
}

/// The buffer `value` is a view of: through view-like ops to the op or
/// block argument that made it.
static Value rootBuffer(Value value) {
  while (auto view = value.getDefiningOp<ViewLikeOpInterface>())
    value = view.getViewSource();
  return value;
}

/// The argument types the caller sees (`sqz.signature`, set before
/// bufferization): a tensor argument is read-only, a memref argument may be
/// written, and then its device copy must go back.
static SmallVector<bool> writableArguments(func::FuncOp func) {
  SmallVector<bool> writable(func.getNumArguments(), false);
  auto signature = func->getAttrOfType<TypeAttr>(sqz::kSignatureAttrName);
  auto type =
      signature ? dyn_cast<FunctionType>(signature.getValue()) : FunctionType();
  for (unsigned i = 0; i < writable.size(); ++i)
    writable[i] = !type || isa<MemRefType>(type.getInput(i));
  return writable;
}

/// An entry point: memref arguments copied to device buffers on entry (and
/// back, when the caller passed a memref it may see written), memref
/// results copied to new host buffers before each return, and the device
/// buffers that the results and argument copies were freed.
static void copyAtBoundary(func::FuncOp func, IRRewriter &rewriter) {
  Block &entry = func.getBody().front();
  SmallVector<bool> writable = writableArguments(func);
  SmallVector<std::pair<Value, Value>> copiedBack; // (host, device)
  rewriter.setInsertionPointToStart(&entry);
  SmallVector<Value> argumentCopies;
  for (BlockArgument argument : entry.getArguments()) {
    auto type = dyn_cast<MemRefType>(argument.getType());
    if (!type)
      continue;
    Location loc = argument.getLoc();
    Value device = createDeviceBuffer(rewriter, loc, type,
                                      dynamicSizes(rewriter, loc, argument));
    auto copy = gpu::MemcpyOp::create(rewriter, loc, Type(), ValueRange(),
                                      device, argument);
    argument.replaceAllUsesExcept(device, copy);
    // The memref.dim ops that sized the copy read the argument itself.
    for (OpOperand &use : llvm::make_early_inc_range(device.getUses()))
      if (auto dim = dyn_cast<memref::DimOp>(use.getOwner());
          dim && dim->isBeforeInBlock(device.getDefiningOp()))
        use.set(argument);
    argumentCopies.push_back(device);
    if (writable[argument.getArgNumber()])
      copiedBack.push_back({argument, device});
  }

  func.walk([&](func::ReturnOp ret) {
    rewriter.setInsertionPoint(ret);
    Location loc = ret.getLoc();
    SmallVector<Value> freed;
    for (OpOperand &operand : ret->getOpOperands()) {
      Value result = operand.get();
      auto type = dyn_cast<MemRefType>(result.getType());
      if (!type)
        continue;
      Value host = memref::AllocOp::create(rewriter, loc, type,
                                           dynamicSizes(rewriter, loc, result));
      gpu::MemcpyOp::create(rewriter, loc, Type(), ValueRange(), host, result);
      operand.set(host);
      // A result is owned here (buffer deallocation makes it so): freed
      // once, unless it is an argument copy (freed below) or a global.
      Value root = rootBuffer(result);
      if (!isa<BlockArgument>(root) &&
          !root.getDefiningOp<memref::GetGlobalOp>() &&
          !llvm::is_contained(argumentCopies, root) &&
          !llvm::is_contained(freed, root))
        freed.push_back(root);
    }
    for (auto [host, device] : copiedBack)
      gpu::MemcpyOp::create(rewriter, loc, Type(), ValueRange(), host, device);
    for (Value buffer : llvm::concat<Value>(freed, argumentCopies))
      gpu::DeallocOp::create(rewriter, loc, Type(), ValueRange(), buffer);
  });
}

/// A call of a public function passes device buffers where the callee's
/// boundary expects host ones, and gets host buffers back: not supported.
static LogicalResult checkNoPublicCallees(func::FuncOp func) {
  WalkResult result = func.walk([&](func::CallOp call) {
    auto callee = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
        call, call.getCalleeAttr());
    if (!callee || !callee.isPublic())
      return WalkResult::advance();
    call.emitError() << "sqz-lower-to-nvvm: @" << func.getName()
                     << " calls the public function @" << callee.getName()
                     << ", whose arguments and results are host buffers; "
                        "make the callee private to call it on the GPU";
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

namespace {
struct SqzGPUDeviceBuffersPass
    : public sqz::impl::SqzGPUDeviceBuffersBase<SqzGPUDeviceBuffersPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (func.isExternal())
      return;
    if (failed(checkNoPublicCallees(func)))
      return signalPassFailure();
    IRRewriter rewriter(&getContext());
    moveAllocationsToDevice(func, rewriter);
    copiesAsKernels(func, rewriter);
    if (func.isPublic())
      copyAtBoundary(func, rewriter);
  }
};
} // namespace
