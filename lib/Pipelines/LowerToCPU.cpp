//===- LowerToCPU.cpp - The sqz-lower-to-cpu pipeline ---------------------===//
//
// Tensor-level model IR in, LLVM dialect out, ready for the ExecutionEngine
// (`sqz-run`) or `mlir-translate --mlir-to-llvmir`:
//
//   [linear layers with constant weights -> GEMM kernel calls on packed
//   weights]  ->  [sqz -> linalg]  ->  entry points (C interface, signature,
//   read-only args)
//   -> elementwise fusion  ->  register tiles of contractions and
//   elementwise ops vectorized  ->  one-shot-bufferize (function boundaries,
//   identity layouts)  ->  buffer deallocation  ->  loops for the rest
//   (innermost loop parallel and contiguous)  ->  LLVM  ->  check
//
//===----------------------------------------------------------------------===//

#include "CommonStages.h"
#include "sqz/Codegen/CPU/Passes.h"
#include "sqz/Conversion/Passes.h"
#include "sqz/Pipelines/Passes.h"
#include "sqz/Pipelines/Pipelines.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

void sqz::buildLowerToCPUPipeline(OpPassManager &pm,
                                  const LowerToCPUOptions &options) {
  // ---- The precondition ----------------------------------------------------
  // What no pass below lowers (or an upstream one crashes on) is reported
  // first, naming the op.
  pm.addPass(createSqzCheckCPUInput());

  // ---- Kernels --------------------------------------------------------------
  // Linear layers with constant weights become calls of the runtime's GEMM
  // kernels on weights packed here, before anything fuses into them.
  if (options.kernels) {
    SqzCPUGemmKernelsOptions kernelOptions;
    kernelOptions.targetCPU = options.targetCPU;
    kernelOptions.threads = options.threads;
    kernelOptions.weightOnlyCompute = options.weightOnlyCompute;
    pm.addPass(createSqzCPUGemmKernels(kernelOptions));
  }

  // ---- sqz -> plain tensors -----------------------------------------------
  // The sqz ops first (the reference lowering; the fast CPU kernels replace
  // it op by op), so that everything below sees tensor-level IR; entry
  // points are exported after it so that `sqz.signature` records the
  // signature the JIT sees.
  ConvertSqzToLinalgOptions sqzToLinalgOptions;
  sqzToLinalgOptions.sparseMatmul = SparseMatmulLowering::Direct;
  sqzToLinalgOptions.observe = options.observe;
  pm.addPass(createConvertSqzToLinalg(sqzToLinalgOptions));

  // ---- Entry points, tensor-level fusion -----------------------------------
  addEntryPointsAndElementwiseFusion(pm, options.readOnlyArgs,
                                     options.fuseElementwise);

  // ---- Vectorization --------------------------------------------------------
  // Matmul-shaped contractions and elementwise ops with static shapes become
  // loops over register tiles of vector ops (i8 x i8 -> i32 in integer
  // arithmetic); anything else stays for the loops below.
  if (options.vectorize) {
    SqzVectorizeOptions vectorizeOptions;
    vectorizeOptions.vectorizeReductions = options.vectorizeReductions;
    pm.addNestedPass<func::FuncOp>(createSqzVectorize(vectorizeOptions));
    pm.addPass(createCanonicalizerPass());
    pm.addPass(createCSEPass());
  }

  // ---- Bufferization --------------------------------------------------------
  addBufferization(pm);

  // ---- Buffers to loops -----------------------------------------------------
  // Contractions would nest their reduction innermost: make the innermost
  // loop parallel and unit-stride so that LLVM vectorizes it.
  if (options.contiguousInnerLoop)
    pm.addNestedPass<func::FuncOp>(createSqzContiguousInnerLoop());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  // n-D transfers of the vector tiles: unrolled into 1-D ones, without a
  // temporary buffer.
  VectorTransferToSCFOptions vectorToSCFOptions;
  vectorToSCFOptions.enableFullUnroll();
  pm.addPass(createConvertVectorToSCFPass(vectorToSCFOptions));
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());

  // ---- The LLVM tail (see MLIR22-FACTS.md) ---------------------------------
  // exp, tanh and erf as vector arithmetic rather than libm calls.
  if (options.approximateMath)
    pm.addPass(createSqzCPUApproximateMath());
  // llvm.intr.powi takes one scalar exponent: vector fpowi per element.
  pm.addPass(createSqzScalarizeVectorFPowI());
  pm.addPass(createConvertMathToLLVMPass());
  // What has no LLVM intrinsic (erf, atan2, ...) becomes a libm call; on
  // vectors one per element, through vector ops: before the vector lowering.
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  // expand-strided-metadata leaves affine.apply behind.
  pm.addPass(createLowerAffinePass());
  // With the runtime's kernels, buffers come from the runtime's cache
  // (sqz/Runtime/BufferCache.h): a model's large intermediates are reused
  // from call to call instead of faulted in afresh.
  FinalizeMemRefToLLVMConversionPassOptions memrefOptions;
  memrefOptions.useGenericFunctions = options.kernels;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefOptions));
  pm.addPass(arith::createArithExpandOpsPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  // Without it `ub.poison` survives.
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());

  // ---- The contract ---------------------------------------------------------
  if (options.check)
    pm.addPass(createSqzCheckLLVMDialect());
}

void sqz::registerLowerToCPUPipeline() {
  static bool registered = false;
  if (registered)
    return;
  registered = true;
  registerSqzPipelinesPasses();
  PassPipelineRegistration<LowerToCPUOptions>(
      "sqz-lower-to-cpu",
      "Lower model IR (sqz, func, linalg, tensor, arith, math) to the "
      "LLVM dialect for the CPU JIT, with a C interface on public functions",
      buildLowerToCPUPipeline);
}
