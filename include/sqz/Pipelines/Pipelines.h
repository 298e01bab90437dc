//===- Pipelines.h - Squeeze's named pass pipelines -------------*- C++ -*-===//
//
// The pipelines that take (compressed) model IR down to executable form:
// `sqz-lower-to-cpu` produces LLVM dialect IR that `sqz-run`, the MLIR
// ExecutionEngine or `mlir-translate --mlir-to-llvmir` accept.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_PIPELINES_PIPELINES_H
#define SQZ_PIPELINES_PIPELINES_H

#include "sqz/Codegen/CPU/Passes.h"
#include "sqz/Conversion/SqzToLinalg/SqzToLinalg.h"

#include "mlir/Pass/PassOptions.h"

namespace mlir {
class OpPassManager;

namespace sqz {

/// Options of `sqz-lower-to-cpu`.
struct LowerToCPUOptions : public PassPipelineOptions<LowerToCPUOptions> {
  PassOptions::Option<bool> kernels{
      *this, "kernels",
      llvm::cl::desc("Run linear layers with a constant weight on the "
                     "runtime's GEMM kernels, the weight packed at compile "
                     "time (sqz-cpu-gemm-kernels), and take buffers from "
                     "the runtime's cache; the compiled code then calls the "
                     "runtime library (default: true)"),
      llvm::cl::init(true)};
  PassOptions::Option<std::string> targetCPU{
      *this, "target-cpu",
      llvm::cl::desc("CPU the code is for, whose features choose the "
                     "kernels: host (the machine compiling), an LLVM x86 CPU "
                     "name (znver3, znver4, skylake-avx512, ...), or generic "
                     "(default: host)"),
      llvm::cl::init("host")};
  PassOptions::Option<int64_t> threads{
      *this, "threads",
      llvm::cl::desc("Threads of each kernel call; 0: all hardware threads "
                     "of the machine running the code (default: 0)"),
      llvm::cl::init(0)};
  PassOptions::Option<WeightOnlyCompute> weightOnlyCompute{
      *this, "weight-only-compute",
      llvm::cl::desc("Arithmetic of weight-only quantized layers on the "
                     "kernels (default: f32)"),
      llvm::cl::init(WeightOnlyCompute::F32), weightOnlyComputeValues()};
  PassOptions::Option<bool> fuseElementwise{
      *this, "fuse-elementwise",
      llvm::cl::desc("Generalize named linalg ops and fuse elementwise "
                     "producers into their consumers before bufferization "
                     "(default: true)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> vectorize{
      *this, "vectorize",
      llvm::cl::desc(
          "Tile contractions and elementwise ops into register "
          "tiles and vectorize them with the linalg vectorizer "
          "(sqz-vectorize); the rest goes through loops (default: true)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> vectorizeReductions{
      *this, "vectorize-reductions",
      llvm::cl::desc(
          "With vectorize: also vectorize row reductions (softmax, "
          "LayerNorm, dynamic quantization's min and max) with 16 partial "
          "results per row; float sums are then added in another order than "
          "the loops' (default: true)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> approximateMath{
      *this, "approximate-math",
      llvm::cl::desc("Compute f32 exp, tanh and erf with vectorizable "
                     "polynomial approximations (a few ulp) instead of one C "
                     "math library call per element "
                     "(sqz-cpu-approximate-math) (default: true)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> contiguousInnerLoop{
      *this, "contiguous-inner-loop",
      llvm::cl::desc("Interchange contraction loops so that the innermost "
                     "loop is parallel and unit-stride "
                     "(sqz-contiguous-inner-loop) (default: true)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> readOnlyArgs{
      *this, "read-only-args",
      llvm::cl::desc("Never write into the buffers of entry-point tensor "
                     "arguments (copy instead) (default: true)"),
      llvm::cl::init(true)};
  PassOptions::Option<ObserveLowering> observe{
      *this, "observe",
      llvm::cl::desc("What sqz.observe becomes (default: identity)"),
      llvm::cl::init(ObserveLowering::Identity),
      llvm::cl::values(
          clEnumValN(ObserveLowering::Identity, "identity", "its operand"),
          clEnumValN(ObserveLowering::Call, "call",
                     "also a call of @sqz_observe that records statistics, "
                     "for sqz-run --calibrate"))};
  PassOptions::Option<bool> check{
      *this, "check",
      llvm::cl::desc("End with sqz-check-llvm-dialect (the output holds only "
                     "builtin.module and llvm.* ops) (default: true)"),
      llvm::cl::init(true)};
};

/// Adds the passes of `sqz-lower-to-cpu` to `pm`, which must run on
/// `builtin.module`: tensor-level IR (func, linalg, tensor, arith, math,
/// vector, scf, affine, and sqz once convert-sqz-to-linalg exists) in, LLVM
/// dialect out, with a `_mlir_ciface_NAME` wrapper for every public function.
void buildLowerToCPUPipeline(OpPassManager &pm,
                             const LowerToCPUOptions &options);

/// Registers `sqz-lower-to-cpu` and the passes it is built from
/// (`sqz-export-entry-points`, `sqz-check-llvm-dialect`). Idempotent.
void registerLowerToCPUPipeline();

/// sqz-lower-to-nvvm format=: the form of the kernels in the host module.
enum class GpuBinaryFormat { Bin, Isa, Fatbin };
} // namespace sqz
} // namespace mlir

SQZ_ENUM_OPTION(mlir::sqz::GpuBinaryFormat)

namespace mlir {
namespace sqz {

/// Options of `sqz-lower-to-nvvm`.
struct LowerToNVVMOptions : public PassPipelineOptions<LowerToNVVMOptions> {
  PassOptions::Option<std::string> chip{
      *this, "chip",
      llvm::cl::desc("The GPU the kernels are for, as ptxas names it "
                     "(default: sm_90, Hopper: H100, H200)"),
      llvm::cl::init("sm_90")};
  PassOptions::Option<std::string> features{
      *this, "features",
      llvm::cl::desc("PTX features; sm_90 needs PTX 8.0 or later "
                     "(default: +ptx80)"),
      llvm::cl::init("+ptx80")};
  PassOptions::Option<GpuBinaryFormat> format{
      *this, "format",
      llvm::cl::desc("What is embedded in the host module (default: bin)"),
      llvm::cl::init(GpuBinaryFormat::Bin),
      llvm::cl::values(
          clEnumValN(GpuBinaryFormat::Bin, "bin", "a cubin assembled by ptxas"),
          clEnumValN(GpuBinaryFormat::Isa, "isa",
                     "PTX text, compiled by the driver when loaded"),
          clEnumValN(GpuBinaryFormat::Fatbin, "fatbin",
                     "a fat binary holding the cubin and the PTX"))};
  PassOptions::Option<std::string> toolkit{
      *this, "toolkit",
      llvm::cl::desc("CUDA toolkit whose ptxas and libdevice are used "
                     "(default: $CUDA_HOME, else /usr/local/cuda)"),
      llvm::cl::init("")};
  PassOptions::Option<int64_t> blockSize{
      *this, "block-size",
      llvm::cl::desc("Threads per block of the elementwise and loop kernels "
                     "(default: 256)"),
      llvm::cl::init(256)};
  PassOptions::Option<bool> readOnlyArgs{
      *this, "read-only-args",
      llvm::cl::desc("Never write into the buffers of entry-point tensor "
                     "arguments (copy instead) (default: true)"),
      llvm::cl::init(true)};
  PassOptions::Option<bool> sparseTensorCores{
      *this, "sparse-tensor-cores",
      llvm::cl::desc("Run 2:4 sparse matmuls of symmetric int8 codes on the "
                     "sparse tensor cores (mma.sp), reading the kept codes "
                     "and positions as stored; else decompress the weight "
                     "and run the dense kernels (default: true)"),
      llvm::cl::init(true)};
};

/// Adds the passes of `sqz-lower-to-nvvm` to `pm` (on `builtin.module`):
/// the same tensor-level IR as sqz-lower-to-cpu in, an LLVM dialect host
/// module out whose kernels are compiled into an embedded `gpu.binary`,
/// with a `_mlir_ciface_NAME` wrapper for every public function. Entry
/// points take and return host buffers; everything between lives in
/// device memory.
void buildLowerToNVVMPipeline(OpPassManager &pm,
                              const LowerToNVVMOptions &options);

/// Registers `sqz-lower-to-nvvm` and the GPU code generator's passes.
/// Idempotent.
void registerLowerToNVVMPipeline();

} // namespace sqz
} // namespace mlir

#endif // SQZ_PIPELINES_PIPELINES_H
