//===- NpyIO.h - .npy files with LLVM errors --------------------*- C++ -*-===//
//
// The compiler's interface to `Npy.h`: the same arrays, with errors as
// llvm::Expected / llvm::Error, and writes that create parent directories.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_SUPPORT_NPYIO_H
#define SQZ_SUPPORT_NPYIO_H

#include "sqz/Support/Npy.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace mlir::sqz::npy {

/// Formats a shape the way numpy prints it: "()", "(4,)", "(4, 8)".
inline std::string shapeString(llvm::ArrayRef<int64_t> shape) {
  return shapeString(std::vector<int64_t>(shape.begin(), shape.end()));
}

/// Parses a .npy image. Errors are one line, without the file name.
llvm::Expected<Array> parse(llvm::StringRef bytes);

/// Reads a .npy file. Errors are one line and name the file.
llvm::Expected<Array> read(llvm::StringRef path);

/// Writes `array` to `path`, creating missing parent directories. Errors are
/// one line and name the file.
llvm::Error write(llvm::StringRef path, const Array &array);

} // namespace mlir::sqz::npy

#endif // SQZ_SUPPORT_NPYIO_H
