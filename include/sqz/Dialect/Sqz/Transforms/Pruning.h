//===- Pruning.h - What sqz-prune does, as functions ------------*- C++ -*-===//
//
// The options of sqz-prune and the entry points of its parts: unstructured
// and N:M pruning of single weights (Prune.cpp) and structured pruning of
// rows and attention heads, which changes shapes across layers
// (StructuredPruning.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_PRUNING_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_PRUNING_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

namespace mlir::sqz {

enum class PruneMethod { Magnitude, Wanda };
enum class PrunePattern { Unstructured, NM, Rows, Heads };

/// The parsed and checked options of sqz-prune.
struct PruneOptions {
  PruneMethod method = PruneMethod::Magnitude;
  PrunePattern pattern = PrunePattern::Unstructured;
  /// Fraction in [0, 1) of weights, rows or heads to remove.
  double sparsity = 0.5;
  int64_t n = 2, m = 4;
  bool globalScope = false;
  int64_t numHeads = 0;
};

/// Removes output channels (`pattern=rows`) or attention heads
/// (`pattern=heads`) of the linear layers in `module`, shrinking the shapes
/// of the layer and of its consumer. Layers it cannot shrink consistently
/// are left alone after `explain(op, why)`; errors are reported on the IR and
/// make it return failure.
LogicalResult
pruneStructured(ModuleOp module, const PruneOptions &options,
                function_ref<void(Operation *, StringRef)> explain);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_PRUNING_H
