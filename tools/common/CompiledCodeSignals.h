//===- CompiledCodeSignals.h - Faults raised by compiled code ---*- C++ -*-===//
//
// The compiled model runs in the runner's own process (sqz-run, sqz-exec): an
// integer division by zero or a wild load in it raises a signal there. While a
// guard is alive, such a signal ends the process with one line that names the
// entry point instead of a crash banner and a stack dump of the tool.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_TOOLS_COMPILEDCODESIGNALS_H
#define SQZ_TOOLS_COMPILEDCODESIGNALS_H

#include <csignal>
#include <string_view>

namespace sqztools {

/// Reports SIGFPE, SIGSEGV, SIGBUS and SIGILL raised while it is alive as
/// "sqz-run: error: @ENTRY raised SIGxxx (...)" and exits with status 1;
/// restores the previous handlers when destroyed. One guard at a time.
class CompiledCodeSignalGuard {
public:
  /// Reports a fault as "TOOL: error: @ENTRY raised SIGSEGV (...) in the
  /// compiled code" and exits with status 1.
  CompiledCodeSignalGuard(const char *tool, std::string_view entryName);
  ~CompiledCodeSignalGuard();
  CompiledCodeSignalGuard(const CompiledCodeSignalGuard &) = delete;
  CompiledCodeSignalGuard &operator=(const CompiledCodeSignalGuard &) = delete;

private:
  static constexpr int kNumSignals = 4;
  struct sigaction previous[kNumSignals];
};

} // namespace sqztools

#endif // SQZ_TOOLS_COMPILEDCODESIGNALS_H
