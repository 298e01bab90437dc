//===- SparseKernels.h - sqz.matmul on 2:4 sparse kernels -------*- C++ -*-===//
//
// The part of sqz-cpu-gemm-kernels for 2:4 sparse weights: an `sqz.matmul`
// by a constant weight with two kept values in every four along K runs on
// the `gemm_sp24` kernels, which multiply only the kept values: f32
// activations by an f32 weight, and int8 activation codes by int8 weight
// codes (W8A8 on a pruned weight) with the scales applied after the call.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_CODEGEN_CPU_SPARSEKERNELS_H
#define SQZ_LIB_CODEGEN_CPU_SPARSEKERNELS_H

#include "sqz/Codegen/CPU/KernelCalls.h"
#include "sqz/Codegen/CPU/TargetCPU.h"

namespace mlir::sqz {

/// Replaces every such `sqz.matmul` under `module` by a kernel call (and
/// its epilogue: scales, bias), if `cpu` has a kernel for it. The ops that
/// fed the replaced ones are appended to `producers`, to be erased when
/// dead.
void rewriteSparse24Layers(ModuleOp module, KernelCallBuilder &builder,
                           const TargetCPU &cpu,
                           SmallVectorImpl<Operation *> &producers);

} // namespace mlir::sqz

#endif // SQZ_LIB_CODEGEN_CPU_SPARSEKERNELS_H
