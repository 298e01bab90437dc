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

/// The words of a weight-only-compute option and what each means, shared
/// by the pass, the pipeline and the tools.
inline llvm::cl::ValuesClass weightOnlyComputeValues() {
  return llvm::cl::values(
      clEnumValN(WeightOnlyCompute::F32, "f32",
                 "codes converted to f32 and multiplied with the f32 "
                 "activations: within float rounding of the reference"),
      clEnumValN(WeightOnlyCompute::Int8, "int8",
                 "with AVX-512 VNNI, activations quantized at run time to "
                 "symmetric int8 per row and group of K and multiplied with "
                 "the codes on int8 dot products: faster, within the "
                 "activations' rounding (like ONNX Runtime's MatMulNBits "
                 "accuracy_level 4); f32 where the CPU has no VNNI"));
}

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
