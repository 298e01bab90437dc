//===- sqz-compile.cpp - Compile a model ahead of time --------------------===//
//
// sqz-compile MODEL.mlir --target=cpu -o model.so
//
// Lowers a model (tensor-level IR, or LLVM dialect that sqz-lower-to-cpu
// made) for the target, translates it to LLVM IR, adds the model manifest
// and one packed wrapper per public function, emits an object file through
// LLVM's target machine and links a shared library against the runtime
// library. The library runs without LLVM or MLIR: sqz-exec loads it.
//
//===----------------------------------------------------------------------===//

#include "CompileSupport.h"
#include "ModelLibrary.h"
#include "PassProgress.h"

#include "Version.h"
#include "sqz/Pipelines/EntryPoints.h"
#include "sqz/Pipelines/Pipelines.h"
#include "sqz/Registration/InitSqueeze.h"
#include "sqz/Support/WriteFile.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace mlir;
namespace manifest = mlir::sqz::manifest;

//===----------------------------------------------------------------------===//
// Options
//===----------------------------------------------------------------------===//

static llvm::cl::OptionCategory compileCategory("sqz-compile options");

static llvm::cl::opt<std::string> modelFile(llvm::cl::Positional,
                                            llvm::cl::desc("MODEL.mlir"),
                                            llvm::cl::cat(compileCategory));

static llvm::cl::opt<std::string>
    outputFile("o",
               llvm::cl::desc("The shared library (or object file, LLVM "
                              "IR) to write"),
               llvm::cl::value_desc("FILE"), llvm::cl::cat(compileCategory));

enum class Target { CPU, CUDA };
static llvm::cl::opt<Target> target(
    "target", llvm::cl::desc("What the model runs on (default: cpu)"),
    llvm::cl::values(
        clEnumValN(Target::CPU, "cpu", "x86-64 CPU code (sqz-lower-to-cpu)"),
        clEnumValN(Target::CUDA, "cuda",
                   "NVIDIA GPU kernels in an embedded cubin, called by x86-64 "
                   "host code through the runtime (sqz-lower-to-nvvm)")),
    llvm::cl::init(Target::CPU), llvm::cl::cat(compileCategory));

static llvm::cl::opt<std::string>
    gpuChip("gpu-chip",
            llvm::cl::desc("--target=cuda: the GPU, as ptxas names it "
                           "(default: sm_90, Hopper)"),
            llvm::cl::init("sm_90"), llvm::cl::cat(compileCategory));

static llvm::cl::opt<std::string>
    gpuFeatures("gpu-features",
                llvm::cl::desc("--target=cuda: PTX features (default: +ptx80)"),
                llvm::cl::init("+ptx80"), llvm::cl::cat(compileCategory));

static llvm::cl::opt<bool> gpuSparseTensorCores(
    "gpu-sparse-tensor-cores",
    llvm::cl::desc("--target=cuda: run 2:4 W8A8 matmuls on the sparse tensor "
                   "cores (mma.sp) from the stored kept codes and positions "
                   "(sqz-lower-to-nvvm's sparse-tensor-cores; default: "
                   "true; =false decompresses the weight)"),
    llvm::cl::init(true), llvm::cl::cat(compileCategory));

static llvm::cl::opt<std::string> cudaToolkit(
    "cuda-toolkit",
    llvm::cl::desc("--target=cuda: the CUDA toolkit whose ptxas assembles "
                   "the kernels (default: $CUDA_HOME, else /usr/local/cuda)"),
    llvm::cl::value_desc("DIR"), llvm::cl::cat(compileCategory));

enum class Emit { Library, Object, LLVMIR };
static llvm::cl::opt<Emit> emit(
    "emit", llvm::cl::desc("What to write (default: library)"),
    llvm::cl::values(
        clEnumValN(Emit::Library, "library",
                   "a shared library linked against libsqz_runtime.so"),
        clEnumValN(Emit::Object, "object", "the object file, unlinked"),
        clEnumValN(Emit::LLVMIR, "llvm-ir", "the optimized LLVM IR, as text")),
    llvm::cl::init(Emit::Library), llvm::cl::cat(compileCategory));

