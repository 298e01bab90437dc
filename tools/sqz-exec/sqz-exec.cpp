//===- sqz-exec.cpp - Run a compiled model --------------------------------===//
//
// sqz-exec model.so --entry NAME [--input a.npy ...] [--random-inputs
//          [--seed N]] [--output-dir DIR [--save-inputs]] [--repeat N]
//          [--device cpu|cuda]
//
// Loads a model library made by sqz-compile, reads its manifest, calls an
// entry point through its packed wrapper and writes or prints the results:
// the same flags, inputs, outputs and error messages as sqz-run, without
// LLVM or MLIR (plain C++, the runtime library and the C library).
//
//===----------------------------------------------------------------------===//

#include "CompiledCodeSignals.h"

#include "sqz/Support/EntryCall.h"
#include "sqz/Support/ModelManifest.h"
#include "sqz/Support/Npy.h"
#include "sqz/Support/Version.h"

#include "sqz/Runtime/CudaRuntime.h"
#include "sqz/Runtime/WorkerPool.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace npy = mlir::sqz::npy;
namespace entry = mlir::sqz::entry;
namespace manifest = mlir::sqz::manifest;

//===----------------------------------------------------------------------===//
// Errors and options
//===----------------------------------------------------------------------===//

[[noreturn]] static void fail(std::string message) {
  for (char &c : message)
    if (c == '\n')
      c = ' ';
  std::fprintf(stderr, "sqz-exec: error: %s\n", message.c_str());
  std::exit(1);
}

static constexpr char kUsage[] =
    "USAGE: sqz-exec MODEL.so --entry NAME [options]\n"
    "\n"
    "Runs a function of a model library made by sqz-compile, with .npy "
    "inputs and\noutputs, without LLVM or MLIR.\n"
    "\n"
    "OPTIONS:\n"
    "  --entry NAME        The public function to call\n"
    "  --input FILE        A .npy file per argument, in order (repeat the "
    "option)\n"
    "  --random-inputs     Seeded uniform inputs instead of --input (the "
    "values\n"
    "                      sqz-run gives for the same seed)\n"
    "  --seed N            Seed of --random-inputs (default: 0)\n"
    "  --output-dir DIR    Write out<i>.npy there instead of printing a "
    "summary\n"
    "  --save-inputs       Also write the inputs as in<i>.npy to "
    "--output-dir\n"
    "  --repeat N          Call N times and print the median time "
    "(default: 1)\n"
    "  --threads N         Threads of each CPU kernel call of a model "
    "compiled with\n"
    "                      sqz-compile --threads 0 (the default); 0: all "
    "hardware\n"
    "                      threads (default: 0)\n"
    "  --version           Print Squeeze's version and commit\n"
    "  --device cpu|cuda   Where the model runs; it must be the target it "
    "was\n"
    "                      compiled for (default: that target); on cuda the "
    "time\n"
    "                      is measured with CUDA events\n";

namespace {
struct Options {
  std::string model;
  std::string entry;
  std::vector<std::string> inputs;
  bool randomInputs = false;
  uint64_t seed = 0;
  std::string outputDir;
  bool saveInputs = false;
  unsigned repeat = 1;
  unsigned threads = 0;
  std::string device;
};
} // namespace

static uint64_t parseCount(const std::string &option, const std::string &text,
                           uint64_t max) {
  if (text.empty() || text.size() > 19 ||
      text.find_first_not_of("0123456789") != std::string::npos)
    fail("for the " + option + " option: '" + text +
         "' value invalid for integer argument!");
  uint64_t value = std::strtoull(text.c_str(), nullptr, 10);
  if (value > max)
    fail("for the " + option + " option: '" + text + "' is too large");
  return value;
}

