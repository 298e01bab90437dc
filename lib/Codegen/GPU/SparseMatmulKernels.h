//===- SparseMatmulKernels.h - 2:4 contractions on mma.sp -------*- C++ -*-===//

#ifndef SQZ_LIB_CODEGEN_GPU_SPARSEMATMULKERNELS_H
#define SQZ_LIB_CODEGEN_GPU_SPARSEMATMULKERNELS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::sqz::gpu_kernels {

/// A direct 2:4 sparse contraction of int8 codes (convert-sqz-to-linalg's
/// `sqz.nm_contraction` with `int8_operands`): loops row, col, group, slot;
/// inputs the kept values and the packed positions (four 2-bit positions a
/// byte); the lhs codes, as i32, read in the body from `lhs`.
struct SparseContraction {
  linalg::GenericOp op;
  Value lhs;
};

/// The sparse contraction `op` is, or failure when the kernel does not take
/// it.
FailureOr<SparseContraction> matchSparseContraction(Operation *op);

/// Replaces the contraction by a kernel of one warp per 16 output columns
/// by 8 output rows on the sparse tensor cores (mma.sp m16n8k32 s8).
void replaceWithSparseKernel(RewriterBase &rewriter,
                             const SparseContraction &contraction);

} // namespace mlir::sqz::gpu_kernels

#endif // SQZ_LIB_CODEGEN_GPU_SPARSEMATMULKERNELS_H
