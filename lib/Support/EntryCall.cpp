//===- EntryCall.cpp - Calling a compiled entry point with arrays ---------===//

#include "sqz/Support/EntryCall.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace mlir::sqz;
using namespace mlir::sqz::entry;

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

bool Value::hasStaticShape() const {
  return std::none_of(shape.begin(), shape.end(),
                      [](int64_t dim) { return dim == kDynamic; });
}

bool Value::shapeMatches(const std::vector<int64_t> &actual) const {
  if (actual.size() != shape.size())
    return false;
  for (size_t i = 0; i < shape.size(); ++i)
    if (shape[i] != kDynamic && shape[i] != actual[i])
      return false;
  return true;
}

std::string Value::expectedShapeString() const {
  std::string text = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i)
      text += ", ";
    text += shape[i] == kDynamic ? "?" : std::to_string(shape[i]);
  }
  if (shape.size() == 1)
    text += ",";
  return text + ")";
}

//===----------------------------------------------------------------------===//
// Halves
//===----------------------------------------------------------------------===//

uint16_t entry::floatToHalf(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, 4);
  uint32_t sign = (bits >> 16) & 0x8000;
  uint32_t magnitude = bits & 0x7fffffff;
  if (magnitude >= 0x7f800000) // Inf, or NaN (kept quiet)
    return uint16_t(sign | (magnitude > 0x7f800000 ? 0x7e00 : 0x7c00));
  if (magnitude >= 0x477ff000) // >= 65520 rounds to Inf
    return uint16_t(sign | 0x7c00);
  auto roundShift = [](uint32_t mantissa, unsigned shift) {
    uint32_t kept = mantissa >> shift;
    uint32_t rest = mantissa & ((1u << shift) - 1);
    uint32_t halfway = 1u << (shift - 1);
    if (rest > halfway || (rest == halfway && (kept & 1)))
      ++kept;
    return kept;
  };
  if (magnitude < 0x38800000) { // below 2^-14: a half subnormal (or 0)
    if (magnitude < 0x33000000) // at most 2^-25: rounds to 0
      return uint16_t(sign);
    unsigned exponent = magnitude >> 23;
    uint32_t mantissa = (magnitude & 0x7fffff) | 0x800000;
    // value = mantissa * 2^(exponent - 150) = q * 2^-24.
    return uint16_t(sign | roundShift(mantissa, 126 - exponent));
  }
  // Rebias the exponent (127 -> 15) and round the mantissa to 10 bits; a
  // carry moves into the exponent, which is what rounding up should do.
  return uint16_t(sign | (roundShift(magnitude, 13) - (112u << 10)));
}