/// Appends the comma-separated items of `list`.
static void splitInto(const std::string &list,
                      std::vector<std::string> &items) {
  for (size_t start = 0;;) {
    size_t end = list.find(',', start);
    items.push_back(list.substr(
        start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos)
      return;
    start = end + 1;
  }
}

static Options parseOptions(int argc, char **argv) {
  Options options;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (size_t i = 0; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg == "--help" || arg == "-help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    }
    if (arg == "--version" || arg == "-version") {
      std::printf("%s\n", mlir::sqz::versionString());
      std::exit(0);
    }
    if (arg.size() < 2 || arg[0] != '-') {
      if (!options.model.empty())
        fail("more than one model given: '" + options.model + "' and '" + arg +
             "'");
      options.model = arg;
      continue;
    }
    // --name=value or --name value (one or two dashes).
    std::string name = arg.substr(arg[1] == '-' ? 2 : 1);
    std::string value;
    bool hasValue = false;
    if (size_t equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name = name.substr(0, equals);
      hasValue = true;
    }
    auto takeValue = [&]() {
      if (hasValue)
        return value;
      if (i + 1 >= args.size())
        fail("option '--" + name + "' requires a value");
      return args[++i];
    };
    auto noValue = [&]() {
      if (hasValue)
        fail("option '--" + name + "' takes no value");
    };
    if (name == "entry")
      options.entry = takeValue();
    else if (name == "input")
      // One file per option, or several separated by commas (as sqz-run).
      splitInto(takeValue(), options.inputs);
    else if (name == "random-inputs")
      noValue(), options.randomInputs = true;
    else if (name == "seed")
      options.seed = parseCount("--seed", takeValue(), UINT64_MAX);
    else if (name == "output-dir")
      options.outputDir = takeValue();
    else if (name == "save-inputs")
      noValue(), options.saveInputs = true;
    else if (name == "repeat")
      options.repeat = unsigned(parseCount("--repeat", takeValue(), 1u << 30));
    else if (name == "device")
      options.device = takeValue();
    else if (name == "threads")
      options.threads = unsigned(parseCount("--threads", takeValue(), 1024));
    else
      fail("unknown option '" + arg + "' (see sqz-exec --help)");
  }
  if (options.model.empty())
    fail("no model: sqz-exec MODEL.so --entry NAME ...");
  if (options.entry.empty())
    fail("--entry NAME is required: the public function to call");
  if (!options.inputs.empty() && options.randomInputs)
    fail("--input and --random-inputs exclude each other");
  if (options.repeat == 0)
    fail("--repeat must be at least 1");
  if (options.saveInputs && options.outputDir.empty())
    fail("--save-inputs needs --output-dir");
  if (!options.device.empty() && options.device != "cpu" &&
      options.device != "cuda")
    fail("--device must be cpu or cuda, got '" + options.device + "'");
  return options;
}

//===----------------------------------------------------------------------===//
// The model library
//===----------------------------------------------------------------------===//

namespace {
struct Model {
  manifest::Manifest manifest;
  void *library = nullptr;
};
} // namespace

static Model loadModel(const std::string &path) {
  struct stat info;
  if (stat(path.c_str(), &info) != 0)
    fail("cannot read '" + path + "': " + std::strerror(errno));
  Model model;
  // A bare name would be searched on the library path: say where it is.
  std::string location =
      path.find('/') == std::string::npos ? "./" + path : path;
  model.library = dlopen(location.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!model.library)
    fail("cannot load '" + path + "': " + dlerror());
  auto *text =
      static_cast<const char *>(dlsym(model.library, manifest::kSymbolName));
  if (!text)
    fail("'" + path + "' is not a model library made by sqz-compile (it has " +
         "no " + manifest::kSymbolName + ")");
  std::string error;
  if (!manifest::parse(text, model.manifest, error))
    fail("'" + path + "': " + error);
  return model;
}

static std::string entryNames(const manifest::Manifest &model) {
  std::string names;
  for (const manifest::Entry &entry : model.entries)
    names += (names.empty() ? "" : ", ") + entry.name;
  return names.empty() ? "none" : names;
}

//===----------------------------------------------------------------------===//
// Inputs and outputs
//===----------------------------------------------------------------------===//

static npy::Array loadInput(const manifest::Value &value, unsigned index,
                            const std::string &path,
                            const std::string &entryName) {
  npy::Array array;
  std::string error;
  if (!npy::readFile(path, array, error))
    fail("--input " + error);
  if (array.dtype != value.dtype || !value.shapeMatches(array.shape))
    fail("--input '" + path + "' for argument " + std::to_string(index) +
         " of @" + entryName + " (" + value.typeText + "): expected " +
         value.dtype.name() + " " + value.expectedShapeString() + ", got " +
         array.dtype.name() + " " + npy::shapeString(array.shape));
  return array;
}

static std::vector<npy::Array> makeInputs(const Options &options,
                                          const manifest::Entry &entryPoint) {
  std::vector<npy::Array> inputs;
  const std::vector<manifest::Value> &args = entryPoint.args;
  if (!options.inputs.empty() || !options.randomInputs) {
    if (options.inputs.size() != args.size())
      fail("@" + options.entry + " takes " + std::to_string(args.size()) +
           " argument(s), got " + std::to_string(options.inputs.size()) +
           " --input file(s)" +
           (options.inputs.empty() ? " (give --input files or --random-inputs)"
                                   : ""));
    for (size_t i = 0; i < args.size(); ++i)
      inputs.push_back(
          loadInput(args[i], unsigned(i), options.inputs[i], options.entry));
    return inputs;
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (!args[i].hasStaticShape())
      fail("argument " + std::to_string(i) + " of @" + options.entry + " is " +
           args[i].typeText +
           ": --random-inputs needs static shapes (give --input files)");
    inputs.push_back(entry::randomArray(args[i], options.seed, unsigned(i)));
  }
  return inputs;
}

/// mkdir -p.
static void createDirectories(const std::string &path) {
  std::string prefix;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos)
      end = path.size();
    prefix = path.substr(0, end);
    start = end + 1;
    if (prefix.empty())
      continue;
    struct stat info;
    if (stat(prefix.c_str(), &info) == 0) {
      if (!S_ISDIR(info.st_mode))
        fail("cannot create --output-dir '" + path +
             "': " + std::strerror(ENOTDIR));
      continue;
    }
    if (mkdir(prefix.c_str(), 0777) != 0 && errno != EEXIST)
      fail("cannot create --output-dir '" + path +
           "': " + std::strerror(errno));
  }
}

