//===- Vectorize.cpp - Tile linalg ops and vectorize the tiles ------------===//
//
// Tiles matmul-shaped contractions and elementwise linalg ops into static,
// register-sized tiles with scf::tileUsingSCF and vectorizes each tile with
// linalg::vectorize; contractions become vector.contract ops whose
// accumulator stays in registers across the reduction loop.
//
//===----------------------------------------------------------------------===//

#include "sqz/Pipelines/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "sqz-vectorize"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZVECTORIZE
#include "sqz/Pipelines/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {

/// Width of the innermost tile of elementwise ops: one AVX-512 register of
/// f32.
constexpr int64_t kVectorWidth = 16;

/// Register tiles (m x n) of contractions: 16 AVX-512 registers of
/// accumulators. Measured on a 64x512 @ 512x512 matmul (bench/results/
/// cpu_vectorize.md): wider n suits the integer path (one sign extension of a
/// row of B serves fewer rows of A), taller m the float one.
constexpr int64_t kFloatTileM = 8, kFloatTileN = 32;
constexpr int64_t kIntTileM = 4, kIntTileN = 64;

/// Returns the largest divisor of `size` that is at most `target`.
static int64_t largestDivisor(int64_t size, int64_t target) {
  for (int64_t candidate = std::min(size, target); candidate > 1; --candidate)
    if (size % candidate == 0)
      return candidate;
  return 1;
}

/// Returns true when the innermost tile of width `width` over a dimension of
/// `size` is worth vectorizing: the whole dimension, or at least
/// `kVectorWidth` wide.
static bool isWideEnough(int64_t width, int64_t size) {
  return width == size || width >= kVectorWidth;
}

/// Tile sizes for a matmul-shaped contraction: loops (batch..., m, n, k),
/// maps (batch..., m, k), (batch..., k, n), (batch..., m, n), with any
/// number of leading batch loops (attention's Q Kᵀ and P V over batch and
/// heads), tiled one batch at a time. Empty if `op` is none.
static SmallVector<int64_t> contractionTileSizes(linalg::LinalgOp op,
                                                 ArrayRef<int64_t> ranges) {
  unsigned loops = op.getNumLoops();
  if (loops < 3 || op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      !linalg::isaContractionOpInterface(op))
    return {};
  unsigned batchLoops = loops - 3;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  if (!llvm::all_of(ArrayRef(iterators).drop_back(),
                    linalg::isParallelIterator) ||
      !linalg::isReductionIterator(iterators.back()))
    return {};
  MLIRContext *context = op.getContext();
  SmallVector<AffineExpr> dims(loops);
  for (unsigned d = 0; d < loops; ++d)
    dims[d] = getAffineDimExpr(d, context);
  ArrayRef<AffineExpr> batch = ArrayRef(dims).take_front(batchLoops);
  AffineExpr m = dims[loops - 3], n = dims[loops - 2], k = dims[loops - 1];
  auto map = [&](AffineExpr a, AffineExpr b) {
    SmallVector<AffineExpr> results(batch);
    results.append({a, b});
    return AffineMap::get(loops, 0, results, context);
  };
  SmallVector<AffineMap> expected = {map(m, k), map(k, n), map(m, n)};
  if (op.getIndexingMapsArray() != expected)
    return {};
  ranges = ranges.drop_front(batchLoops);

  // Float tiles of mixed types would become outer products, which LLVM
  // lowers to fused multiply-adds: they would round unlike the loops.
  Type accType = getElementTypeOrSelf(op.getDpsInitOperand(0)->get());
  bool isFloat = isa<FloatType>(accType);
  if (isFloat && llvm::any_of(op.getDpsInputs(), [&](Value input) {
        return getElementTypeOrSelf(input) != accType;
      }))
    return {};
  int64_t tileM = largestDivisor(ranges[0], isFloat ? kFloatTileM : kIntTileM);
  int64_t tileN = largestDivisor(ranges[1], isFloat ? kFloatTileN : kIntTileN);
  if (!isWideEnough(tileN, ranges[1]))
    return {};
  SmallVector<int64_t> sizes(batchLoops, 1);
  sizes.append({tileM, tileN, 1});
  return sizes;
}

