//===- sqz-lsp-server.cpp - A language server for IR with sqz ops ---------===//
//
// Upstream's MLIR language server (diagnostics, hover, go-to-definition,
// references, document symbols, completion) with every dialect Squeeze
// registers, so that editors understand `sqz.*` ops, `!sqz.tensor` and the
// `#sqz.quant` / `#sqz.sparsity` attributes. Point the editor's MLIR
// extension at this executable instead of `mlir-lsp-server`.
//
//===----------------------------------------------------------------------===//

#include "Version.h"
#include "sqz/Registration/InitSqueeze.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-lsp-server/MlirLspServerMain.h"

int main(int argc, char **argv) {
  sqztools::setVersionPrinter();
  mlir::DialectRegistry registry;
  mlir::sqz::registerSqueezeAndUpstream(registry);
  return mlir::failed(mlir::MlirLspServerMain(argc, argv, registry));
}
