//===- MatmulKernels.cpp - Contractions as tiled GPU kernels --------------===//
//
// Two kernels, chosen by element type:
//
// f32 x f32 -> f32: a block of 16x16 threads computes a 64x64 output tile,
// 4x4 outputs per thread, staging 16-deep slices of both operands in shared
// memory; each output sums along K in order, applying the contraction's own
// multiply-add body, as the reference loops do.
//
// An i8 x i8 -> i32 contraction (the integer matmul that sqz-fold-scales
// leaves, W8A8; activation codes signed or unsigned) becomes a kernel of
// one warp per 16x8 output tile that runs `mma.sync.m16n8k32` with s8 or
// u8 activations and s8 weights (nvvm.mma.sync, wrapping) along K. Each lane
// gathers its fragment elements from the operands through their indexing maps,
// so any layout of the weight works; elements past an edge read as 0 and
// outputs past an edge are not written.
//
// Fragment layouts of m16n8k32 with 8-bit operands (PTX ISA, "Matrix
// fragments for mma.m16n8k32"), lane = 4 * group + t:
//   A (16x32, four 32-bit registers of 4 bytes): register r holds row
//     group + 8 * (r & 1), columns 4t + 16 * (r >> 1) + {0..3};
//   B (32x8, two registers): register r holds column group, rows
//     4t + 16 * r + {0..3};
//   C (16x8, four i32): register 2r + e holds row group + 8 * r, column
//     2t + e.
//
//===----------------------------------------------------------------------===//

#include "sqz/Codegen/GPU/Passes.h"
#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZGPUMATMULKERNELS
#include "sqz/Codegen/GPU/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {

constexpr int64_t kTileM = 16, kTileN = 8, kTileK = 32, kWarp = 32;

/// A contraction a kernel takes, and its loop dimensions.
struct Contraction {
  linalg::LinalgOp op;
  unsigned m, n, k;
  SmallVector<unsigned> batch;
  bool integer;               // i8 x i8 -> i32 on the tensor cores; else f32
  bool unsignedInput = false; // the integer activation codes are u8
  /// Per input: the elementwise op that computes it from constants (the
  /// dequantization of a weight-only scheme), recomputed per element inside
  /// the kernel instead of read from its buffer; or null.
  linalg::GenericOp producers[2] = {};
};

constexpr int64_t kBlockTile = 64, kThreadTile = 4, kSliceK = 16,
                  kThreadsPerSide = kBlockTile / kThreadTile;

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

static bool hasFloatType(Value value) {
  auto type = dyn_cast<MemRefType>(value.getType());
  return type && type.getElementType().isF32();
}

/// Whether the producer's body computes from its block arguments, its loop
/// indices and constants alone, without memory effects: safe to recompute
/// anywhere, any number of times.
static bool isPureElementwiseBody(linalg::GenericOp producer) {
  Block &body = *producer.getBlock();
  for (Operation &op : body.without_terminator()) {
    if (!isMemoryEffectFree(&op) || op.getNumRegions() != 0)
      return false;
    for (Value operand : op.getOperands())
      if (operand.getParentBlock() != &body &&
          !matchPattern(operand, m_Constant()))
        return false;
  }
  return true;
}

/// Whether `value` is a constant global's buffer (never written).
static bool isConstantBuffer(Value value) {
  auto get = value.getDefiningOp<memref::GetGlobalOp>();
  if (!get)
    return false;
  auto global = SymbolTable::lookupNearestSymbolFrom<memref::GlobalOp>(
      get, get.getNameAttr());
  return global && global.getConstant();
}

