//===- MatmulKernels.cpp - Contractions as tiled GPU kernels --------------===//
//
// Three kernels, chosen by element type:
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
// f16 x f16 and bf16 x bf16 contractions, into an output of the same type
// or f32, run the same warp tile on `mma.sync.m16n8k16` with an f32
// accumulator (HMMA in SASS); a half-precision output is rounded once, at
// the store.
//
// Fragment layouts of m16n8k32 with 8-bit operands and of m16n8k16 with
// 16-bit ones (PTX ISA, "Matrix fragments for mma.m16n8k32 / k16"), lane =
// 4 * group + t, p elements per 32-bit register (4 bytes or 2 halves), K
// the instruction's depth:
//   A (16xK, four registers): register r holds row group + 8 * (r & 1),
//     columns p t + K/2 * (r >> 1) + {0..p-1};
//   B (Kx8, two registers): register r holds column group, rows
//     p t + K/2 * r + {0..p-1};
//   C (16x8, four i32 or f32): register 2r + e holds row group + 8 * r,
//     column 2t + e.
//
// A direct 2:4 contraction of int8 codes (convert-sqz-to-linalg's
// `sqz.nm_contraction`) runs on the sparse tensor cores instead:
// SparseMatmulKernels.cpp.
//
//===----------------------------------------------------------------------===//

#include "KernelBuilding.h"
#include "SparseMatmulKernels.h"

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
using namespace mlir::sqz::gpu_kernels;

namespace {

/// Which kernel a contraction gets.
enum class TileKind {
  Int8, // i8 x i8 -> i32 on the int8 tensor cores (m16n8k32)
  Half, // f16 or bf16 on the half-precision tensor cores (m16n8k16)
  F32,  // f32 multiply-adds on 64x64 tiles of threads
};

/// A contraction a kernel takes, and its loop dimensions.
struct Contraction {
  linalg::LinalgOp op;
  unsigned m, n, k;
  SmallVector<unsigned> batch;
  TileKind kind;
  bool unsignedInput = false; // the integer activation codes are u8
  /// Per input: the elementwise op that computes it from constants (the
  /// dequantization of a weight-only scheme), recomputed per element inside
  /// the kernel instead of read from its buffer; or null.
  linalg::GenericOp producers[2] = {};
};

constexpr int64_t kBlockTile = 64, kThreadTile = 4, kSliceK = 16,
                  kThreadsPerSide = kBlockTile / kThreadTile;

} // namespace

static bool hasFloatType(Value value) {
  Type type = elementTypeOf(value);
  return type && type.isF32();
}

static bool isHalfType(Type type) {
  return type && (type.isF16() || type.isBF16());
}

/// Whether the contraction multiplies f16 by f16 or bf16 by bf16 into the
/// same type (the body `acc + a * b`) or into f32 (`acc + extf(a) *
/// extf(b)`): the half-precision tensor cores' operands.
static bool isHalfContraction(Value lhs, Value rhs, Value out, Block &body) {
  Type type = elementTypeOf(lhs);
  if (!isHalfType(type) || elementTypeOf(rhs) != type)
    return false;
  Type outType = elementTypeOf(out);
  if (outType == type)
    return sqz::isFloatMultiplyAdd(body);
  return outType && outType.isF32() && sqz::isWideningFloatMultiplyAdd(body);
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
  bool half = isHalfContraction(lhs, rhs, out, *op.getBlock());
  bool f32 = hasFloatType(lhs) && hasFloatType(rhs) && hasFloatType(out);
  if (!integer && !half && !f32)
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
  } else if (f32 && !sqz::isFloatMultiplyAdd(*op.getBlock())) {
    // Any other body would see the zero padding of K.
    return failure();
  }
  TileKind kind = integer ? TileKind::Int8
                  : half  ? TileKind::Half
                          : TileKind::F32;
  Contraction contraction{
      op, dims->m.front(), dims->n.front(), dims->k.front(), {}, kind};
  contraction.batch.assign(dims->batch.begin(), dims->batch.end());
  contraction.unsignedInput = unsignedInput.value_or(false);
  if (f32 && op.getDpsInputs()[0] != op.getDpsInputs()[1])
    for (int i = 0; i < 2; ++i)
      contraction.producers[i] =
          findRecomputableProducer(op.getDpsInputs()[i], op);
  return contraction;
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

static MmaFormat mmaFormatOf(OpBuilder &b, const Contraction &c) {
  if (c.kind == TileKind::Int8)
    return {b.getI8Type(),
            b.getI32Type(),
            32,
            4,
            c.unsignedInput ? NVVM::MMATypes::u8 : NVVM::MMATypes::s8,
            NVVM::MMATypes::s8};
  linalg::LinalgOp op = c.op;
  Type element = elementTypeOf(op.getDpsInputs()[0]);
  NVVM::MMATypes type =
      element.isF16() ? NVVM::MMATypes::f16 : NVVM::MMATypes::bf16;
  return {element, b.getF32Type(), 16, 2, type, type};
}

