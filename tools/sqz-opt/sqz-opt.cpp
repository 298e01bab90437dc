//===- sqz-opt.cpp - The Squeeze optimizer driver -------------------------===//
//
// mlir-opt with Squeeze's dialect, passes and pipelines added: every upstream
// dialect and pass is available too, so model IR from any importer can be
// compressed and lowered in one invocation. Unlike mlir-opt, a failed write
// of the output (a full disk, a closed pipe) is an error message and exit
// status 1, not an abort.
//
//===----------------------------------------------------------------------===//

#include "PassProgress.h"
#include "Version.h"
#include "sqz/Registration/InitSqueeze.h"
#include "sqz/Support/WriteFile.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Location.h"
#include "mlir/Pass/PassManager.h"
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

/// The severity as a diagnostic line names it.
static StringRef severityName(DiagnosticSeverity severity) {
  switch (severity) {
  case DiagnosticSeverity::Error:
    return "error";
  case DiagnosticSeverity::Warning:
    return "warning";
  case DiagnosticSeverity::Remark:
    return "remark";
  case DiagnosticSeverity::Note:
    return "note";
  }
  llvm_unreachable("unknown diagnostic severity");
}

/// Diagnostics that belong to no place in the input (a bad pass option
/// given on the command line, a value a pass rejects before it runs) come
/// as `sqz-opt: error: MESSAGE`, not at `<unknown>:0:`, where MlirOptMain
/// would print them. An option parser has printed its own message already,
/// so an empty one is dropped. With --verify-diagnostics they are left to
/// the verifier.
static void reportUnplacedDiagnosticsPlainly(PassManager &pm) {
  pm.getContext()->getDiagEngine().registerHandler([](Diagnostic &diag) {
    if (!isa<UnknownLoc>(diag.getLocation()))
      return failure(); // the input's handler prints it
    std::string text = diag.str();
    StringRef message = StringRef(text).trim();
    message.consume_front("<Pass-Options-Parser>: ");
    if (message.empty())
      return success();
    llvm::errs() << "sqz-opt: " << severityName(diag.getSeverity()) << ": "
                 << message << "\n";
    for (Diagnostic &note : diag.getNotes())
      llvm::errs() << "sqz-opt: note: " << note.str() << "\n";
    return success();
  });
}

/// Around MlirOptMain's pass pipeline set-up: plain unplaced diagnostics
/// (unless --verify-diagnostics checks them) and progress of the passes.
static void wrapPipelineSetup(MlirOptMainConfig &config) {
  MlirOptMainConfig upstream = config;
  bool plainDiagnostics = !config.shouldVerifyDiagnostics();
  config.setPassPipelineSetupFn([upstream, plainDiagnostics](PassManager &pm) {
    if (plainDiagnostics)
      reportUnplacedDiagnosticsPlainly(pm);
    if (failed(upstream.setupPassPipeline(pm)))
      return failure();
    sqztools::addPassProgress(pm, "running passes");
    return success();
  });
}

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  sqztools::setVersionPrinter();
  DialectRegistry registry;
  sqz::registerSqueezeAndUpstream(registry);
  sqztools::quietOption();
  auto [inputPath, outputPath] = registerAndParseCLIOptions(
      argc, argv, "Squeeze optimizer driver: model compression passes\n",
      registry);
  MlirOptMainConfig config = MlirOptMainConfig::createFromCLOptions();
  sqztools::startProgressReports("sqz-opt");
  wrapPipelineSetup(config);

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
