//===- CompiledCodeSignals.cpp - Faults raised by JIT-compiled code -------===//

#include "CompiledCodeSignals.h"

#include <cstdio>
#include <cstring>
#include <unistd.h>

using namespace mlir::sqz;

namespace {
constexpr int kSignals[] = {SIGFPE, SIGSEGV, SIGBUS, SIGILL};

/// The messages, formatted before any signal can come: the handler may only
/// call async-signal-safe functions (write, _exit).
struct Messages {
  char text[4][512];
  size_t length[4];
};
Messages messages;

const char *describe(int signal) {
  switch (signal) {
  case SIGFPE:
    return "SIGFPE (arithmetic fault, e.g. an integer division by zero or an "
           "overflowing signed division)";
  case SIGSEGV:
    return "SIGSEGV (invalid memory access, e.g. an out-of-bounds index or a "
           "stack overflow)";
  case SIGBUS:
    return "SIGBUS (misaligned or unmapped memory access)";
  default:
    return "SIGILL (illegal instruction, e.g. code for a CPU feature this "
           "machine lacks)";
  }
}

void reportAndExit(int signal) {
  for (int i = 0; i < 4; ++i) {
    if (kSignals[i] != signal)
      continue;
    ssize_t ignored =
        write(STDERR_FILENO, messages.text[i], messages.length[i]);
    (void)ignored;
  }
  _exit(1);
}
} // namespace

CompiledCodeSignalGuard::CompiledCodeSignalGuard(llvm::StringRef entryName) {
  static_assert(sizeof(kSignals) / sizeof(kSignals[0]) == kNumSignals);
  int nameLength = static_cast<int>(std::min<size_t>(entryName.size(), 256));
  for (int i = 0; i < kNumSignals; ++i) {
    int written =
        std::snprintf(messages.text[i], sizeof(messages.text[i]),
                      "sqz-run: error: @%.*s raised %s in the compiled code\n",
                      nameLength, entryName.data(), describe(kSignals[i]));
    messages.length[i] =
        std::min<size_t>(written, sizeof(messages.text[i]) - 1);
  }
  struct sigaction action;
  std::memset(&action, 0, sizeof(action));
  action.sa_handler = reportAndExit;
  sigemptyset(&action.sa_mask);
  // On the alternate stack that LLVM's signal handling set up, so that a
  // stack overflow in the compiled code is reported too.
  action.sa_flags = SA_ONSTACK;
  for (int i = 0; i < kNumSignals; ++i)
    sigaction(kSignals[i], &action, &previous[i]);
}

CompiledCodeSignalGuard::~CompiledCodeSignalGuard() {
  for (int i = 0; i < kNumSignals; ++i)
    sigaction(kSignals[i], &previous[i], nullptr);
}
