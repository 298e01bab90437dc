//===- Passes.h - Transformation passes of the sqz dialect ------*- C++ -*-===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_PASSES_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_PASSES_H

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/OptionEnums.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewriterBase;
namespace linalg {
class LinalgOp;
} // namespace linalg

namespace sqz {

#define GEN_PASS_DECL
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"

/// How sqz-quantize-weights quantizes one weight.
struct WeightQuantOptions {
  unsigned bits = 8;
  GranularityKind granularity = GranularityKind::PerChannel;
  int64_t groupSize = 128;
  bool symmetric = true;
  bool narrowRange = false;
};

/// Rewrites the linear layer `op` (a matmul-like op with a constant weight)
/// into an `sqz.matmul` on a packed, quantized weight. Returns failure when
/// the op is not a form it handles, after calling `explain` with the reason;
/// reports an error on the weight and sets `hadError` when the weight cannot
/// be quantized (NaN or infinity).
LogicalResult quantizeLinearWeight(RewriterBase &rewriter, linalg::LinalgOp op,
                                   const WeightQuantOptions &options,
                                   function_ref<void(StringRef)> explain,
                                   bool &hadError);

#define GEN_PASS_REGISTRATION
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"

} // namespace sqz
} // namespace mlir

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_PASSES_H
