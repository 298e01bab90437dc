//===- WriteFile.h - Writing a whole file, errors as values -----*- C++ -*-===//

#ifndef SQZ_SUPPORT_WRITEFILE_H
#define SQZ_SUPPORT_WRITEFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace mlir::sqz {

/// Writes `bytes` to `path` (replacing it). A file that cannot be opened or
/// written (a missing directory, a full disk) is an error "cannot write
/// 'PATH': REASON", never an abort.
llvm::Error writeFile(llvm::StringRef path, llvm::StringRef bytes);

} // namespace mlir::sqz

#endif // SQZ_SUPPORT_WRITEFILE_H
