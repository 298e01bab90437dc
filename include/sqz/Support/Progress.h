//===- Progress.h - Progress of long work on standard error -----*- C++ -*-===//
//
// Calibration over many samples, GPTQ over many layers and the lowering of a
// large model take seconds to minutes. A Progress reports such work as it
// goes, on standard error:
//
//   on a terminal   a bar, redrawn in place:
//                   sqz-run: calibrating [######      ] 12/40 samples, 3 s left
//   otherwise       a line per step, at most one a second, and a last line
//                   when the work took a second or more; quick work prints
//                   nothing
//
// The library prints nothing until a tool turns reports on
// (Progress::enable, which sqz-opt, sqz-run and sqz-compile call unless
// given --quiet). The environment variable SQZ_PROGRESS overrides the mode:
// `off` (as --quiet), `lines` (a line for every step, however quick: for
// logs and tests) or `auto` (the default).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_SUPPORT_PROGRESS_H
#define SQZ_SUPPORT_PROGRESS_H

#include "llvm/ADT/StringRef.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace mlir::sqz {

class Progress {
public:
  /// Turns reports on for the tool `toolName` (the prefix of each report),
  /// unless SQZ_PROGRESS=off.
  static void enable(llvm::StringRef toolName);
  /// Whether reports are printed.
  static bool isEnabled();

  /// Starts reporting `task` ("calibrating"), `total` steps of `unit`
  /// ("samples").
  Progress(llvm::StringRef task, int64_t total, llvm::StringRef unit);
  /// Ends the report (the last line, when anything was shown).
  ~Progress();
  Progress(const Progress &) = delete;
  Progress &operator=(const Progress &) = delete;

  /// One step done; `detail` names it (the sample, the layer, the pass).
  void step(llvm::StringRef detail = "");
  /// The work stopped (an error was reported): no last line, and a bar on
  /// the terminal is erased.
  void abandon();

  /// Erases a bar drawn on the terminal, so that what is printed next
  /// starts on a clean line; the bar comes back at the next step.
  static void clearLine();

private:
  using Clock = std::chrono::steady_clock;
  void showBar(bool last);
  void showLine(bool last);
  double secondsLeft() const;

  std::string task, unit, detail;
  int64_t total;
  int64_t done = 0;
  Clock::time_point start = Clock::now();
  Clock::time_point lastShown = start;
  bool shown = false;
  bool abandoned = false;
};

} // namespace mlir::sqz

#endif // SQZ_SUPPORT_PROGRESS_H
