//===- ModelLibrary.h - Making a model's shared library ---------*- C++ -*-===//
//
// The steps after lowering: the manifest and one packed wrapper per entry
// point added to the LLVM IR, the object file emitted in process through
// LLVM's target machine, and the shared library linked with the system
// linker against the runtime library.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_TOOLS_SQZ_COMPILE_MODELLIBRARY_H
#define SQZ_TOOLS_SQZ_COMPILE_MODELLIBRARY_H

#include "sqz/Support/ModelManifest.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>

namespace llvm {
class Module;
} // namespace llvm

namespace sqztools {

/// A target machine for x86-64 Linux code in a shared library (PIC): for
/// the host CPU and its features when `cpu` is "host", else for the named
/// CPU ("znver4", "skylake-avx512", "x86-64-v3", "generic", ...).
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(llvm::StringRef cpu, unsigned optLevel);

/// Adds `sqz_model_manifest` (the manifest text) and, for every entry,
/// `void _sqz_packed_NAME(void **args)`, which loads each argument of
/// `_mlir_ciface_NAME` through args[i], calls it and stores a returned
/// value through args[n].
void addModelInterface(llvm::Module &module,
                       const mlir::sqz::manifest::Manifest &manifest);

/// Writes `module` as an object file.
llvm::Error emitObjectFile(llvm::Module &module, llvm::TargetMachine &machine,
                           llvm::StringRef path);

/// Links `objectPath` into the shared library `outputPath` against
/// `libsqz_runtime.so` in `runtimeDir`, which the library then finds beside
/// itself or in `runtimeDir`. `linker` is a C compiler driver; empty: the
/// first of clang-22, clang, cc on PATH or in LLVM's bin directory.
llvm::Error linkSharedLibrary(llvm::StringRef objectPath,
                              llvm::StringRef outputPath,
                              llvm::StringRef runtimeDir,
                              llvm::StringRef linker);

} // namespace sqztools

#endif // SQZ_TOOLS_SQZ_COMPILE_MODELLIBRARY_H
