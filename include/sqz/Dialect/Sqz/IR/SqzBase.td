//===- SqzBase.td - The sqz dialect ------------------------*- tablegen -*-===//
//
// The dialect definition shared by the attribute, type and op files.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_IR_SQZBASE_TD
#define SQZ_DIALECT_SQZ_IR_SQZBASE_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def Sqz_Dialect : Dialect {
  let name = "sqz";
  let cppNamespace = "::mlir::sqz";
  let summary = "Quantized and sparse tensors for model compression";
  let description = [{
    The `sqz` dialect holds compressed tensors and the operations that make,
    take apart and compute with them. A quantized and/or sparse tensor is one
    SSA value of type `!sqz.tensor`, whose type says how it is stored:

    * `#sqz.quant<...>` is the quantization scheme: storage type, granularity
      (per tensor, per channel, per group), symmetric or asymmetric, narrow
      range.
    * `#sqz.sparsity<...>` is the sparsity pattern: dense, N:M along an axis,
      or unstructured.

    Scales and zero points are tensors (SSA values, usually constants), never
    inline attributes: a per-group quantized LLM layer has 10^5 scales and
    more. Lowering decomposes a `!sqz.tensor` into its storage buffers
    (codes, scales, zero points, sparsity metadata).

    Discardable attributes: `sqz.quant_error = {mse, sqnr_db}` on an
    `sqz.pack` that a pass quantized from a float weight records the weight's
    quantization error; `sqz.layer = "name"` on a matmul-like op is its stable
    layer name, kept by later passes; `sqz.folded_weight = <type>` on the
    integer contraction that `sqz-fold-scales` makes of an `sqz.matmul`
    records the compressed weight type it replaced (with `sqz.layer` and
    `sqz.quant_error` moved there too), so that `sqz-report` still describes
    the layer.

    Numerics: `q = clamp(round_half_even(x / scale) + zero_point, qmin, qmax)`
    and `x ~ (q - zero_point) * scale`, where `[qmin, qmax]` is the storage
    range (narrowed by one at the low end with `narrow_range`).

    ```mlir
    %w = sqz.pack %codes scales(%s : tensor<4x64xf32>)
        : tensor<512x64xi4> -> !sqz.tensor<512x64xf32, #sqz.quant<i4, per_group(0, 128), symmetric>>
    %y = sqz.matmul %x, %w : tensor<8x512xf32>, !sqz.tensor<512x64xf32, #sqz.quant<i4, per_group(0, 128), symmetric>> -> tensor<8x64xf32>
    ```
  }];
  let useDefaultAttributePrinterParser = 1;
  let useDefaultTypePrinterParser = 1;
  let hasCanonicalizer = 0;
  let extraClassDeclaration = [{
    void registerAttributes();
    void registerTypes();

    /// On an `sqz.pack` made from a float weight: the error of quantizing it,
    /// `{mse = <f64>, sqnr_db = <f64>}`, for reports.
    static ::llvm::StringRef getQuantErrorAttrName() { return "sqz.quant_error"; }
    /// On a matmul-like op: the layer's stable name.
    static ::llvm::StringRef getLayerAttrName() { return "sqz.layer"; }
    /// On the integer contraction of a folded `sqz.matmul`: the
    /// `!sqz.tensor` type of the weight it replaced, for reports.
    static ::llvm::StringRef getFoldedWeightAttrName() {
      return "sqz.folded_weight";
    }
  }];
}

def Sqz_GranularityKind : I32EnumAttr<"GranularityKind",
    "the unit that shares one scale and zero point", [
      I32EnumAttrCase<"PerTensor", 0, "per_tensor">,
      I32EnumAttrCase<"PerChannel", 1, "per_channel">,
      I32EnumAttrCase<"PerGroup", 2, "per_group">
    ]> {
  let cppNamespace = "::mlir::sqz";
  let genSpecializedAttr = 0;
}

def Sqz_SparsityKind : I32EnumAttr<"SparsityKind",
    "the pattern of the zeros of a sparse tensor", [
      I32EnumAttrCase<"Dense", 0, "dense">,
      I32EnumAttrCase<"NM", 1, "nm">,
      I32EnumAttrCase<"Unstructured", 2, "unstructured">
    ]> {
  let cppNamespace = "::mlir::sqz";
  let genSpecializedAttr = 0;
}

#endif // SQZ_DIALECT_SQZ_IR_SQZBASE_TD