/// Returns true when every input of `op` reads the innermost loop along its
/// last dimension or not at all, through a projected permutation (constant
/// 0s allowed: `(d0, d1, d2) -> (d0, d1, 0)` reads a unit dimension, a row's
/// statistic broadcast along it, as a missing dim would).
static bool readsInnermostContiguously(linalg::LinalgOp op) {
  unsigned innermost = op.getNumLoops() - 1;
  for (OpOperand *input : op.getDpsInputOperands()) {
    AffineMap map = op.getMatchingIndexingMap(input);
    if (!map.isProjectedPermutation(/*allowZeroInResults=*/true))
      return false;
    if (!map.isFunctionOfDim(innermost))
      continue;
    auto last = dyn_cast<AffineDimExpr>(map.getResults().back());
    if (!last || last.getPosition() != innermost)
      return false;
  }
  return true;
}

/// Tile sizes for an elementwise or broadcast op: all loops parallel, an
/// identity output map, and every input reading the innermost loop along its
/// last dimension or not at all. Empty if `op` is none.
static SmallVector<int64_t> elementwiseTileSizes(linalg::LinalgOp op,
                                                 ArrayRef<int64_t> ranges) {
  unsigned numLoops = op.getNumLoops();
  if (numLoops == 0 || op.getNumParallelLoops() != numLoops ||
      op.getNumDpsInits() != 1)
    return {};
  if (!op.getMatchingIndexingMap(op.getDpsInitOperand(0)).isIdentity())
    return {};
  if (!readsInnermostContiguously(op))
    return {};

  SmallVector<int64_t> sizes(numLoops, 1);
  sizes.back() = largestDivisor(ranges.back(), kVectorWidth);
  if (!isWideEnough(sizes.back(), ranges.back()))
    return {};
  return sizes;
}

/// Tile sizes for a row reduction: the innermost loop is the only reduction
/// (softmax's max and sum, LayerNorm's mean and variance, dynamic
/// quantization's min and max), every input reads it through the identity
/// map or not at all, and every output is indexed by the parallel loops
/// alone. Sizes are 1
/// for each parallel loop and 0 for the reduction, which is then split into
/// `kVectorWidth` partial results (see `tileAndVectorizeReduction`). Empty
/// if `op` is none or `reductions` is off.
static SmallVector<int64_t> reductionTileSizes(linalg::LinalgOp op,
                                               ArrayRef<int64_t> ranges,
                                               bool reductions) {
  unsigned numLoops = op.getNumLoops();
  if (!reductions || numLoops == 0 || op.getNumReductionLoops() != 1 ||
      !linalg::isReductionIterator(op.getIteratorTypesArray().back()))
    return {};
  unsigned innermost = numLoops - 1;
  for (OpOperand &init : op.getDpsInitsMutable()) {
    AffineMap map = op.getMatchingIndexingMap(&init);
    if (!map.isProjectedPermutation(/*allowZeroInResults=*/true) ||
        map.isFunctionOfDim(innermost))
      return {};
  }
  // Inputs that read the reduction read it along a whole row of the
  // iteration space (identity map). A contraction (`(m, k)` by `(n, k)`)
  // reads it from two operands indexed by different parallel loops; it is
  // left to the contraction tiles or the loops, which sum in order.
  for (OpOperand *input : op.getDpsInputOperands()) {
    AffineMap map = op.getMatchingIndexingMap(input);
    if (map.isFunctionOfDim(innermost) && !map.isIdentity())
      return {};
  }
  if (!readsInnermostContiguously(op))
    return {};
  if (!isWideEnough(largestDivisor(ranges.back(), kVectorWidth), ranges.back()))
    return {};
  SmallVector<int64_t> sizes(numLoops, 1);
  sizes.back() = 0;
  return sizes;
}