float entry::halfToFloat(uint16_t half) {
  uint32_t sign = uint32_t(half & 0x8000) << 16;
  uint32_t exponent = (half >> 10) & 0x1f;
  uint32_t mantissa = half & 0x3ff;
  uint32_t bits;
  if (exponent == 0x1f) {
    bits = sign | 0x7f800000 | (mantissa << 13);
  } else if (exponent != 0) {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else if (mantissa == 0) {
    bits = sign;
  } else { // subnormal: mantissa * 2^-24, exact in float
    float magnitude = float(mantissa) * (1.0f / 16777216.0f);
    std::memcpy(&bits, &magnitude, 4);
    bits |= sign;
  }
  float value;
  std::memcpy(&value, &bits, 4);
  return value;
}

//===----------------------------------------------------------------------===//
// Random inputs
//===----------------------------------------------------------------------===//

/// splitmix64: a small, portable, well-mixed generator.
static uint64_t nextRandom(uint64_t &state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

npy::Array entry::randomArray(const Value &value, uint64_t seed,
                              unsigned index) {
  npy::Array array;
  array.dtype = value.dtype;
  array.shape = value.shape;
  int64_t count = array.numElements();
  array.data.resize(count * value.dtype.size);
  uint64_t state = seed ^ (0xd1b54a32d192ed03ULL * (index + 1));
  uint8_t *out = array.data.data();
  for (int64_t i = 0; i < count; ++i) {
    uint64_t bits = nextRandom(state);
    // Uniform in [-1, 1) on a 2^-23 grid, exact in every float type.
    float real = float(int64_t(bits >> 40) - (int64_t(1) << 23)) /
                 float(int64_t(1) << 23);
    int64_t integer = int64_t(bits >> 60) - 8; // [-8, 7]
    switch (value.dtype.kind) {
    case npy::DTypeKind::Float:
      if (value.dtype.size == 2) {
        uint16_t half = floatToHalf(real);
        std::memcpy(out + 2 * i, &half, 2);
      } else if (value.dtype.size == 4) {
        std::memcpy(out + 4 * i, &real, 4);
      } else {
        double wide = real;
        std::memcpy(out + 8 * i, &wide, 8);
      }
      break;
    case npy::DTypeKind::Bool:
      out[i] = bits >> 63;
      break;
    case npy::DTypeKind::UInt:
      integer += 8; // [0, 15]
      [[fallthrough]];
    case npy::DTypeKind::Int:
      // Little-endian: the low bytes of the two's complement value.
      std::memcpy(out + value.dtype.size * i, &integer, value.dtype.size);
      break;
    }
  }
  return array;
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

static std::string elementString(const npy::Array &array, int64_t i) {
  const uint8_t *p = array.data.data() + i * array.dtype.size;
  switch (array.dtype.kind) {
  case npy::DTypeKind::Bool:
    return *p ? "True" : "False";
  case npy::DTypeKind::Int: {
    int64_t v = 0;
    std::memcpy(&v, p, array.dtype.size);
    unsigned shift = 64 - 8 * array.dtype.size;
    return std::to_string(shift ? (int64_t(uint64_t(v) << shift) >> shift) : v);
  }
  case npy::DTypeKind::UInt: {
    uint64_t v = 0;
    std::memcpy(&v, p, array.dtype.size);
    return std::to_string(v);
  }
  case npy::DTypeKind::Float: {
    double v = 0;
    if (array.dtype.size == 2) {
      uint16_t bits;
      std::memcpy(&bits, p, 2);
      v = halfToFloat(bits);
    } else if (array.dtype.size == 4) {
      float f;
      std::memcpy(&f, p, 4);
      v = f;
    } else {
      std::memcpy(&v, p, 8);
    }
    char text[32];
    std::snprintf(text, sizeof(text), "%g", v);
    return text;
  }
  }
  return "?";
}

std::string entry::summaryLine(unsigned index, const npy::Array &array) {
  std::string line = "out" + std::to_string(index) + ": " + array.dtype.name() +
                     " " + npy::shapeString(array.shape) + " [";
  int64_t count = array.numElements();
  for (int64_t i = 0, e = std::min<int64_t>(count, 8); i < e; ++i) {
    if (i)
      line += ", ";
    line += elementString(array, i);
  }
  if (count > 8)
    line += ", ...";
  return line + "]\n";
}

std::string entry::medianTimeLine(std::vector<double> &times) {
  std::sort(times.begin(), times.end());
  size_t middle = times.size() / 2;
  double median = times.empty() ? 0
                  : times.size() % 2
                      ? times[middle]
                      : 0.5 * (times[middle - 1] + times[middle]);
  char text[96];
  std::snprintf(text, sizeof(text), "median time: %.3f ms over %u runs\n",
                median, unsigned(times.size()));
  return text;
}

//===----------------------------------------------------------------------===//
// The packed call
//===----------------------------------------------------------------------===//

/// An input argument: its bytes in a 64-byte aligned buffer (shaped) or in
/// the scalar slot, and its descriptor.
struct PackedCall::Input {
  const npy::Array *array = nullptr;
  void *buffer = nullptr;
  std::vector<int64_t> descriptor;
  alignas(8) uint8_t scalar[8] = {};
  void *descriptorPtr = nullptr; // What the packed argument points to.

  ~Input() { std::free(buffer); }

  void reset() {
    // An input with a zero-sized dimension has no bytes (and no pointer).
    if (array->data.empty())
      return;
    std::memcpy(buffer ? buffer : static_cast<void *>(scalar),
                array->data.data(), array->data.size());
  }
};

PackedCall::PackedCall(std::vector<Value> argValues,
                       std::vector<Value> resultValues)
    : args(std::move(argValues)), results(std::move(resultValues)) {
  // Results: one struct behind a pointer first argument, unless there is
  // exactly one scalar result, which is returned by value.
  resultByPointer =
      results.size() > 1 || (results.size() == 1 && results[0].shaped);
  size_t resultSize = 0;
  for (const Value &value : results) {
    resultSize = (resultSize + value.abiAlign() - 1) / value.abiAlign() *
                 value.abiAlign();
    resultOffsets.push_back(resultSize);
    resultSize += value.abiSize();
  }
  resultStorage.assign(std::max<size_t>(resultSize, 8) / 8 + 1, 0);
  resultPtr = resultStorage.data();

  for (size_t i = 0; i < args.size(); ++i)
    inputs.push_back(std::make_unique<Input>());
  if (resultByPointer)
    packed.push_back(&resultPtr);
  for (size_t i = 0; i < args.size(); ++i)
    packed.push_back(args[i].shaped
                         ? static_cast<void *>(&inputs[i]->descriptorPtr)
                         : static_cast<void *>(inputs[i]->scalar));
  if (!resultByPointer && !results.empty())
    packed.push_back(resultStorage.data());
}

PackedCall::~PackedCall() = default;

void PackedCall::setInput(unsigned index, const npy::Array &array) {
  Input &input = *inputs[index];
  const Value &value = args[index];
  input.array = &array;
  std::free(input.buffer);
  input.buffer = nullptr;
  if (!value.shaped) {
    input.reset();
    return;
  }
  size_t size = std::max<size_t>((array.data.size() + 63) / 64 * 64, 64);
  input.buffer = std::aligned_alloc(64, size);
  input.reset();
  unsigned rank = value.rank();
  input.descriptor.assign(3 + 2 * rank, 0);
  input.descriptor[0] = reinterpret_cast<int64_t>(input.buffer);
  input.descriptor[1] = reinterpret_cast<int64_t>(input.buffer);
  int64_t stride = 1;
  for (int i = int(rank) - 1; i >= 0; --i) {
    input.descriptor[3 + i] = array.shape[i];
    input.descriptor[3 + rank + i] = stride;
    stride *= array.shape[i];
  }
  input.descriptorPtr = input.descriptor.data();
}

void PackedCall::resetInputs() {
  for (auto &input : inputs)
    input->reset();
}

void PackedCall::clearResults() {
  std::fill(resultStorage.begin(), resultStorage.end(), 0);
}

bool PackedCall::readResult(unsigned index, npy::Array &array,
                            std::string &error) const {
  const Value &value = results[index];
  const uint8_t *bytes =
      reinterpret_cast<const uint8_t *>(resultStorage.data()) +
      resultOffsets[index];
  array = npy::Array();
  array.dtype = value.dtype;
  if (!value.shaped) {
    array.data.assign(bytes, bytes + value.dtype.size);
    return true;
  }
  const int64_t *descriptor = reinterpret_cast<const int64_t *>(bytes);
  unsigned rank = value.rank();
  const int64_t *sizes = descriptor + 3;
  const int64_t *strides = descriptor + 3 + rank;
  array.shape.assign(sizes, sizes + rank);
  for (int64_t size : array.shape)
    if (size < 0) {
      error = "result " + std::to_string(index) + " has a negative size";
      return false;
    }
  size_t elementSize = value.dtype.size;
  int64_t count = array.numElements();
  array.data.resize(count * elementSize);
  if (count == 0)
    return true;
  const uint8_t *base = reinterpret_cast<const uint8_t *>(descriptor[1]) +
                        descriptor[2] * elementSize;
  std::vector<int64_t> position(rank, 0);
  for (int64_t i = 0; i < count; ++i) {
    int64_t offset = 0;
    for (unsigned d = 0; d < rank; ++d)
      offset += position[d] * strides[d];
    std::memcpy(array.data.data() + i * elementSize,
                base + offset * elementSize, elementSize);
    for (int d = int(rank) - 1; d >= 0; --d) {
      if (++position[d] < array.shape[d])
        break;
      position[d] = 0;
    }
  }
  return true;
}

void PackedCall::freeResults() {
  std::vector<void *> freed;
  const uint8_t *bytes =
      reinterpret_cast<const uint8_t *>(resultStorage.data());
  for (size_t i = 0; i < results.size(); ++i) {
    if (!results[i].shaped)
      continue;
    void *allocated;
    std::memcpy(&allocated, bytes + resultOffsets[i], sizeof(void *));
    bool isInput = std::any_of(inputs.begin(), inputs.end(), [&](auto &in) {
      return in->buffer == allocated;
    });
    if (!allocated || isInput ||
        std::find(freed.begin(), freed.end(), allocated) != freed.end() ||
        allocated == reinterpret_cast<void *>(uintptr_t(0xdeadbeef)))
      continue;
    freed.push_back(allocated);
    std::free(allocated);
  }
}
