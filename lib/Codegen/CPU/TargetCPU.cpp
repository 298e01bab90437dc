//===- TargetCPU.cpp - The CPU that generated code is for -----------------===//

#include "sqz/Codegen/CPU/TargetCPU.h"

#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/X86TargetParser.h"

using namespace mlir;
using namespace mlir::sqz;

std::optional<TargetCPU> TargetCPU::get(StringRef name) {
  TargetCPU cpu;
  if (name == "generic")
    return cpu;
  if (name == "host") {
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      cpu.features[feature.getKey()] = feature.getValue();
    return cpu;
  }
  if (llvm::X86::parseArchX86(name, /*Only64Bit=*/true) == llvm::X86::CK_None)
    return std::nullopt;
  SmallVector<StringRef> features;
  llvm::X86::getFeaturesForCPU(name, features);
  for (StringRef feature : features)
    cpu.features[feature] = true;
  return cpu;
}
