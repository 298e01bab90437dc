//===- SqzOps.td - Operations of the sqz dialect -----------*- tablegen -*-===//

#ifndef SQZ_DIALECT_SQZ_IR_SQZOPS_TD
#define SQZ_DIALECT_SQZ_IR_SQZOPS_TD

include "sqz/Dialect/Sqz/IR/SqzTypes.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"

class Sqz_Op<string mnemonic, list<Trait> traits = []>
    : Op<Sqz_Dialect, mnemonic, traits>;

def Sqz_CompressedTensor : Type<CPred<"::llvm::isa<::mlir::sqz::SqzTensorType>($_self)">,
    "compressed tensor">;
def Sqz_FloatTensor : RankedTensorOf<[AnyFloat]>;
def Sqz_TensorLike : AnyTypeOf<[Sqz_FloatTensor, Sqz_CompressedTensor],
    "float tensor or compressed tensor">;

//===----------------------------------------------------------------------===//
// pack / unpack
//===----------------------------------------------------------------------===//

def Sqz_PackOp : Sqz_Op<"pack", [Pure, AttrSizedOperandSegments]> {
  let summary = "Builds a compressed tensor from its storage tensors";
  let description = [{
    Assembles a `!sqz.tensor` from the tensors that store it. Which operands
    are present and their shapes follow from the result type:

    * `values`: the stored elements. When quantized, integer codes of the
      storage width (`i8`, `i4`, `i2`, signless; `#sqz.quant` says whether
      they are read as signed or unsigned), else values of the expressed type.
      Their shape is the logical shape for dense tensors, the logical shape
      with the sparse axis shrunk by `n/m` for N:M, and `[nnz]` (static or
      `?`) for unstructured sparsity.
    * `scales`: float tensor of the granularity's parameter shape (`[]` per
      tensor, `[S[a]]` per channel, `S` with `S[a]/g` per group); present
      exactly when quantized.
    * `zero_points`: signless integer tensor of the same shape; present
      exactly when the scheme is asymmetric. Constant zero points must lie in
      the storage range.
    * `metadata`: for N:M, the position (`0..m-1`) of every kept value inside
      its run, an integer tensor of the values' shape; for unstructured, an
      `i1` mask of the logical shape. Absent for dense tensors.

    Codes are held one per element here; packing sub-byte codes two or four
    to a byte (low bits first) is part of lowering.

    Example:
    ```mlir
    %w = sqz.pack %codes scales(%s : tensor<64xf32>) zero_points(%z : tensor<64xi32>)
        : tensor<256x64xi8> -> !sqz.tensor<256x64xf32, #sqz.quant<u8, per_channel(1), asymmetric>>
    %v = sqz.pack %vals scales(%s2 : tensor<f32>) metadata(%idx : tensor<128x64xi8>)
        : tensor<128x64xi8> -> !sqz.tensor<256x64xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<nm(2, 4, 0)>>
    ```
  }];
  let arguments = (ins
    AnyRankedTensor:$values,
    Optional<RankedTensorOf<[AnyFloat]>>:$scales,
    Optional<RankedTensorOf<[AnySignlessInteger]>>:$zero_points,
    Optional<RankedTensorOf<[AnySignlessInteger]>>:$metadata
  );
  let results = (outs Sqz_CompressedTensor:$result);
  let assemblyFormat = [{
    $values
    (`scales` `(` $scales^ `:` type($scales) `)`)?
    (`zero_points` `(` $zero_points^ `:` type($zero_points) `)`)?
    (`metadata` `(` $metadata^ `:` type($metadata) `)`)?
    attr-dict `:` type($values) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Sqz_UnpackOp : Sqz_Op<"unpack", [Pure]> {
  let summary = "Takes a compressed tensor apart into its storage tensors";
  let description = [{
    The inverse of `sqz.pack`: yields the stored values, then the scales (when
    quantized), the zero points (when asymmetric) and the sparsity metadata
    (when sparse), in that order and with the types `sqz.pack` takes.

    Example:
    ```mlir
    %codes, %scales = sqz.unpack %w : !sqz.tensor<256x64xf32, #sqz.quant<i8, per_channel(1), symmetric>>
        -> tensor<256x64xi8>, tensor<64xf32>
    ```
  }];
  let arguments = (ins Sqz_CompressedTensor:$source);
  let results = (outs Variadic<AnyRankedTensor>:$parts);
  let assemblyFormat = [{
    $source attr-dict `:` type($source) `->` type($parts)
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// quantize / dequantize / fake_quant
//===----------------------------------------------------------------------===//

def Sqz_QuantizeOp : Sqz_Op<"quantize", [Pure, AttrSizedOperandSegments]> {
  let summary = "Quantizes a float tensor into a compressed tensor";
  let description = [{
    `q = clamp(round_half_even(x / scale) + zero_point, qmin, qmax)` with the
    scheme of the result type, which is dense and has the input's shape and
    element type.

    * Static: `scales` (and for asymmetric schemes `zero_points`) are given,
      with the shapes that `sqz.pack` takes.
    * Dynamic: no operands beyond the input; the parameters are computed
      from the input at run time over each granularity unit: symmetric
      `scale = max|x| / qmax`, asymmetric `scale = (max - min) / (qmax - qmin)`
      with `zero_point = qmin - round(min / scale)` over a range that includes
      0. A unit of all zeros gets scale 1.

    Example:
    ```mlir
    // Dynamic, one scale per row (per token).
    %q = sqz.quantize %x : tensor<16x1024xf32>
        -> !sqz.tensor<16x1024xf32, #sqz.quant<i8, per_channel(0), symmetric>>
    // Static, from calibrated parameters.
    %p = sqz.quantize %x scales(%s : tensor<f32>) zero_points(%z : tensor<i32>)
        : tensor<16x1024xf32> -> !sqz.tensor<16x1024xf32, #sqz.quant<u8, per_tensor, asymmetric>>
    ```
  }];
  let arguments = (ins
    Sqz_FloatTensor:$input,
    Optional<RankedTensorOf<[AnyFloat]>>:$scales,
    Optional<RankedTensorOf<[AnySignlessInteger]>>:$zero_points
  );
  let results = (outs Sqz_CompressedTensor:$result);
  let assemblyFormat = [{
    $input
    (`scales` `(` $scales^ `:` type($scales) `)`)?
    (`zero_points` `(` $zero_points^ `:` type($zero_points) `)`)?
    attr-dict `:` type($input) `->` type($result)
  }];
  let extraClassDeclaration = [{
    /// True when the parameters are computed from the input at run time.
    bool isDynamic() { return !getScales(); }
  }];
  let hasVerifier = 1;
  let hasFolder = 1;
}

def Sqz_DequantizeOp : Sqz_Op<"dequantize", [Pure]> {
  let summary = "Expands a compressed tensor into a float tensor";
  let description = [{
    `x = (q - zero_point) * scale` for quantized tensors, with the zeros of the
    sparsity pattern filled in. The result has the logical shape and the
    expressed element type of the source.

    `sqz.dequantize` of an `sqz.quantize` is not folded away: the rounding is
    the point of it.

    Example:
    ```mlir
    %x = sqz.dequantize %q : !sqz.tensor<16x1024xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<16x1024xf32>
    ```
  }];
  let arguments = (ins Sqz_CompressedTensor:$source);
  let results = (outs Sqz_FloatTensor:$result);
  let assemblyFormat = "$source attr-dict `:` type($source) `->` type($result)";
  let hasVerifier = 1;
}

def Sqz_FakeQuantOp : Sqz_Op<"fake_quant", [Pure, AttrSizedOperandSegments,
                                           AllTypesMatch<["input", "result"]>]> {
  let summary = "Quantizes and dequantizes in float, for quantization-aware training";
  let description = [{
    `dequantize(quantize(x))` with the scheme `quant`, computed in the float
    type of `x`: what quantization-aware training graphs hold. Parameters are
    static (operands, as for `sqz.quantize`) or dynamic (computed from `x`).
    A pass turns it into real quantization.

    The scheme is written without its `#sqz.quant` prefix, as it is printed:
    a full `#sqz.quant<...>` would take the `: type` that follows it as its
    own type.

    Example:
    ```mlir
    %y = sqz.fake_quant %x scales(%s : tensor<64xf32>) as <i8, per_channel(1), symmetric>
        : tensor<256x64xf32>
    ```
  }];
  let arguments = (ins
    Sqz_FloatTensor:$input,
    Optional<RankedTensorOf<[AnyFloat]>>:$scales,
    Optional<RankedTensorOf<[AnySignlessInteger]>>:$zero_points,
    Sqz_QuantAttr:$quant
  );
  let results = (outs Sqz_FloatTensor:$result);
  let assemblyFormat = [{
    $input
    (`scales` `(` $scales^ `:` type($scales) `)`)?
    (`zero_points` `(` $zero_points^ `:` type($zero_points) `)`)?
    `as` $quant attr-dict `:` type($input)
  }];
  let extraClassDeclaration = [{
    bool isDynamic() { return !getScales(); }
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// matmul
//===----------------------------------------------------------------------===//

def Sqz_MatmulOp : Sqz_Op<"matmul", [Pure]> {
  let summary = "Matrix multiplication on float or compressed operands";
  let description = [{
    `result = dequantize(lhs) x dequantize(rhs) (+ bias)`, computed in the
    expressed type: the semantics are those of dequantizing every compressed
    operand first. Lowering chooses integer kernels (i8 x i8 -> i32 with
    folded scales) or dequantizing kernels as the operands allow.

    * `lhs` is `[M, K]` or batched `[B, M, K]`.
    * `rhs` is `[K, N]`, or `[N, K]` with `rhs_transposed` (the layout of a
      PyTorch `Linear` weight); a batched lhs may take a `[B, K, N]`
      (`[B, N, K]`) rhs, else the rhs is shared by the whole batch.
    * `bias` is `[N]`, added to every row.
    * The result is `[M, N]` or `[B, M, N]`; its element type is the expressed
      type of both operands and of the bias.

    Example:
    ```mlir
    %y = sqz.matmul %x, %w bias(%b : tensor<64xf32>) {rhs_transposed}
        : tensor<8x256xf32>, !sqz.tensor<64x256xf32, #sqz.quant<i8, per_channel(0), symmetric>>
        -> tensor<8x64xf32>
    ```
  }];
  let arguments = (ins
    Sqz_TensorLike:$lhs,
    Sqz_TensorLike:$rhs,
    Optional<Sqz_FloatTensor>:$bias,
    UnitAttr:$rhs_transposed
  );
  let results = (outs Sqz_FloatTensor:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`bias` `(` $bias^ `:` type($bias) `)`)? attr-dict
    `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
  let hasCanonicalizer = 1;
}

//===----------------------------------------------------------------------===//
// observe
//===----------------------------------------------------------------------===//

def Sqz_ObserveOp : Sqz_Op<"observe", [AllTypesMatch<["input", "result"]>]> {
  let summary = "Identity that records calibration statistics of its input";
  let description = [{
    Returns its input unchanged. When instrumented code runs under
    calibration, the statistics of every value that passes through it
    (minimum, maximum, absolute maximum, L2 norm, histogram, per channel of
    the last dimension) are recorded under `id`, the key of the statistics
    file. It has an effect, so it is neither folded away nor erased when its
    result is unused.

    Example:
    ```mlir
    %x1 = sqz.observe %x {id = "layer0.fc1.input"} : tensor<16x1024xf32>
    ```
  }];
  let arguments = (ins AnyRankedTensor:$input, StrAttr:$id);
  let results = (outs AnyRankedTensor:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
  let hasVerifier = 1;
}

#endif // SQZ_DIALECT_SQZ_IR_SQZOPS_TD
