//===- sqz-run.cpp - JIT-run a Squeeze model on the CPU -------------------===//
//
//   sqz-run MODEL.mlir --entry NAME [--input a.npy ...]
//           [--random-inputs --seed N] [--output-dir DIR] [--repeat N]
//   sqz-run MODEL.mlir --entry NAME --calibrate DIR_OR_FILES
//           --stats-out stats.json [--hessian] [--histogram-bins N]
//   sqz-run --merge-stats a.json,b.json,... --stats-out stats.json
//
// Parses MODEL, lowers it with sqz-lower-to-cpu unless it is LLVM dialect
// already, JIT-compiles it with the MLIR ExecutionEngine and calls the C
// interface wrapper `_mlir_ciface_NAME` with memref descriptors built from the
// .npy inputs; writes the results as DIR/out0.npy, out1.npy, ... Every error
// the user can cause is one line `sqz-run: error: ...` and exit status 1.
//
// The calling convention (convert-func-to-llvm with llvm.emit_c_interface):
// memref arguments are passed as pointers to descriptors
//   {T *allocated; T *aligned; int64 offset; int64 sizes[R]; int64 strides[R]}
// and scalars by value; a single scalar result is returned by value, while a
// single memref result or several results are written to a struct whose
// address is the wrapper's first argument. The packed form that the engine
// exposes takes one `void **` with the address of every argument, followed by
// the address of the return slot when the wrapper returns a value.
//
//===----------------------------------------------------------------------===//

#include "Calibration.h"
#include "CompiledCodeSignals.h"
#include "NpyIO.h"

#include "sqz/Conversion/SqzToLinalg/SqzToLinalg.h"
#include "sqz/Dialect/Sqz/Transforms/Statistics.h"
#include "sqz/Pipelines/Passes.h"
#include "sqz/Pipelines/Pipelines.h"
#include "sqz/Registration/InitSqueeze.h"
#include "sqz/Support/WriteFile.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "sqz/Runtime/CPUKernels.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/DebugStringHelper.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemAlloc.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>

using namespace mlir;
namespace npy = mlir::sqz::npy;

#ifndef SQZ_MLIR_RUNNER_LIB_DIR
#define SQZ_MLIR_RUNNER_LIB_DIR "/usr/lib/llvm-22/lib"
#endif

//===----------------------------------------------------------------------===//
// Command line
//===----------------------------------------------------------------------===//

static llvm::cl::OptionCategory runCategory("sqz-run options");

static llvm::cl::opt<std::string> modelFile(llvm::cl::Positional,
                                            llvm::cl::desc("<model.mlir>"),
                                            llvm::cl::cat(runCategory));

static llvm::cl::opt<std::string>
    entryName("entry", llvm::cl::desc("Public function to call (required)"),
              llvm::cl::value_desc("name"), llvm::cl::cat(runCategory));

static llvm::cl::list<std::string> inputFiles(
    "input",
    llvm::cl::desc("Input .npy files, one per argument, in argument order "
                   "(repeat the option or separate with commas)"),
    llvm::cl::value_desc("file.npy"), llvm::cl::CommaSeparated,
    llvm::cl::cat(runCategory));

static llvm::cl::opt<bool> randomInputs(
    "random-inputs",
    llvm::cl::desc("Fill every argument with seeded pseudo-random values: "
                   "floats uniform in [-1, 1), signed ints in [-8, 7], "
                   "unsigned ints in [0, 15], bools 0/1"),
    llvm::cl::cat(runCategory));

static llvm::cl::opt<uint64_t> seed("seed",
                                    llvm::cl::desc("Seed of --random-inputs"),
                                    llvm::cl::init(0),
                                    llvm::cl::cat(runCategory));

static llvm::cl::opt<std::string> outputDir(
    "output-dir",
    llvm::cl::desc("Write result i to DIR/out<i>.npy (created if missing); "
                   "without it, a short summary of each result is printed"),
    llvm::cl::value_desc("dir"), llvm::cl::cat(runCategory));

static llvm::cl::opt<bool> saveInputs(
    "save-inputs",
    llvm::cl::desc("Also write the inputs used as DIR/in<i>.npy (with "
                   "--random-inputs, to check the results elsewhere)"),
    llvm::cl::cat(runCategory));

/// `--threads`, registered in main: libLLVM already has an undocumented
/// global `-threads` option, which is taken out of the way first.
static llvm::cl::opt<unsigned> &threadsOption() {
  static llvm::cl::opt<unsigned> *option = [] {
    auto &registered = llvm::cl::getRegisteredOptions();
    if (auto it = registered.find("threads"); it != registered.end())
      it->second->removeArgument();
    return new llvm::cl::opt<unsigned>(
        "threads",
        llvm::cl::desc("Threads of each CPU kernel call (sqz-lower-to-cpu's "
                       "threads option); 0: all hardware threads"),
        llvm::cl::value_desc("N"), llvm::cl::init(0),
        llvm::cl::cat(runCategory));
  }();
  return *option;
}

static llvm::cl::opt<unsigned> repeat(
    "repeat", llvm::cl::desc("Run N times and print the median wall time"),
    llvm::cl::value_desc("N"), llvm::cl::init(1), llvm::cl::cat(runCategory));

static llvm::cl::opt<unsigned>
    optLevel("opt-level",
             llvm::cl::desc("LLVM optimization level of the JIT (0-3)"),
             llvm::cl::init(3), llvm::cl::cat(runCategory));

static llvm::cl::opt<bool> compileTime(
    "compile-time",
    llvm::cl::desc("Print how long parsing, lowering and LLVM code generation "
                   "took (on stderr; printed anyway when they take more than "
                   "10 s)"),
    llvm::cl::cat(runCategory));

static llvm::cl::list<std::string> sharedLibs(
    "shared-libs",
    llvm::cl::desc("Extra shared libraries to resolve symbols from (the MLIR "
                   "C runner utils are always loaded)"),
    llvm::cl::CommaSeparated, llvm::cl::cat(runCategory));

static llvm::cl::opt<bool>
    printLowered("print-lowered",
                 llvm::cl::desc("Print the LLVM dialect module that is run"),
                 llvm::cl::cat(runCategory));

