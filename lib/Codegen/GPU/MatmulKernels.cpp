//===- MatmulKernels.cpp - Integer matmuls on the tensor cores ------------===//
//
// An i8 x i8 -> i32 contraction (the integer matmul that sqz-fold-scales
// leaves, W8A8) becomes a kernel of one warp per 16x8 output tile that
// runs `mma.sync.m16n8k32.s8` (nvgpu.mma.sync) along K. Each lane gathers
// its fragment elements from the operands through their indexing maps, so
// any layout of the weight works; elements past an edge read as 0 and
// outputs past an edge are not written.
//
// Fragment layouts of m16n8k32 with 8-bit operands (PTX ISA, "Matrix
// fragments for mma.m16n8k32"), lane = 4 * group + t:
//   A (16x32, vector<4x4xi8>): register r holds row group + 8 * (r & 1),
//     columns 4t + 16 * (r >> 1) + {0..3};
//   B (32x8, vector<2x4xi8>): register r holds column group, rows
//     4t + 16 * r + {0..3};
//   C (16x8, vector<2x2xi32>): register r holds row group + 8 * r, columns
//     2t + {0, 1}.
//
//===----------------------------------------------------------------------===//

#include "sqz/Codegen/GPU/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"

#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/NVGPU/IR/NVGPUDialect.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZGPUMATMULKERNELS
#include "sqz/Codegen/GPU/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {

constexpr int64_t kTileM = 16, kTileN = 8, kTileK = 32, kWarp = 32;

/// A contraction the tensor-core kernel takes, and its loop dimensions.
struct Int8Contraction {
  linalg::LinalgOp op;
  unsigned m, n, k;
  std::optional<unsigned> batch;
};

/// The loop sizes of the contraction and the thread's coordinates.
struct KernelFrame {
  SmallVector<Value> sizes; // per loop dimension
  SmallVector<Value> ivs;   // per loop dimension, set as the kernel goes
};

} // namespace

static bool hasElementType(Value value, unsigned width) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && type.getElementType().isSignlessInteger(width);
}

/// Signed i8 x signed i8 -> i32, one m, n and k dimension and at most one
/// batch dimension, projected-permutation maps.
static FailureOr<Int8Contraction> matchInt8Contraction(linalg::LinalgOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || !hasElementType(op.getDpsInputs()[0], 8) ||
      !hasElementType(op.getDpsInputs()[1], 8) ||
      !hasElementType(op.getDpsInits()[0], 32))
    return failure();
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || dims->m.size() != 1 || dims->n.size() != 1 ||
      dims->k.size() != 1 || dims->batch.size() > 1 ||
      op.getNumLoops() != 3 + dims->batch.size())
    return failure();
  if (!llvm::all_of(op.getIndexingMapsArray(), [](AffineMap map) {
        return map.isProjectedPermutation(/*allowZeroInResults=*/false);
      }))
    return failure();
  // Both operands signed: the s8 x s8 tensor-core instruction.
  std::optional<bool> unsignedInput =
      sqz::int8InputIsUnsigned(*op.getBlock(),
                               /*inputIndex=*/0);
  if (!unsignedInput || *unsignedInput)
    return failure();
  Int8Contraction contraction{op, dims->m.front(), dims->n.front(),
                              dims->k.front(), std::nullopt};
  if (!dims->batch.empty())
    contraction.batch = dims->batch.front();
  return contraction;
}

/// Element `operand` of the contraction at the frame's coordinates, or
/// `zero` past an edge (the load reads a clamped, valid address).
static Value loadOrZero(OpBuilder &b, Location loc, linalg::LinalgOp op,
                        OpOperand &operand, const KernelFrame &frame,
                        Value zero) {
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
  Value element = memref::LoadOp::create(b, loc, operand.get(), indices);
  return inBounds ? arith::SelectOp::create(b, loc, inBounds, element, zero)
                        .getResult()
                  : element;
}

