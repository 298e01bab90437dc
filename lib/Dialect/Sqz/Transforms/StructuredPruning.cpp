//===- StructuredPruning.cpp - Rows and heads of sqz-prune ----------------===//

#include "sqz/Dialect/Sqz/Transforms/Pruning.h"

using namespace mlir;

LogicalResult
sqz::pruneStructured(ModuleOp module, const PruneOptions &options,
                     function_ref<void(Operation *, StringRef)> explain) {
  return module.emitError("sqz-prune: structured pruning is not built yet");
}
