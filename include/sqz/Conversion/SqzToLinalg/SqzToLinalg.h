//===- SqzToLinalg.h - Reference lowering of sqz to linalg ------*- C++ -*-===//

#ifndef SQZ_CONVERSION_SQZTOLINALG_SQZTOLINALG_H
#define SQZ_CONVERSION_SQZTOLINALG_SQZTOLINALG_H

#include "sqz/Support/EnumOption.h"

#include "mlir/Pass/Pass.h"

namespace mlir {
class RewriterBase;
namespace sqz {

/// convert-sqz-to-linalg sparse-matmul=: how an sqz.matmul reads an N:M
/// sparse rhs.
enum class SparseMatmulLowering { Decompress, Direct, DirectInteger };

/// convert-sqz-to-linalg observe= (and the pipelines' observe=): what
/// sqz.observe becomes.
enum class ObserveLowering { Identity, Call };

} // namespace sqz
} // namespace mlir

SQZ_ENUM_OPTION(mlir::sqz::SparseMatmulLowering)
SQZ_ENUM_OPTION(mlir::sqz::ObserveLowering)

namespace mlir {
namespace sqz {

#define GEN_PASS_DECL_CONVERTSQZTOLINALG
#include "sqz/Conversion/Passes.h.inc"

/// Lowers every sqz op under `root` to tensors, `linalg`, `arith`, `math` and
/// `scf` with exact integer arithmetic. Sparse tensors are decompressed where
/// they are read, except the N:M sparse rhs of a matmul under
/// `sparseMatmul` = Direct (or DirectInteger, for a matmul of integer codes
/// on both sides), which a contraction over the kept values reads as it is
/// stored (marked with `kNMContractionAttrName`). `sqz.observe` is the
/// identity, or, with `observeCalls`, also a call of `sqz_observe` (see
/// `kObserveFunctionName`). Fails, after reporting an error, on what the
/// reference lowering does not handle.
LogicalResult lowerSqzToLinalg(
    RewriterBase &rewriter, Operation *root,
    SparseMatmulLowering sparseMatmul = SparseMatmulLowering::Decompress,
    bool observeCalls = false);

/// The attribute of the `linalg.generic` that reads an N:M sparse rhs
/// directly, for code generators that run it on sparse hardware: a
/// dictionary of `n` and `m` (i64), `positions_per_byte` (i64: how many
/// positions a byte of the positions operand packs, low bits first; 1 when
/// they are not packed) and, when the operands are integer codes that both
/// fit in signed 8 bits (symmetric signed 8-bit codes, no zero points), the
/// unit `int8_operands`. Its loops are `[batch,] row, col, group, slot`;
/// its inputs the kept values and the positions, each split or packed along
/// the reduction axis; the lhs is read in the body (`tensor.extract` at
/// `[batch,] row, group * m + position`).
constexpr llvm::StringLiteral kNMContractionAttrName = "sqz.nm_contraction";

/// The external function that `observe=call` lowers `sqz.observe` to:
/// `func.func private @sqz_observe(i64, memref<*xf32>)`, called with the
/// index of the observe's `id` in the module's `kObserveIdsAttrName` array
/// and the observed value (converted to f32). After convert-func-to-llvm its
/// C signature is `void sqz_observe(int64_t id, int64_t rank, void *desc)`,
/// `desc` the ranked memref descriptor.
constexpr llvm::StringLiteral kObserveFunctionName = "sqz_observe";
/// The module attribute that lists the observe ids (an array of strings) in
/// the order of their indices.
constexpr llvm::StringLiteral kObserveIdsAttrName = "sqz.observe_ids";

} // namespace sqz
} // namespace mlir

#endif // SQZ_CONVERSION_SQZTOLINALG_SQZTOLINALG_H
