//===- NpyIO.h - Reading and writing NumPy .npy files -----------*- C++ -*-===//
//
// The subset of the .npy format (versions 1.0, 2.0 and 3.0) that sqz-run and
// the passes exchange with numpy: little-endian, C-order arrays of bool,
// signed and unsigned integers of 1 to 8 bytes, float16, float32 and float64.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_SUPPORT_NPYIO_H
#define SQZ_SUPPORT_NPYIO_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir::sqz::npy {

/// Element types a .npy file can hold here.
enum class DTypeKind { Bool, Int, UInt, Float };

/// A numpy dtype: kind and size in bytes (little-endian where it matters).
struct DType {
  DTypeKind kind = DTypeKind::Float;
  unsigned size = 4;

  bool operator==(const DType &other) const {
    return kind == other.kind && size == other.size;
  }
  bool operator!=(const DType &other) const { return !(*this == other); }

  /// The header's `descr` string: "<f4", "|i1", "|b1", ...
  std::string descr() const;
  /// The numpy name: "float32", "int8", "bool", ...
  std::string name() const;
};

/// An array as numpy stores it: dtype, shape and row-major bytes.
struct Array {
  DType dtype;
  llvm::SmallVector<int64_t> shape;
  std::vector<uint8_t> data;

  /// Number of elements: the product of the shape (1 for a 0-d array).
  int64_t numElements() const;
};

/// Formats a shape the way numpy prints it: "()", "(4,)", "(4, 8)".
std::string shapeString(llvm::ArrayRef<int64_t> shape);

/// Parses a .npy image. Errors are one line, without the file name.
llvm::Expected<Array> parse(llvm::StringRef bytes);

/// Reads a .npy file. Errors are one line and name the file.
llvm::Expected<Array> read(llvm::StringRef path);

/// Serializes `array` as a version 1.0 .npy image (2.0 when the header does
/// not fit in 64 KiB).
std::string serialize(const Array &array);

/// Writes `array` to `path`. Errors are one line and name the file.
llvm::Error write(llvm::StringRef path, const Array &array);

} // namespace mlir::sqz::npy

#endif // SQZ_SUPPORT_NPYIO_H