static llvm::cl::opt<std::string> targetCPU(
    "target-cpu",
    llvm::cl::desc("The CPU the code is for: host (the machine compiling), "
                   "or an LLVM x86 CPU name (znver4, skylake-avx512, "
                   "x86-64-v3, ...), whose features also choose the kernels "
                   "(default: host)"),
    llvm::cl::init("host"), llvm::cl::cat(compileCategory));

static llvm::cl::opt<unsigned>
    optLevel("opt-level",
             llvm::cl::desc("LLVM optimization level, 0 to 3 (default: 3)"),
             llvm::cl::init(3), llvm::cl::cat(compileCategory));

static llvm::cl::opt<std::string> runtimeDir(
    "runtime-dir",
    llvm::cl::desc("Directory of libsqz_runtime.so to link against (default: "
                   "../lib beside this tool)"),
    llvm::cl::value_desc("DIR"), llvm::cl::cat(compileCategory));

static llvm::cl::opt<std::string> linker(
    "linker",
    llvm::cl::desc("C compiler driver that links the library (default: the "
                   "first of clang-22, clang, cc)"),
    llvm::cl::value_desc("PROGRAM"), llvm::cl::cat(compileCategory));

static llvm::cl::opt<bool> compileTime(
    "compile-time",
    llvm::cl::desc("Print the time of each compile phase to stderr"),
    llvm::cl::cat(compileCategory));

//===----------------------------------------------------------------------===//
// Steps
//===----------------------------------------------------------------------===//

[[noreturn]] static void fail(const llvm::Twine &message) {
  std::string text = message.str();
  llvm::replace(text, '\n', ' ');
  sqz::Progress::clearLine(); // the error starts on a clean line
  llvm::errs() << "sqz-compile: error: " << text << "\n";
  llvm::errs().flush();
  std::exit(1);
}

static void failOn(llvm::Error error) {
  if (error)
    fail(llvm::toString(std::move(error)));
}

/// The runtime library's directory: --runtime-dir, else ../lib beside the
/// executable (the build tree and the install tree have this layout).
static std::string findRuntimeDir(const char *argv0) {
  if (!runtimeDir.empty())
    return runtimeDir;
  std::string executable = llvm::sys::fs::getMainExecutable(
      argv0, reinterpret_cast<void *>(&findRuntimeDir));
  SmallString<128> dir(llvm::sys::path::parent_path(executable));
  llvm::sys::path::append(dir, "..", "lib");
  llvm::sys::path::remove_dots(dir, /*remove_dot_dot=*/true);
  return std::string(dir);
}

/// The manifest of every public function of the lowered module.
static manifest::Manifest describeModel(ModuleOp module) {
  manifest::Manifest model;
  model.target = target == Target::CUDA ? "cuda" : "cpu";
  for (const std::string &name : sqz::listEntryPoints(module)) {
    std::string error;
    std::optional<manifest::Entry> entry =
        sqz::describeEntryPoint(module, name, error);
    if (!entry)
      fail(error);
    model.entries.push_back(std::move(*entry));
  }
  if (model.entries.empty())
    fail("'" + modelFile +
         "' has no public function with a body to call: nothing to compile");
  return model;
}

static void lowerForCPU(ModuleOp module, unsigned threads,
                        sqz::WeightOnlyCompute weightOnlyCompute,
                        sqztools::FirstErrorHandler &diagnostics) {
  PassManager pm(module.getContext(), ModuleOp::getOperationName());
  sqz::LowerToCPUOptions options;
  options.targetCPU = targetCPU;
  options.threads = threads;
  options.weightOnlyCompute = weightOnlyCompute;
  sqz::buildLowerToCPUPipeline(pm, options);
  sqztools::addPassProgress(pm, "lowering");
  if (failed(pm.run(module)))
    fail("cannot lower '" + modelFile +
         "' with sqz-lower-to-cpu: " + diagnostics.take());
}

static void lowerForCUDA(ModuleOp module,
                         sqztools::FirstErrorHandler &diagnostics) {
  PassManager pm(module.getContext(), ModuleOp::getOperationName());
  sqz::LowerToNVVMOptions options;
  options.chip = gpuChip;
  options.features = gpuFeatures;
  options.toolkit = cudaToolkit;
  options.sparseTensorCores = gpuSparseTensorCores;
  sqz::buildLowerToNVVMPipeline(pm, options);
  sqztools::addPassProgress(pm, "lowering");
  if (failed(pm.run(module)))
    fail("cannot lower '" + modelFile +
         "' with sqz-lower-to-nvvm: " + diagnostics.take());
}

