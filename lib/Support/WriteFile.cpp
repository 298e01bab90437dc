//===- WriteFile.cpp - Writing a whole file, errors as values -------------===//

#include "sqz/Support/WriteFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

static llvm::Error cannotWrite(llvm::StringRef path, std::error_code error) {
  return llvm::createStringError(error, "cannot write '" + path +
                                            "': " + error.message());
}

/// Creates the missing parent directories of `path`.
static std::error_code createParentDirectories(llvm::StringRef path) {
  llvm::StringRef parent = llvm::sys::path::parent_path(path);
  if (parent.empty())
    return {};
  return llvm::sys::fs::create_directories(parent);
}

llvm::Error mlir::sqz::prepareOutputFile(llvm::StringRef path) {
  if (path == "-")
    return llvm::Error::success();
  if (std::error_code error = createParentDirectories(path))
    return cannotWrite(path, error);
  if (llvm::sys::fs::is_directory(path))
    return cannotWrite(path, std::make_error_code(std::errc::is_a_directory));
  bool existed = llvm::sys::fs::exists(path);
  int fd = -1;
  if (std::error_code error = llvm::sys::fs::openFileForWrite(
          path, fd, llvm::sys::fs::CD_OpenAlways, llvm::sys::fs::OF_Append))
    return cannotWrite(path, error);
  llvm::sys::Process::SafelyCloseFileDescriptor(fd);
  if (!existed)
    llvm::sys::fs::remove(path);
  return llvm::Error::success();
}

llvm::Error mlir::sqz::writeFile(llvm::StringRef path, llvm::StringRef bytes) {
  auto fail = [&](std::error_code error) { return cannotWrite(path, error); };
  if (std::error_code error = createParentDirectories(path))
    return fail(error);
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
