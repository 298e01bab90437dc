//===- PassProgress.h - A pipeline's passes as steps of a Progress -*- C++
//-*-===//
//
// The lowering of a large model runs for tens of seconds; this reports it
// pass by pass (sqz/Support/Progress.h says how and when).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_TOOLS_PASSPROGRESS_H
#define SQZ_TOOLS_PASSPROGRESS_H

#include "sqz/Support/Progress.h"

#include "mlir/IR/Operation.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/Support/CommandLine.h"

#include <memory>

namespace sqztools {

/// Counts the passes that run on the top-level operation: the pipeline's
/// own passes, each nested pipeline (func.func(...)) as one.
class PassProgress : public mlir::PassInstrumentation {
public:
  PassProgress(llvm::StringRef task, int64_t passes)
      : progress(task, passes, "passes") {}

  /// What a pass prints (a report, a diagnostic) starts on a clean line.
  void runBeforePass(mlir::Pass *pass, mlir::Operation *op) override {
    if (!op->getParentOp())
      mlir::sqz::Progress::clearLine();
  }

  void runAfterPassFailed(mlir::Pass *pass, mlir::Operation *op) override {
    progress.abandon();
  }

  void runAfterPass(mlir::Pass *pass, mlir::Operation *op) override {
    if (!op->getParentOp())
      progress.step(pass->getArgument().empty() ? pass->getName()
                                                : pass->getArgument());
  }

private:
  mlir::sqz::Progress progress;
};

/// Reports the passes of `pm` (built already) as `task`, when progress
/// reports are on.
inline void addPassProgress(mlir::PassManager &pm, llvm::StringRef task) {
  if (mlir::sqz::Progress::isEnabled())
    pm.addInstrumentation(std::make_unique<PassProgress>(task, pm.size()));
}

/// `--quiet`: no progress reports on standard error, in `category`. Call
/// before parsing the command line.
inline llvm::cl::opt<bool> &quietOption(
    llvm::cl::OptionCategory &category = llvm::cl::getGeneralCategory()) {
  static llvm::cl::opt<bool> quiet(
      "quiet", llvm::cl::cat(category),
      llvm::cl::desc("Print no progress of long work (calibration, GPTQ, "
                     "lowering) on standard error; SQZ_PROGRESS=off does the "
                     "same (default: false)"),
      llvm::cl::init(false));
  return quiet;
}

/// Turns progress reports on for `tool` unless --quiet was given. Call
/// after parsing the command line.
inline void startProgressReports(llvm::StringRef tool) {
  if (!quietOption())
    mlir::sqz::Progress::enable(tool);
}

} // namespace sqztools

#endif // SQZ_TOOLS_PASSPROGRESS_H
