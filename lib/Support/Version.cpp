//===- Version.cpp - Squeeze's version and commit -------------------------===//

#include "sqz/Support/Version.h"

#include "sqz/Support/Version.inc"

const char *mlir::sqz::versionString() {
  return "Squeeze " SQZ_VERSION " (commit " SQZ_COMMIT ")";
}

const char *mlir::sqz::versionNumber() { return SQZ_VERSION; }
