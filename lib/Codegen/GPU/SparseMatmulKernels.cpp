//===- SparseMatmulKernels.cpp - 2:4 contractions on mma.sp ---------------===//
//
// A direct 2:4 contraction of int8 codes, `acc[i, c] += w[g*2 + s, c] *
// x[i, 4g + pos[g*2 + s, c]]`, runs on the sparse tensor cores: mma.sp's
// sparse operand is A, so the kernel computes the transposed tile, D = W^T
// X^T. One warp takes 16 output columns (the weight's channels, A's rows)
// by 8 output rows (B's columns) and steps K by 32 with
// `mma.sp.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32` (wrapping, as the
// reference's integer addition). A is the kept values as they are stored;
// the metadata is the kept positions, a nibble per group of four (first
// position in the low bits), as NVIDIA's sparse storage and ours agree.
//
// Fragments, lane = 4 * group + t (PTX ISA, "Matrix fragments for sparse
// mma.m16n8k32 with .u8/.s8"):
//   A (16 rows x 16 kept values, two registers of 4 bytes): register r
//     holds row group + 8r, kept values 4t .. 4t + 3;
//   B (32x8, two registers): column group, rows 4t + 16r + {0..3};
//   C (16x8, four i32): register 2r + e holds row group + 8r, column
//     2t + e;
//   metadata (sparsity selector 0: lanes t = 0 and 1 of each group): lane
//     t = 0 holds the step's eight groups of row group, lane t = 1 those of
//     row group + 8, a nibble a group from the low bits. PTX gives this only
//     as a figure; bench/gpu/mma_sp_layout.cu checked it on an H100 (and
//     rejected the split by t of both rows that we first read in it).
//
//===----------------------------------------------------------------------===//

#include "SparseMatmulKernels.h"
#include "KernelBuilding.h"

#include "sqz/Conversion/SqzToLinalg/SqzToLinalg.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace mlir::sqz;
using namespace mlir::sqz::gpu_kernels;

namespace {
constexpr unsigned kRow = 0, kCol = 1, kGroup = 2, kSlot = 3;
constexpr int64_t kSparseDepth = 32; // K of one mma.sp m16n8k32
} // namespace

/// The 2-D lhs buffer that the body of a direct sparse contraction reads:
/// every memref.load in it reads one buffer defined outside.
static Value gatheredLhs(linalg::GenericOp op) {
  Value lhs;
  for (Operation &inner : op.getBlock()->without_terminator()) {
    auto load = dyn_cast<memref::LoadOp>(inner);
    if (!load)
      continue;
    if ((lhs && load.getMemRef() != lhs) ||
        load.getMemRef().getParentBlock() == op.getBlock())
      return Value();
    lhs = load.getMemRef();
  }
  auto type = lhs ? dyn_cast<MemRefType>(lhs.getType()) : MemRefType();
  if (!type || type.getRank() != 2 || !type.getElementType().isInteger(32) ||
      !type.getLayout().isIdentity())
    return Value();
  return lhs;
}

FailureOr<SparseContraction>
gpu_kernels::matchSparseContraction(Operation *op) {
  auto generic = dyn_cast<linalg::GenericOp>(op);
  auto facts =
      generic
          ? generic->getAttrOfType<DictionaryAttr>(sqz::kNMContractionAttrName)
          : DictionaryAttr();
  if (!facts || !generic.hasPureBufferSemantics())
    return failure();
  auto factIs = [&](StringRef name, int64_t value) {
    auto attr = facts.getAs<IntegerAttr>(name);
    return attr && attr.getInt() == value;
  };
  if (!factIs("n", 2) || !factIs("m", 4) || !factIs("positions_per_byte", 4) ||
      !facts.get("int8_operands") || generic.getNumLoops() != 4 ||
      generic.getNumDpsInputs() != 2 ||
      !hasElementType(generic.getDpsInputs()[0], 8) ||
      !hasElementType(generic.getDpsInputs()[1], 8) ||
      !hasElementType(generic.getDpsInits()[0], 32))
    return failure();
  Value lhs = gatheredLhs(generic);
  if (!lhs)
    return failure();
  return SparseContraction{generic, lhs};
}