/// The output element at the frame's coordinates (0 past an edge), as the
/// accumulator type: a half-precision output widens exactly to f32.
static Value loadAccumulator(OpBuilder &b, Location loc, const Contraction &c,
                             const MmaFormat &format, KernelFrame &frame) {
  linalg::LinalgOp op = c.op;
  OpOperand &out = op.getDpsInitsMutable()[0];
  Type outType = elementTypeOf(out.get());
  Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(outType));
  Value value = loadOrZero(b, loc, op, out, frame, zero);
  if (outType != format.accumulator)
    value = arith::ExtFOp::create(b, loc, format.accumulator, value);
  return value;
}

/// Stores an accumulator into the output where it is inside it, rounded
/// to nearest even into a half-precision output.
static void storeAccumulator(OpBuilder &b, Location loc, const Contraction &c,
                             KernelFrame &frame, Value value) {
  linalg::LinalgOp op = c.op;
  OpOperand &out = op.getDpsInitsMutable()[0];
  Type outType = elementTypeOf(out.get());
  if (outType != value.getType())
    value = arith::TruncFOp::create(b, loc, outType, value);
  storeIfInside(b, loc, op, out, frame, c.m, c.n, value);
}

/// The warp's 16x8 tile: fragments gathered, mma.sync along K, the result
/// stored where it is inside the output.
static void buildWarpTile(OpBuilder &b, Location loc, const Contraction &c,
                          KernelFrame &frame, Value lane, Value m0, Value n0) {
  linalg::LinalgOp op = c.op;
  MmaFormat format = mmaFormatOf(b, c);
  IndexMath math{b, loc};
  Value group = math.divu(lane, 4);
  Value t = math.remu(lane, 4);
  Value rows[2] = {math.add(m0, group),
                   math.add(m0, math.add(group, math.constant(8)))};
  Value cols[2] = {
      math.add(n0, arith::MulIOp::create(b, loc, t, math.constant(2))),
      math.add(n0, math.add(arith::MulIOp::create(b, loc, t, math.constant(2)),
                            math.constant(1)))};
  Value column = math.add(n0, group);
  Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(format.element));
  OpOperand &lhs = op->getOpOperand(0);
  OpOperand &rhs = op->getOpOperand(1);

  // The accumulator starts from the output (linalg accumulates into it):
  // registers c0..c3 are (row r, column e) for r, e in {0, 1}.
  SmallVector<Value> init;
  for (int r = 0; r < 2; ++r)
    for (int e = 0; e < 2; ++e) {
      frame.ivs[c.m] = rows[r];
      frame.ivs[c.n] = cols[e];
      init.push_back(loadAccumulator(b, loc, c, format, frame));
    }

  Type resultType = LLVM::LLVMStructType::getLiteral(
      b.getContext(), SmallVector<Type>(4, format.accumulator));
  int64_t half = format.depth / 2, p = format.perRegister;
  Value lowK = arith::MulIOp::create(b, loc, t, math.constant(p));
  auto loop = scf::ForOp::create(
      b, loc, math.constant(0), frame.sizes[c.k], math.constant(format.depth),
      init, [&](OpBuilder &b, Location loc, Value k0, ValueRange acc) {
        Value base = math.add(k0, lowK);
        SmallVector<Value> a, w;
        for (int r = 0; r < 4; ++r) {
          SmallVector<Value> elements;
          for (int e = 0; e < p; ++e) {
            frame.ivs[c.m] = rows[r & 1];
            frame.ivs[c.k] = math.add(base, math.constant(half * (r >> 1) + e));
            elements.push_back(loadOrZero(b, loc, op, lhs, frame, zero));
          }
          a.push_back(packRegister(b, loc, format, elements));
        }
        for (int r = 0; r < 2; ++r) {
          SmallVector<Value> elements;
          for (int e = 0; e < p; ++e) {
            frame.ivs[c.n] = column;
            frame.ivs[c.k] = math.add(base, math.constant(half * r + e));
            elements.push_back(loadOrZero(b, loc, op, rhs, frame, zero));
          }
          w.push_back(packRegister(b, loc, format, elements));
        }
        // Integer sums wrap, as the reference's integer addition does.
        std::optional<NVVM::MMAIntOverflow> overflow;
        if (c.kind == TileKind::Int8)
          overflow = NVVM::MMAIntOverflow::wrapped;
        std::array<NVVM::MMATypes, 2> types = {format.typeA, format.typeB};
        std::array<NVVM::MMALayout, 2> layouts = {NVVM::MMALayout::row,
                                                  NVVM::MMALayout::col};
        auto mma =
            NVVM::MmaOp::create(b, loc, resultType, a, w, acc,
                                ArrayRef<int64_t>{kTileM, kTileN, format.depth},
                                std::nullopt, overflow, types, layouts);
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
      storeAccumulator(b, loc, c, frame, loop.getResult(2 * r + e));
    }
}