static llvm::cl::list<std::string> calibrateInputs(
    "calibrate",
    llvm::cl::desc("Calibrate: run the instrumented model (sqz-opt "
                   "--sqz-instrument) once per sample and record the "
                   "statistics of its sqz.observe values. A sample is a .npy "
                   "file (a function of one argument) or a directory holding "
                   "in0.npy, in1.npy, ... (one per argument, as --save-inputs "
                   "writes them); any other directory stands for its samples "
                   "(.npy files and sample directories in name order). Repeat "
                   "the option or separate with commas"),
    llvm::cl::value_desc("sample|dir"), llvm::cl::CommaSeparated,
    llvm::cl::cat(runCategory));

static llvm::cl::opt<std::string>
    statsOut("stats-out",
             llvm::cl::desc("The statistics file that --calibrate writes "
                            "(docs/statistics.md)"),
             llvm::cl::value_desc("stats.json"), llvm::cl::cat(runCategory));

static llvm::cl::opt<bool> hessian(
    "hessian",
    llvm::cl::desc("With --calibrate, also write X^T X of every layer's input "
                   "(float64) as <layer>.hessian.npy beside the statistics"),
    llvm::cl::cat(runCategory));

/// 8 bytes a bin per channel: 2^16 bins are 512 KiB per channel, 2 GiB for
/// a layer of 4096 channels, more than any calibration needs.
static constexpr unsigned kMaxHistogramBins = 1u << 16;

static llvm::cl::opt<unsigned> histogramBins(
    "histogram-bins",
    llvm::cl::desc("With --calibrate, the bins of each channel's histogram "
                   "(a power of two, at most 65536)"),
    llvm::cl::init(1024), llvm::cl::cat(runCategory));

static llvm::cl::list<std::string> mergeInputs(
    "merge-stats",
    llvm::cl::desc("Merge statistics files that --calibrate wrote into "
                   "--stats-out, as if one run had seen all their samples "
                   "(no model; repeat the option or separate with commas)"),
    llvm::cl::value_desc("stats.json"), llvm::cl::CommaSeparated,
    llvm::cl::cat(runCategory));

//===----------------------------------------------------------------------===//
// Compile time
//===----------------------------------------------------------------------===//

namespace {
/// Wall time of the compile phases, so that a large model's compile time is
/// visible (and a slow phase named).
class CompileClock {
public:
  /// Ends the phase `name` (started at the previous mark).
  void mark(llvm::StringRef name) {
    auto now = std::chrono::steady_clock::now();
    phases.push_back(
        {name.str(), std::chrono::duration<double>(now - last).count()});
    last = now;
  }
  /// Prints "compiled @NAME in T s (parse .., lowering .., LLVM ..)" when
  /// `always` or when the total is long enough to wonder about.
  void report(llvm::raw_ostream &os, llvm::StringRef entry, bool always) {
    double total = 0;
    for (const auto &phase : phases)
      total += phase.second;
    if (!always && total < kSlowCompileSeconds)
      return;
    os << llvm::format("sqz-run: compiled @%s in %.2f s (", entry.str().c_str(),
                       total);
    for (auto [index, phase] : llvm::enumerate(phases))
      os << (index ? ", " : "") << phase.first
         << llvm::format(" %.2f s", phase.second);
    os << ")\n";
  }

private:
  static constexpr double kSlowCompileSeconds = 10.0;
  std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
  SmallVector<std::pair<std::string, double>> phases;
};
} // namespace

//===----------------------------------------------------------------------===//
// Errors
//===----------------------------------------------------------------------===//

namespace {
/// Thrown-free error exit: every user error ends here.
[[noreturn]] void fail(const llvm::Twine &message) {
  std::string text = message.str();
  llvm::replace(text, '\n', ' ');
  llvm::errs() << "sqz-run: error: " << text << "\n";
  llvm::errs().flush();
  std::exit(1);
}

/// Flushes standard output and returns the exit status: 1 with an error
/// when what was printed could not be written (a full disk, a closed pipe),
/// which would otherwise abort the process when it exits.
int finishStdout() {
  llvm::outs().flush();
  if (!llvm::outs().has_error())
    return 0;
  std::error_code error = llvm::outs().error();
  llvm::outs().clear_error();
  fail("cannot write the results to standard output: " + error.message());
}

/// Keeps the first error diagnostic, as "file:line:col: message", so that a
/// failure is reported on one line.
struct FirstErrorHandler {
  std::string first;
  ScopedDiagnosticHandler handler;

  explicit FirstErrorHandler(MLIRContext *context)
      : handler(context, [this](Diagnostic &diag) {
          if (diag.getSeverity() == DiagnosticSeverity::Error &&
              first.empty()) {
            llvm::raw_string_ostream os(first);
            if (auto loc = diag.getLocation()->findInstanceOf<FileLineColLoc>())
              os << loc.getFilename().getValue() << ":" << loc.getLine() << ":"
                 << loc.getColumn() << ": ";
            os << diag.str();
          }
          return success();
        }) {}

  std::string take() {
    std::string result = first.empty() ? "unknown error" : first;
    first.clear();
    return result;
  }
};
} // namespace

//===----------------------------------------------------------------------===//
// The entry signature and its C ABI
//===----------------------------------------------------------------------===//

namespace {
/// One argument or result of the entry function, as the C interface sees it.
struct AbiValue {
  Type type;
  Type elementType;
  bool shaped = false;
  SmallVector<int64_t> shape; // ShapedType::kDynamic for dynamic sizes.
  npy::DType dtype;

  unsigned rank() const { return shape.size(); }
  /// Bytes of the descriptor (shaped) or of the scalar.
  size_t abiSize() const { return shaped ? 8 * (3 + 2 * rank()) : dtype.size; }
  size_t abiAlign() const { return shaped ? 8 : dtype.size; }
};
} // namespace