/// The elementwise op that fills `buffer` from constants, if `consumer` is
/// the only reader of that buffer: an all-parallel linalg.generic with an
/// identity output map that ignores the buffer's old values, the buffer a
/// fresh allocation used only by it, `consumer` and deallocations. The
/// kernel then computes the elements itself, from the constants.
static linalg::GenericOp findRecomputableProducer(Value buffer,
                                                  Operation *consumer) {
  if (!buffer.getDefiningOp<memref::AllocOp>() &&
      !buffer.getDefiningOp<gpu::AllocOp>())
    return nullptr;
  linalg::GenericOp producer;
  for (Operation *user : buffer.getUsers()) {
    if (user == consumer || isa<memref::DeallocOp, gpu::DeallocOp>(user))
      continue;
    auto generic = dyn_cast<linalg::GenericOp>(user);
    if (!generic || producer || generic.getNumDpsInits() != 1 ||
        generic.getDpsInits()[0] != buffer)
      return nullptr;
    producer = generic;
  }
  if (!producer || producer->getBlock() != consumer->getBlock() ||
      !producer->isBeforeInBlock(consumer) ||
      producer.getNumParallelLoops() != producer.getNumLoops() ||
      !producer.getIndexingMapsArray().back().isIdentity() ||
      !producer.getRegionOutputArgs()[0].use_empty() ||
      !llvm::all_of(producer.getDpsInputs(), isConstantBuffer) ||
      !isPureElementwiseBody(producer) ||
      !cast<MemRefType>(buffer.getType()).hasStaticShape())
    return nullptr;
  return producer;
}

/// One m, n and k dimension, any batch dimensions, projected-permutation
/// maps, and either signed i8 x signed i8 -> i32 (the s8 x s8 tensor-core
/// instruction) or an f32 multiply-add.
static FailureOr<Contraction> matchContraction(linalg::LinalgOp op) {
  if (!op.hasPureBufferSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1)
    return failure();
  Value lhs = op.getDpsInputs()[0], rhs = op.getDpsInputs()[1],
        out = op.getDpsInits()[0];
  bool integer = hasElementType(lhs, 8) && hasElementType(rhs, 8) &&
                 hasElementType(out, 32);
  bool f32 = hasFloatType(lhs) && hasFloatType(rhs) && hasFloatType(out);
  if (!integer && !f32)
    return failure();
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || dims->m.size() != 1 || dims->n.size() != 1 ||
      dims->k.size() != 1 || op.getNumLoops() != 3 + dims->batch.size())
    return failure();
  if (!llvm::all_of(op.getIndexingMapsArray(), [](AffineMap map) {
        return map.isProjectedPermutation(/*allowZeroInResults=*/false);
      }))
    return failure();
  std::optional<bool> unsignedInput;
  if (integer) {
    unsignedInput = sqz::int8InputIsUnsigned(*op.getBlock(), /*inputIndex=*/0);
    if (!unsignedInput)
      return failure();
  } else if (!sqz::isFloatMultiplyAdd(*op.getBlock())) {
    // Any other body would see the zero padding of K.
    return failure();
  }
  Contraction contraction{op, dims->m.front(), dims->n.front(), dims->k.front(),
                          {}, integer};
  contraction.batch.assign(dims->batch.begin(), dims->batch.end());
  contraction.unsignedInput = unsignedInput.value_or(false);
  if (!integer && op.getDpsInputs()[0] != op.getDpsInputs()[1])
    for (int i = 0; i < 2; ++i)
      contraction.producers[i] =
          findRecomputableProducer(op.getDpsInputs()[i], op);
  return contraction;
}

