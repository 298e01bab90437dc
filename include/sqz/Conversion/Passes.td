//===- Passes.td - Conversion passes of Squeeze ------------*- tablegen -*-===//

#ifndef SQZ_CONVERSION_PASSES_TD
#define SQZ_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertSqzToLinalg : Pass<"convert-sqz-to-linalg", "ModuleOp"> {
  let summary = "Reference lowering of sqz ops to linalg with exact integer arithmetic";
  let description = [{
    Replaces every `sqz` op by plain tensors and `linalg.generic` /
    `arith` / `math`: the oracle that the fast lowerings are tested against.

    * `sqz.pack` / `sqz.unpack` disappear: a compressed value is carried as
      its parts (codes, scales, zero points). Constant codes narrower than 8
      bits are packed into bytes, two (int4) or four (int2) per byte along the
      last dimension, low bits first, and unpacked where they are read.
    * `sqz.quantize` computes `clamp(roundeven(x / s) + z)`; dynamic
      parameters are reduced from the input per granularity unit first.
    * `sqz.dequantize` computes `(q - z) * s` in f32, then converts to the
      expressed type.
    * `sqz.matmul` with both operands quantized, an lhs scale per tensor or
      per row and an rhs scale per tensor or per output channel runs in
      integers: `acc_i32 = sum_k (qa - za)(qw - zw)`, then
      `acc * sa * sw (+ bias)`. Any other mix dequantizes the compressed
      operands and multiplies in the expressed type.
    * `sqz.fake_quant` is quantize then dequantize in float; `sqz.observe` is
      the identity. With `observe=call` (what `sqz-run --calibrate` uses) it
      is also a call `func.call @sqz_observe(%index, %buffer) : (i64,
      memref<*xf32>) -> ()` of an external function, `%index` the position
      of the `id` in the module attribute `sqz.observe_ids` (an array of
      strings that the lowering writes) and `%buffer` the observed value, as
      f32 (f16 and bf16 are extended exactly; other element types are an
      error).

    * Sparse tensors are decompressed to dense (codes when quantized, the
      pruned elements filled with the zero point) where they are read, and
      the dense rules above apply. N:M: a `linalg.generic` over the logical
      shape with the sparse axis split into `[K/m, m]` and a reduction over
      the `n` kept slots, `out[g, j] = pos[g, s] == j ? val[g, s] : out[g, j]`
      (exact). Unstructured: an `scf.for` over the flat index that keeps the
      running count of set mask bits. Constant N:M metadata is stored packed
      `8/b` positions to a byte along the sparse axis (`b` = 1, 2 or 4 bits,
      the next power of two of `ceil(log2 m)`; 2:4: four 2-bit positions per
      byte), a constant mask 8 bits to a byte along the last dimension, low
      bits first, when the dimension divides evenly.
    * With `sparse-matmul=direct`, an `sqz.matmul` whose 2-D rhs is N:M
      sparse along its reduction axis, unquantized or quantized per tensor or
      per output channel, reads only the kept values:
      `acc[i, c] += w[g*n + s, c] * x[i, g*m + pos[g*n + s, c]]` (the lhs row
      gathered with `tensor.extract`), with the same arithmetic as the dense
      contraction (integer `(qx - zx)(qw - zw)` in i32 when both operands
      are quantized, else dequantized in the expressed type), so that the
      result equals decompress-then-multiply. Any other sparse rhs is
      decompressed. `sparse-matmul=direct-integer` reads only the rhs of
      an integer matmul (codes on both sides) so, and decompresses the
      others. The direct contraction carries the attribute
      `sqz.nm_contraction = {n, m, positions_per_byte[, int8_operands]}`
      for code generators (`int8_operands`: both sides are symmetric signed
      8-bit codes, so every value the body reads fits in i8).

    Compressed values must not cross function or block boundaries, and
    sparse tensors must have a static shape: both are errors. Sparse values
    narrower than 8 bits are not packed.

    Example:
    ```mlir
    %w = sqz.pack %vals metadata(%pos : tensor<4x8xi2>)
        : tensor<4x8xf32> -> !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 0)>>
    %y = sqz.matmul %x, %w : tensor<1x8xf32>, !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<1x8xf32>
    ```
  }];
  let options = [
    Option<"sparseMatmul", "sparse-matmul", "::mlir::sqz::SparseMatmulLowering",
           "::mlir::sqz::SparseMatmulLowering::Decompress",
           "How an sqz.matmul reads an N:M sparse rhs (default: decompress)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::SparseMatmulLowering::Decompress,
                        "decompress", "to dense, then the dense contraction"),
             clEnumValN(::mlir::sqz::SparseMatmulLowering::Direct, "direct",
                        "a contraction over the kept values only"),
             clEnumValN(::mlir::sqz::SparseMatmulLowering::DirectInteger,
                        "direct-integer",
                        "direct for a matmul of integer codes on both sides, "
                        "decompress for the others"))}]>,
    Option<"observe", "observe", "::mlir::sqz::ObserveLowering",
           "::mlir::sqz::ObserveLowering::Identity",
           "What sqz.observe becomes (default: identity)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::ObserveLowering::Identity, "identity",
                        "its operand"),
             clEnumValN(::mlir::sqz::ObserveLowering::Call, "call",
                        "its operand and a call of the external function "
                        "@sqz_observe that records statistics"))}]>
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::bufferization::BufferizationDialect",
    "::mlir::func::FuncDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::memref::MemRefDialect",
    "::mlir::math::MathDialect", "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect"
  ];
}

#endif // SQZ_CONVERSION_PASSES_TD
