//===- Passes.td - Passes of the CPU code generator ----*- tablegen -*-===//
//
// The CPU code generator: what `sqz-lower-to-cpu` does beyond the upstream
// lowering, so that compiled models run at the speed of the machine.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_CODEGEN_CPU_PASSES_TD
#define SQZ_CODEGEN_CPU_PASSES_TD

include "mlir/Pass/PassBase.td"

def SqzCPUGemmKernels : Pass<"sqz-cpu-gemm-kernels", "ModuleOp"> {
  let summary = "Run linear layers with a constant weight on the CPU GEMM "
                "kernels, the weight packed at compile time";
  let description = [{
    Runs on tensor-level IR, before bufferization. A 2-D linear layer
    `y = x W` whose weight is a constant (seen through transposes, as
    importers emit `[N, K]` weights) and whose accumulator is a zero fill
    becomes a call of one of the runtime's GEMM kernels:

    * f32 x f32 -> f32 (`linalg.matmul`, its transposed-weight forms and
      `linalg.generic` contractions): `sqz_cpu_gemm_f32_{avx2,avx512}`,
      within float rounding of the loops (the kernel sums in another order
      and with fused multiply-adds);
    * i8 x i8 -> i32 with sign extensions (the integer matmul that
      `sqz-fold-scales` leaves on raw codes): `sqz_cpu_gemm_s8_avx2`
      (16-bit pair products) or `sqz_cpu_gemm_s8_avx512vnni` (`vpdpbusd`
      on activations offset by 128, the offset's correction packed with the
      weight); bit-identical to the reference. When the product's only user
      is the W8A8 dequantization `sitofp(acc) * (row scale * column scale)
      (+ bias)` with constant column scales and bias, the kernel's scaled
      variant (`sqz_cpu_gemm_s8_scaled_*`) applies it to the sums before
      storing them, in the same order of operations (still bit-identical).
      When that result's only reader (directly or through one
      `tensor.expand_shape`) is an elementwise residual add `y + r` or, on
      AVX-512 VNNI, GELU in torch-mlir's erf form `y * ((erf(y / sqrt 2) +
      1) * 0.5)`, the call applies that too and replaces it (the add
      bit-identical; erf within 2 ulp of the exact value, by a table of
      polynomials instead of the rational approximation's divisions);
    * `sqz.matmul` of f32 activations by a constant weight-only quantized
      `sqz.pack` (8- or 4-bit codes, signed or unsigned, per tensor, per
      output channel or per group along K, with or without zero points;
      optional bias): `sqz_cpu_gemm_q{8,4}_{avx2,avx512}`, which unpack the
      codes in registers (a float or 8-bit copy of a 4-bit weight never
      exists) and apply each group's scale to its partial sum; within float
      rounding of the reference. The bias is added by a `linalg.generic`
      after the call. With `weight-only-compute=int8` and AVX-512 VNNI:
      `sqz_cpu_gemm_q{8,4}a8_avx512vnni`, which quantize the activations at
      run time to symmetric int8, one scale per row and group of K, and
      multiply them with the unsigned codes on `vpdpbusd`; within the
      activations' rounding of the reference (a group must be a whole
      number of quads of K and at most 65536 long, else the layer keeps
      the f32 kernel);
    * `sqz.matmul` by a constant 2:4 weight sparse along K (two kept values
      in every four): f32 values under f32 activations
      (`sqz_cpu_gemm_sp24_f32_avx2`; on AVX-512 targets
      `sqz_cpu_gemm_sp24_f32_avx512`, whose one-row products run on 512-bit
      vectors; within float rounding), and symmetric
      int8 codes under symmetric int8 activations, per token or per tensor
      (`sqz_cpu_gemm_sp24_s8_avx2`, exact; the scales applied after the call
      as the reference does, so bit-identical). Only the kept values are
      stored and multiplied, with one metadata word per 8 columns and 4 K.

    On AVX-512 targets, the activation side of W8A8 runs on kernels too: a
    dynamic `sqz.quantize` of a 2-D f32 tensor to symmetric int8 with one
    scale per row (per token) becomes `sqz_cpu_quantize_row_scales_avx512`
    and `sqz_cpu_quantize_rows_s8_avx512` (the scales, then the codes, both
    split over the threads) and a `sqz.pack` of their results. They compute
    the reference lowering's scales and codes to the bit (a true division,
    round half to even), so the model's outputs do not change. Where the
    codes feed a W8A8 layer with the dequantization epilogue of the same
    quantization's scales, the VNNI kernel's quantizing variant
    (`sqz_cpu_gemm_s8_quantized_avx512vnni`) takes the f32 activation
    instead and quantizes each row straight into its packed operand; the
    quantization is erased when nothing else reads it.

    On AVX-512 targets, an f32 softmax over the innermost dimension runs on
    `sqz_cpu_softmax_rows_f32_avx512`, one row at a time (three passes over
    a row in L1 instead of four over the whole tensor): `linalg.softmax`,
    and the generic ops it is decomposed into (torch-mlir's form: a max
    reduction from -infinity or the lowest float whose argmax, if any, is
    unused; `exp(x - max)` in one generic or two; their sum from zero; the
    division). Within a few ulp of the reference (exp is a polynomial, the
    sum is taken in another order); the division is the true division's
    (to an ulp for exponentials below 2^-100). Where the softmax's input is
    attention's scores, `x * c` or `x / c` (c a constant) plus a mask
    broadcast over one run of leading dimensions, or either alone, and
    nothing else reads them, `sqz_cpu_softmax_rows_masked_f32_avx512`
    computes them in the row's first pass, rounded as the ops round them.

    On AVX-512 targets, a layer norm over the innermost dimension as
    torch-mlir decomposes `aten.layer_norm` (the f32 mean; the variance
    from the row converted to f64 and truncated, or in f32; `rsqrt` of the
    variance plus a constant epsilon; centring, scaling, a per-column weight
    and bias) runs on `sqz_cpu_layer_norm_rows_f32_avx512`, one row at a
    time in L1 instead of a dozen ops over the whole tensor. Each operation
    rounds as the decomposed form's; the sums are taken in another order.

    The weight is packed once, here, into the layout the chosen kernel
    reads (panels of output columns, K grouped for the dot-product
    instruction; `runtime/include/sqz/Runtime/WeightPacking.h`) and becomes
    a private constant `memref.global`; the float or i8 original is erased
    when nothing else reads it. The call passes memref descriptors
    (`llvm.emit_c_interface`): the activation through
    `bufferization.to_buffer`, the result in a new buffer returned through
    `bufferization.to_tensor`.

    Each call splits the weight's panels (output columns) over `threads`
    threads of a pool that the runtime keeps (0: all hardware threads of
    the machine that runs the code).

    The kernel is chosen from the features of `target-cpu`: AVX-512 (VNNI
    for int8) where the CPU has it, else AVX2 with FMA; a CPU with neither
    keeps the layer for the generic lowering. The compiled code then needs
    the runtime library (`sqz-run` links it).

    ```mlir
    %w = arith.constant dense<...> : tensor<1024x4096xf32>
    %t = linalg.transpose ins(%w : ...) outs(...) permutation = [1, 0]
    %y = linalg.matmul ins(%x, %t : tensor<128x4096xf32>, tensor<4096x1024xf32>)
                       outs(%zero : tensor<128x1024xf32>) -> tensor<128x1024xf32>
    // becomes (AVX2)
    memref.global "private" constant @__sqz_packed_weight : memref<4194304xf32> = dense_resource<...>
    %a = bufferization.to_buffer %x read_only : tensor<128x4096xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
    %c = memref.alloc() {alignment = 64 : i64} : memref<128x1024xf32>
    ...
    func.call @sqz_cpu_gemm_f32_avx2(%c_cast, %a, %packed) : (...) -> ()
    %y = bufferization.to_tensor %c restrict writable : memref<128x1024xf32> to tensor<128x1024xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::func::FuncDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::tensor::TensorDialect",
  ];
  let options = [
    Option<"targetCPU", "target-cpu", "std::string", /*default=*/"\"host\"",
           "CPU the code is for, whose features choose the kernels: host "
           "(the machine compiling), an LLVM x86 CPU name (znver3, znver4, "
           "skylake-avx512, x86-64-v3, ...), or generic (no kernels) "
           "(default: host)">,
    Option<"threads", "threads", "int64_t", /*default=*/"0",
           "Threads each kernel call uses (it splits the output columns "
           "among them); 0: all hardware threads of the machine running "
           "the code (default: 0)">,
    Option<"weightOnlyCompute", "weight-only-compute",
           "::mlir::sqz::WeightOnlyCompute",
           "::mlir::sqz::WeightOnlyCompute::F32",
           "Arithmetic of weight-only quantized layers (default: f32)",
           [{::mlir::sqz::weightOnlyComputeValues()}]>,
  ];
}

def SqzCPUApproximateMath : Pass<"sqz-cpu-approximate-math"> {
  let summary = "Replace f32 exp, tanh and erf by polynomial approximations "
                "that vectorize";
  let description = [{
    LLVM lowers `math.exp`, `math.tanh` and `math.erf` to calls of the C
    math library, one per element even on vectors: in a transformer block
    (softmax, GELU) they take about a third of the time. This pass rewrites
    f32 ones (scalars and vectors) into the upstream polynomial
    approximations, built from arithmetic, `math.fma` and bit operations
    that stay vectors. Their error is a few units in the last place
    (docs/design.md gives the measured bound); other types and functions are
    left alone.

    ```mlir
    %y = math.tanh %x : vector<16xf32>
    // becomes a clamp, a rational polynomial in %x and a select, on vectors
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
    "::mlir::vector::VectorDialect",
  ];
}

#endif // SQZ_CODEGEN_CPU_PASSES_TD
