//===- Passes.h - Passes of the Squeeze lowering pipelines ------*- C++ -*-===//
//
// The passes the named pipelines are built from beside the upstream ones:
// `sqz-export-entry-points`, `sqz-decompose-aggregate-ops`,
// `sqz-contiguous-inner-loop`, `sqz-vectorize`,
// `sqz-scalarize-vector-fpowi`, the precondition check `sqz-check-cpu-input`
// and the contract check `sqz-check-llvm-dialect`.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_PIPELINES_PASSES_H
#define SQZ_PIPELINES_PASSES_H

#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"

#include <memory>
#include <string>

namespace mlir {
namespace sqz {

/// Name of the `TypeAttr` that `sqz-export-entry-points` puts on entry points:
/// the tensor-level function type, kept through lowering for `sqz-run`.
inline constexpr const char *kSignatureAttrName = "sqz.signature";

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "sqz/Pipelines/Passes.h.inc"

/// Adds the pattern of `sqz-contiguous-inner-loop`: linalg ops whose innermost
/// loop is a reduction get the loop of the output's contiguous dimension
/// innermost instead (named ops are generalized first).
void populateContiguousInnerLoopPatterns(RewritePatternSet &patterns);

/// Adds the pattern of `sqz-scalarize-vector-fpowi`: a `math.fpowi` on
/// vectors becomes one scalar `math.fpowi` per element.
void populateScalarizeVectorFPowIPatterns(RewritePatternSet &patterns);

/// Adds the pattern of `sqz-decompose-aggregate-ops`: every op with
/// `linalg::AggregatedOpInterface` is replaced by its decomposition.
void populateDecomposeAggregateOpsPatterns(RewritePatternSet &patterns);

} // namespace sqz
} // namespace mlir

#endif // SQZ_PIPELINES_PASSES_H
