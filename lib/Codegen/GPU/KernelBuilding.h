//===- KernelBuilding.h - Helpers of the GPU contraction kernels -*- C++
//-*-===//
//
// What the dense and the sparse contraction kernels share: the frame of loop
// sizes and thread coordinates they build in, guarded loads and stores
// through a linalg op's indexing maps, and the operand registers of the
// tensor-core instructions.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_CODEGEN_GPU_KERNELBUILDING_H
#define SQZ_LIB_CODEGEN_GPU_KERNELBUILDING_H

#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::sqz::gpu_kernels {

/// A tensor-core tile of one warp: 16 rows (A's) by 8 columns (B's).
constexpr int64_t kTileM = 16, kTileN = 8, kWarp = 32;

/// Index arithmetic where a kernel is being built: `index` constants, sums,
/// products, quotients and remainders by constants, and unsigned
/// comparisons.
struct IndexMath {
  OpBuilder &b;
  Location loc;

  Value constant(int64_t value) const;
  Value add(Value x, Value y) const;
  Value mul(Value x, int64_t y) const;
  Value divu(Value x, int64_t y) const;
  Value remu(Value x, int64_t y) const;
  Value ult(Value x, Value y) const;
};

/// The loop sizes of the contraction and the thread's coordinates.
struct KernelFrame {
  SmallVector<Value> sizes; // per loop dimension
  SmallVector<Value> ivs;   // per loop dimension, set as the kernel goes
};

/// The frame of `op` at the rewriter's point: its loop sizes, no
/// coordinates yet.
KernelFrame frameOf(RewriterBase &rewriter, linalg::LinalgOp op);

/// ceil(size / tile): the blocks a grid dimension needs.
Value tilesOf(OpBuilder &b, Location loc, Value size, int64_t tile);

/// Whether `value` is a memref of signless `width`-bit integers.
bool hasElementType(Value value, unsigned width);

/// The element type of a memref `value`, or null.
Type elementTypeOf(Value value);

/// The indices of `operand` (a projected-permutation map) at the frame's
/// coordinates, each clamped to 0 past its edge (a valid address), and
/// whether all are inside (null for a 0-d operand).
std::pair<SmallVector<Value>, Value> clampedIndices(OpBuilder &b, Location loc,
                                                    linalg::LinalgOp op,
                                                    OpOperand &operand,
                                                    const KernelFrame &frame);

/// `value` where `inBounds` holds (no condition when it is null), else
/// `zero`.
Value selectInside(OpBuilder &b, Location loc, Value inBounds, Value value,
                   Value zero);

/// Element `operand` of the contraction at the frame's coordinates, or
/// `zero` past an edge (the load reads a clamped, valid address).
Value loadOrZero(OpBuilder &b, Location loc, linalg::LinalgOp op,
                 OpOperand &operand, const KernelFrame &frame, Value zero);

/// Stores `value` into the output `out` at the frame's coordinates when the
/// loop dimensions `rowDim` and `colDim` are inside their sizes.
void storeIfInside(OpBuilder &b, Location loc, linalg::LinalgOp op,
                   OpOperand &out, const KernelFrame &frame, unsigned rowDim,
                   unsigned colDim, Value value);

/// How a warp tile's tensor-core instruction holds its operands.
struct MmaFormat {
  Type element;        // of A and B: i8, f16 or bf16
  Type accumulator;    // i32 or f32
  int64_t depth;       // K of one instruction: 32 or 16
  int64_t perRegister; // elements of A or B per 32-bit register: 4 or 2
  NVVM::MMATypes typeA, typeB;
};

/// `perRegister` consecutive elements along K as one operand register of
/// the instruction, the lowest K first: a vector<2xf16> for f16 (as NVVM
/// takes it), else the bits as one i32.
Value packRegister(OpBuilder &b, Location loc, const MmaFormat &format,
                   ArrayRef<Value> elements);

} // namespace mlir::sqz::gpu_kernels

#endif // SQZ_LIB_CODEGEN_GPU_KERNELBUILDING_H
