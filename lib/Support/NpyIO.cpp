//===- NpyIO.cpp - .npy files with LLVM errors ----------------------------===//

#include "sqz/Support/NpyIO.h"
#include "sqz/Support/WriteFile.h"

using namespace mlir::sqz;

static llvm::Error makeError(const std::string &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Expected<npy::Array> npy::parse(llvm::StringRef bytes) {
  Array array;
  std::string error;
  if (!parseImage(std::string_view(bytes.data(), bytes.size()), array, error))
    return makeError(error);
  return array;
}

llvm::Expected<npy::Array> npy::read(llvm::StringRef path) {
  Array array;
  std::string error;
  if (!readFile(path.str(), array, error))
    return makeError(error);
  return array;
}

llvm::Error npy::write(llvm::StringRef path, const Array &array) {
  return mlir::sqz::writeFile(path, serialize(array));
}
