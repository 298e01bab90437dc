//===- CommonStages.cpp - Stages the lowering pipelines share -------------===//

#include "CommonStages.h"

#include "sqz/Pipelines/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void sqz::addEntryPointsAndElementwiseFusion(OpPassManager &pm,
                                             bool readOnlyArgs,
                                             bool fuseElementwise) {
  SqzExportEntryPointsOptions exportOptions;
  exportOptions.readOnlyArgs = readOnlyArgs;
  pm.addPass(createSqzExportEntryPoints(exportOptions));

  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  // linalg.softmax and other aggregates are no structured ops: decompose.
  funcPm.addPass(createSqzDecomposeAggregateOps());
  // arith/math ops on whole tensors have no bufferization: make them
  // linalg.generic.
  funcPm.addPass(createConvertElementwiseToLinalgPass());
  if (fuseElementwise) {
    funcPm.addPass(createLinalgGeneralizeNamedOpsPass());
    funcPm.addPass(createSqzFuseElementwise());
  }
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void sqz::addBufferization(OpPassManager &pm) {
  pm.addPass(bufferization::createEmptyTensorEliminationPass());
  bufferization::OneShotBufferizePassOptions bufferizeOptions;
  bufferizeOptions.bufferizeFunctionBoundaries = true;
  bufferizeOptions.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferizeOptions));
  bufferization::BufferDeallocationPipelineOptions deallocOptions;
  bufferization::buildBufferDeallocationPipeline(pm, deallocOptions);
  pm.addPass(createConvertBufferizationToMemRefPass());
}
