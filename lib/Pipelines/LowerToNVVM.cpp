//===- LowerToNVVM.cpp - The sqz-lower-to-nvvm pipeline -------------------===//
//
// Tensor-level model IR in, an LLVM dialect host module with an embedded
// cubin out, ready for sqz-compile --target=cuda:
//
//   [sqz -> linalg]  ->  entry points  ->  elementwise fusion
//   -> one-shot-bufferize (identity layouts on function boundaries)
//   -> buffer deallocation  ->  every buffer in device memory, entry
//   arguments and results copied across  ->  integer matmuls on the tensor
//   cores  ->  the rest: linalg to parallel loops
//   -> outermost loops on blocks x threads  ->  gpu.launch  ->  kernel
//   outlining  ->  host check  ->  kernels to NVVM, host to LLVM (runtime
//   calls), weights through device copies made once  ->  gpu.binary
//
//===----------------------------------------------------------------------===//

#include "CommonStages.h"
#include "sqz/Codegen/GPU/Passes.h"
#include "sqz/Conversion/Passes.h"
#include "sqz/Pipelines/Passes.h"
#include "sqz/Pipelines/Pipelines.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/LLVMIR/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

#include <cstdlib>

using namespace mlir;

/// gpu-module-to-binary's name of `format`.
static StringRef gpuBinaryFormatName(sqz::GpuBinaryFormat format) {
  switch (format) {
  case sqz::GpuBinaryFormat::Bin:
    return "bin";
  case sqz::GpuBinaryFormat::Isa:
    return "isa";
  case sqz::GpuBinaryFormat::Fatbin:
    return "fatbin";
  }
  llvm_unreachable("unknown GPU binary format");
}

/// --toolkit, else $CUDA_HOME, else /usr/local/cuda.
static std::string toolkitPath(const sqz::LowerToNVVMOptions &options) {
  if (!options.toolkit.empty())
    return options.toolkit;
  if (const char *home = std::getenv("CUDA_HOME"); home && *home)
    return home;
  return "/usr/local/cuda";
}

/// sqz -> linalg on tensors, fused, bufferized, deallocated.
static void addTensorLevel(OpPassManager &pm,
                           const sqz::LowerToNVVMOptions &options) {
  pm.addPass(sqz::createSqzCheckCPUInput());
  // Integer 2:4 matmuls read the kept values directly, for the sparse
  // tensor cores (sqz-gpu-matmul-kernels); the others decompress.
  sqz::ConvertSqzToLinalgOptions sqzToLinalgOptions;
  if (options.sparseTensorCores)
    sqzToLinalgOptions.sparseMatmul = sqz::SparseMatmulLowering::DirectInteger;
  pm.addPass(sqz::createConvertSqzToLinalg(sqzToLinalgOptions));
  sqz::addEntryPointsAndElementwiseFusion(pm, options.readOnlyArgs,
                                          /*fuseElementwise=*/true);
  sqz::addBufferization(pm);
}

/// Buffers on the device, loops on blocks and threads, kernels outlined.
static void addKernels(OpPassManager &pm,
                       const sqz::LowerToNVVMOptions &options) {
  pm.addNestedPass<func::FuncOp>(sqz::createSqzGPUDeviceBuffers());
  pm.addNestedPass<func::FuncOp>(sqz::createSqzGPUMatmulKernels());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToParallelLoopsPass());
  sqz::SqzGPUMapLoopsOptions mapOptions;
  mapOptions.blockSize = options.blockSize;
  pm.addNestedPass<func::FuncOp>(sqz::createSqzGPUMapLoops(mapOptions));
  pm.addNestedPass<func::FuncOp>(createConvertParallelLoopToGpuPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createCanonicalizerPass());
  // Constants go into the kernels rather than through their arguments: an
  // operand that must be an immediate (mma.sp's sparsity selector) stays
  // one.
  pm.addPass(createGpuLaunchSinkIndexComputationsPass());
  pm.addPass(createGpuKernelOutliningPass());
  pm.addPass(sqz::createSqzGPUCheckHostCode());
  // Allocations, copies and launches become asynchronous operations on one
  // stream, waited for where the host needs their results.
  pm.addNestedPass<func::FuncOp>(createGpuAsyncRegionPass());
}

/// Kernels to NVVM and a binary; host code to LLVM with runtime calls.
static void addLLVMTail(OpPassManager &pm,
                        const sqz::LowerToNVVMOptions &options) {
  pm.addPass(createConvertNVGPUToNVVMPass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertNVVMToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  GpuNVVMAttachTargetOptions targetOptions;
  targetOptions.chip = options.chip;
  targetOptions.features = options.features;
  pm.addPass(createGpuNVVMAttachTarget(targetOptions));
  pm.addPass(createLowerAffinePass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());

  OpPassManager &kernels = pm.nest<gpu::GPUModuleOp>();
  kernels.addPass(createStripDebugInfoPass());
  kernels.addPass(createConvertGpuOpsToNVVMOps());
  kernels.addPass(LLVM::createNVVMOptimizeForTargetPass());
  kernels.addPass(createCanonicalizerPass());
  kernels.addPass(createCSEPass());
  kernels.addPass(createReconcileUnrealizedCastsPass());

  pm.addPass(createGpuToLLVMConversionPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(sqz::createSqzGPUDeviceConstants());
  GpuModuleToBinaryPassOptions binaryOptions;
  binaryOptions.compilationTarget = gpuBinaryFormatName(options.format);
  binaryOptions.toolkitPath = toolkitPath(options);
  pm.addPass(createGpuModuleToBinaryPass(binaryOptions));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());

  // The contract: LLVM dialect, the kernels' binaries and their launches.
  sqz::SqzCheckLLVMDialectOptions checkOptions;
  checkOptions.pipelineName = "sqz-lower-to-nvvm";
  checkOptions.allowGPUBinaries = true;
  pm.addPass(sqz::createSqzCheckLLVMDialect(checkOptions));
}

void sqz::buildLowerToNVVMPipeline(OpPassManager &pm,
                                   const LowerToNVVMOptions &options) {
  addTensorLevel(pm, options);
  addKernels(pm, options);
  addLLVMTail(pm, options);
}

void sqz::registerLowerToNVVMPipeline() {
  static bool registered = false;
  if (registered)
    return;
  registered = true;
  registerSqzCodegenGPUPasses();
  PassPipelineRegistration<LowerToNVVMOptions>(
      "sqz-lower-to-nvvm",
      "Lower model IR (sqz, func, linalg, tensor, arith, math) to an LLVM "
      "dialect host module with its kernels compiled for an NVIDIA GPU "
      "(an embedded gpu.binary), with a C interface on public functions",
      buildLowerToNVVMPipeline);
}
