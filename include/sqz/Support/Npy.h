//===- Npy.h - NumPy .npy arrays in plain C++ -------------------*- C++ -*-===//
//
// The subset of the .npy format (versions 1.0, 2.0 and 3.0) that Squeeze
// exchanges with numpy: little-endian, C-order arrays of bool, signed and
// unsigned integers of 1 to 8 bytes, float16, float32 and float64.
//
// Plain C++17 with no LLVM dependency, so that tools which run compiled
// models without LLVM (sqz-exec) read and write the same files as the
// compiler; `NpyIO.h` adds the llvm::Expected / llvm::Error interface the
// compiler uses.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_SUPPORT_NPY_H
#define SQZ_SUPPORT_NPY_H

#include <cstdint>
#include <string>
#include <string_view>
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
  std::vector<int64_t> shape;
  std::vector<uint8_t> data;

  /// Number of elements: the product of the shape (1 for a 0-d array).
  int64_t numElements() const;
};

/// Formats a shape the way numpy prints it: "()", "(4,)", "(4, 8)".
std::string shapeString(const std::vector<int64_t> &shape);

/// Parses a .npy image into `array`. On failure returns false and sets
/// `error` to one line without the file name.
bool parseImage(std::string_view bytes, Array &array, std::string &error);

/// Reads a .npy file. On failure returns false and sets `error` to one line
/// that names the file.
bool readFile(const std::string &path, Array &array, std::string &error);

/// Serializes `array` as a version 1.0 .npy image (2.0 when the header does
/// not fit in 64 KiB).
std::string serialize(const Array &array);

/// Writes `array` to `path`, whose directory must exist. On failure returns
/// false and sets `error` to "cannot write 'PATH': REASON".
bool writeFile(const std::string &path, const Array &array, std::string &error);

} // namespace mlir::sqz::npy

#endif // SQZ_SUPPORT_NPY_H
