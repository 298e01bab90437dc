//===- SqzToLinalg.h - Reference lowering of sqz to linalg ------*- C++ -*-===//

#ifndef SQZ_CONVERSION_SQZTOLINALG_SQZTOLINALG_H
#define SQZ_CONVERSION_SQZTOLINALG_SQZTOLINALG_H

#include "mlir/Pass/Pass.h"

namespace mlir {
class RewriterBase;
namespace sqz {

#define GEN_PASS_DECL_CONVERTSQZTOLINALG
#include "sqz/Conversion/Passes.h.inc"

/// Lowers every sqz op under `root` to tensors, `linalg`, `arith` and `math`
/// with exact integer arithmetic. Fails, after reporting an error, on what
/// the reference lowering does not handle.
LogicalResult lowerSqzToLinalg(RewriterBase &rewriter, Operation *root);

} // namespace sqz
} // namespace mlir

#endif // SQZ_CONVERSION_SQZTOLINALG_SQZTOLINALG_H
