//===- Version.h - --version of the LLVM-based tools ------------*- C++ -*-===//

#ifndef SQZ_TOOLS_VERSION_H
#define SQZ_TOOLS_VERSION_H

#include "sqz/Support/Version.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace sqztools {

/// Makes `--version` print Squeeze's version and commit, then the LLVM it
/// was built with. Call before parsing the command line.
inline void setVersionPrinter() {
  llvm::cl::SetVersionPrinter([](llvm::raw_ostream &os) {
    os << mlir::sqz::versionString() << "\n  built with LLVM "
       << LLVM_VERSION_STRING << "\n";
  });
}

} // namespace sqztools

#endif // SQZ_TOOLS_VERSION_H