/// Returns true when `type` (an element type) takes whole bytes in memory
/// both as a scalar and as a vector element.
///
/// A memref of a sub-byte type (i1, i2, i4: unpacked codes, N:M positions,
/// masks, decompressed sparse codes) is lowered to LLVM with one element per
/// byte, which is how the scalar loops read and write it; a vector of it is
/// bit-packed in memory: a vector<16xi4> transfer loads or stores 8 bytes,
/// two elements to a byte. Tiles of such an operand would read and write
/// other bytes than the loops around them (a vectorized fill of i4 zeros left
/// half of the decompressed codes of a sparse int4 weight unwritten), so ops
/// that touch one stay on the loop path.
static bool isWholeBytes(Type type) {
  return type.isIntOrFloat() && type.getIntOrFloatBitWidth() % 8 == 0;
}

/// Tile sizes for `op`, or empty if the op is left to the loop path.
static SmallVector<int64_t> tileSizesFor(linalg::LinalgOp op, bool reductions) {
  if (!op.hasPureTensorSemantics() || op.hasDynamicShape())
    return {};
  for (Value operand : op->getOperands())
    if (!isWholeBytes(getElementTypeOrSelf(operand)))
      return {};
  // Tensors read inside the body (gathers) become vector loads too.
  WalkResult subByteRead = op->walk([](tensor::ExtractOp extract) {
    return isWholeBytes(extract.getTensor().getType().getElementType())
               ? WalkResult::advance()
               : WalkResult::interrupt();
  });
  if (subByteRead.wasInterrupted())
    return {};
  if (failed(linalg::vectorizeOpPrecondition(op)))
    return {};
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  if (SmallVector<int64_t> sizes = contractionTileSizes(op, ranges);
      !sizes.empty())
    return sizes;
  if (SmallVector<int64_t> sizes = reductionTileSizes(op, ranges, reductions);
      !sizes.empty())
    return sizes;
  return elementwiseTileSizes(op, ranges);
}

/// Vectorizes `op` in place. On failure it is left for the loop path.
static void vectorizeInPlace(RewriterBase &rewriter, Operation *op) {
  rewriter.setInsertionPoint(op);
  FailureOr<linalg::VectorizationResult> vectorized =
      linalg::vectorize(rewriter, op);
  if (failed(vectorized)) {
    LLVM_DEBUG(llvm::dbgs() << "cannot vectorize " << *op << "\n");
    return;
  }
  rewriter.replaceOp(op, vectorized->replacements);
}

/// Tiles `op` with `options`, replacing it. Fails (and leaves `op`) when
/// the tiling interface declines.
static FailureOr<scf::SCFTilingResult>
tileInPlace(RewriterBase &rewriter, linalg::LinalgOp op,
            const scf::SCFTilingOptions &options) {
  rewriter.setInsertionPoint(op);
  FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(op.getOperation()), options);
  if (failed(tiled)) {
    LLVM_DEBUG(llvm::dbgs() << "cannot tile " << op << "\n");
    return failure();
  }
  rewriter.replaceOp(op, tiled->replacements);
  return tiled;
}

/// Tiles `op` with `sizes` and vectorizes the tile. On failure the op (or
/// its scalar tile) is left for the loop path.
static void tileAndVectorize(RewriterBase &rewriter, linalg::LinalgOp op,
                             ArrayRef<int64_t> sizes) {
  scf::SCFTilingOptions options;
  options.setTileSizes(getAsIndexOpFoldResult(op.getContext(), sizes));
  FailureOr<scf::SCFTilingResult> tiled = tileInPlace(rewriter, op, options);
  if (failed(tiled))
    return;
  for (Operation *tile : tiled->tiledOps)
    vectorizeInPlace(rewriter, tile);
}

