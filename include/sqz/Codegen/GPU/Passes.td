//===- Passes.td - Passes of the GPU code generator ----*- tablegen -*-===//
//
// The GPU code generator: what `sqz-lower-to-nvvm` does beyond the upstream
// GPU lowering, so that a whole model runs on an NVIDIA GPU with its
// buffers in device memory.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_CODEGEN_GPU_PASSES_TD
#define SQZ_CODEGEN_GPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def SqzGPUDeviceBuffers : Pass<"sqz-gpu-device-buffers", "func::FuncOp"> {
  let summary = "Put every buffer of a bufferized function in device memory";
  let description = [{
    Runs on bufferized IR, before the loops are mapped to the GPU. Every
    `memref.alloc` / `memref.alloca` becomes a `gpu.alloc` and every
    `memref.dealloc` a `gpu.dealloc`, so that the kernels read and write
    device memory only. A public function (an entry point, which the caller
    calls with host buffers) copies each memref argument into a new device
    buffer on entry (`gpu.memcpy`) and each returned memref into a new host
    buffer before it returns, which the caller owns and frees as it does
    for the CPU code. An argument that the caller passed as a memref (its
    `sqz.signature` says so; a tensor argument is read-only) is copied back
    too, since the function may have written it. A call of a public
    function from another function is an error: the callee's boundary
    expects host buffers. `memref.copy` between device buffers becomes a
    `linalg.copy`, which becomes a kernel like any other linalg op.
    Constant globals (weights) stay host globals here; the host code reads
    them through `sqz-gpu-device-constants`, which gives each a device copy
    made once.
  }];
  let dependentDialects = ["gpu::GPUDialect", "linalg::LinalgDialect",
                           "memref::MemRefDialect"];
}

def SqzGPUMatmulKernels : Pass<"sqz-gpu-matmul-kernels", "func::FuncOp"> {
  let summary = "Run contractions as tiled kernels, integer and "
                "half-precision ones on the tensor cores";
  let description = [{
    Runs on bufferized IR, before the loops are mapped. A contraction with
    one M, N and K dimension and any batch dimensions (linalg.matmul,
    batch_matmul, and the linalg.generic forms with transposing maps)
    becomes a `gpu.launch` over output tiles, blocks along N (x), M (y) and
    the batch (z), starting from the output's values as linalg accumulates:

    * i8 x i8 -> i32 with sign-extended weights and sign- or
      zero-extended activation codes (the integer matmul that
      `sqz-fold-scales` leaves for W8A8, symmetric or asymmetric): one
      warp per 16x8 tile accumulating along K with `nvvm.mma.sync`
      m16n8k32 (`mma.sync ... s32.s8.s8.s32` or `s32.u8.s8.s32`, IMMA in
      SASS), wrapping on overflow as the reference's integer addition
      does: bit-exact;
    * f16 x f16 or bf16 x bf16 into the same type (body `acc + a * b`) or
      into f32 (`acc + extf(a) * extf(b)`): the same warp tile on
      `nvvm.mma.sync` m16n8k16 (`mma.sync ... f32.f16.f16.f32` or
      `f32.bf16.bf16.f32`, HMMA in SASS), accumulating in f32 from the
      output's values; a half-precision output is rounded to nearest even
      once, at the store (the reference loops round every partial sum to
      the half type: this is the more accurate of the two);
    * the direct 2:4 contraction of symmetric int8 codes that
      `convert-sqz-to-linalg sparse-matmul=direct-integer` marks
      `sqz.nm_contraction = {n = 2, m = 4, positions_per_byte = 4,
      int8_operands}`: the sparse tensor cores, `nvvm.mma.sp.sync`
      m16n8k32 s8 (IMMA.SP in SASS), one warp per 16 output columns by 8
      output rows computing the transposed tile (the weight's channels are
      mma.sp's sparse A): the kept codes are A's registers as they are
      stored, the kept positions its metadata, wrapping: bit-exact;
    * f32 x f32 -> f32 with the body `acc + a * b` (any other body would
      see the zero padding of K): 16x16 threads per 64x64 tile, 4x4
      outputs per thread, 16-deep slices of both operands staged in shared memory
      (read along K where that is the operand's contiguous dimension).
      Each output sums along K in order with the contraction's own body,
      as the reference loops do; LLVM's NVPTX backend does not fuse the
      multiply and the add without fast-math flags, so the sums round as
      the reference loops' do.

    Each thread gathers its elements through the operands' indexing maps,
    so every layout of the weight works; elements past an edge read as 0
    and outputs past an edge are not written. An f32 operand computed by an
    elementwise op from constants alone (the dequantization of a
    weight-only W8 or W4 weight, with its unpacking of int4 nibbles) is
    computed inside the kernel, element by element as it is staged, from
    the codes and scales: the op and its full-size float buffer go away.
    Only a static-shaped buffer whose op computes from its inputs, loop
    indices and constants without memory effects is recomputed so.
    Tiles of M go on the grid's y and batches on its z, each at most
    65535 (M up to about 10^6 rows). Other contractions (mixed element
    types such as f16 by bf16, a sparse contraction of codes that need
    more than 8 bits once centered) stay for the loop kernels.
  }];
  let dependentDialects = ["gpu::GPUDialect", "NVVM::NVVMDialect",
                           "LLVM::LLVMDialect", "vector::VectorDialect",
                           "scf::SCFDialect", "arith::ArithDialect",
                           "memref::MemRefDialect"];
}

def SqzGPUMapLoops : Pass<"sqz-gpu-map-loops", "func::FuncOp"> {
  let summary = "Map the outermost parallel loops to GPU blocks and threads";
  let description = [{
    Runs on the loops of `convert-linalg-to-parallel-loops`. Each outermost
    `scf.parallel` is collapsed into one dimension and tiled by
    `block-size`: the tiles map to blocks along x, the iterations of a tile
    to threads along x (the last tile guarded by a bound check); parallel
    loops nested inside (under a reduction over a middle dimension, say)
    become sequential loops of each thread. A top-level loop nest
    without parallel dimensions (a reduction to a scalar) becomes one
    thread of one block. `convert-parallel-loops-to-gpu` then makes each a
    `gpu.launch`.
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"256",
           "Threads per block (default: 256)">,
  ];
  let dependentDialects = ["gpu::GPUDialect", "scf::SCFDialect",
                           "arith::ArithDialect", "affine::AffineDialect"];
}

def SqzGPUCheckHostCode : Pass<"sqz-gpu-check-host-code", "ModuleOp"> {
  let summary = "Check that host code touches no device memory";
  let description = [{
    After kernel outlining, host functions may allocate, copy, view and
    launch, but never load or store a buffer element themselves: every
    buffer lives in device memory. That includes `memref.reshape` (which
    reads its shape operand) and calls of external functions with buffer
    operands. An access left on the host (an op that
    no pass mapped to the GPU) is reported as an error that names it,
    instead of a fault at run time.
  }];
}

def SqzGPUDeviceConstants : Pass<"sqz-gpu-device-constants", "ModuleOp"> {
  let summary = "Read constant globals through device copies made once";
  let description = [{
    Runs on the LLVM dialect host module. Every address of a constant
    global taken in host code (`llvm.mlir.addressof`, as the lowering of
    `memref.get_global` makes for weights) becomes a call of the runtime's
    `sqzrtCudaDeviceConstant(host, bytes)`, which returns the address of
    a device copy of the global's bytes, uploaded on the first call and
    kept for the life of the process: weights cross to the GPU once per
    loaded model, not per call.
  }];
}

#endif // SQZ_CODEGEN_GPU_PASSES_TD