int main(int argc, char **argv) {
  llvm::cl::opt<unsigned> &threads = sqztools::threadsOption(compileCategory);
  sqztools::WeightOnlyComputeOption &weightOnlyCompute =
      sqztools::weightOnlyComputeOption(compileCategory);
  sqztools::quietOption(compileCategory);
  llvm::InitLLVM initLLVM(argc, argv);
  sqztools::setVersionPrinter();
  llvm::cl::HideUnrelatedOptions(compileCategory);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "sqz-compile: compile a Squeeze model ahead of time into a shared "
      "library that sqz-exec runs without LLVM or MLIR\n");
  sqztools::startProgressReports("sqz-compile");

  if (modelFile.empty())
    fail("no model: sqz-compile MODEL.mlir --target=cpu|cuda -o model.so");
  if (outputFile.empty())
    fail("-o FILE is required: the library to write");
  if (optLevel > 3)
    fail("--opt-level must be 0, 1, 2 or 3");
  if (llvm::Error error = sqz::prepareOutputFile(outputFile))
    fail("-o: " + llvm::toString(std::move(error)));
  std::string runtime = findRuntimeDir(argv[0]);

  DialectRegistry registry;
  sqz::registerSqueezeAndUpstream(registry);
  registerAllToLLVMIRTranslations(registry);
  MLIRContext context(registry);
  sqztools::FirstErrorHandler diagnostics(&context);
  sqztools::CompileClock clock;

  // ---- Parse and lower ------------------------------------------------------
  std::string parseError;
  OwningOpRef<ModuleOp> module =
      sqztools::parseModel(context, modelFile, diagnostics, parseError);
  if (!module)
    fail(parseError);
  clock.mark("parse");

  if (target == Target::CUDA)
    lowerForCUDA(*module, diagnostics);
  else if (!sqztools::isLLVMDialectOnly(*module))
    lowerForCPU(*module, threads.getValue(), weightOnlyCompute.getValue(),
                diagnostics);
  manifest::Manifest model = describeModel(*module);
  clock.mark("lowering");

  // ---- LLVM IR --------------------------------------------------------------
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  auto machine = sqztools::createTargetMachine(targetCPU, optLevel);
  if (!machine)
    fail(llvm::toString(machine.takeError()));

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(*module, llvmContext, modelFile);
  if (!llvmModule)
    fail("cannot translate '" + modelFile +
         "' to LLVM IR: " + diagnostics.take());
  llvmModule->setTargetTriple((*machine)->getTargetTriple());
  llvmModule->setDataLayout((*machine)->createDataLayout());
  sqztools::addModelInterface(*llvmModule, model);
  failOn(makeOptimizingTransformer(optLevel, /*sizeLevel=*/0,
                                   machine->get())(llvmModule.get()));
  clock.mark("LLVM IR");

  // ---- Object and library ---------------------------------------------------
  if (emit == Emit::LLVMIR) {
    std::string text;
    llvm::raw_string_ostream os(text);
    llvmModule->print(os, nullptr);
    failOn(sqz::writeFile(outputFile, text));
    clock.report(llvm::errs(), "sqz-compile", model.entries.front().name,
                 compileTime);
    return 0;
  }
  std::string objectFile = outputFile;
  SmallString<128> temporary;
  if (emit == Emit::Library) {
    if (std::error_code error =
            llvm::sys::fs::createTemporaryFile("sqz-model", "o", temporary))
      fail("cannot create a temporary file: " + error.message());
    objectFile = std::string(temporary);
  }
  failOn(sqztools::emitObjectFile(*llvmModule, **machine, objectFile));
  clock.mark("object");
  if (emit == Emit::Library) {
    llvm::Error linked =
        sqztools::linkSharedLibrary(objectFile, outputFile, runtime, linker);
    llvm::sys::fs::remove(objectFile);
    failOn(std::move(linked));
    clock.mark("link");
  }
  clock.report(llvm::errs(), "sqz-compile", model.entries.front().name,
               compileTime);
  return 0;
}
