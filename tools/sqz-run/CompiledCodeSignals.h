//===- CompiledCodeSignals.h - Faults raised by JIT-compiled code -*- C++
//-*-===//
//
// The compiled model runs in sqz-run's own process: an integer division by
// zero or a wild load in it raises a signal there. While a guard is alive,
// such a signal ends the process with one line that names the entry point
// instead of a crash banner and a stack dump of the tool.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_TOOLS_SQZ_RUN_COMPILEDCODESIGNALS_H
#define SQZ_TOOLS_SQZ_RUN_COMPILEDCODESIGNALS_H

#include "llvm/ADT/StringRef.h"

#include <csignal>

namespace mlir::sqz {

/// Reports SIGFPE, SIGSEGV, SIGBUS and SIGILL raised while it is alive as
/// "sqz-run: error: @ENTRY raised SIGxxx (...)" and exits with status 1;
/// restores the previous handlers when destroyed. One guard at a time.
class CompiledCodeSignalGuard {
public:
  explicit CompiledCodeSignalGuard(llvm::StringRef entryName);
  ~CompiledCodeSignalGuard();
  CompiledCodeSignalGuard(const CompiledCodeSignalGuard &) = delete;
  CompiledCodeSignalGuard &operator=(const CompiledCodeSignalGuard &) = delete;

private:
  static constexpr int kNumSignals = 4;
  struct sigaction previous[kNumSignals];
};

} // namespace mlir::sqz

#endif // SQZ_TOOLS_SQZ_RUN_COMPILEDCODESIGNALS_H
