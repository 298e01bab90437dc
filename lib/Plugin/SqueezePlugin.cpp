//===- SqueezePlugin.cpp - Squeeze as a plugin of mlir-opt ----------------===//
//
// A shared library that an mlir-opt built against the same libMLIR loads:
//
//   mlir-opt --load-dialect-plugin=SqueezePlugin.so \
//            --load-pass-plugin=SqueezePlugin.so \
//            --pass-pipeline="builtin.module(sqz-quantize-weights{bits=8})" \
//            model.mlir
//
// mlir-opt makes its --PASS flags before it loads plugins, so a plugin's
// passes are named in --pass-pipeline. The dialect entry point adds the sqz
// dialect; the pass entry point registers every Squeeze pass and pipeline.
// Both are needed for IR that holds sqz ops; the passes alone suffice for IR
// that does not yet.
//
//===----------------------------------------------------------------------===//

#include "sqz/Registration/InitSqueeze.h"
#include "sqz/Support/Version.h"

#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"

using namespace mlir;

extern "C" LLVM_ATTRIBUTE_WEAK DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "Squeeze", sqz::versionNumber(),
          [](DialectRegistry *registry) {
            sqz::registerSqueezeDialects(*registry);
          }};
}

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "Squeeze", sqz::versionNumber(), []() {
            sqz::registerSqueezePasses();
            sqz::registerSqueezePipelines();
          }};
}
