//===- EntryCall.h - Calling a compiled entry point with arrays -*- C++ -*-===//
//
// What runners of compiled models share, in plain C++ (no LLVM): the C view
// of an entry point's arguments and results (`_mlir_ciface_NAME`: memref
// descriptors behind pointers, scalars by value, results through a pointer
// first argument unless there is exactly one scalar), the packed call that
// passes them as one `void **`, seeded random inputs, and the one-line
// summaries of results. sqz-run (JIT) and sqz-exec (compiled libraries) use
// the same code, so that they take the same inputs and print the same
// outputs.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_SUPPORT_ENTRYCALL_H
#define SQZ_SUPPORT_ENTRYCALL_H

#include "sqz/Support/Npy.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace mlir::sqz::entry {

/// A dynamic size in a shape (the value MLIR's ShapedType::kDynamic has).
inline constexpr int64_t kDynamic = std::numeric_limits<int64_t>::min();

/// One argument or result of an entry point, as its C interface sees it.
struct Value {
  /// A ranked memref descriptor (tensors and memrefs) or a scalar.
  bool shaped = false;
  /// The sizes of a shaped value, kDynamic where unknown.
  std::vector<int64_t> shape;
  npy::DType dtype;

  unsigned rank() const { return static_cast<unsigned>(shape.size()); }
  bool hasStaticShape() const;
  /// Bytes of the descriptor (shaped) or of the scalar.
  size_t abiSize() const { return shaped ? 8 * (3 + 2 * rank()) : dtype.size; }
  size_t abiAlign() const { return shaped ? 8 : dtype.size; }
  /// Whether an array of `shape` fits this value.
  bool shapeMatches(const std::vector<int64_t> &shape) const;
  /// The expected shape as numpy writes it, "?" for dynamic: "(4, ?)".
  std::string expectedShapeString() const;
};

/// Uniform values of `value`'s (static) shape, from `seed` and the argument
/// `index`: floats in [-1, 1) on a 2^-23 grid, signed integers in [-8, 7],
/// unsigned in [0, 15], booleans. One stream per argument, so that adding an
/// argument leaves the others' values unchanged.
npy::Array randomArray(const Value &value, uint64_t seed, unsigned index);

/// IEEE half <-> single, round to nearest even.
uint16_t floatToHalf(float value);
float halfToFloat(uint16_t bits);

/// "out0: float32 (4, 8) [0.5, -1, ...]": the dtype, the shape and the
/// first 8 elements, with a newline.
std::string summaryLine(unsigned index, const npy::Array &array);

/// "median time: 1.234 ms over 20 runs" with a newline; sorts `times`.
std::string medianTimeLine(std::vector<double> &times);

/// The arguments and results of one call of a packed entry point
/// (`void NAME(void **)`), in buffers it owns.
class PackedCall {
public:
  PackedCall(std::vector<Value> args, std::vector<Value> results);
  ~PackedCall();
  PackedCall(const PackedCall &) = delete;
  PackedCall &operator=(const PackedCall &) = delete;

  /// Copies `array` (whose dtype and shape the caller has checked) into the
  /// 64-byte aligned buffer of argument `index`; the array must outlive the
  /// call, since `resetInputs` copies from it again.
  void setInput(unsigned index, const npy::Array &array);
  /// Restores every input's bytes (a function may have written them).
  void resetInputs();
  /// Zeroes the result slots; call before each call.
  void clearResults();
  /// The packed argument array to pass to the entry point.
  void **packedArgs() { return packed.data(); }
  /// Result `index` as a row-major array (copied out of a strided memref);
  /// fails with a message when the returned descriptor is inconsistent.
  bool readResult(unsigned index, npy::Array &array, std::string &error) const;
  /// Frees what the call returned, but never an input buffer, a global
  /// (whose descriptor carries the 0xdeadbeef allocated pointer) or a
  /// buffer twice.
  void freeResults();

private:
  struct Input;
  std::vector<Value> args, results;
  std::vector<std::unique_ptr<Input>> inputs;
  std::vector<size_t> resultOffsets;
  std::vector<int64_t> resultStorage;
  void *resultPtr = nullptr;
  bool resultByPointer = false;
  std::vector<void *> packed;
};

} // namespace mlir::sqz::entry

#endif // SQZ_SUPPORT_ENTRYCALL_H
