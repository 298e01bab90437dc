//===- SqzTypes.td - Types of the sqz dialect --------------*- tablegen -*-===//

#ifndef SQZ_DIALECT_SQZ_IR_SQZTYPES_TD
#define SQZ_DIALECT_SQZ_IR_SQZTYPES_TD

include "sqz/Dialect/Sqz/IR/SqzAttrs.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

def Sqz_TensorType : TypeDef<Sqz_Dialect, "SqzTensor",
    [DeclareTypeInterfaceMethods<ShapedTypeInterface, ["cloneWith"]>]> {
  let mnemonic = "tensor";
  let summary = "A compressed tensor: logical shape, expressed type, encodings";
  let description = [{
    A tensor stored quantized and/or sparse. The shape and the element type
    are the logical ones: what `sqz.dequantize` yields (the expressed type, a
    float). The encodings say how it is stored; at least one of them is
    present, since a tensor with neither is a plain `tensor`.

    Syntax:
    ```
    !sqz.tensor<SHAPE x EXPRESSED[, #sqz.quant<...>][, #sqz.sparsity<...>]>
    ```

    A tensor with only a sparsity encoding stores its values in the expressed
    type. `#sqz.sparsity<dense>` is the same as leaving the sparsity out and is
    printed that way.

    Examples:
    ```mlir
    !sqz.tensor<4096x4096xf16, #sqz.quant<i4, per_group(0, 128), symmetric>>
    !sqz.tensor<256x1024xf32, #sqz.quant<i8, per_channel(1), symmetric>, #sqz.sparsity<nm(2, 4, 0)>>
    !sqz.tensor<?x1024xf32, #sqz.quant<u8, per_tensor, asymmetric>>
    !sqz.tensor<64x64xf32, #sqz.sparsity<unstructured>>
    ```
  }];
  let parameters = (ins
    ArrayRefParameter<"int64_t">:$shape,
    "::mlir::Type":$elementType,
    OptionalParameter<"::mlir::sqz::QuantAttr">:$quant,
    OptionalParameter<"::mlir::sqz::SparsityAttr">:$sparsity
  );
  let builders = [
    TypeBuilderWithInferredContext<(ins
        "::llvm::ArrayRef<int64_t>":$shape, "::mlir::Type":$elementType,
        "::mlir::sqz::QuantAttr":$quant,
        CArg<"::mlir::sqz::SparsityAttr", "{}">:$sparsity), [{
      return $_get(elementType.getContext(), shape, elementType, quant,
                   sparsity && sparsity.isDense() ? SparsityAttr() : sparsity);
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    bool isQuantized() const { return static_cast<bool>(getQuant()); }
    bool isSparse() const { return static_cast<bool>(getSparsity()); }
    /// The type of the stored values (codes when quantized, else expressed
    /// values), with the sparsity's values shape.
    ::mlir::RankedTensorType getValuesType() const;
  }];
}

#endif // SQZ_DIALECT_SQZ_IR_SQZTYPES_TD