/// The numpy dtype that holds `type`, if any.
static std::optional<npy::DType> dtypeFor(Type type) {
  if (type.isF16())
    return npy::DType{npy::DTypeKind::Float, 2};
  if (type.isF32())
    return npy::DType{npy::DTypeKind::Float, 4};
  if (type.isF64())
    return npy::DType{npy::DTypeKind::Float, 8};
  if (type.isIndex())
    return npy::DType{npy::DTypeKind::Int, 8};
  if (auto intType = dyn_cast<IntegerType>(type)) {
    unsigned width = intType.getWidth();
    if (width == 1)
      return npy::DType{npy::DTypeKind::Bool, 1};
    if (width != 8 && width != 16 && width != 32 && width != 64)
      return std::nullopt;
    return npy::DType{intType.isUnsigned() ? npy::DTypeKind::UInt
                                           : npy::DTypeKind::Int,
                      width / 8};
  }
  return std::nullopt;
}

static AbiValue describe(Type type, const llvm::Twine &what) {
  AbiValue value;
  value.type = type;
  if (auto shapedType = dyn_cast<ShapedType>(type)) {
    if (!isa<RankedTensorType, MemRefType>(type) || !shapedType.hasRank())
      fail(what + " has type " + llvm::Twine(debugString(type)) +
           "; only ranked tensors, memrefs and scalars are supported");
    if (auto memref = dyn_cast<MemRefType>(type);
        memref && !memref.getLayout().isIdentity())
      fail(what + " has type " + llvm::Twine(debugString(type)) +
           "; only the identity layout is supported");
    value.shaped = true;
    value.elementType = shapedType.getElementType();
    value.shape.assign(shapedType.getShape().begin(),
                       shapedType.getShape().end());
  } else {
    value.elementType = type;
  }
  std::optional<npy::DType> dtype = dtypeFor(value.elementType);
  if (!dtype)
    fail(what + " has type " + llvm::Twine(debugString(type)) +
         ", whose element type has no .npy equivalent here (supported: f16, "
         "f32, f64, i1, i8, i16, i32, i64, index)");
  value.dtype = *dtype;
  return value;
}

/// "tensor<4x8xf32>" for messages, from the signature.
static std::string typeString(const AbiValue &value) {
  return debugString(value.type);
}

static bool shapeMatches(const AbiValue &value, llvm::ArrayRef<int64_t> shape) {
  if (shape.size() != value.rank())
    return false;
  for (auto [expected, actual] : llvm::zip(value.shape, shape))
    if (!ShapedType::isDynamic(expected) && expected != actual)
      return false;
  return true;
}

static std::string expectedShapeString(const AbiValue &value) {
  std::string text = "(";
  for (auto [index, dim] : llvm::enumerate(value.shape)) {
    if (index)
      text += ", ";
    text += ShapedType::isDynamic(dim) ? "?" : std::to_string(dim);
  }
  if (value.rank() == 1)
    text += ",";
  return text + ")";
}

//===----------------------------------------------------------------------===//
// Inputs
//===----------------------------------------------------------------------===//