/// The indices of `operand` at the frame's coordinates, each clamped to 0
/// past its edge (a valid address), and whether all are inside.
static std::pair<SmallVector<Value>, Value>
clampedIndices(OpBuilder &b, Location loc, linalg::LinalgOp op,
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
static Value selectInside(OpBuilder &b, Location loc, Value inBounds,
                          Value value, Value zero) {
  return inBounds ? arith::SelectOp::create(b, loc, inBounds, value, zero)
                        .getResult()
                  : value;
}

/// Clones `body` at the builder's point with its block arguments bound to
/// `args` and `linalg.index d` to `loopIndices[d]`; returns the yielded
/// value.
static Value inlineBody(OpBuilder &b, Block &body, ValueRange args,
                        ArrayRef<Value> loopIndices = {}) {
  IRMapping mapping;
  mapping.map(body.getArguments().take_front(args.size()), args);
  for (Operation &inner : body.without_terminator()) {
    if (auto loopIndex = dyn_cast<linalg::IndexOp>(inner)) {
      mapping.map(loopIndex.getResult(), loopIndices[loopIndex.getDim()]);
      continue;
    }
    b.clone(inner, mapping);
  }
  return mapping.lookup(body.getTerminator()->getOperand(0));
}

/// Element `operand` of the contraction at the frame's coordinates, or
/// `zero` past an edge (the load reads a clamped, valid address).
static Value loadOrZero(OpBuilder &b, Location loc, linalg::LinalgOp op,
                        OpOperand &operand, const KernelFrame &frame,
                        Value zero) {
  auto [indices, inBounds] = clampedIndices(b, loc, op, operand, frame);
  Value element = memref::LoadOp::create(b, loc, operand.get(), indices);
  return selectInside(b, loc, inBounds, element, zero);
}

/// Input `index` of the contraction at the frame's coordinates, or `zero`
/// past an edge: read from its buffer, or computed by its producer's body
/// from the producer's constant inputs (in registers, so that no
/// full-size copy of a dequantized weight exists).
static Value readInput(OpBuilder &b, Location loc, const Contraction &c,
                       unsigned index, const KernelFrame &frame, Value zero) {
  linalg::LinalgOp op = c.op;
  linalg::GenericOp producer = c.producers[index];
  if (!producer)
    return loadOrZero(b, loc, op, op->getOpOperand(index), frame, zero);
  // The producer's loop coordinates are the operand's indices.
  auto [coords, inBounds] =
      clampedIndices(b, loc, op, op->getOpOperand(index), frame);
  SmallVector<Value> inputs;
  for (OpOperand *input : producer.getDpsInputOperands()) {
    AffineMap inputMap = producer.getMatchingIndexingMap(input);
    SmallVector<Value> indices;
    for (unsigned r = 0; r < inputMap.getNumResults(); ++r)
      indices.push_back(affine::AffineApplyOp::create(
          b, loc, inputMap.getSubMap({r}), coords));
    inputs.push_back(memref::LoadOp::create(b, loc, input->get(), indices));
  }
  Value element = inlineBody(b, *producer.getBlock(), inputs, coords);
  return selectInside(b, loc, inBounds, element, zero);
}

/// Erases the producers the kernel recomputes, with their buffers.
static void eraseRecomputedProducers(RewriterBase &rewriter,
                                     const Contraction &c) {
  for (linalg::GenericOp producer : c.producers) {
    if (!producer)
      continue;
    Value buffer = producer.getDpsInits()[0];
    rewriter.eraseOp(producer);
    for (Operation *user : llvm::make_early_inc_range(buffer.getUsers()))
      rewriter.eraseOp(user);
    rewriter.eraseOp(buffer.getDefiningOp());
  }
}

/// Stores `value` into the output at the frame's coordinates when they are
/// inside it.
static void storeIfInside(OpBuilder &b, Location loc, linalg::LinalgOp op,
                          OpOperand &out, const KernelFrame &frame,
                          const Contraction &c, Value value) {
  Value inside = arith::AndIOp::create(
      b, loc,
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, frame.ivs[c.m],
                            frame.sizes[c.m]),
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, frame.ivs[c.n],
                            frame.sizes[c.n]));
  AffineMap map = op.getMatchingIndexingMap(&out);
  SmallVector<Value> indices;
  for (unsigned i = 0; i < map.getNumResults(); ++i)
    indices.push_back(frame.ivs[map.getDimPosition(i)]);
  scf::IfOp::create(b, loc, inside, [&](OpBuilder &b, Location loc) {
    memref::StoreOp::create(b, loc, value, out.get(), indices);
    scf::YieldOp::create(b, loc);
  });
}

