//===- KernelBuilding.cpp - Helpers of the GPU contraction kernels --------===//

#include "KernelBuilding.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"

using namespace mlir;
using namespace mlir::sqz;
using namespace mlir::sqz::gpu_kernels;

KernelFrame gpu_kernels::frameOf(RewriterBase &rewriter, linalg::LinalgOp op) {
  KernelFrame frame;
  for (Range range : op.createLoopRanges(rewriter, op.getLoc()))
    frame.sizes.push_back(
        getValueOrCreateConstantIndexOp(rewriter, op.getLoc(), range.size));
  frame.ivs.assign(frame.sizes.size(), Value());
  return frame;
}

Value gpu_kernels::tilesOf(OpBuilder &b, Location loc, Value size,
                           int64_t tile) {
  return arith::CeilDivUIOp::create(
      b, loc, size, arith::ConstantIndexOp::create(b, loc, tile));
}

bool gpu_kernels::hasElementType(Value value, unsigned width) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && type.getElementType().isSignlessInteger(width);
}

Type gpu_kernels::elementTypeOf(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type ? type.getElementType() : Type();
}

/// The indices of `operand` at the frame's coordinates, each clamped to 0
/// past its edge (a valid address), and whether all are inside.
std::pair<SmallVector<Value>, Value>
gpu_kernels::clampedIndices(OpBuilder &b, Location loc, linalg::LinalgOp op,
                            OpOperand &operand, const KernelFrame &frame) {
  AffineMap map = op.getMatchingIndexingMap(&operand);
  Value c0 = arith::ConstantIndexOp::create(b, loc, 0);
  Value inBounds;
  SmallVector<Value> indices;
  for (unsigned i = 0; i < map.getNumResults(); ++i) {
    unsigned dim = map.getDimPosition(i);
    Value inside = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                                         frame.ivs[dim], frame.sizes[dim]);
    inBounds = inBounds
                   ? arith::AndIOp::create(b, loc, inBounds, inside).getResult()
                   : inside;
    indices.push_back(
        arith::SelectOp::create(b, loc, inside, frame.ivs[dim], c0));
  }
  return {indices, inBounds};
}

/// `value` where `inBounds` holds (no condition for a 0-d operand), else
/// `zero`.
Value gpu_kernels::selectInside(OpBuilder &b, Location loc, Value inBounds,
                                Value value, Value zero) {
  return inBounds ? arith::SelectOp::create(b, loc, inBounds, value, zero)
                        .getResult()
                  : value;
}

/// Element `operand` of the contraction at the frame's coordinates, or
/// `zero` past an edge (the load reads a clamped, valid address).
Value gpu_kernels::loadOrZero(OpBuilder &b, Location loc, linalg::LinalgOp op,
                              OpOperand &operand, const KernelFrame &frame,
                              Value zero) {
  auto [indices, inBounds] = clampedIndices(b, loc, op, operand, frame);
  Value element = memref::LoadOp::create(b, loc, operand.get(), indices);
  return selectInside(b, loc, inBounds, element, zero);
}

/// Stores `value` into the output at the frame's coordinates when they are
/// inside it.
void gpu_kernels::storeIfInside(OpBuilder &b, Location loc, linalg::LinalgOp op,
                                OpOperand &out, const KernelFrame &frame,
                                unsigned rowDim, unsigned colDim, Value value) {
  Value inside = arith::AndIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                            frame.ivs[rowDim], frame.sizes[rowDim]),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult,
                            frame.ivs[colDim], frame.sizes[colDim]));
  AffineMap map = op.getMatchingIndexingMap(&out);
  SmallVector<Value> indices;
  for (unsigned i = 0; i < map.getNumResults(); ++i)
    indices.push_back(frame.ivs[map.getDimPosition(i)]);
  scf::IfOp::create(b, loc, inside, [&](OpBuilder &b, Location loc) {
    memref::StoreOp::create(b, loc, value, out.get(), indices);
    scf::YieldOp::create(b, loc);
  });
}

/// `perRegister` consecutive elements along K as one operand register of
/// the instruction, the lowest K first: a vector<2xf16> for f16 (as NVVM
/// takes it), else the bits as one i32.
Value gpu_kernels::packRegister(OpBuilder &b, Location loc,
                                const MmaFormat &format,
                                ArrayRef<Value> elements) {
  auto vectorType =
      VectorType::get({static_cast<int64_t>(elements.size())}, format.element);
  Value vector = vector::FromElementsOp::create(b, loc, vectorType, elements);
  if (format.element.isF16())
    return vector;
  Value word = vector::BitCastOp::create(
      b, loc, VectorType::get({1}, b.getI32Type()), vector);
  return vector::ExtractOp::create(b, loc, word, ArrayRef<int64_t>{0});
}

Value gpu_kernels::IndexMath::constant(int64_t value) const {
  return arith::ConstantIndexOp::create(b, loc, value);
}

Value gpu_kernels::IndexMath::add(Value x, Value y) const {
  return arith::AddIOp::create(b, loc, x, y);
}

Value gpu_kernels::IndexMath::mul(Value x, int64_t y) const {
  return arith::MulIOp::create(b, loc, x, constant(y));
}

Value gpu_kernels::IndexMath::divu(Value x, int64_t y) const {
  return arith::DivUIOp::create(b, loc, x, constant(y));
}

Value gpu_kernels::IndexMath::remu(Value x, int64_t y) const {
  return arith::RemUIOp::create(b, loc, x, constant(y));
}

Value gpu_kernels::IndexMath::ult(Value x, Value y) const {
  return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, x, y);
}
