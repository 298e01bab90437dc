//===- BatchMatmulKernels.h - Batched f32 matmuls on the GEMM kernel -*- C++
//-*-===//
//
// The part of sqz-cpu-gemm-kernels for contractions of two run-time values:
// an f32 `C[b] = A[b] B[b]` from zero (attention's Q Kᵀ and P V, over batch
// and heads) runs on the `batch_matmul_f32` kernel, which packs B per batch
// element into the f32 GEMM kernel's layout and runs its register tiles.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_CODEGEN_CPU_BATCHMATMULKERNELS_H
#define SQZ_LIB_CODEGEN_CPU_BATCHMATMULKERNELS_H

#include "sqz/Codegen/CPU/KernelCalls.h"
#include "sqz/Codegen/CPU/TargetCPU.h"

namespace mlir::sqz {

/// Replaces every such contraction under `module` by a kernel call, if
/// `cpu` has a kernel for it. The zero fills of the replaced ones are
/// appended to `producers`, to be erased when dead.
void rewriteBatchMatmuls(ModuleOp module, KernelCallBuilder &builder,
                         const TargetCPU &cpu,
                         SmallVectorImpl<Operation *> &producers);

} // namespace mlir::sqz

#endif // SQZ_LIB_CODEGEN_CPU_BATCHMATMULKERNELS_H