static void writeArray(const std::string &dir, const std::string &name,
                       const npy::Array &array) {
  std::string error;
  if (!npy::writeFile(dir + "/" + name, array, error))
    fail(error);
}

/// Writes what is printed, or fails with status 1 when it cannot (a full
/// disk, a closed pipe).
static void print(const std::string &text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size())
    fail("cannot write the results to standard output: " +
         std::string(std::strerror(errno)));
}

using PackedFunction = void (*)(void **);

/// Wall time of one call.
static double timeOnCPU(PackedFunction function, entry::PackedCall &call) {
  auto start = std::chrono::steady_clock::now();
  function(call.packedArgs());
  auto stop = std::chrono::steady_clock::now();
  return std::chrono::duration<double, std::milli>(stop - start).count();
}

/// GPU time of one call: between events on the legacy default stream,
/// which orders them after and before the work of the model's streams, so
/// that every copy and kernel of the call lies between them.
static double timeOnGPU(PackedFunction function, entry::PackedCall &call) {
  sqzrt::cuda::EventTimer timer;
  timer.start(/*stream=*/nullptr);
  function(call.packedArgs());
  timer.stop();
  return timer.elapsedMs();
}

int main(int argc, char **argv) {
  Options options = parseOptions(argc, argv);
  if (!options.outputDir.empty())
    createDirectories(options.outputDir);

  sqzrt::setDefaultThreads(static_cast<int>(options.threads));
  Model model = loadModel(options.model);
  std::string device =
      options.device.empty() ? model.manifest.target : options.device;
  if (device != model.manifest.target)
    fail("'" + options.model + "' was compiled for " + model.manifest.target +
         "; --device " + device +
         " needs a model compiled with --target=" + device);
  if (std::string why; device == "cuda" && !sqzrt::cuda::driverAvailable(why))
    fail("--device cuda: " + why);
  const manifest::Entry *entryPoint = model.manifest.find(options.entry);
  if (!entryPoint)
    fail("no function @" + options.entry + " in '" + options.model +
         "' (public functions: " + entryNames(model.manifest) + ")");
  std::string packedName = manifest::kPackedPrefix + options.entry;
  auto function = reinterpret_cast<PackedFunction>(
      dlsym(model.library, packedName.c_str()));
  if (!function)
    fail("'" + options.model + "' lists @" + options.entry + " but has no " +
         packedName);

  std::vector<npy::Array> inputs = makeInputs(options, *entryPoint);
  if (options.saveInputs)
    for (size_t i = 0; i < inputs.size(); ++i)
      writeArray(options.outputDir, "in" + std::to_string(i) + ".npy",
                 inputs[i]);

  entry::PackedCall call(std::vector<entry::Value>(entryPoint->args.begin(),
                                                   entryPoint->args.end()),
                         std::vector<entry::Value>(entryPoint->results.begin(),
                                                   entryPoint->results.end()));
  for (size_t i = 0; i < inputs.size(); ++i)
    call.setInput(unsigned(i), inputs[i]);

  std::vector<double> times;
  {
    sqztools::CompiledCodeSignalGuard guard("sqz-exec", options.entry);
    for (unsigned run = 0; run < options.repeat; ++run) {
      if (run)
        call.resetInputs();
      call.clearResults();
      times.push_back(device == "cuda" ? timeOnGPU(function, call)
                                       : timeOnCPU(function, call));
      if (run + 1 < options.repeat)
        call.freeResults();
    }
  }

  for (unsigned i = 0; i < entryPoint->results.size(); ++i) {
    npy::Array array;
    std::string error;
    if (!call.readResult(i, array, error))
      fail(error);
    if (options.outputDir.empty())
      print(entry::summaryLine(i, array));
    else
      writeArray(options.outputDir, "out" + std::to_string(i) + ".npy", array);
  }
  call.freeResults();
  if (options.repeat > 1)
    print(entry::medianTimeLine(times));
  if (std::fflush(stdout) != 0)
    fail("cannot write the results to standard output: " +
         std::string(std::strerror(errno)));
  return 0;
}
