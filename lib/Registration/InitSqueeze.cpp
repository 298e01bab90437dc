//===- InitSqueeze.cpp - Registration of everything Squeeze has -----------===//

#include "sqz/Registration/InitSqueeze.h"
#include "sqz/Codegen/CPU/Passes.h"
#include "sqz/Conversion/Passes.h"
#include "sqz/Dialect/Sqz/IR/SqzDialect.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Pipelines/Pipelines.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

using namespace mlir;

void sqz::registerSqueezeDialects(DialectRegistry &registry) {
  registry.insert<sqz::SqzDialect>();
}

void sqz::registerSqueezePasses() {
  registerSqzPasses();
  registerSqzConversionPasses();
  registerSqzCodegenCPUPasses();
}

void sqz::registerSqueezePipelines() {
  registerLowerToCPUPipeline();
  registerLowerToNVVMPipeline();
}

void sqz::registerSqueezeAndUpstream(DialectRegistry &registry) {
  registerAllDialects(registry);
  registerAllExtensions(registry);
  // gpu-module-to-binary translates kernels to LLVM IR inside the pipeline.
  registerAllToLLVMIRTranslations(registry);
  registerAllPasses();
  registerSqueezeDialects(registry);
  registerSqueezePasses();
  registerSqueezePipelines();
}
