//===- LayerNormKernels.h - Layer norm over rows on the CPU kernel -*- C++
//-*-===//
//
// The part of sqz-cpu-gemm-kernels for layer normalization: the generic ops
// torch-mlir decomposes `aten.layer_norm` over the innermost dimension into
// (the f32 mean, the variance from the row converted to f64 or in f32, the
// rsqrt of the variance plus epsilon, the centring and scaling, the weight
// and bias) run on the `layer_norm_rows_f32` kernel, one row at a time,
// instead of streaming the tensor (and an f64 copy of it) through memory
// once per op.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_CODEGEN_CPU_LAYERNORMKERNELS_H
#define SQZ_LIB_CODEGEN_CPU_LAYERNORMKERNELS_H

#include "sqz/Codegen/CPU/KernelCalls.h"
#include "sqz/Codegen/CPU/TargetCPU.h"

namespace mlir::sqz {

/// Replaces every such layer norm under `module` by a kernel call, if `cpu`
/// has the kernel. The ops it was made of are appended to `producers`, to
/// be erased when dead.
void rewriteLayerNorms(ModuleOp module, KernelCallBuilder &builder,
                       const TargetCPU &cpu,
                       SmallVectorImpl<Operation *> &producers);

} // namespace mlir::sqz

#endif // SQZ_LIB_CODEGEN_CPU_LAYERNORMKERNELS_H
