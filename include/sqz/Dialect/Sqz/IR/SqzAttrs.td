//===- SqzAttrs.td - Attributes of the sqz dialect ---------*- tablegen -*-===//

#ifndef SQZ_DIALECT_SQZ_IR_SQZATTRS_TD
#define SQZ_DIALECT_SQZ_IR_SQZATTRS_TD

include "sqz/Dialect/Sqz/IR/SqzBase.td"

class Sqz_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Sqz_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

def Sqz_QuantAttr : Sqz_Attr<"Quant", "quant"> {
  let summary = "A quantization scheme: storage type, granularity, symmetry";
  let description = [{
    Says how the float values of a tensor are mapped to integer codes.

    Syntax:
    ```
    #sqz.quant<STORAGE, GRANULARITY[, symmetric | asymmetric][, narrow_range]>
    STORAGE     ::= i8 | u8 | i4 | u4 | i2 | u2
    GRANULARITY ::= per_tensor | per_channel(AXIS) | per_group(AXIS, SIZE)
    ```

    * The storage type is the code's integer type: `iN` is signed
      (`[-2^(N-1), 2^(N-1)-1]`), `uN` unsigned (`[0, 2^N-1]`). Widths of 2, 4
      and 8 bits are supported; codes of 4 and 2 bits are packed into bytes,
      low bits first, when the tensor is lowered.
    * `per_tensor`: one scale (and zero point) for the tensor.
      `per_channel(a)`: one per index along dimension `a`.
      `per_group(a, g)`: one per run of `g` consecutive elements along
      dimension `a`, for every index of the other dimensions. For a shape `S`,
      the scales have shape `[]`, `[S[a]]` and `S` with `S[a]` replaced by
      `S[a] / g` respectively.
    * `symmetric` (the default) has no zero point and needs a signed storage
      type; `asymmetric` has an integer zero point per scale, inside the
      storage range.
    * `narrow_range` drops the lowest code (`-127..127` for `i8`, `1..255` for
      `u8`), so that a symmetric range is symmetric in codes too.

    Examples:
    ```mlir
    #sqz.quant<i8, per_channel(1), symmetric>
    #sqz.quant<u4, per_group(0, 128), asymmetric>
    #sqz.quant<i8, per_tensor, symmetric, narrow_range>
    ```
  }];
  let parameters = (ins
    "unsigned":$storageWidth,
    "bool":$storageSigned,
    "::mlir::sqz::GranularityKind":$granularity,
    "int64_t":$axis,
    "int64_t":$groupSize,
    "bool":$symmetric,
    "bool":$narrowRange
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The smallest and largest code, narrow range included.
    int64_t getStorageMin() const;
    int64_t getStorageMax() const;
    /// The signless integer type that holds one code (i8, i4, i2).
    ::mlir::IntegerType getStorageType() const;
    /// The shape of the scale and zero-point tensors for a tensor of `shape`.
    ::llvm::SmallVector<int64_t> getParamShape(::llvm::ArrayRef<int64_t> shape) const;
    /// Whether there is one scale per tensor, or one per index of dimension
    /// `dim` only: the scales then factor out of a sum over any other
    /// dimension (the K of a matmul).
    bool isConstantAlongAllBut(int64_t dim) const {
      return getGranularity() == ::mlir::sqz::GranularityKind::PerTensor ||
             (getGranularity() == ::mlir::sqz::GranularityKind::PerChannel &&
              getAxis() == dim);
    }
    /// Checks the scheme against the shape of the tensor it quantizes: the
    /// axis is in range and, for static sizes, the group size divides it.
    ::llvm::LogicalResult verifyForShape(
        ::llvm::function_ref<::mlir::InFlightDiagnostic()> emitError,
        ::llvm::ArrayRef<int64_t> shape) const;
  }];
}

def Sqz_SparsityAttr : Sqz_Attr<"Sparsity", "sparsity"> {
  let summary = "A sparsity pattern: dense, N:M along an axis, unstructured";
  let description = [{
    Says which elements of a tensor may be non-zero and how the rest is stored.

    Syntax:
    ```
    #sqz.sparsity<dense | nm(N, M, AXIS) | unstructured>
    ```

    * `dense`: no pattern; every element is stored.
    * `nm(n, m, a)`: in every run of `m` consecutive elements along dimension
      `a`, at most `n` are non-zero (`0 < n < m`, `m` divides the dimension).
      The storage keeps exactly `n` values per run plus, for each, its
      position inside the run (`2:4` is what sparse tensor cores run).
    * `unstructured`: any element may be zero; the storage keeps the non-zero
      values in row-major order plus a mask of the shape.

    Examples:
    ```mlir
    #sqz.sparsity<nm(2, 4, 0)>
    #sqz.sparsity<unstructured>
    ```
  }];
  let parameters = (ins
    "::mlir::sqz::SparsityKind":$kind,
    "int64_t":$n,
    "int64_t":$m,
    "int64_t":$axis
  );
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    bool isDense() const { return getKind() == ::mlir::sqz::SparsityKind::Dense; }
    /// The shape of the stored values of a tensor of `shape`: `shape` itself
    /// when dense, the axis shrunk by n/m for N:M, and `[?]` (the number of
    /// non-zeros) when unstructured.
    ::llvm::SmallVector<int64_t> getValuesShape(::llvm::ArrayRef<int64_t> shape) const;
    /// Checks the pattern against the shape of the tensor it describes.
    ::llvm::LogicalResult verifyForShape(
        ::llvm::function_ref<::mlir::InFlightDiagnostic()> emitError,
        ::llvm::ArrayRef<int64_t> shape) const;
    /// Checks stored N:M positions against the pattern: `positionAt(i)` is
    /// the position at flat index `i` of the values (shape `valuesShape`).
    /// Every position must lie in `[0, m)` and the positions of a group must
    /// strictly increase. Returns the first offending flat index with what is
    /// wrong there, or std::nullopt.
    std::optional<std::pair<int64_t, std::string>> findPositionViolation(
        ::llvm::ArrayRef<int64_t> valuesShape,
        ::llvm::function_ref<uint64_t(int64_t)> positionAt) const;
  }];
}

#endif // SQZ_DIALECT_SQZ_IR_SQZATTRS_TD
