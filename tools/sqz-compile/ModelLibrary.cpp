//===- ModelLibrary.cpp - Making a model's shared library -----------------===//

#include "ModelLibrary.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

using namespace llvm;
namespace manifest = mlir::sqz::manifest;

static Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

Expected<std::unique_ptr<TargetMachine>>
sqztools::createTargetMachine(StringRef cpu, unsigned optLevel) {
  Triple triple(sys::getProcessTriple());
  std::string error;
  const Target *target = TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return makeError("no LLVM target for " + triple.str() + ": " + error);
  std::string cpuName = cpu.str();
  std::string features;
  if (cpu == "host") {
    cpuName = sys::getHostCPUName().str();
    for (const auto &feature : sys::getHostCPUFeatures())
      features += (features.empty() ? "" : ",") +
                  std::string(feature.getValue() ? "+" : "-") +
                  feature.getKey().str();
  }
  if (!target->hasTargetMachine())
    return makeError("LLVM target " + triple.str() + " has no code generator");
  auto level = static_cast<CodeGenOptLevel>(optLevel);
  std::unique_ptr<TargetMachine> machine(
      target->createTargetMachine(triple, cpuName, features, TargetOptions(),
                                  Reloc::PIC_, std::nullopt, level));
  if (!machine)
    return makeError("cannot create a target machine for " + triple.str() +
                     " " + cpuName);
  return machine;
}

/// `const char sqz_model_manifest[]`, exported.
static void addManifest(Module &module, const manifest::Manifest &model) {
  LLVMContext &context = module.getContext();
  Constant *text = ConstantDataArray::getString(context, manifest::print(model),
                                                /*AddNull=*/true);
  auto *global = new GlobalVariable(
      module, text->getType(), /*isConstant=*/true,
      GlobalValue::ExternalLinkage, text, manifest::kSymbolName);
  global->setVisibility(GlobalValue::DefaultVisibility);
  global->setAlignment(Align(1));
}

/// `void _sqz_packed_NAME(void **args)` around `_mlir_ciface_NAME`.
static void addPackedWrapper(Module &module, Function &callee,
                             StringRef entryName) {
  LLVMContext &context = module.getContext();
  auto *pointerType = PointerType::getUnqual(context);
  auto *wrapperType =
      FunctionType::get(Type::getVoidTy(context), {pointerType}, false);
  Function *wrapper =
      Function::Create(wrapperType, GlobalValue::ExternalLinkage,
                       manifest::kPackedPrefix + entryName.str(), module);
  IRBuilder<> builder(BasicBlock::Create(context, "entry", wrapper));
  Value *args = wrapper->getArg(0);
  auto slot = [&](unsigned index) {
    Value *address =
        builder.CreateConstGEP1_64(pointerType, args, index, "slot");
    return builder.CreateLoad(pointerType, address);
  };
  SmallVector<Value *> values;
  for (auto [index, param] : enumerate(callee.args()))
    values.push_back(builder.CreateLoad(param.getType(), slot(index)));
  CallInst *call = builder.CreateCall(&callee, values);
  if (!callee.getReturnType()->isVoidTy())
    builder.CreateStore(call, slot(callee.arg_size()));
  builder.CreateRetVoid();
}

void sqztools::addModelInterface(Module &module,
                                 const manifest::Manifest &model) {
  addManifest(module, model);
  for (const manifest::Entry &entry : model.entries) {
    Function *callee = module.getFunction("_mlir_ciface_" + entry.name);
    // The manifest was made from the same module: the wrapper exists.
    assert(callee && "entry point without a C interface wrapper");
    addPackedWrapper(module, *callee, entry.name);
  }
}

Error sqztools::emitObjectFile(Module &module, TargetMachine &machine,
                               StringRef path) {
  std::error_code error;
  raw_fd_ostream os(path, error, sys::fs::OF_None);
  if (error)
    return makeError("cannot write '" + path + "': " + error.message());
  legacy::PassManager passes;
  if (machine.addPassesToEmitFile(passes, os, nullptr,
                                  CodeGenFileType::ObjectFile))
    return makeError("the target machine cannot emit object files");
  passes.run(module);
  os.close();
  if (os.has_error()) {
    std::error_code writeError = os.error();
    os.clear_error();
    return makeError("cannot write '" + path + "': " + writeError.message());
  }
  return Error::success();
}

/// The C compiler driver that links: `linker` if given, else the first
/// found.
static Expected<std::string> findLinker(StringRef linker) {
  if (!linker.empty()) {
    ErrorOr<std::string> path = sys::findProgramByName(linker);
    if (!path)
      return makeError("--linker '" + linker + "' not found");
    return *path;
  }
  for (StringRef name : {"clang-22", "clang", "cc"})
    if (ErrorOr<std::string> path = sys::findProgramByName(name))
      return *path;
  if (ErrorOr<std::string> path =
          sys::findProgramByName("clang", {SQZ_LLVM_TOOLS_DIR}))
    return *path;
  return makeError("no C compiler driver to link with (looked for clang-22, "
                   "clang and cc on PATH and clang in " SQZ_LLVM_TOOLS_DIR
                   "); give one with --linker");
}

Error sqztools::linkSharedLibrary(StringRef objectPath, StringRef outputPath,
                                  StringRef runtimeDir, StringRef linker) {
  Expected<std::string> driver = findLinker(linker);
  if (!driver)
    return driver.takeError();
  SmallString<128> runtimeLibrary(runtimeDir);
  sys::path::append(runtimeLibrary, "libsqz_runtime.so");
  if (!sys::fs::exists(runtimeLibrary))
    return makeError("the runtime library '" + runtimeLibrary +
                     "' does not exist (give its directory with "
                     "--runtime-dir)");
  std::string rpath = "-Wl,-rpath,$ORIGIN:" + runtimeDir.str();
  std::string libraryDir = "-L" + runtimeDir.str();
  SmallVector<StringRef> args = {
      *driver,    "-shared",       "-o",  outputPath, objectPath,
      libraryDir, "-lsqz_runtime", rpath, "-lm",      "-Wl,--no-undefined"};
  SmallString<128> log;
  if (std::error_code error =
          sys::fs::createTemporaryFile("sqz-link", "log", log))
    return makeError("cannot create a temporary file: " + error.message());
  std::optional<StringRef> redirects[] = {std::nullopt, StringRef(log),
                                          StringRef(log)};
  std::string message;
  int status =
      sys::ExecuteAndWait(*driver, args, std::nullopt, redirects,
                          /*SecondsToWait=*/0, /*MemoryLimit=*/0, &message);
  auto output = MemoryBuffer::getFile(log);
  std::string text = output ? (*output)->getBuffer().trim().str() : "";
  sys::fs::remove(log);
  if (status != 0)
    return makeError("linking '" + outputPath + "' with " + *driver +
                     " failed" + (message.empty() ? "" : ": " + message) +
                     (text.empty() ? "" : ": " + text));
  return Error::success();
}