/// Tiles a row reduction (`reductionTileSizes`) one row at a time, splits
/// each row's reduction into `kVectorWidth` partial results (an elementwise
/// op per step of `kVectorWidth` elements, whose accumulator stays in
/// registers), merges the partial results once per row, and vectorizes all
/// three: the fill of the partial results with the combiner's neutral
/// element, the step and the merge. A float sum is then added up in another
/// order than the loops' (`kVectorWidth` interleaved sums and a final sum of
/// them): within `R * 2^-p * sum |x|` (R terms, p the precision) of the
/// in-order result; min and max are exact.
static void tileAndVectorizeReduction(RewriterBase &rewriter,
                                      linalg::LinalgOp op,
                                      SmallVector<int64_t> sizes) {
  MLIRContext *context = op.getContext();
  // The vectorizer writes an output through the inverse of its map, which a
  // constant 0 (`(d0, d1, d2) -> (d0, d1, 0)`: a row's statistic kept with
  // a unit dim) does not have: drop unit dims (of operands and loops) first.
  if (auto generic = dyn_cast<linalg::GenericOp>(op.getOperation())) {
    rewriter.setInsertionPoint(generic);
    FailureOr<linalg::DropUnitDimsResult> dropped =
        linalg::dropUnitDims(rewriter, generic, linalg::ControlDropUnitDims());
    if (succeeded(dropped)) {
      rewriter.replaceOp(generic, dropped->replacements);
      op = cast<linalg::LinalgOp>(dropped->resultOp.getOperation());
      sizes = reductionTileSizes(op, op.getStaticLoopRanges(),
                                 /*reductions=*/true);
      if (sizes.empty())
        return;
    }
  }
  unsigned innermost = op.getNumLoops() - 1;
  int64_t range = op.getStaticLoopRanges().back();

  scf::SCFTilingOptions rowOptions;
  rowOptions.setTileSizes(getAsIndexOpFoldResult(context, sizes));
  FailureOr<scf::SCFTilingResult> rows = tileInPlace(rewriter, op, rowOptions);
  if (failed(rows))
    return;
  auto row = cast<linalg::LinalgOp>(rows->tiledOps.back());

  SmallVector<int64_t> laneSizes(sizes.size(), 0);
  laneSizes.back() = largestDivisor(range, kVectorWidth);
  scf::SCFTilingOptions laneOptions;
  laneOptions.setTileSizes(getAsIndexOpFoldResult(context, laneSizes));
  laneOptions.setReductionTilingStrategy(
      ReductionTilingStrategy::PartialReductionOuterReduction);
  laneOptions.setReductionDims({innermost});
  FailureOr<scf::SCFTilingResult> lanes =
      tileInPlace(rewriter, row, laneOptions);
  if (failed(lanes))
    return;
  SmallVector<Operation *> parts;
  for (Value init : lanes->initialValues)
    if (Operation *fill = init.getDefiningOp<linalg::FillOp>())
      parts.push_back(fill);
  llvm::append_range(parts, lanes->tiledOps);
  llvm::append_range(parts, lanes->mergeOps);
  for (Operation *part : parts)
    if (isa<linalg::LinalgOp>(part))
      vectorizeInPlace(rewriter, part);
}

/// Replaces `fma` by a multiply and an add, each rounded.
static void splitFMA(RewriterBase &rewriter, vector::FMAOp fma) {
  rewriter.setInsertionPoint(fma);
  Value product =
      arith::MulFOp::create(rewriter, fma.getLoc(), fma.getLhs(), fma.getRhs());
  rewriter.replaceOpWithNewOp<arith::AddFOp>(fma, fma.getAcc(), product);
}

/// Applies the canonicalization patterns of every loaded dialect and op. As
/// in the canonicalizer pass, IR that does not converge is no error; neither
/// is it for the other pattern sets here: an op left unlowered is reported by
/// the pipeline's final check.
static void canonicalize(Operation *root) {
  MLIRContext *context = root->getContext();
  RewritePatternSet patterns(context);
  for (Dialect *dialect : context->getLoadedDialects())
    dialect->getCanonicalizationPatterns(patterns);
  for (RegisteredOperationName op : context->getRegisteredOperations())
    op.getCanonicalizationPatterns(patterns, context);
  (void)applyPatternsGreedily(root, std::move(patterns));
}

