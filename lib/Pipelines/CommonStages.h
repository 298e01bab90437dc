//===- CommonStages.h - Stages the lowering pipelines share -----*- C++ -*-===//
//
// The tensor-level stages that sqz-lower-to-cpu and sqz-lower-to-nvvm run
// alike, so that both compile the same model into the same buffers.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_PIPELINES_COMMONSTAGES_H
#define SQZ_LIB_PIPELINES_COMMONSTAGES_H

#include "mlir/Pass/PassManager.h"

namespace mlir::sqz {

/// Entry points exported (C interface, `sqz.signature`, read-only tensor
/// arguments when `readOnlyArgs`), aggregates decomposed, elementwise ops
/// as linalg and, when `fuseElementwise`, fused (never into contractions).
void addEntryPointsAndElementwiseFusion(OpPassManager &pm, bool readOnlyArgs,
                                        bool fuseElementwise);

/// One-shot bufferization with identity layouts at function boundaries (the
/// C interface takes plain row-major descriptors), ownership-based buffer
/// deallocation, and the bufferization dialect's leftovers as memref ops.
void addBufferization(OpPassManager &pm);

} // namespace mlir::sqz

#endif // SQZ_LIB_PIPELINES_COMMONSTAGES_H
