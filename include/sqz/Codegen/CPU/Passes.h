//===- Passes.h - Passes of the CPU code generator --------------*- C++ -*-===//
//
// `sqz-cpu-gemm-kernels`: linear layers with constant weights on the
// runtime's GEMM kernels, the weights packed at compile time.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_CODEGEN_CPU_PASSES_H
#define SQZ_CODEGEN_CPU_PASSES_H

#include "sqz/Support/EnumOption.h"

#include "mlir/Pass/Pass.h"

#include <memory>
#include <string>

namespace mlir {
namespace sqz {

/// sqz-cpu-gemm-kernels weight-only-compute= (and sqz-lower-to-cpu's): the
/// arithmetic of weight-only quantized layers.
enum class WeightOnlyCompute { F32, Int8 };

} // namespace sqz
} // namespace mlir

SQZ_ENUM_OPTION(mlir::sqz::WeightOnlyCompute)

namespace mlir {
namespace sqz {

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "sqz/Codegen/CPU/Passes.h.inc"

} // namespace sqz
} // namespace mlir

#endif // SQZ_CODEGEN_CPU_PASSES_H
