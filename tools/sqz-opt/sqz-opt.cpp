//===- sqz-opt.cpp - The Squeeze optimizer driver -------------------------===//
//
// mlir-opt with Squeeze's dialect, passes and pipelines added: every upstream
// dialect and pass is available too, so model IR from any importer can be
// compressed and lowered in one invocation.
//
//===----------------------------------------------------------------------===//

#include "sqz/Registration/InitSqueeze.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::sqz::registerSqueezeAndUpstream(registry);
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "Squeeze optimizer driver: model compression passes\n",
      registry));
}
