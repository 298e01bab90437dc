//===- TargetCPU.h - The CPU that generated code is for ---------*- C++ -*-===//
//
// Which instruction sets the target CPU has, from its name (or the host's),
// as the CPU code generator asks when it chooses kernels.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_CODEGEN_CPU_TARGETCPU_H
#define SQZ_CODEGEN_CPU_TARGETCPU_H

#include "mlir/Support/LLVM.h"

#include "llvm/ADT/StringMap.h"

#include <optional>

namespace mlir::sqz {

/// The features of an x86 target CPU, by their LLVM names (`avx2`,
/// `avx512vnni`, ...).
class TargetCPU {
public:
  /// `host`: the machine running the compiler; `generic`: none; else an LLVM
  /// x86 CPU name. std::nullopt for an unknown name.
  static std::optional<TargetCPU> get(StringRef name);

  bool has(StringRef feature) const { return features.lookup(feature); }

  /// The instruction sets the kernels are written for.
  bool hasAvx2Fma() const { return has("avx2") && has("fma"); }
  bool hasAvx512() const {
    return has("avx512f") && has("avx512bw") && has("avx512vl") &&
           has("avx512dq") && has("fma");
  }
  bool hasAvx512Vnni() const { return hasAvx512() && has("avx512vnni"); }

private:
  llvm::StringMap<bool> features;
};

} // namespace mlir::sqz

#endif // SQZ_CODEGEN_CPU_TARGETCPU_H
