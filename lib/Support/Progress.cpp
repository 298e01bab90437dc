//===- Progress.cpp - Progress of long work on standard error -------------===//

#include "sqz/Support/Progress.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>

using namespace mlir::sqz;

namespace {
enum class Mode { Off, Auto, Lines };

struct Settings {
  Mode mode = Mode::Off;
  bool terminal = false;
  std::string tool;
  /// A bar is on the terminal's last line (no newline after it yet).
  bool barOnScreen = false;
};

Settings &settings() {
  static Settings instance;
  return instance;
}
} // namespace

/// Seconds of work before anything is shown (a quick task stays silent),
/// and between two lines or two redraws of the bar.
static constexpr double kLineInterval = 1.0;
static constexpr double kBarInterval = 0.1;
static constexpr size_t kBarWidth = 24;

static double secondsSince(std::chrono::steady_clock::time_point then) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - then)
      .count();
}

void Progress::enable(llvm::StringRef toolName) {
  Settings &s = settings();
  s.tool = toolName.str();
  s.mode = Mode::Auto;
  if (const char *env = std::getenv("SQZ_PROGRESS")) {
    std::string value = llvm::StringRef(env).trim().lower();
    if (value == "off" || value == "0" || value == "false" || value == "no")
      s.mode = Mode::Off;
    else if (value == "lines")
      s.mode = Mode::Lines;
    else if (!value.empty() && value != "auto")
      llvm::errs() << s.tool << ": warning: SQZ_PROGRESS='" << env
                   << "' is not off, lines or auto; using auto\n";
  }
  s.terminal =
      s.mode == Mode::Auto && llvm::sys::Process::StandardErrIsDisplayed();
}

bool Progress::isEnabled() { return settings().mode != Mode::Off; }

Progress::Progress(llvm::StringRef task, int64_t total, llvm::StringRef unit)
    : task(task.str()), unit(unit.str()), total(total) {}

Progress::~Progress() {
  if (!isEnabled() || abandoned || done == 0)
    return;
  bool longEnough = secondsSince(start) >= kLineInterval;
  if (settings().terminal) {
    if (shown || longEnough)
      showBar(/*last=*/true);
    return;
  }
  if (shown || longEnough || settings().mode == Mode::Lines)
    showLine(/*last=*/true);
}

void Progress::abandon() {
  abandoned = true;
  clearLine();
}

void Progress::clearLine() {
  Settings &s = settings();
  if (!s.barOnScreen)
    return;
  llvm::errs() << "\r\x1b[K";
  llvm::errs().flush();
  s.barOnScreen = false;
}

void Progress::step(llvm::StringRef name) {
  ++done;
  detail = name.str();
  if (!isEnabled() || done >= total)
    return; // the last line is the destructor's
  double sinceShown = secondsSince(lastShown);
  if (settings().terminal) {
    // Redrawn at every step once shown (clearLine may have erased it),
    // else once the work has taken a second.
    if (shown ? (sinceShown >= kBarInterval || !settings().barOnScreen)
              : sinceShown >= kLineInterval)
      showBar(/*last=*/false);
    return;
  }
  if (settings().mode == Mode::Lines || sinceShown >= kLineInterval)
    showLine(/*last=*/false);
}

double Progress::secondsLeft() const {
  if (done == 0)
    return 0;
  return secondsSince(start) / done * (total - done);
}

void Progress::showLine(bool last) {
  llvm::raw_ostream &os = llvm::errs();
  os << settings().tool << ": " << task << ": ";
  // The last line counts what was done: a pass manager may merge passes,
  // so that fewer steps come than it had.
  if (last) {
    os << done << " " << unit
       << llvm::format(" in %.1f s", secondsSince(start));
  } else {
    os << done << "/" << total << " " << unit;
    if (!detail.empty())
      os << " (" << detail << ")";
    os << llvm::format(", %.0f s left", secondsLeft());
  }
  os << "\n";
  os.flush();
  lastShown = Clock::now();
  shown = true;
}

void Progress::showBar(bool last) {
  llvm::raw_ostream &os = llvm::errs();
  size_t filled =
      last || total <= 0
          ? kBarWidth
          : static_cast<size_t>(std::min(done, total) * kBarWidth / total);
  std::string text = settings().tool + ": " + task + " [" +
                     std::string(filled, '#') +
                     std::string(kBarWidth - filled, ' ') + "] ";
  llvm::raw_string_ostream tail(text);
  if (last)
    tail << done << " " << unit
         << llvm::format(" in %.1f s", secondsSince(start));
  else
    tail << done << "/" << total << " " << unit
         << llvm::format(", %.0f s left", secondsLeft())
         << (detail.empty() ? "" : " (" + detail + ")");
  // One terminal line: a longer one would wrap and leave a trail at each
  // redraw. \x1b[K clears what a longer earlier line left behind.
  unsigned columns = llvm::sys::Process::StandardErrColumns();
  if (columns > 1 && text.size() >= columns)
    text.resize(columns - 1);
  os << "\r" << text << "\x1b[K";
  if (last)
    os << "\n";
  os.flush();
  settings().barOnScreen = !last;
  lastShown = Clock::now();
  shown = true;
}