/// The warp's 16x8 tile: fragments gathered, mma.sync along K, the result
/// stored where it is inside the output.
static void buildWarpTile(OpBuilder &b, Location loc, const Contraction &c,
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

  // The accumulator starts from the output (linalg accumulates into it):
  // registers c0..c3 are (row r, column e) for r, e in {0, 1}.
  SmallVector<Value> init;
  for (int r = 0; r < 2; ++r)
    for (int e = 0; e < 2; ++e) {
      frame.ivs[c.m] = rows[r];
      frame.ivs[c.n] = cols[e];
      init.push_back(loadOrZero(b, loc, op, out, frame, zero32));
    }

  // Four consecutive bytes along K as one 32-bit register, the lowest K in
  // the lowest byte.
  auto packRegister = [&](OpBuilder &b, ArrayRef<Value> bytes) {
    Value vector =
        vector::FromElementsOp::create(b, loc, VectorType::get({4}, i8), bytes);
    Value word =
        vector::BitCastOp::create(b, loc, VectorType::get({1}, i32), vector);
    return vector::ExtractOp::create(b, loc, word, ArrayRef<int64_t>{0})
        .getResult();
  };
  Type resultType = LLVM::LLVMStructType::getLiteral(b.getContext(),
                                                     SmallVector<Type>(4, i32));
  Value lowK = arith::MulIOp::create(b, loc, t, index(4));
  auto loop = scf::ForOp::create(
      b, loc, index(0), frame.sizes[c.k], index(kTileK), init,
      [&](OpBuilder &b, Location loc, Value k0, ValueRange acc) {
        Value base = add(k0, lowK);
        SmallVector<Value> a, w;
        for (int r = 0; r < 4; ++r) {
          SmallVector<Value> bytes;
          for (int e = 0; e < 4; ++e) {
            frame.ivs[c.m] = rows[r & 1];
            frame.ivs[c.k] = add(base, index(16 * (r >> 1) + e));
            bytes.push_back(loadOrZero(b, loc, op, lhs, frame, zero8));
          }
          a.push_back(packRegister(b, bytes));
        }
        for (int r = 0; r < 2; ++r) {
          SmallVector<Value> bytes;
          for (int e = 0; e < 4; ++e) {
            frame.ivs[c.n] = column;
            frame.ivs[c.k] = add(base, index(16 * r + e));
            bytes.push_back(loadOrZero(b, loc, op, rhs, frame, zero8));
          }
          w.push_back(packRegister(b, bytes));
        }
        // Wrapping, as the reference's integer addition.
        std::array<NVVM::MMATypes, 2> types = {
            c.unsignedInput ? NVVM::MMATypes::u8 : NVVM::MMATypes::s8,
            NVVM::MMATypes::s8};
        std::array<NVVM::MMALayout, 2> layouts = {NVVM::MMALayout::row,
                                                  NVVM::MMALayout::col};
        auto mma = NVVM::MmaOp::create(
            b, loc, resultType, a, w, acc,
            ArrayRef<int64_t>{kTileM, kTileN, kTileK}, std::nullopt,
            NVVM::MMAIntOverflow::wrapped, types, layouts);
        SmallVector<Value> next;
        for (int64_t i = 0; i < 4; ++i)
          next.push_back(LLVM::ExtractValueOp::create(b, loc, mma, i));
        scf::YieldOp::create(b, loc, next);
      });

  // Store the tile's elements that are inside the output.
  for (int r = 0; r < 2; ++r)
    for (int e = 0; e < 2; ++e) {
      frame.ivs[c.m] = rows[r];
      frame.ivs[c.n] = cols[e];
      storeIfInside(b, loc, op, out, frame, c, loop.getResult(2 * r + e));
    }
}

