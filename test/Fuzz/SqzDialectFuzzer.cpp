//===- SqzDialectFuzzer.cpp - libFuzzer target of the sqz dialect ---------===//
//
// Parses arbitrary text as an MLIR module with the sqz dialect and every
// upstream dialect registered, verifies it, then runs canonicalize and
// convert-sqz-to-linalg on it: the attribute and type parsers, the op
// verifiers, the folders and canonicalization patterns and the reference
// lowering all see the input. A diagnostic (a parse error, an invalid op, a
// pass that declines the input) is an expected outcome and is swallowed; a
// crash, a failed assertion or a sanitizer report is a finding.
//
//===----------------------------------------------------------------------===//

#include "sqz/Conversion/Passes.h"
#include "sqz/Registration/InitSqueeze.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

#include "llvm/Support/SourceMgr.h"

#include <cstddef>
#include <cstdint>

using namespace mlir;

/// Every dialect sqz-opt knows, built once.
static DialectRegistry *registry;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
  registry = new DialectRegistry();
  sqz::registerSqueezeAndUpstream(*registry);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // A fresh context per input, so that no input depends on what an earlier
  // one interned or loaded.
  MLIRContext context(*registry, MLIRContext::Threading::DISABLED);
  ScopedDiagnosticHandler swallow(&context,
                                  [](Diagnostic &) { return success(); });

  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(
          llvm::StringRef(reinterpret_cast<const char *>(data), size),
          "fuzz-input.mlir"),
      llvm::SMLoc());
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module || failed(verify(*module)))
    return 0;

  PassManager pm(&context);
  pm.addPass(createCanonicalizerPass());
  pm.addPass(sqz::createConvertSqzToLinalg());
  (void)pm.run(*module);
  return 0;
}