/// A 64x64 f32 output tile on 16x16 threads: 16-deep slices of both
/// operands staged in shared memory, 4x4 outputs per thread.
static void buildSimtTile(OpBuilder &b, Location loc, const Contraction &c,
                          KernelFrame &frame, gpu::LaunchOp launch, Value m0,
                          Value n0) {
  linalg::LinalgOp op = c.op;
  IndexMath math{b, loc};
  Value tx = launch.getThreadIds().x, ty = launch.getThreadIds().y;
  Value thread = math.add(math.mul(ty, kThreadsPerSide), tx);
  Value sharedLhs = launch.getWorkgroupAttributions()[0];
  Value sharedRhs = launch.getWorkgroupAttributions()[1];
  Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));
  OpOperand &out = op.getDpsInitsMutable()[0];

  SmallVector<Value> rows, cols;
  for (int64_t i = 0; i < kThreadTile; ++i) {
    rows.push_back(
        math.add(m0, math.add(math.mul(ty, kThreadTile), math.constant(i))));
    cols.push_back(
        math.add(n0, math.add(math.mul(tx, kThreadTile), math.constant(i))));
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
      Value element = math.add(thread, math.constant(256 * r));
      // K fastest: element = along * kSliceK + kk; else kk * 64 + along.
      int64_t fastest = kInner ? kSliceK : kBlockTile;
      Value slow = math.divu(element, fastest);
      Value fast = math.remu(element, fastest);
      Value kk = kInner ? fast : slow, along = kInner ? slow : fast;
      frame.ivs[dim] = math.add(base, along);
      frame.ivs[c.k] = math.add(k0, kk);
      Value value = readInput(b, loc, c, input, frame, zero);
      memref::StoreOp::create(b, loc, value, shared, ValueRange{kk, along});
    }
  };

  auto loop = scf::ForOp::create(
      b, loc, math.constant(0), frame.sizes[c.k], math.constant(kSliceK), init,
      [&](OpBuilder &b, Location loc, Value k0, ValueRange acc) {
        stage(b, 0, c.m, m0, k0, sharedLhs);
        stage(b, 1, c.n, n0, k0, sharedRhs);
        gpu::BarrierOp::create(b, loc);
        auto inner = scf::ForOp::create(
            b, loc, math.constant(0), math.constant(kSliceK), math.constant(1),
            acc, [&](OpBuilder &b, Location loc, Value kk, ValueRange acc) {
              SmallVector<Value> a, w, next;
              for (int64_t i = 0; i < kThreadTile; ++i) {
                a.push_back(memref::LoadOp::create(
                    b, loc, sharedLhs,
                    ValueRange{kk, math.add(math.mul(ty, kThreadTile),
                                            math.constant(i))}));
                w.push_back(memref::LoadOp::create(
                    b, loc, sharedRhs,
                    ValueRange{kk, math.add(math.mul(tx, kThreadTile),
                                            math.constant(i))}));
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
      storeIfInside(b, loc, op, out, frame, c.m, c.n,
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
  KernelFrame frame = frameOf(rewriter, op);
  IndexMath math{rewriter, loc};
  Value batches = math.constant(1);
  for (unsigned d : c.batch)
    batches = arith::MulIOp::create(rewriter, loc, batches, frame.sizes[d]);
  bool warpTile = c.kind != TileKind::F32;
  int64_t tileM = warpTile ? kTileM : kBlockTile;
  int64_t tileN = warpTile ? kTileN : kBlockTile;
  SmallVector<Type> shared;
  if (!warpTile) {
    auto workgroup = gpu::AddressSpaceAttr::get(
        rewriter.getContext(), gpu::GPUDialect::getWorkgroupAddressSpace());
    auto sliceType = MemRefType::get(
        {kSliceK, kBlockTile}, rewriter.getF32Type(), AffineMap(), workgroup);
    shared = {sliceType, sliceType};
  }
  Value one = math.constant(1);
  auto launch = gpu::LaunchOp::create(
      rewriter, loc, tilesOf(rewriter, loc, frame.sizes[c.n], tileN),
      tilesOf(rewriter, loc, frame.sizes[c.m], tileM), batches,
      warpTile ? math.constant(kWarp) : math.constant(kThreadsPerSide),
      warpTile ? one : math.constant(kThreadsPerSide), one,
      /*dynamicSharedMemorySize=*/nullptr, /*asyncTokenType=*/nullptr,
      /*asyncDependencies=*/{}, shared);
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointToStart(&launch.getBody().front());
  Value m0 = arith::MulIOp::create(rewriter, loc, launch.getBlockIds().y,
                                   math.constant(tileM));
  Value n0 = arith::MulIOp::create(rewriter, loc, launch.getBlockIds().x,
                                   math.constant(tileN));
  setBatchIndices(rewriter, loc, c, frame, launch.getBlockIds().z);
  if (warpTile)
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
    SmallVector<SparseContraction> sparse;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (op->getParentOfType<gpu::LaunchOp>())
        return;
      if (FailureOr<SparseContraction> sc = matchSparseContraction(op);
          succeeded(sc))
        sparse.push_back(*sc);
      else if (FailureOr<Contraction> c = matchContraction(op); succeeded(c))
        contractions.push_back(*c);
    });
    IRRewriter rewriter(&getContext());
    for (const SparseContraction &sc : sparse)
      replaceWithSparseKernel(rewriter, sc);
    for (const Contraction &c : contractions)
      replaceWithKernel(rewriter, c);
  }
};
} // namespace
