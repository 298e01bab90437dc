//===- Version.h - Squeeze's version and commit -----------------*- C++ -*-===//

#ifndef SQZ_SUPPORT_VERSION_H
#define SQZ_SUPPORT_VERSION_H

namespace mlir::sqz {

/// "Squeeze 0.1.0 (commit 0123456789ab)": the project version and the
/// commit the tools were built from ("+changes" when the tree had
/// uncommitted changes, "unknown" outside a git checkout).
const char *versionString();

/// The version alone, e.g. "0.1.0".
const char *versionNumber();

} // namespace mlir::sqz

#endif // SQZ_SUPPORT_VERSION_H
