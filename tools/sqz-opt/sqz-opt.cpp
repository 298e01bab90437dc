//===- sqz-opt.cpp - The Squeeze optimizer driver -------------------------===//
//
// mlir-opt with Squeeze's dialect, passes and pipelines added: every upstream
// dialect and pass is available too, so model IR from any importer can be
// compressed and lowered in one invocation. Unlike mlir-opt, a failed write
// of the output (a full disk, a closed pipe) is an error message and exit
// status 1, not an abort.
//
//===----------------------------------------------------------------------===//

#include "Version.h"
#include "sqz/Registration/InitSqueeze.h"
#include "sqz/Support/WriteFile.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

/// Reports a write error left on `os` (and clears it, so that closing the
/// stream does not abort). Returns whether there was one.
static bool reportWriteError(llvm::raw_fd_ostream &os, llvm::StringRef path) {
  os.flush();
  if (!os.has_error())
    return false;
  std::error_code error = os.error();
  os.clear_error();
  llvm::errs() << "sqz-opt: error: cannot write the output to '" << path
               << "': " << error.message() << "\n";
  return true;
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  sqztools::setVersionPrinter();
  DialectRegistry registry;
  sqz::registerSqueezeAndUpstream(registry);
  auto [inputPath, outputPath] = registerAndParseCLIOptions(
      argc, argv, "Squeeze optimizer driver: model compression passes\n",
      registry);
  MlirOptMainConfig config = MlirOptMainConfig::createFromCLOptions();

  std::string message;
  std::unique_ptr<llvm::MemoryBuffer> input =
      openInputFile(inputPath, &message);
  if (!input) {
    llvm::errs() << message << "\n";
    return 1;
  }
  // The output's directories are made before the passes run, and a path
  // that cannot be written fails now, not after them.
  if (llvm::Error error = sqz::prepareOutputFile(outputPath)) {
    llvm::errs() << "sqz-opt: error: " << llvm::toString(std::move(error))
                 << "\n";
    return 1;
  }
  std::unique_ptr<llvm::ToolOutputFile> output =
      openOutputFile(outputPath, &message);
  if (!output) {
    llvm::errs() << message << "\n";
    return 1;
  }
  bool ok =
      succeeded(MlirOptMain(output->os(), std::move(input), registry, config));
  if (reportWriteError(output->os(), outputPath) || !ok)
    return 1;
  output->keep();
  return 0;
}
