//===- SqzToLinalg.h - Reference lowering of sqz to linalg ------*- C++ -*-===//

#ifndef SQZ_CONVERSION_SQZTOLINALG_SQZTOLINALG_H
#define SQZ_CONVERSION_SQZTOLINALG_SQZTOLINALG_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class RewriterBase;
namespace sqz {

#define GEN_PASS_DECL_CONVERTSQZTOLINALG
#include "sqz/Conversion/Passes.h.inc"

/// Lowers every sqz op under `root` to tensors, `linalg`, `arith`, `math` and
/// `scf` with exact integer arithmetic. Sparse tensors are decompressed where
/// they are read, except the N:M sparse rhs of a matmul when
/// `directSparseMatmul` is set, which a contraction over the kept values
/// reads as it is stored. Fails, after reporting an error, on what the
/// reference lowering does not handle.
LogicalResult lowerSqzToLinalg(RewriterBase &rewriter, Operation *root,
                               bool directSparseMatmul = false);

} // namespace sqz
} // namespace mlir

#endif // SQZ_CONVERSION_SQZTOLINALG_SQZTOLINALG_H
