//===- QuantizeKernels.h - Dynamic activation quantization kernels -*- C++ -*-//
//
// The part of sqz-cpu-gemm-kernels for the activation side of W8A8: a
// dynamic symmetric int8 quantization with one scale per row of a 2-D f32
// tensor (the per-token scheme) runs on the runtime's `quantize_*` kernels,
// which compute the reference's scales and codes to the bit, vectorized and
// on the kernels' threads, instead of as compiled loops on one thread.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_CODEGEN_CPU_QUANTIZEKERNELS_H
#define SQZ_LIB_CODEGEN_CPU_QUANTIZEKERNELS_H

#include "sqz/Codegen/CPU/KernelCalls.h"
#include "sqz/Codegen/CPU/TargetCPU.h"
#include "sqz/Dialect/Sqz/IR/SqzOps.h"

namespace mlir::sqz {

/// The dynamic per-row int8 quantization whose codes are `codes` and whose
/// scales are `rowScales` (the two results of one `sqz.unpack` of it), if
/// they are: an int8 kernel that quantizes its f32 activations itself can
/// take its input instead.
QuantizeOp quantizationOf(Value codes, Value rowScales);

/// At the rewriter's insertion point: `quantize`'s smallest and largest code
/// as f32 constants, the last operands of a quantizing int8 kernel.
SmallVector<Value> quantizationBounds(OpBuilder &b, Location loc,
                                      QuantizeOp quantize);

/// Replaces every such `sqz.quantize` under `module` by the two kernel
/// calls (scales, then codes) and a `sqz.pack` of their results, if `cpu`
/// has the kernels.
void rewriteDynamicQuantizations(ModuleOp module, KernelCallBuilder &builder,
                                 const TargetCPU &cpu);

} // namespace mlir::sqz

#endif // SQZ_LIB_CODEGEN_CPU_QUANTIZEKERNELS_H
