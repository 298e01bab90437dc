//===- CompiledCodeSignals.cpp - Faults raised by compiled code -----------===//

#include "CompiledCodeSignals.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

using namespace sqztools;

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

/// Makes sure faults are handled on an alternate stack (LLVM's signal
/// handling sets one up in the compiling tools; sqz-exec has none), so that
/// a stack overflow in the compiled code is reported too.
static void ensureAlternateStack() {
  stack_t current;
  if (sigaltstack(nullptr, &current) == 0 && !(current.ss_flags & SS_DISABLE))
    return;
  static constexpr size_t kSize = 1 << 16;
  stack_t stack;
  std::memset(&stack, 0, sizeof(stack));
  stack.ss_sp = std::malloc(kSize); // Kept for the life of the process.
  stack.ss_size = kSize;
  if (stack.ss_sp)
    sigaltstack(&stack, nullptr);
}

CompiledCodeSignalGuard::CompiledCodeSignalGuard(const char *tool,
                                                 std::string_view entryName) {
  static_assert(sizeof(kSignals) / sizeof(kSignals[0]) == kNumSignals);
  int nameLength = static_cast<int>(std::min<size_t>(entryName.size(), 256));
  for (int i = 0; i < kNumSignals; ++i) {
    int written =
        std::snprintf(messages.text[i], sizeof(messages.text[i]),
                      "%s: error: @%.*s raised %s in the compiled code\n", tool,
                      nameLength, entryName.data(), describe(kSignals[i]));
    messages.length[i] =
        std::min<size_t>(written, sizeof(messages.text[i]) - 1);
  }
  struct sigaction action;
  std::memset(&action, 0, sizeof(action));
  action.sa_handler = reportAndExit;
  sigemptyset(&action.sa_mask);
  ensureAlternateStack();
  action.sa_flags = SA_ONSTACK;
  for (int i = 0; i < kNumSignals; ++i)
    sigaction(kSignals[i], &action, &previous[i]);
}

CompiledCodeSignalGuard::~CompiledCodeSignalGuard() {
  for (int i = 0; i < kNumSignals; ++i)
    sigaction(kSignals[i], &previous[i], nullptr);
}
