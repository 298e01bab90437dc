//===- sqz-reduce.cpp - Shrink a failing test case with sqz ops -----------===//
//
// Upstream's test-case reducer with every dialect and pass Squeeze
// registers: given IR and an interestingness test (a script that exits 1
// while the IR still shows the problem), it removes and simplifies ops
// until nothing more can go, e.g.
//
//   sqz-reduce model.mlir --test crashes.sh \
//     '--reduction-tree=traversal-mode=0 test=crashes.sh' -o small.mlir
//
//===----------------------------------------------------------------------===//

#include "Version.h"
#include "sqz/Registration/InitSqueeze.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Tools/mlir-reduce/MlirReduceMain.h"

int main(int argc, char **argv) {
  sqztools::setVersionPrinter();
  mlir::DialectRegistry registry;
  mlir::sqz::registerSqueezeAndUpstream(registry);
  mlir::MLIRContext context(registry);
  return mlir::failed(mlir::mlirReduceMain(argc, argv, context));
}
