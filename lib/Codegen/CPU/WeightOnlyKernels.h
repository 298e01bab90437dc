//===- WeightOnlyKernels.h - sqz.matmul on quantized-weight kernels -*- C++
//-*-===//
//
// The part of sqz-cpu-gemm-kernels for weight-only quantization: an
// `sqz.matmul` of float activations by a constant 8- or 4-bit weight runs on
// the `gemm_q8` / `gemm_q4` kernels, codes unpacked in registers, or, with
// `weight-only-compute=int8` on a CPU with VNNI, on `gemm_q8a8` /
// `gemm_q4a8` (activations quantized to int8 at run time).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_CODEGEN_CPU_WEIGHTONLYKERNELS_H
#define SQZ_LIB_CODEGEN_CPU_WEIGHTONLYKERNELS_H

#include "sqz/Codegen/CPU/KernelCalls.h"
#include "sqz/Codegen/CPU/Passes.h"
#include "sqz/Codegen/CPU/TargetCPU.h"

namespace mlir::sqz {

/// Replaces every such `sqz.matmul` under `module` by a kernel call (and a
/// bias add when it has a bias), if `cpu` has a kernel for it, in the
/// arithmetic `compute` asks for where `cpu` has it. The ops that fed the
/// replaced ones are appended to `producers`, to be erased when dead.
void rewriteWeightOnlyLayers(ModuleOp module, KernelCallBuilder &builder,
                             const TargetCPU &cpu, WeightOnlyCompute compute,
                             SmallVectorImpl<Operation *> &producers);

} // namespace mlir::sqz

#endif // SQZ_LIB_CODEGEN_CPU_WEIGHTONLYKERNELS_H