struct SqzVectorizePass : public sqz::impl::SqzVectorizeBase<SqzVectorizePass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp function = getOperation();
    MLIRContext *context = &getContext();

    // ---- Tile and vectorize ------------------------------------------------
    SmallVector<std::pair<linalg::LinalgOp, SmallVector<int64_t>>> candidates;
    function.walk([&](linalg::LinalgOp op) {
      SmallVector<int64_t> sizes = tileSizesFor(op, vectorizeReductions);
      if (!sizes.empty())
        candidates.emplace_back(op, std::move(sizes));
    });
    if (candidates.empty())
      return;
    IRRewriter rewriter(context);
    for (auto &[op, sizes] : candidates) {
      if (op.getNumReductionLoops() != 0 && sizes.back() == 0)
        tileAndVectorizeReduction(rewriter, op, sizes);
      else
        tileAndVectorize(rewriter, op, sizes);
    }

    // ---- Contractions ------------------------------------------------------
    // The vectorizer reads operands broadcast to the full iteration space and
    // reduces with vector.multi_reduction: move the broadcasts out of the
    // transfers and fold them, the multiply and the extensions into one
    // mixed-type vector.contract. Before canonicalization, which would fold
    // the unit-k reduction into a plain add first.
    {
      RewritePatternSet patterns(context);
      vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
      vector::populateVectorReductionToContractPatterns(patterns);
      vector::populateFoldArithExtensionPatterns(patterns);
      (void)applyPatternsGreedily(function, std::move(patterns));
    }
    canonicalize(function);

    // ---- Row reductions' merges ---------------------------------------------
    // What is left of vector.multi_reduction merges a row's partial results:
    // one vector.reduction per row.
    {
      RewritePatternSet patterns(context);
      vector::populateVectorMultiReductionLoweringPatterns(
          patterns, vector::VectorMultiReductionLowering::InnerReduction);
      (void)applyPatternsGreedily(function, std::move(patterns));
    }

    // ---- Accumulators in registers -----------------------------------------
    // The accumulator tile is read before and written after each step of k
    // at the same place: carry it through the loop as a vector instead.
    // Innermost loops first; hoisting replaces a loop by one with more
    // results, inside its (unchanged) parent.
    SmallVector<scf::ForOp> loops;
    function.walk([&](scf::ForOp loop) { loops.push_back(loop); });
    for (scf::ForOp loop : loops)
      hoistLoopInvariantSubsets(rewriter,
                                cast<LoopLikeOpInterface>(loop.getOperation()));

    if (!lowerContractions) {
      canonicalize(function);
      return;
    }
    // Same types: elementwise multiply and add per step of k, bit-identical
    // to the scalar loops (the lowering fuses them into vector.fma, which
    // rounds once: split it again); what is left (mixed types) becomes outer
    // products in the accumulator type.
    llvm::SmallPtrSet<Operation *, 4> givenFMAs;
    function.walk([&](vector::FMAOp fma) { givenFMAs.insert(fma); });
    {
      RewritePatternSet patterns(context);
      vector::populateVectorContractLoweringPatterns(
          patterns, vector::VectorContractLowering::ParallelArith);
      (void)applyPatternsGreedily(function, std::move(patterns));
    }
    SmallVector<vector::FMAOp> newFMAs;
    function.walk([&](vector::FMAOp fma) {
      if (!givenFMAs.contains(fma))
        newFMAs.push_back(fma);
    });
    for (vector::FMAOp fma : newFMAs)
      splitFMA(rewriter, fma);
    {
      RewritePatternSet patterns(context);
      vector::populateVectorContractLoweringPatterns(
          patterns, vector::VectorContractLowering::OuterProduct);
      (void)applyPatternsGreedily(function, std::move(patterns));
    }
    canonicalize(function);
  }
};

} // namespace