/// The warp's 16x8 tile: fragments gathered, mma.sync along K, the result
/// stored where it is inside the output.
static void buildWarpTile(OpBuilder &b, Location loc, const Int8Contraction &c,
                          KernelFrame &frame, Value lane, Value m0, Value n0) {
  linalg::LinalgOp op = c.op;
  auto index = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v).getResult();
  };
  auto add = [&](Value x, Value y) {
    return arith::AddIOp::create(b, loc, x, y).getResult();
  };
  Value group = arith::DivUIOp::create(b, loc, lane, index(4));
  Value t = arith::RemUIOp::create(b, loc, lane, index(4));
  Value rows[2] = {add(m0, group), add(m0, add(group, index(8)))};
  Value cols[2] = {
      add(n0, arith::MulIOp::create(b, loc, t, index(2))),
      add(n0, add(arith::MulIOp::create(b, loc, t, index(2)), index(1)))};
  Value column = add(n0, group);
  Type i8 = b.getI8Type(), i32 = b.getI32Type();
  Value zero8 = arith::ConstantIntOp::create(b, loc, i8, 0);
  Value zero32 = arith::ConstantIntOp::create(b, loc, i32, 0);
  OpOperand &lhs = op->getOpOperand(0);
  OpOperand &rhs = op->getOpOperand(1);
  OpOperand &out = op.getDpsInitsMutable()[0];

  // The accumulator starts from the output (linalg accumulates into it).
  SmallVector<Value> accumulator;
  for (int r = 0; r < 2; ++r)
    for (int e = 0; e < 2; ++e) {
      frame.ivs[c.m] = rows[r];
      frame.ivs[c.n] = cols[e];
      accumulator.push_back(loadOrZero(b, loc, op, out, frame, zero32));
    }
  auto accType = VectorType::get({2, 2}, i32);
  Value init = vector::FromElementsOp::create(b, loc, accType, accumulator);

  Value lowK = arith::MulIOp::create(b, loc, t, index(4));
  auto loop = scf::ForOp::create(
      b, loc, index(0), frame.sizes[c.k], index(kTileK), ValueRange{init},
      [&](OpBuilder &b, Location loc, Value k0, ValueRange iterArgs) {
        Value base = add(k0, lowK);
        SmallVector<Value> a, w;
        for (int r = 0; r < 4; ++r)
          for (int e = 0; e < 4; ++e) {
            frame.ivs[c.m] = rows[r & 1];
            frame.ivs[c.k] = add(base, index(16 * (r >> 1) + e));
            a.push_back(loadOrZero(b, loc, op, lhs, frame, zero8));
          }
        for (int r = 0; r < 2; ++r)
          for (int e = 0; e < 4; ++e) {
            frame.ivs[c.n] = column;
            frame.ivs[c.k] = add(base, index(16 * r + e));
            w.push_back(loadOrZero(b, loc, op, rhs, frame, zero8));
          }
        Value fragA = vector::FromElementsOp::create(
            b, loc, VectorType::get({4, 4}, i8), a);
        Value fragB = vector::FromElementsOp::create(
            b, loc, VectorType::get({2, 4}, i8), w);
        Value product =
            nvgpu::MmaSyncOp::create(b, loc, fragA, fragB, iterArgs[0],
                                     ArrayRef<int64_t>{kTileM, kTileN, kTileK});
        scf::YieldOp::create(b, loc, product);
      });

  // Store the tile's elements that are inside the output.
  Value result = loop.getResult(0);
  for (int r = 0; r < 2; ++r)
    for (int e = 0; e < 2; ++e) {
      Value inside = arith::AndIOp::create(
          b, loc,
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, rows[r],
                                frame.sizes[c.m]),
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, cols[e],
                                frame.sizes[c.n]));
      Value value =
          vector::ExtractOp::create(b, loc, result, ArrayRef<int64_t>{r, e});
      frame.ivs[c.m] = rows[r];
      frame.ivs[c.n] = cols[e];
      AffineMap map = op.getMatchingIndexingMap(&out);
      SmallVector<Value> indices;
      for (unsigned i = 0; i < map.getNumResults(); ++i)
        indices.push_back(frame.ivs[map.getDimPosition(i)]);
      scf::IfOp::create(b, loc, inside, [&](OpBuilder &b, Location loc) {
        memref::StoreOp::create(b, loc, value, out.get(), indices);
        scf::YieldOp::create(b, loc);
      });
    }
}

/// Replaces the contraction by a gpu.launch: a block of one warp per 16x8
/// output tile, blocks over N (x), M (y) and the batch (z).
static void replaceWithTensorCoreKernel(RewriterBase &rewriter,
                                        const Int8Contraction &c) {
  linalg::LinalgOp op = c.op;
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  KernelFrame frame;
  for (Range range : op.createLoopRanges(rewriter, loc))
    frame.sizes.push_back(
        getValueOrCreateConstantIndexOp(rewriter, loc, range.size));
  frame.ivs.assign(frame.sizes.size(), Value());
  auto index = [&](int64_t v) {
    return arith::ConstantIndexOp::create(rewriter, loc, v).getResult();
  };
  auto tiles = [&](Value size, int64_t tile) {
    return arith::CeilDivUIOp::create(rewriter, loc, size, index(tile))
        .getResult();
  };
  Value one = index(1);
  auto launch = gpu::LaunchOp::create(
      rewriter, loc, tiles(frame.sizes[c.n], kTileN),
      tiles(frame.sizes[c.m], kTileM), c.batch ? frame.sizes[*c.batch] : one,
      index(kWarp), one, one);
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointToStart(&launch.getBody().front());
  Value m0 = arith::MulIOp::create(rewriter, loc, launch.getBlockIds().y,
                                   index(kTileM));
  Value n0 = arith::MulIOp::create(rewriter, loc, launch.getBlockIds().x,
                                   index(kTileN));
  if (c.batch)
    frame.ivs[*c.batch] = launch.getBlockIds().z;
  buildWarpTile(rewriter, loc, c, frame, launch.getThreadIds().x, m0, n0);
  gpu::TerminatorOp::create(rewriter, loc);
  rewriter.eraseOp(op);
}

namespace {
struct SqzGPUMatmulKernelsPass
    : public sqz::impl::SqzGPUMatmulKernelsBase<SqzGPUMatmulKernelsPass> {
  void runOnOperation() override {
    SmallVector<Int8Contraction> contractions;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (op->getParentOfType<gpu::LaunchOp>())
        return;
      if (FailureOr<Int8Contraction> c = matchInt8Contraction(op); succeeded(c))
        contractions.push_back(*c);
    });
    IRRewriter rewriter(&getContext());
    for (const Int8Contraction &c : contractions)
      replaceWithTensorCoreKernel(rewriter, c);
  }
};
} // namespace