/// A 64x64 f32 output tile on 16x16 threads: 16-deep slices of both
/// operands staged in shared memory, 4x4 outputs per thread.
static void buildSimtTile(OpBuilder &b, Location loc, const Contraction &c,
                          KernelFrame &frame, gpu::LaunchOp launch, Value m0,
                          Value n0) {
  linalg::LinalgOp op = c.op;
  auto index = [&](int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v).getResult();
  };
  auto add = [&](Value x, Value y) {
    return arith::AddIOp::create(b, loc, x, y).getResult();
  };
  auto mul = [&](Value x, int64_t y) {
    return arith::MulIOp::create(b, loc, x, index(y)).getResult();
  };
  Value tx = launch.getThreadIds().x, ty = launch.getThreadIds().y;
  Value thread = add(mul(ty, kThreadsPerSide), tx);
  Value sharedLhs = launch.getWorkgroupAttributions()[0];
  Value sharedRhs = launch.getWorkgroupAttributions()[1];
  Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));
  OpOperand &out = op.getDpsInitsMutable()[0];

  SmallVector<Value> rows, cols;
  for (int64_t i = 0; i < kThreadTile; ++i) {
    rows.push_back(add(m0, add(mul(ty, kThreadTile), index(i))));
    cols.push_back(add(n0, add(mul(tx, kThreadTile), index(i))));
  }
  SmallVector<Value> init;
  for (Value row : rows)
    for (Value col : cols) {
      frame.ivs[c.m] = row;
      frame.ivs[c.n] = col;
      init.push_back(loadOrZero(b, loc, op, out, frame, zero));
    }

  // Stages a 16 x 64 slice of `operand` (rows or columns `base` + 0..63 of
  // dimension `dim`): each thread copies 4 elements, K fastest when the
  // operand's last index is K (coalesced reads either way).
  auto stage = [&](OpBuilder &b, unsigned input, unsigned dim, Value base,
                   Value k0, Value shared) {
    OpOperand &operand = op->getOpOperand(input);
    AffineMap map = op.getMatchingIndexingMap(&operand);
    bool kInner = map.getDimPosition(map.getNumResults() - 1) == c.k;
    for (int64_t r = 0; r < kBlockTile * kSliceK / 256; ++r) {
      Value element = add(thread, index(256 * r));
      Value kk =
          kInner ? arith::RemUIOp::create(b, loc, element, index(kSliceK))
                       .getResult()
                 : arith::DivUIOp::create(b, loc, element, index(kBlockTile))
                       .getResult();
      Value along =
          kInner ? arith::DivUIOp::create(b, loc, element, index(kSliceK))
                       .getResult()
                 : arith::RemUIOp::create(b, loc, element, index(kBlockTile))
                       .getResult();
      frame.ivs[dim] = add(base, along);
      frame.ivs[c.k] = add(k0, kk);
      Value value = readInput(b, loc, c, input, frame, zero);
      memref::StoreOp::create(b, loc, value, shared, ValueRange{kk, along});
    }
  };

  auto loop = scf::ForOp::create(
      b, loc, index(0), frame.sizes[c.k], index(kSliceK), init,
      [&](OpBuilder &b, Location loc, Value k0, ValueRange acc) {
        stage(b, 0, c.m, m0, k0, sharedLhs);
        stage(b, 1, c.n, n0, k0, sharedRhs);
        gpu::BarrierOp::create(b, loc);
        auto inner = scf::ForOp::create(
            b, loc, index(0), index(kSliceK), index(1), acc,
            [&](OpBuilder &b, Location loc, Value kk, ValueRange acc) {
              SmallVector<Value> a, w, next;
              for (int64_t i = 0; i < kThreadTile; ++i) {
                a.push_back(memref::LoadOp::create(
                    b, loc, sharedLhs,
                    ValueRange{kk, add(mul(ty, kThreadTile), index(i))}));
                w.push_back(memref::LoadOp::create(
                    b, loc, sharedRhs,
                    ValueRange{kk, add(mul(tx, kThreadTile), index(i))}));
              }
              for (int64_t i = 0; i < kThreadTile; ++i)
                for (int64_t j = 0; j < kThreadTile; ++j)
                  next.push_back(
                      inlineBody(b, *op.getBlock(),
                                 {a[i], w[j], acc[i * kThreadTile + j]}));
              scf::YieldOp::create(b, loc, next);
            });
        gpu::BarrierOp::create(b, loc);
        scf::YieldOp::create(b, loc, inner.getResults());
      });

  for (auto [i, row] : llvm::enumerate(rows))
    for (auto [j, col] : llvm::enumerate(cols)) {
      frame.ivs[c.m] = row;
      frame.ivs[c.n] = col;
      storeIfInside(b, loc, op, out, frame, c,
                    loop.getResult(i * kThreadTile + j));
    }
}

