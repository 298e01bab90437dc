//===- WriteFile.h - Writing a whole file, errors as values -----*- C++ -*-===//

#ifndef SQZ_SUPPORT_WRITEFILE_H
#define SQZ_SUPPORT_WRITEFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace mlir::sqz {

/// Writes `bytes` to `path` (replacing it), creating its missing parent
/// directories. A file that cannot be opened or written (a parent that is a
/// file, no permission, a full disk) is an error "cannot write 'PATH':
/// REASON", never an abort.
llvm::Error writeFile(llvm::StringRef path, llvm::StringRef bytes);

/// Makes sure `path` can be written before long work that ends in writing
/// it: creates its missing parent directories and checks that the file can
/// be opened for writing (an existing file is left as it is; a file this
/// check creates is removed again). Errors read "cannot write 'PATH':
/// REASON". `-` (stdout) always passes.
llvm::Error prepareOutputFile(llvm::StringRef path);

} // namespace mlir::sqz

#endif // SQZ_SUPPORT_WRITEFILE_H
