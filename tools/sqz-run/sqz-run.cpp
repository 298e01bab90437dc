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
#include "CompileSupport.h"
#include "CompiledCodeSignals.h"
#include "NpyIO.h"
#include "PassProgress.h"

#include "Version.h"
#include "sqz/Conversion/SqzToLinalg/SqzToLinalg.h"
#include "sqz/Dialect/Sqz/Transforms/Statistics.h"
#include "sqz/Pipelines/EntryPoints.h"
#include "sqz/Pipelines/Passes.h"
#include "sqz/Pipelines/Pipelines.h"
#include "sqz/Registration/InitSqueeze.h"
#include "sqz/Support/EntryCall.h"
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
namespace entry = mlir::sqz::entry;
using sqztools::CompileClock;
using sqztools::FirstErrorHandler;

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
  return sqztools::threadsOption(runCategory);
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

//===----------------------------------------------------------------------===//
// Errors
//===----------------------------------------------------------------------===//

namespace {
/// Thrown-free error exit: every user error ends here.
[[noreturn]] void fail(const llvm::Twine &message) {
  std::string text = message.str();
  llvm::replace(text, '\n', ' ');
  sqz::Progress::clearLine(); // the error starts on a clean line
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

} // namespace

//===----------------------------------------------------------------------===//
// The entry signature and its C ABI
//===----------------------------------------------------------------------===//

/// One argument or result of the entry function: its C view and, for
/// messages, its MLIR type.
using AbiValue = sqz::manifest::Value;

/// "tensor<4x8xf32>" for messages, from the signature.
static const std::string &typeString(const AbiValue &value) {
  return value.typeText;
}

//===----------------------------------------------------------------------===//
// Inputs
//===----------------------------------------------------------------------===//

static npy::Array randomArray(const AbiValue &value, unsigned index) {
  if (!value.hasStaticShape())
    fail("argument " + llvm::Twine(index) + " of @" + entryName + " is " +
         typeString(value) +
         ": --random-inputs needs static shapes (give --input files)");
  return entry::randomArray(value, seed, index);
}

static npy::Array loadInput(const AbiValue &value, unsigned index,
                            llvm::StringRef path,
                            llvm::StringRef option = "--input") {
  llvm::Expected<npy::Array> array = npy::read(path);
  if (!array)
    fail(option + " " + llvm::toString(array.takeError()));
  if (array->dtype != value.dtype || !value.shapeMatches(array->shape))
    fail(option + " '" + path + "' for argument " + llvm::Twine(index) +
         " of @" + entryName + " (" + typeString(value) + "): expected " +
         value.dtype.name() + " " + value.expectedShapeString() + ", got " +
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
  sqztools::weightOnlyComputeOption(runCategory);
  sqztools::quietOption(runCategory);
  llvm::InitLLVM initLLVM(argc, argv);
  sqztools::setVersionPrinter();
  llvm::cl::HideUnrelatedOptions(runCategory);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "sqz-run: JIT-run a function of a Squeeze model on the CPU with .npy "
      "inputs and outputs\n");
  sqztools::startProgressReports("sqz-run");

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
  std::string parseError;
  OwningOpRef<ModuleOp> module =
      sqztools::parseModel(context, modelFile, diagnostics, parseError);
  if (!module)
    fail(parseError);

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
  if (!sqztools::isLLVMDialectOnly(*module)) {
    PassManager pm(&context, ModuleOp::getOperationName());
    sqz::LowerToCPUOptions pipelineOptions;
    pipelineOptions.threads = threadsOption();
    pipelineOptions.weightOnlyCompute =
        sqztools::weightOnlyComputeOption(runCategory);
    if (calibrate)
      pipelineOptions.observe = sqz::ObserveLowering::Call;
    sqz::buildLowerToCPUPipeline(pm, pipelineOptions);
    sqztools::addPassProgress(pm, "lowering");
    if (failed(pm.run(*module)))
      fail("cannot lower '" + modelFile +
           "' with sqz-lower-to-cpu: " + diagnostics.take());
  }
  compileClock.mark("lowering");
  if (printLowered)
    module->print(llvm::outs());

  std::string entryError;
  std::optional<sqz::manifest::Entry> entryPoint =
      sqz::describeEntryPoint(*module, entryName, entryError);
  if (!entryPoint)
    fail(entryError);
  std::string cifaceName = "_mlir_ciface_" + entryName;
  const std::vector<AbiValue> &args = entryPoint->args;
  const std::vector<AbiValue> &results = entryPoint->results;

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
  compileClock.report(llvm::errs(), "sqz-run", entryName, compileTime);

  // ---- Arguments and results ----------------------------------------------
  entry::PackedCall call(
      std::vector<entry::Value>(args.begin(), args.end()),
      std::vector<entry::Value>(results.begin(), results.end()));
  for (auto [index, array] : llvm::enumerate(inputs))
    call.setInput(index, array);

  // From here on the compiled code runs: a fault in it is the model's.
  sqztools::CompiledCodeSignalGuard signalGuard("sqz-run", entryName);
  if (calibrate) {
    std::optional<sqz::Progress> calibrationProgress;
    calibrationProgress.emplace("calibrating", samples.size(), "samples");
    sqz::Progress &calibration = *calibrationProgress;
    for (auto [index, sample] : llvm::enumerate(samples)) {
      if (index) {
        inputs = loadSample(args, sample);
        for (auto [argIndex, array] : llvm::enumerate(inputs))
          call.setInput(argIndex, array);
      }
      call.clearResults();
      (*packed)(call.packedArgs());
      call.freeResults();
      if (llvm::Error error = calibrator->takeError())
        fail("--calibrate '" + sample +
             "': " + llvm::toString(std::move(error)));
      calibration.step(llvm::sys::path::filename(sample));
    }
    calibrationProgress.reset();
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

  std::vector<double> times;
  for (unsigned run = 0; run < repeat; ++run) {
    if (run)
      call.resetInputs();
    call.clearResults();
    auto start = std::chrono::steady_clock::now();
    (*packed)(call.packedArgs());
    auto stop = std::chrono::steady_clock::now();
    times.push_back(
        std::chrono::duration<double, std::milli>(stop - start).count());
    if (run + 1 < repeat)
      call.freeResults();
  }

  // ---- Outputs ------------------------------------------------------------
  for (unsigned index = 0; index < results.size(); ++index) {
    npy::Array array;
    std::string error;
    if (!call.readResult(index, array, error))
      fail(error);
    if (outputDir.empty()) {
      llvm::outs() << entry::summaryLine(index, array);
      continue;
    }
    SmallString<128> path(outputDir);
    llvm::sys::path::append(path, "out" + llvm::Twine(index) + ".npy");
    if (llvm::Error error = npy::write(path, array))
      fail(llvm::toString(std::move(error)));
  }
  call.freeResults();

  if (repeat > 1)
    llvm::outs() << entry::medianTimeLine(times);
  return finishStdout();
}
