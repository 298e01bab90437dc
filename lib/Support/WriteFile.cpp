//===- WriteFile.cpp - Writing a whole file, errors as values -------------===//

#include "sqz/Support/WriteFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

llvm::Error mlir::sqz::writeFile(llvm::StringRef path, llvm::StringRef bytes) {
  auto fail = [&](std::error_code error) {
    return llvm::createStringError(error, "cannot write '" + path +
                                              "': " + error.message());
  };
  std::error_code error;
  llvm::raw_fd_ostream os(path, error, llvm::sys::fs::OF_None);
  if (error)
    return fail(error);
  os << bytes;
  os.close();
  if (!os.has_error())
    return llvm::Error::success();
  // Cleared, or closing the stream would abort the process.
  error = os.error();
  os.clear_error();
  return fail(error);
}
