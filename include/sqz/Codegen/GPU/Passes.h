//===- Passes.h - Passes of the GPU code generator --------------*- C++ -*-===//
//
// `sqz-gpu-device-buffers`, `sqz-gpu-matmul-kernels`, `sqz-gpu-map-loops`,
// `sqz-gpu-check-host-code` and `sqz-gpu-device-constants`: a model's buffers
// in device memory, its loops on GPU threads, its weights uploaded once.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_CODEGEN_GPU_PASSES_H
#define SQZ_CODEGEN_GPU_PASSES_H

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Pass/Pass.h"

#include <memory>

namespace mlir {
namespace sqz {

/// The runtime function that returns the device copy of a constant global:
/// `void *sqzrtCudaDeviceConstant(const void *host, int64_t bytes)`.
inline constexpr const char *kDeviceConstantFunctionName =
    "sqzrtCudaDeviceConstant";

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "sqz/Codegen/GPU/Passes.h.inc"

} // namespace sqz
} // namespace mlir

#endif // SQZ_CODEGEN_GPU_PASSES_H
