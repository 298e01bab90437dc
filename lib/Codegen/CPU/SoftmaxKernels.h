//===- SoftmaxKernels.h - Softmax over rows on the CPU kernel ---*- C++ -*-===//
//
// The part of sqz-cpu-gemm-kernels for softmax: an f32 softmax over the
// innermost dimension, as `linalg.softmax` or as the generic ops a
// decomposed one is made of (torch-mlir's form: a max reduction, the shifted
// exponentials, their sum and the division), runs on the
// `softmax_rows_f32` kernel, row by row, instead of streaming the tensor
// through memory once per op. Where its input is attention's scores, x
// times or divided by a constant plus a mask (torch's scaled dot-product
// attention), and nothing else reads them, the scaling and the mask go
// into the kernel too (`softmax_rows_masked_f32`).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_CODEGEN_CPU_SOFTMAXKERNELS_H
#define SQZ_LIB_CODEGEN_CPU_SOFTMAXKERNELS_H

#include "sqz/Codegen/CPU/KernelCalls.h"
#include "sqz/Codegen/CPU/TargetCPU.h"

namespace mlir::sqz {

/// Replaces every such softmax under `module` by a kernel call, if `cpu`
/// has the kernel. The ops of a decomposed softmax that fed only the
/// division are appended to `producers`, to be erased when dead.
void rewriteSoftmaxes(ModuleOp module, KernelCallBuilder &builder,
                      const TargetCPU &cpu,
                      SmallVectorImpl<Operation *> &producers);

} // namespace mlir::sqz

#endif // SQZ_LIB_CODEGEN_CPU_SOFTMAXKERNELS_H