/// The batch indices of the block: blockIdx.z delinearized over the batch
/// dimensions, the last fastest.
static void setBatchIndices(OpBuilder &b, Location loc, const Contraction &c,
                            KernelFrame &frame, Value linear) {
  for (unsigned d : llvm::reverse(c.batch)) {
    frame.ivs[d] =
        arith::RemUIOp::create(b, loc, linear, frame.sizes[d]).getResult();
    linear = arith::DivUIOp::create(b, loc, linear, frame.sizes[d]);
  }
}

/// Replaces the contraction by a gpu.launch over output tiles: blocks over
/// N (x), M (y) and the batch (z).
static void replaceWithKernel(RewriterBase &rewriter, const Contraction &c) {
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
  Value batches = index(1);
  for (unsigned d : c.batch)
    batches = arith::MulIOp::create(rewriter, loc, batches, frame.sizes[d]);
  int64_t tileM = c.integer ? kTileM : kBlockTile;
  int64_t tileN = c.integer ? kTileN : kBlockTile;
  SmallVector<Type> shared;
  if (!c.integer) {
    auto workgroup = gpu::AddressSpaceAttr::get(
        rewriter.getContext(), gpu::GPUDialect::getWorkgroupAddressSpace());
    auto sliceType = MemRefType::get(
        {kSliceK, kBlockTile}, rewriter.getF32Type(), AffineMap(), workgroup);
    shared = {sliceType, sliceType};
  }
  Value one = index(1);
  auto launch = gpu::LaunchOp::create(
      rewriter, loc, tiles(frame.sizes[c.n], tileN),
      tiles(frame.sizes[c.m], tileM), batches,
      c.integer ? index(kWarp) : index(kThreadsPerSide),
      c.integer ? one : index(kThreadsPerSide), one,
      /*dynamicSharedMemorySize=*/nullptr, /*asyncTokenType=*/nullptr,
      /*asyncDependencies=*/{}, shared);
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointToStart(&launch.getBody().front());
  Value m0 = arith::MulIOp::create(rewriter, loc, launch.getBlockIds().y,
                                   index(tileM));
  Value n0 = arith::MulIOp::create(rewriter, loc, launch.getBlockIds().x,
                                   index(tileN));
  setBatchIndices(rewriter, loc, c, frame, launch.getBlockIds().z);
  if (c.integer)
    buildWarpTile(rewriter, loc, c, frame, launch.getThreadIds().x, m0, n0);
  else
    buildSimtTile(rewriter, loc, c, frame, launch, m0, n0);
  gpu::TerminatorOp::create(rewriter, loc);
  rewriter.eraseOp(op);
  eraseRecomputedProducers(rewriter, c);
}

namespace {
struct SqzGPUMatmulKernelsPass
    : public sqz::impl::SqzGPUMatmulKernelsBase<SqzGPUMatmulKernelsPass> {
  void runOnOperation() override {
    SmallVector<Contraction> contractions;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (op->getParentOfType<gpu::LaunchOp>())
        return;
      if (FailureOr<Contraction> c = matchContraction(op); succeeded(c))
        contractions.push_back(*c);
    });
    IRRewriter rewriter(&getContext());
    for (const Contraction &c : contractions)
      replaceWithKernel(rewriter, c);
  }
};
} // namespace
