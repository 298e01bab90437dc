//===- compress-int4.cpp - A tool of another project that uses Squeeze ----===//
//
// Reads model IR, quantizes its linear layers' weights to int4 (one scale per
// 32 weights) with Squeeze's pass, built and configured in C++ rather than
// parsed from a pipeline string, prints the per-layer report to standard
// error and the compressed IR to standard output.
//
//   compress-int4 MODEL.mlir > MODEL.w4.mlir
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Registration/InitSqueeze.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    llvm::errs() << "usage: compress-int4 MODEL.mlir\n";
    return 2;
  }
  mlir::DialectRegistry registry;
  mlir::sqz::registerSqueezeAndUpstream(registry);
  mlir::MLIRContext context(registry);

  // Errors, warnings and remarks, at their place in the input.
  llvm::SourceMgr sources;
  mlir::SourceMgrDiagnosticHandler diagnostics(sources, &context);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(argv[1], sources, &context);
  if (!module)
    return 1; // the parser has reported the error

  mlir::sqz::SqzQuantizeWeightsOptions int4;
  int4.bits = 4;
  int4.granularity = mlir::sqz::GranularityKind::PerGroup;
  int4.groupSize = 32;
  mlir::PassManager pm(&context);
  pm.addPass(mlir::sqz::createSqzQuantizeWeights(int4));
  pm.addPass(mlir::sqz::createSqzReport());
  if (mlir::failed(pm.run(*module)))
    return 1;
  module->print(llvm::outs());
  llvm::outs() << "\n";
  return 0;
}
