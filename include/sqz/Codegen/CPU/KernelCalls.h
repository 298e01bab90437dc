//===- KernelCalls.h - Calls of runtime kernels from tensor IR --*- C++ -*-===//
//
// What every rewrite into a runtime kernel call needs: constant globals of
// packed data, the kernel's declaration, and the call itself at tensor
// level (the activation in through `bufferization.to_buffer`, the result
// out of a new buffer through `bufferization.to_tensor`).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_CODEGEN_CPU_KERNELCALLS_H
#define SQZ_CODEGEN_CPU_KERNELCALLS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/IR/SymbolTable.h"

namespace mlir::sqz {

/// Builds kernel calls in one module.
class KernelCallBuilder {
public:
  /// Calls pass `threads` as the kernels' last argument: the threads they
  /// use, all hardware threads of the machine running them when 0.
  KernelCallBuilder(ModuleOp module, int64_t threads)
      : module(module), symbols(module), rewriter(module.getContext()),
        threads(threads) {}

  /// A private constant 1-D global (64-byte aligned, a `dense_resource`
  /// blob) of `count` elements of `elementType`, filled by `fill`; named
  /// `name` or, when taken, a unique variant of it.
  memref::GlobalOp createGlobal(StringRef name, Type elementType, int64_t count,
                                function_ref<void(char *)> fill);

  /// Replaces `op`'s single result, a 2-D tensor, by a call of the kernel
  /// `kernel` (declared bodiless with `llvm.emit_c_interface` on first use)
  /// with the operands (result buffer, `activation`, then `globals` as
  /// `memref<?xT>`, then `extra`, then the thread count as i64). Returns the
  /// call's result as a tensor, already replacing `op`.
  Value replaceWithCall(Operation *op, StringRef kernel, Value activation,
                        ArrayRef<memref::GlobalOp> globals,
                        ArrayRef<Value> extra = {});

  /// The call alone, at the rewriter's insertion point: the 2-D
  /// `resultType` tensor of `kernel` applied to the 2-D `activation`.
  Value emitCall(Location loc, StringRef kernel, Value activation,
                 RankedTensorType resultType,
                 ArrayRef<memref::GlobalOp> globals, ArrayRef<Value> extra);

  /// A call of `kernel` on run-time operands alone, at the rewriter's
  /// insertion point: (result buffer, each of `operands` as a read-only
  /// memref of any strides, the `scalars` as they are, the thread count as
  /// i64). The result is a new buffer of `resultType` (`dynamicSizes`
  /// giving its dynamic dims), returned as a tensor.
  Value emitOperandsCall(Location loc, StringRef kernel, ValueRange operands,
                         RankedTensorType resultType, ValueRange dynamicSizes,
                         ValueRange scalars = {});

  /// `emitCall` on the rows of an activation that is 2-D [M, K] or 3-D
  /// [B, M, K] (seen as B * M rows against one weight), with `bias` (when
  /// given) added to every row: the `resultType` tensor, 2-D or 3-D like
  /// the activation.
  Value emitRowsCall(Location loc, StringRef kernel, Value activation,
                     RankedTensorType resultType,
                     ArrayRef<memref::GlobalOp> globals, ArrayRef<Value> extra,
                     Value bias);

  /// The rewriter, positioned by `replaceWithCall` before the op it
  /// replaced: for values `extra` needs.
  RewriterBase &getRewriter() { return rewriter; }

  /// At the rewriter's insertion point, for `extra`: `global` as a
  /// `memref<?xT>`; a run-time tensor as a read-only memref of any strides
  /// and dynamic sizes; an empty `memref<?xT>` (an operand a call does
  /// not have).
  Value globalAsDynamic(Location loc, memref::GlobalOp global);
  Value readOnlyBuffer(Location loc, Value tensor);
  Value emptyBuffer(Location loc, Type elementType);

private:
  func::FuncOp declareKernel(StringRef name, TypeRange types);

  ModuleOp module;
  SymbolTable symbols;
  IRRewriter rewriter;
  int64_t threads;
};

/// `y + b`, the 1-D `b` added to every row of the 2-D `y`, as a
/// linalg.generic (float or integer add): the bias of a layer whose product
/// a kernel computed, or a correction of its integer product.
Value addColumnBias(OpBuilder &b, Location loc, Value y, Value bias);

} // namespace mlir::sqz

#endif // SQZ_CODEGEN_CPU_KERNELCALLS_H