/// splitmix64: a small, portable, well-mixed generator.
static uint64_t nextRandom(uint64_t &state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static uint16_t floatToHalf(float value) {
  llvm::APFloat half(value);
  bool losesInfo = false;
  half.convert(llvm::APFloat::IEEEhalf(), llvm::APFloat::rmNearestTiesToEven,
               &losesInfo);
  return uint16_t(half.bitcastToAPInt().getZExtValue());
}

static float halfToFloat(uint16_t bits) {
  llvm::APFloat value(llvm::APFloat::IEEEhalf(), llvm::APInt(16, bits));
  bool losesInfo = false;
  value.convert(llvm::APFloat::IEEEsingle(), llvm::APFloat::rmNearestTiesToEven,
                &losesInfo);
  return value.convertToFloat();
}

static npy::Array randomArray(const AbiValue &value, unsigned index) {
  npy::Array array;
  array.dtype = value.dtype;
  for (int64_t dim : value.shape) {
    if (ShapedType::isDynamic(dim))
      fail("argument " + llvm::Twine(index) + " of @" + entryName + " is " +
           typeString(value) +
           ": --random-inputs needs static shapes (give --input files)");
    array.shape.push_back(dim);
  }
  int64_t count = array.numElements();
  array.data.resize(count * value.dtype.size);
  // One stream per argument, so that adding an argument leaves the values of
  // the others unchanged.
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

static npy::Array loadInput(const AbiValue &value, unsigned index,
                            llvm::StringRef path,
                            llvm::StringRef option = "--input") {
  llvm::Expected<npy::Array> array = npy::read(path);
  if (!array)
    fail(option + " " + llvm::toString(array.takeError()));
  if (array->dtype != value.dtype || !shapeMatches(value, array->shape))
    fail(option + " '" + path + "' for argument " + llvm::Twine(index) +
         " of @" + entryName + " (" + typeString(value) + "): expected " +
         value.dtype.name() + " " + expectedShapeString(value) + ", got " +
         array->dtype.name() + " " + npy::shapeString(array->shape));
  return std::move(*array);
}

/// The arguments of one --calibrate sample: a .npy file for a function of
/// one argument, or a sample directory with `in<i>.npy` for every argument
/// `i` (and no more).
static SmallVector<npy::Array> loadSample(ArrayRef<AbiValue> args,
                                          StringRef sample) {
  SmallVector<npy::Array> arrays;
  if (!llvm::sys::fs::is_directory(sample)) {
    if (args.size() != 1)
      fail("--calibrate '" + sample + "' is one .npy file, but @" + entryName +
           " takes " + Twine(args.size()) +
           " arguments: give a directory per sample holding in0.npy ... in" +
           Twine(args.size() - 1) + ".npy");
    arrays.push_back(loadInput(args[0], 0, sample, "--calibrate"));
    return arrays;
  }
  for (auto [index, value] : llvm::enumerate(args)) {
    SmallString<128> path(sample);
    llvm::sys::path::append(path, "in" + Twine(index) + ".npy");
    if (!llvm::sys::fs::exists(path))
      fail("--calibrate sample '" + sample + "' has no in" + Twine(index) +
           ".npy for argument " + Twine(index) + " of @" + entryName + " (" +
           typeString(value) + ")");
    arrays.push_back(loadInput(value, index, path, "--calibrate"));
  }
  SmallString<128> extra(sample);
  llvm::sys::path::append(extra, "in" + Twine(args.size()) + ".npy");
  if (llvm::sys::fs::exists(extra))
    fail("--calibrate sample '" + sample + "' has " + extra.str() + ", but @" +
         entryName + " takes " + Twine(args.size()) + " argument(s)");
  return arrays;
}

//===----------------------------------------------------------------------===//
// Buffers crossing the C interface
//===----------------------------------------------------------------------===//

namespace {
/// An input argument: its bytes in a 64-byte aligned buffer (shaped) or in
/// the scalar slot, and its descriptor.
struct InputSlot {
  const npy::Array *array = nullptr;
  void *buffer = nullptr;
  size_t bufferSize = 0;
  SmallVector<int64_t> descriptor;
  alignas(8) uint8_t scalar[8] = {};
  void *descriptorPtr = nullptr; // What the packed argument points to.

  InputSlot() = default;
  InputSlot(const InputSlot &) = delete;
  InputSlot &operator=(const InputSlot &) = delete;
  ~InputSlot() {
    if (buffer)
      llvm::deallocate_buffer(buffer, bufferSize, 64);
  }

  /// Restores the pristine input bytes (the function may have written them).
  void reset() {
    // An input with a zero-sized dimension has no bytes (and no pointer).
    if (array->data.empty())
      return;
    if (buffer)
      std::memcpy(buffer, array->data.data(), array->data.size());
    else
      std::memcpy(scalar, array->data.data(), array->data.size());
  }
};
} // namespace

static void setUpInput(InputSlot &slot, const AbiValue &value,
                       const npy::Array &array) {
  slot.array = &array;
  if (!value.shaped) {
    slot.reset();
    return;
  }
  slot.bufferSize = std::max<size_t>(array.data.size(), 64);
  slot.buffer = llvm::allocate_buffer(slot.bufferSize, 64);
  slot.reset();
  unsigned rank = value.rank();
  slot.descriptor.assign(3 + 2 * rank, 0);
  slot.descriptor[0] = reinterpret_cast<int64_t>(slot.buffer);
  slot.descriptor[1] = reinterpret_cast<int64_t>(slot.buffer);
  slot.descriptor[2] = 0;
  int64_t stride = 1;
  for (int i = rank - 1; i >= 0; --i) {
    slot.descriptor[3 + i] = array.shape[i];
    slot.descriptor[3 + rank + i] = stride;
    stride *= array.shape[i];
  }
  slot.descriptorPtr = slot.descriptor.data();
}

/// Copies the (possibly strided) memref behind `descriptor` into a row-major
/// array.
static npy::Array readResult(const AbiValue &value, const int64_t *descriptor,
                             unsigned index) {
  npy::Array array;
  array.dtype = value.dtype;
  unsigned rank = value.rank();
  const int64_t *sizes = descriptor + 3;
  const int64_t *strides = descriptor + 3 + rank;
  array.shape.assign(sizes, sizes + rank);
  for (int64_t size : array.shape)
    if (size < 0)
      fail("result " + llvm::Twine(index) + " has a negative size");
  size_t elementSize = value.dtype.size;
  int64_t count = array.numElements();
  array.data.resize(count * elementSize);
  if (count == 0)
    return array;
  const uint8_t *base = reinterpret_cast<const uint8_t *>(descriptor[1]) +
                        descriptor[2] * elementSize;
  SmallVector<int64_t> position(rank, 0);
  for (int64_t i = 0; i < count; ++i) {
    int64_t offset = 0;
    for (unsigned d = 0; d < rank; ++d)
      offset += position[d] * strides[d];
    std::memcpy(array.data.data() + i * elementSize,
                base + offset * elementSize, elementSize);
    for (int d = rank - 1; d >= 0; --d) {
      if (++position[d] < array.shape[d])
        break;
      position[d] = 0;
    }
  }
  return array;
}

//===----------------------------------------------------------------------===//
// Printing a result summary
//===----------------------------------------------------------------------===//

static void printElement(llvm::raw_ostream &os, const npy::Array &array,
                         int64_t i) {
  const uint8_t *p = array.data.data() + i * array.dtype.size;
  switch (array.dtype.kind) {
  case npy::DTypeKind::Bool:
    os << (*p ? "True" : "False");
    return;
  case npy::DTypeKind::Int: {
    int64_t v = 0;
    std::memcpy(&v, p, array.dtype.size);
    unsigned shift = 64 - 8 * array.dtype.size;
    os << (shift ? (int64_t(uint64_t(v) << shift) >> shift) : v);
    return;
  }
  case npy::DTypeKind::UInt: {
    uint64_t v = 0;
    std::memcpy(&v, p, array.dtype.size);
    os << v;
    return;
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
    os << llvm::format("%g", v);
    return;
  }
  }
}

static void printSummary(llvm::raw_ostream &os, unsigned index,
                         const npy::Array &array) {
  os << "out" << index << ": " << array.dtype.name() << " "
     << npy::shapeString(array.shape) << " [";
  int64_t count = array.numElements();
  for (int64_t i = 0, e = std::min<int64_t>(count, 8); i < e; ++i) {
    if (i)
      os << ", ";
    printElement(os, array, i);
  }
  if (count > 8)
    os << ", ...";
  os << "]\n";
}

//===----------------------------------------------------------------------===//
// Calibration
//===----------------------------------------------------------------------===//

/// The calibrator that the JIT-compiled `sqz_observe` calls reach.
static sqz::Calibrator *activeCalibrator = nullptr;

/// `void sqz_observe(int64_t id, int64_t rank, void *descriptor)`: the C
/// signature of `func.func private @sqz_observe(i64, memref<*xf32>)` after
/// convert-func-to-llvm.
extern "C" void sqzObserve(int64_t id, int64_t rank, void *descriptor) {
  activeCalibrator->observe(id, rank, descriptor);
}

/// Whether `path` is a sample directory: one that holds `in0.npy`.
static bool isSampleDirectory(const llvm::Twine &path) {
  SmallString<128> first;
  path.toVector(first);
  llvm::sys::path::append(first, "in0.npy");
  return llvm::sys::fs::is_directory(path) && llvm::sys::fs::exists(first);
}

/// The samples of --calibrate, in order: .npy files and sample directories
/// as given, other directories expanded to the .npy files and sample
/// directories they hold, in name order.
static SmallVector<std::string> calibrationSamples() {
  SmallVector<std::string> samples;
  for (const std::string &entry : calibrateInputs) {
    if (!llvm::sys::fs::is_directory(entry) || isSampleDirectory(entry)) {
      if (!llvm::sys::fs::exists(entry))
        fail("--calibrate '" + entry + "' does not exist");
      samples.push_back(entry);
      continue;
    }
    SmallVector<std::string> found;
    std::error_code error;
    for (llvm::sys::fs::directory_iterator it(entry, error), end;
         it != end && !error; it.increment(error))
      if (llvm::sys::path::extension(it->path()) == ".npy" ||
          isSampleDirectory(it->path()))
        found.push_back(it->path());
    if (error)
      fail("cannot list --calibrate directory '" + entry +
           "': " + error.message());
    if (found.empty())
      fail("--calibrate directory '" + entry +
           "' holds no .npy files and no sample directories (directories "
           "with in0.npy, in1.npy, ...)");
    llvm::sort(found);
    samples.append(found.begin(), found.end());
  }
  return samples;
}

/// Progress of calibration: a bar on a terminal, else one line at the end.
static void reportProgress(size_t done, size_t total) {
  if (!llvm::sys::Process::StandardErrIsDisplayed()) {
    if (done == total)
      llvm::errs() << "sqz-run: calibrated over " << done << " sample(s)\n";
    return;
  }
  constexpr size_t width = 30;
  size_t filled = total ? done * width / total : width;
  llvm::errs() << "\rcalibrating [" << std::string(filled, '#')
               << std::string(width - filled, ' ') << "] " << done << "/"
               << total;
  if (done == total)
    llvm::errs() << "\n";
  llvm::errs().flush();
}

/// The statistics of `layer` in the file `path` as --calibrate records them,
/// or an error naming the file, the layer and the field when the file was
/// not written by --calibrate.
static sqz::ChannelStats mergeableStats(StringRef path, StringRef name,
                                        const sqz::LayerStatistics &layer) {
  auto bad = [&](const Twine &why) -> std::string {
    return ("--merge-stats '" + path + "': layer '" + name + "': " + why).str();
  };
  const char *onlyCalibrate = "; only files that --calibrate wrote merge";
  auto need = [&](const auto &field, StringRef fieldName) -> const auto & {
    if (!field)
      fail(bad("has no field '" + fieldName + "'" + onlyCalibrate));
    return *field;
  };
  sqz::ChannelStats stats;
  stats.channels = layer.channels;
  stats.count = need(layer.count, "count");
  stats.min = need(layer.min, "min");
  stats.max = need(layer.max, "max");
  stats.absmax = need(layer.absmax, "absmax");
  stats.sumsq = need(layer.sumsq, "sumsq");
  const sqz::ChannelHistogram &histogram = need(layer.histogram, "histogram");
  if (histogram.bins < 2 || !llvm::isPowerOf2_64(histogram.bins))
    fail(bad("field 'histogram.bins' is " + Twine(histogram.bins) +
             ", not a power of two" + onlyCalibrate));
  for (int64_t k = 0; k < layer.channels; ++k) {
    double hi = histogram.hi[k];
    int exponent;
    if (histogram.lo[k] != -hi || hi < sqz::kMinHistogramRange ||
        std::frexp(hi, &exponent) != 0.5 || !(stats.absmax[k] < hi))
      fail(bad("channel " + Twine(k) +
               ": field 'histogram' does not span [-2^e, 2^e] above absmax" +
               onlyCalibrate));
    stats.histogram.insert(stats.histogram.end(), histogram.counts[k].begin(),
                           histogram.counts[k].end());
  }
  stats.range = histogram.hi;
  if (layer.hessian) {
    llvm::Expected<npy::Array> matrix = npy::read(*layer.hessian);
    if (!matrix)
      fail(bad("cannot read its Hessian: " +
               llvm::toString(matrix.takeError())));
    int64_t K = layer.channels;
    if (matrix->dtype.kind != npy::DTypeKind::Float ||
        matrix->dtype.size != 8 || matrix->shape.size() != 2 ||
        matrix->shape[0] != K || matrix->shape[1] != K)
      fail(bad("Hessian '" + *layer.hessian + "' is not float64 (" + Twine(K) +
               ", " + Twine(K) + ")"));
    stats.hessian.resize(K * K);
    std::memcpy(stats.hessian.data(), matrix->data.data(), K * K * 8);
  }
  return stats;
}

/// --merge-stats: the layers of every file, merged in the order the files
/// are given, written to --stats-out with the layers in name order.
static void mergeStatistics() {
  MLIRContext context;
  FirstErrorHandler diagnostics(&context);
  std::map<std::string, std::pair<sqz::ChannelStats, std::string>> merged;
  int64_t bins = 0;
  std::string binsFrom;
  for (const std::string &path : mergeInputs) {
    FailureOr<sqz::Statistics> file = sqz::readStatistics(
        path, [&] { return emitError(UnknownLoc::get(&context)); });
    if (failed(file))
      fail("--merge-stats: " + diagnostics.take());
    SmallVector<StringRef> names;
    for (const auto &entry : file->layers)
      names.push_back(entry.getKey());
    llvm::sort(names);
    for (StringRef name : names) {
      // One layer's histogram counts at a time, read from their file.
      sqz::LayerStatistics layer = file->layers.find(name)->second;
      if (layer.histogram &&
          failed(sqz::loadHistogramCounts(
              path, name, layer.channels, *layer.histogram,
              [&] { return emitError(UnknownLoc::get(&context)); })))
        fail("--merge-stats: " + diagnostics.take());
      sqz::ChannelStats stats = mergeableStats(path, name, layer);
      int64_t layerBins = layer.histogram->bins;
      if (bins == 0) {
        bins = layerBins;
        binsFrom = path;
      } else if (layerBins != bins) {
        fail("--merge-stats '" + path + "': layer '" + name +
             "': field 'histogram.bins' is " + Twine(layerBins) + ", " +
             Twine(bins) + " in '" + binsFrom + "'");
      }
      auto [it, inserted] =
          merged.try_emplace(name.str(), std::move(stats), path);
      if (inserted)
        continue;
      auto &[sum, firstPath] = it->second;
      if (sum.channels != stats.channels)
        fail("--merge-stats '" + path + "': layer '" + name +
             "': field 'channels' is " + Twine(stats.channels) + ", " +
             Twine(sum.channels) + " in '" + firstPath + "'");
      if (sum.hessian.empty() != stats.hessian.empty())
        fail("--merge-stats '" + path + "': layer '" + name + "' " +
             (stats.hessian.empty() ? "has no Hessian, but has one in '"
                                    : "has a Hessian, but has none in '") +
             firstPath + "'");
      sum.merge(stats, bins);
    }
  }
  SmallVector<std::string> ids;
  std::vector<sqz::ChannelStats> stats;
  for (auto &[name, entry] : merged) {
    ids.push_back(name);
    stats.push_back(std::move(entry.first));
  }
  if (llvm::Error error = sqz::writeStatistics(statsOut, ids, stats, bins))
    fail(llvm::toString(std::move(error)));
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

/// Creates the parent directories of a file the run ends by writing, and
/// fails now, before the long work, when it cannot be written.
static void prepareOutput(StringRef path, StringRef option) {
  if (llvm::Error error = sqz::prepareOutputFile(path))
    fail(option + ": " + llvm::toString(std::move(error)));
}

static bool isLLVMDialectOnly(ModuleOp module) {
  WalkResult result = module->walk([&](Operation *op) {
    if (op != module.getOperation() &&
        !isa_and_nonnull<LLVM::LLVMDialect>(op->getDialect()))
      return WalkResult::interrupt();
    return WalkResult::advance();
  });
  return !result.wasInterrupted();
}

static std::string functionNames(ModuleOp module) {
  std::string names;
  module->walk([&](Operation *op) {
    auto symbol = dyn_cast<SymbolOpInterface>(op);
    if (!symbol || op == module.getOperation() ||
        !isa<FunctionOpInterface>(op) || symbol.isPrivate() ||
        symbol.isDeclaration() || symbol.getName().starts_with("_mlir_ciface_"))
      return;
    names += (names.empty() ? "" : ", ") + symbol.getName().str();
  });
  return names.empty() ? "none" : names;
}

int main(int argc, char **argv) {
  threadsOption();
  llvm::InitLLVM initLLVM(argc, argv);
  llvm::cl::HideUnrelatedOptions(runCategory);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "sqz-run: JIT-run a function of a Squeeze model on the CPU with .npy "
      "inputs and outputs\n");

  if (!mergeInputs.empty()) {
    if (statsOut.empty())
      fail("--merge-stats needs --stats-out FILE");
    if (!modelFile.empty() || !calibrateInputs.empty())
      fail("--merge-stats takes no model and excludes --calibrate");
    prepareOutput(statsOut, "--stats-out");
    mergeStatistics();
    return finishStdout();
  }
  if (modelFile.empty())
    fail("no model: sqz-run MODEL.mlir --entry NAME ...");
  if (entryName.empty())
    fail("--entry NAME is required: the public function to call");
  if (!inputFiles.empty() && randomInputs)
    fail("--input and --random-inputs exclude each other");
  if (repeat == 0)
    fail("--repeat must be at least 1");
  if (optLevel > 3)
    fail("--opt-level must be 0, 1, 2 or 3");
  if (saveInputs && outputDir.empty())
    fail("--save-inputs needs --output-dir");
  bool calibrate = !calibrateInputs.empty();
  if (calibrate) {
    if (statsOut.empty())
      fail("--calibrate needs --stats-out FILE");
    if (!inputFiles.empty() || randomInputs)
      fail("--calibrate excludes --input and --random-inputs");
    if (repeat != 1 || !outputDir.empty())
      fail("--calibrate excludes --repeat and --output-dir");
    if (histogramBins < 2 || histogramBins > kMaxHistogramBins ||
        !llvm::isPowerOf2_32(histogramBins))
      fail("--histogram-bins must be a power of two in [2, " +
           Twine(kMaxHistogramBins) + "], got " +
           Twine(histogramBins.getValue()));
    prepareOutput(statsOut, "--stats-out");
  } else if (!statsOut.empty() || hessian) {
    fail("--stats-out and --hessian need --calibrate");
  }
  if (!outputDir.empty())
    if (std::error_code error = llvm::sys::fs::create_directories(outputDir))
      fail("cannot create --output-dir '" + outputDir +
           "': " + error.message());

  DialectRegistry registry;
  sqz::registerSqueezeAndUpstream(registry);
  registerAllToLLVMIRTranslations(registry);
  MLIRContext context(registry);
  FirstErrorHandler diagnostics(&context);

  // ---- Parse --------------------------------------------------------------
  CompileClock compileClock;
  auto file = llvm::MemoryBuffer::getFileOrSTDIN(modelFile, /*IsText=*/true);
  if (!file)
    fail("cannot read '" + modelFile + "': " + file.getError().message());
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*file), llvm::SMLoc());
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module)
    fail("cannot parse '" + modelFile + "': " + diagnostics.take());

  Operation *entry = module->lookupSymbol(entryName);
  if (!entry || !isa<FunctionOpInterface>(entry))
    fail("no function @" + entryName + " in '" + modelFile +
         "' (public functions: " + functionNames(*module) + ")");
  if (auto symbol = dyn_cast<SymbolOpInterface>(entry)) {
    if (symbol.isDeclaration())
      fail("@" + entryName + " is a declaration, not a function with a body");
    if (symbol.isPrivate())
      fail("@" + entryName +
           " is private; only public functions get a C interface");
  }

  compileClock.mark("parse");

  // ---- Lower --------------------------------------------------------------
  if (!isLLVMDialectOnly(*module)) {
    PassManager pm(&context, ModuleOp::getOperationName());
    sqz::LowerToCPUOptions pipelineOptions;
    pipelineOptions.threads = threadsOption();
    if (calibrate)
      pipelineOptions.observe = "call";
    sqz::buildLowerToCPUPipeline(pm, pipelineOptions);
    if (failed(pm.run(*module)))
      fail("cannot lower '" + modelFile +
           "' with sqz-lower-to-cpu: " + diagnostics.take());
  }
  compileClock.mark("lowering");
  if (printLowered)
    module->print(llvm::outs());

  auto function = module->lookupSymbol<LLVM::LLVMFuncOp>(entryName);
  auto signatureAttr =
      function ? function->getAttrOfType<TypeAttr>(sqz::kSignatureAttrName)
               : TypeAttr();
  auto signature = signatureAttr
                       ? dyn_cast<FunctionType>(signatureAttr.getValue())
                       : FunctionType();
  if (!signature)
    fail("@" + entryName + " has no '" + sqz::kSignatureAttrName +
         "' function type attribute, so its argument shapes are unknown "
         "(give sqz-run tensor-level IR, or LLVM IR made by sqz-opt "
         "--sqz-lower-to-cpu)");
  std::string cifaceName = "_mlir_ciface_" + entryName;
  if (!module->lookupSymbol<LLVM::LLVMFuncOp>(cifaceName))
    fail("no C interface wrapper @" + cifaceName +
         " (the function needs the llvm.emit_c_interface attribute)");

  SmallVector<AbiValue> args, results;
  for (auto [index, type] : llvm::enumerate(signature.getInputs()))
    args.push_back(
        describe(type, "argument " + llvm::Twine(index) + " of @" + entryName));
  for (auto [index, type] : llvm::enumerate(signature.getResults()))
    results.push_back(
        describe(type, "result " + llvm::Twine(index) + " of @" + entryName));

  // ---- Calibration setup --------------------------------------------------
  SmallVector<std::string> samples;
  std::unique_ptr<sqz::Calibrator> calibrator;
  if (calibrate) {
    auto idsAttr =
        (*module)->getAttrOfType<ArrayAttr>(sqz::kObserveIdsAttrName);
    SmallVector<std::string> ids;
    if (idsAttr)
      for (Attribute id : idsAttr)
        if (auto string = dyn_cast<StringAttr>(id))
          ids.push_back(string.str());
    if (ids.empty())
      fail("'" + modelFile +
           "' has no sqz.observe to calibrate (run sqz-opt --sqz-instrument "
           "first)");
    samples = calibrationSamples();
    calibrator = std::make_unique<sqz::Calibrator>(ids, hessian, histogramBins);
    activeCalibrator = calibrator.get();
  }

  // ---- Inputs -------------------------------------------------------------
  SmallVector<npy::Array> inputs;
  if (calibrate) {
    inputs = loadSample(args, samples[0]);
  } else if (!inputFiles.empty() || !randomInputs) {
    if (inputFiles.size() != args.size())
      fail("@" + entryName + " takes " + llvm::Twine(args.size()) +
           " argument(s), got " + llvm::Twine(inputFiles.size()) +
           " --input file(s)" +
           (inputFiles.empty() ? " (give --input files or --random-inputs)"
                               : ""));
    for (auto [index, path] : llvm::enumerate(inputFiles))
      inputs.push_back(loadInput(args[index], index, path));
  } else {
    for (auto [index, value] : llvm::enumerate(args))
      inputs.push_back(randomArray(value, index));
  }

  if (saveInputs)
    for (auto [index, array] : llvm::enumerate(inputs)) {
      SmallString<128> path(outputDir);
      llvm::sys::path::append(path, "in" + llvm::Twine(index) + ".npy");
      if (llvm::Error error = npy::write(path, array))
        fail(llvm::toString(std::move(error)));
    }

  // ---- JIT ----------------------------------------------------------------
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();

  SmallVector<std::string> libraries;
  for (const char *name :
       {"libmlir_c_runner_utils.so", "libmlir_runner_utils.so"}) {
    SmallString<128> path(SQZ_MLIR_RUNNER_LIB_DIR);
    llvm::sys::path::append(path, name);
    libraries.push_back(std::string(path));
  }
  libraries.append(sharedLibs.begin(), sharedLibs.end());
  for (const std::string &library : libraries)
    if (!llvm::sys::fs::exists(library))
      fail("shared library '" + library + "' not found");
  SmallVector<StringRef> libraryRefs(libraries.begin(), libraries.end());

  auto hostMachine = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!hostMachine)
    fail("cannot detect the host: " + llvm::toString(hostMachine.takeError()));
  auto targetMachine = hostMachine->createTargetMachine();
  if (!targetMachine)
    fail("cannot create a target machine: " +
         llvm::toString(targetMachine.takeError()));
  // The transformer runs while the engine compiles, after create() returns:
  // it gets its own target machine that lives as long as the engine.
  auto transformerMachine = hostMachine->createTargetMachine();
  if (!transformerMachine)
    fail("cannot create a target machine: " +
         llvm::toString(transformerMachine.takeError()));
  std::function<llvm::Error(llvm::Module *)> transformer =
      makeOptimizingTransformer(optLevel, /*sizeLevel=*/0,
                                transformerMachine->get());

  ExecutionEngineOptions engineOptions;
  engineOptions.transformer = transformer;
  engineOptions.jitCodeGenOptLevel =
      static_cast<llvm::CodeGenOptLevel>(unsigned(optLevel));
  engineOptions.sharedLibPaths = libraryRefs;
  auto engine = ExecutionEngine::create(*module, engineOptions,
                                        std::move(*targetMachine));
  if (!engine)
    fail("cannot JIT-compile '" + modelFile +
         "': " + llvm::toString(engine.takeError()));
  (*engine)->registerSymbols([](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap symbols;
    symbols[interner(sqz::kObserveFunctionName)] = {
        llvm::orc::ExecutorAddr::fromPtr(&sqzObserve),
        llvm::JITSymbolFlags::Exported};
    // The runtime's kernels, which sqz-lower-to-cpu's code calls.
    int count = 0;
    const sqzrt::KernelSymbol *kernels = sqzrt::cpuKernelSymbols(count);
    for (const sqzrt::KernelSymbol &kernel : llvm::ArrayRef(kernels, count))
      symbols[interner(kernel.name)] = {
          llvm::orc::ExecutorAddr::fromPtr(kernel.address),
          llvm::JITSymbolFlags::Exported};
    return symbols;
  });
  auto packed = (*engine)->lookupPacked(cifaceName);
  if (!packed)
    fail("cannot find @" + cifaceName +
         " in the JIT: " + llvm::toString(packed.takeError()));
  compileClock.mark("LLVM");
  compileClock.report(llvm::errs(), entryName, compileTime);

  // ---- Arguments and results ----------------------------------------------
  SmallVector<std::unique_ptr<InputSlot>> slots;
  for (auto [value, array] : llvm::zip(args, inputs)) {
    slots.push_back(std::make_unique<InputSlot>());
    setUpInput(*slots.back(), value, array);
  }

  // Results: one struct behind a pointer first argument, unless there is
  // exactly one scalar result, which is returned by value.
  bool resultByPointer =
      results.size() > 1 || (results.size() == 1 && results[0].shaped);
  SmallVector<size_t> resultOffsets;
  size_t resultSize = 0;
  for (const AbiValue &value : results) {
    resultSize = llvm::alignTo(resultSize, value.abiAlign());
    resultOffsets.push_back(resultSize);
    resultSize += value.abiSize();
  }
  std::vector<int64_t> resultStorage(std::max<size_t>(resultSize, 8) / 8 + 1);
  uint8_t *resultBytes = reinterpret_cast<uint8_t *>(resultStorage.data());
  void *resultPtr = resultBytes;

  SmallVector<void *> packedArgs;
  if (resultByPointer)
    packedArgs.push_back(&resultPtr);
  for (auto [value, slot] : llvm::zip(args, slots))
    packedArgs.push_back(value.shaped
                             ? static_cast<void *>(&slot->descriptorPtr)
                             : static_cast<void *>(slot->scalar));
  if (!resultByPointer && !results.empty())
    packedArgs.push_back(resultBytes);

  // Frees what a call returned, but never an input buffer, a global (whose
  // descriptor carries the 0xdeadbeef allocated pointer) or a buffer twice.
  auto freeResults = [&]() {
    SmallVector<void *> freed;
    for (auto [value, offset] : llvm::zip(results, resultOffsets)) {
      if (!value.shaped)
        continue;
      void *allocated = *reinterpret_cast<void **>(resultBytes + offset);
      bool isInput = llvm::any_of(
          slots, [&](const auto &slot) { return slot->buffer == allocated; });
      if (!allocated || isInput || llvm::is_contained(freed, allocated) ||
          allocated == reinterpret_cast<void *>(uintptr_t(0xdeadbeef)))
        continue;
      freed.push_back(allocated);
      std::free(allocated);
    }
  };

  // From here on the compiled code runs: a fault in it is the model's.
  sqz::CompiledCodeSignalGuard signalGuard(entryName);
  if (calibrate) {
    for (auto [index, sample] : llvm::enumerate(samples)) {
      if (index) {
        inputs = loadSample(args, sample);
        for (auto [argIndex, value] : llvm::enumerate(args)) {
          slots[argIndex] = std::make_unique<InputSlot>();
          setUpInput(*slots[argIndex], value, inputs[argIndex]);
          packedArgs[(resultByPointer ? 1 : 0) + argIndex] =
              value.shaped
                  ? static_cast<void *>(&slots[argIndex]->descriptorPtr)
                  : static_cast<void *>(slots[argIndex]->scalar);
        }
      }
      std::memset(resultBytes, 0, resultStorage.size() * 8);
      (*packed)(packedArgs.data());
      freeResults();
      if (llvm::Error error = calibrator->takeError())
        fail("--calibrate '" + sample +
             "': " + llvm::toString(std::move(error)));
      reportProgress(index + 1, samples.size());
    }
    SmallVector<std::string> missing = calibrator->unobserved();
    if (!missing.empty())
      fail("sqz.observe '" + missing.front() + "' was never reached by @" +
           entryName);
    if (llvm::Error error =
            sqz::writeStatistics(statsOut, calibrator->getIds(),
                                 calibrator->getStats(), histogramBins))
      fail(llvm::toString(std::move(error)));
    return finishStdout();
  }

  SmallVector<double> times;
  for (unsigned run = 0; run < repeat; ++run) {
    if (run)
      for (auto &slot : slots)
        slot->reset();
    std::memset(resultBytes, 0, resultStorage.size() * 8);
    auto start = std::chrono::steady_clock::now();
    (*packed)(packedArgs.data());
    auto stop = std::chrono::steady_clock::now();
    times.push_back(
        std::chrono::duration<double, std::milli>(stop - start).count());
    if (run + 1 < repeat)
      freeResults();
  }

  // ---- Outputs ------------------------------------------------------------
  for (auto [index, value] : llvm::enumerate(results)) {
    npy::Array array;
    if (value.shaped) {
      array = readResult(
          value,
          reinterpret_cast<const int64_t *>(resultBytes + resultOffsets[index]),
          index);
    } else {
      array.dtype = value.dtype;
      array.data.assign(resultBytes + resultOffsets[index],
                        resultBytes + resultOffsets[index] + value.dtype.size);
    }
    if (outputDir.empty()) {
      printSummary(llvm::outs(), index, array);
      continue;
    }
    SmallString<128> path(outputDir);
    llvm::sys::path::append(path, "out" + llvm::Twine(index) + ".npy");
    if (llvm::Error error = npy::write(path, array))
      fail(llvm::toString(std::move(error)));
  }
  freeResults();

  if (repeat > 1) {
    llvm::sort(times);
    size_t middle = times.size() / 2;
    double median = times.size() % 2
                        ? times[middle]
                        : 0.5 * (times[middle - 1] + times[middle]);
    llvm::outs() << llvm::format("median time: %.3f ms over %u runs\n", median,
                                 unsigned(repeat));
  }
  return finishStdout();
}