/// Element `operand` of the contraction at `ivs` through its indexing map
/// (any affine map), read at a valid address; `inBounds` says whether the
/// loop indices are inside their ranges.
static Value loadThroughMap(OpBuilder &b, Location loc, linalg::LinalgOp op,
                            OpOperand &operand, ArrayRef<Value> ivs,
                            Value inBounds) {
  AffineMap map = op.getMatchingIndexingMap(&operand);
  Value c0 = arith::ConstantIndexOp::create(b, loc, 0);
  SmallVector<Value> safe;
  for (Value iv : ivs)
    safe.push_back(arith::SelectOp::create(b, loc, inBounds, iv, c0));
  SmallVector<Value> indices;
  for (unsigned r = 0; r < map.getNumResults(); ++r)
    indices.push_back(
        affine::AffineApplyOp::create(b, loc, map.getSubMap({r}), safe));
  return memref::LoadOp::create(b, loc, operand.get(), indices);
}

/// The warp's tile of 16 output columns (the sparse weight's output
/// channels, rows of mma.sp's A) by 8 output rows (B's columns): D = W^T
/// X^T along K, 32 at a time, stored transposed.
static void buildSparseWarpTile(OpBuilder &b, Location loc,
                                const SparseContraction &sc, KernelFrame &frame,
                                Value lane, Value col0, Value row0) {
  linalg::LinalgOp op = sc.op;
  IndexMath math{b, loc};
  Type i8 = b.getI8Type(), i32 = b.getI32Type();
  Value group = math.divu(lane, 4);
  Value t = math.remu(lane, 4);
  // A's rows (output columns) and B's column (an output row) of the lane;
  // the accumulator's output rows 2t + e.
  Value channels[2] = {math.add(col0, group),
                       math.add(col0, math.add(group, math.constant(8)))};
  Value token = math.add(row0, group);
  Value outRows[2] = {
      math.add(row0, math.mul(t, 2)),
      math.add(row0, math.add(math.mul(t, 2), math.constant(1)))};
  Value groups = frame.sizes[kGroup];
  Value depth = math.mul(groups, 4);
  OpOperand &kept = op->getOpOperand(0);
  OpOperand &positions = op->getOpOperand(1);
  OpOperand &out = op.getDpsInitsMutable()[0];
  MmaFormat format = {
      i8, i32, kSparseDepth, 4, NVVM::MMATypes::s8, NVVM::MMATypes::s8};

  SmallVector<Value> init;
  for (int r = 0; r < 2; ++r)
    for (int e = 0; e < 2; ++e) {
      frame.ivs[kRow] = outRows[e];
      frame.ivs[kCol] = channels[r];
      init.push_back(loadOrZero(b, loc, op, out, frame,
                                arith::ConstantIntOp::create(b, loc, i32, 0)));
    }

  // The 4-bit metadata of one group of four along K: its two kept
  // positions, the first in the low bits; 0b0100 (positions 0 and 1, a
  // valid pattern over zero values) past an edge.
  auto nibble = [&](OpBuilder &b, Value channel, Value g) -> Value {
    Value inside = arith::AndIOp::create(
        b, loc, math.ult(channel, frame.sizes[kCol]), math.ult(g, groups));
    // A group's two positions are adjacent 2-bit fields of one byte (four
    // positions a byte, low bits first, slot index g * 2 + s): the nibble
    // at bit 4 (g % 2), already in mma.sp's order.
    SmallVector<Value> ivs = {math.constant(0), channel, g, math.constant(0)};
    Value byte = arith::ExtUIOp::create(
        b, loc, i32, loadThroughMap(b, loc, op, positions, ivs, inside));
    Value shift =
        arith::IndexCastOp::create(b, loc, i32, math.mul(math.remu(g, 2), 4));
    Value bits = arith::AndIOp::create(
        b, loc, arith::ShRUIOp::create(b, loc, byte, shift),
        arith::ConstantIntOp::create(b, loc, i32, 0xf));
    return arith::SelectOp::create(
        b, loc, inside, bits, arith::ConstantIntOp::create(b, loc, i32, 0x4));
  };

  Type resultType = LLVM::LLVMStructType::getLiteral(b.getContext(),
                                                     SmallVector<Type>(4, i32));
  auto loop = scf::ForOp::create(
      b, loc, math.constant(0), depth, math.constant(kSparseDepth), init,
      [&](OpBuilder &b, Location loc, Value k0, ValueRange acc) {
        Value g0 = math.divu(k0, 4);
        // A: register r holds channel r's kept values 4t .. 4t + 3 of the
        // step (groups g0 + 2t, g0 + 2t + 1, both slots), 0 past an edge.
        Value zero8 = arith::ConstantIntOp::create(b, loc, i8, 0);
        SmallVector<Value> a, w;
        for (int r = 0; r < 2; ++r) {
          SmallVector<Value> bytes;
          for (int e = 0; e < 4; ++e) {
            frame.ivs[kCol] = channels[r];
            frame.ivs[kGroup] =
                math.add(g0, math.add(math.mul(t, 2), math.constant(e / 2)));
            frame.ivs[kSlot] = math.constant(e % 2);
            bytes.push_back(loadOrZero(b, loc, op, kept, frame, zero8));
          }
          a.push_back(packRegister(b, loc, format, bytes));
        }
        // B: register r holds the lhs row `token` at K = 4t + 16r + 0..3 of
        // the step, the i32 codes narrowed (they fit in i8).
        for (int r = 0; r < 2; ++r) {
          SmallVector<Value> bytes;
          for (int e = 0; e < 4; ++e) {
            Value k = math.add(
                k0, math.add(math.mul(t, 4), math.constant(16 * r + e)));
            Value inside = arith::AndIOp::create(
                b, loc, math.ult(token, frame.sizes[kRow]), math.ult(k, depth));
            Value c0 = math.constant(0);
            Value code = memref::LoadOp::create(
                b, loc, sc.lhs,
                ValueRange{arith::SelectOp::create(b, loc, inside, token, c0),
                           arith::SelectOp::create(b, loc, inside, k, c0)});
            Value narrow = arith::TruncIOp::create(b, loc, i8, code);
            bytes.push_back(
                arith::SelectOp::create(b, loc, inside, narrow, zero8));
          }
          w.push_back(packRegister(b, loc, format, bytes));
        }
        // Metadata: lane t = 0 holds channel 0's eight groups of the step,
        // lane t = 1 channel 1's, a nibble a group (lanes 2 and 3 are not
        // read with selector 0).
        Value metaChannel = arith::SelectOp::create(
            b, loc, math.ult(t, math.constant(1)), channels[0], channels[1]);
        Value meta = arith::ConstantIntOp::create(b, loc, i32, 0);
        for (int j = 0; j < kSparseDepth / 4; ++j) {
          Value bits = nibble(b, metaChannel, math.add(g0, math.constant(j)));
          meta = arith::OrIOp::create(
              b, loc, meta,
              arith::ShLIOp::create(
                  b, loc, bits,
                  arith::ConstantIntOp::create(b, loc, i32, 4 * j)));
        }
        Value selector = arith::ConstantIntOp::create(b, loc, i32, 0);
        auto mma = NVVM::MmaSpOp::create(
            b, loc, resultType, a, w, acc, meta, selector,
            ArrayRef<int64_t>{kTileM, kTileN, kSparseDepth},
            NVVM::MMAIntOverflow::wrapped,
            std::array<NVVM::MMATypes, 2>{NVVM::MMATypes::s8,
                                          NVVM::MMATypes::s8});
        SmallVector<Value> next;
        for (int64_t i = 0; i < 4; ++i)
          next.push_back(LLVM::ExtractValueOp::create(b, loc, mma, i));
        scf::YieldOp::create(b, loc, next);
      });

  for (int r = 0; r < 2; ++r)
    for (int e = 0; e < 2; ++e) {
      frame.ivs[kRow] = outRows[e];
      frame.ivs[kCol] = channels[r];
      storeIfInside(b, loc, op, out, frame, kRow, kCol,
                    loop.getResult(2 * r + e));
    }
}

/// Replaces the sparse contraction by a gpu.launch of one warp per 16
/// output columns (x) by 8 output rows (y).
void gpu_kernels::replaceWithSparseKernel(RewriterBase &rewriter,
                                          const SparseContraction &sc) {
  linalg::LinalgOp op = sc.op;
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  KernelFrame frame = frameOf(rewriter, op);
  IndexMath math{rewriter, loc};
  Value one = math.constant(1);
  auto launch = gpu::LaunchOp::create(
      rewriter, loc, tilesOf(rewriter, loc, frame.sizes[kCol], kTileM),
      tilesOf(rewriter, loc, frame.sizes[kRow], kTileN), one,
      math.constant(kWarp), one, one);
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointToStart(&launch.getBody().front());
  Value col0 = arith::MulIOp::create(rewriter, loc, launch.getBlockIds().x,
                                     math.constant(kTileM));
  Value row0 = arith::MulIOp::create(rewriter, loc, launch.getBlockIds().y,
                                     math.constant(kTileN));
  buildSparseWarpTile(rewriter, loc, sc, frame, launch.getThreadIds().x, col0,
                      row0);
  gpu::TerminatorOp::create(rewriter, loc);
  rewriter.eraseOp(op);
}
