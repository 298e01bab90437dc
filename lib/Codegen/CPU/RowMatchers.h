//===- RowMatchers.h - Matching row-wise ops of the decomposed glue -*- C++
//-*-===//
//
// What the row kernels' rewrites (softmax, layer norm) share: the maps of
// generic ops over rows (the identity, a row's value broadcast along it,
// a reduction's result), matchers of the generics and bodies torch-mlir
// decomposes row-wise ops into, and the call of a row kernel on a tensor
// seen as rows of its innermost dimension.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_CODEGEN_CPU_ROWMATCHERS_H
#define SQZ_LIB_CODEGEN_CPU_ROWMATCHERS_H

#include "sqz/Codegen/CPU/KernelCalls.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"

#include <optional>

namespace mlir::sqz {

/// The maps of a generic over `rank` loops: the identity; the one that
/// reads a tensor whose innermost dimension is 1 (a row's value broadcast
/// along it); the map of a reduction's result that drops the innermost
/// loop; the one that reads a vector along the innermost loop (a
/// per-column parameter).
AffineMap identityMap(MLIRContext *context, int64_t rank);
AffineMap rowValueMap(MLIRContext *context, int64_t rank);
AffineMap droppedInnermostMap(MLIRContext *context, int64_t rank);
AffineMap innermostMap(MLIRContext *context, int64_t rank);

/// The generic that defines `value` with `maps` and its loops parallel but
/// for the innermost when `reducesInnermost`, of any element types, or null.
linalg::GenericOp structuredGeneric(Value value, ArrayRef<AffineMap> maps,
                                    bool reducesInnermost);

/// The same on f32 inputs into an f32 `value`.
linalg::GenericOp genericWith(Value value, ArrayRef<AffineMap> maps,
                              bool reducesInnermost);

/// The op whose result the generic's body yields as result `index`, if it is
/// an `OpTy` on the block arguments `lhs` and `rhs` (in either order when
/// `commutative`).
template <typename OpTy>
OpTy yieldedBinary(linalg::GenericOp op, unsigned index, unsigned lhs,
                   unsigned rhs, bool commutative) {
  Block *body = op.getBody();
  auto yielded = body->getTerminator()->getOperand(index).getDefiningOp<OpTy>();
  if (!yielded)
    return nullptr;
  Value a = body->getArgument(lhs), b = body->getArgument(rhs);
  if ((yielded.getLhs() == a && yielded.getRhs() == b) ||
      (commutative && yielded.getLhs() == b && yielded.getRhs() == a))
    return yielded;
  return nullptr;
}

/// The op the generic's body yields, if it is an `OpTy` whose operand
/// `operand` is the block argument `argument`.
template <typename OpTy>
OpTy yieldedWithArgument(linalg::GenericOp op, unsigned operand,
                         unsigned argument) {
  Block *body = op.getBody();
  auto yielded = body->getTerminator()->getOperand(0).getDefiningOp<OpTy>();
  if (!yielded || yielded->getNumOperands() <= operand ||
      yielded->getOperand(operand) != body->getArgument(argument))
    return nullptr;
  return yielded;
}

/// Whether the body of `op` is its ops `count` ops and the yield.
bool hasBodyOps(linalg::GenericOp op, size_t count);

/// Whether `init` is filled with `value` (a linalg.fill, or a generic that
/// yields the constant).
bool isFilledWith(Value init, function_ref<bool(APFloat)> value);

/// The float constant `value` is, converted to f32 (as `arith.truncf`
/// rounds), seen through an `arith.truncf` or `arith.extf` of a constant
/// (torch-mlir's f64 constants truncated in an op's body); `chain` collects
/// the cast. None unless `value` is f32.
std::optional<APFloat> constantF32(Value value,
                                   SmallVectorImpl<Operation *> &chain);

/// The reassociation that makes rows of a tensor of `rank`: a vector one
/// row, a higher rank its leading dimensions collapsed into the rows.
SmallVector<ReassociationIndices> rowGroups(int64_t rank);

/// `value` as the 2-D rows `rowGroups` makes of it.
Value asRows(RewriterBase &rewriter, Location loc, Value value);

/// The row kernel `kernel` on the rows of `x` (then `operands` and
/// `scalars`), its result reshaped back to x's shape.
Value emitRowKernelCall(KernelCallBuilder &builder, StringRef kernel,
                        Location loc, Value x, ValueRange operands = {},
                        ValueRange scalars = {});

} // namespace mlir::sqz

#endif // SQZ_LIB_CODEGEN_CPU_ROWMATCHERS_H
