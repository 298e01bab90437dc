//===- MapLoops.cpp - Outer parallel loops on GPU blocks and threads ------===//
//
// Each outermost scf.parallel becomes one dimension of `block-size`-wide
// tiles: tiles on blocks along x, a tile's iterations on threads along x,
// inner loops sequential in each thread. A loop nest without parallel
// dimensions runs on one thread. convert-parallel-loops-to-gpu reads the
// mapping this pass sets.
//
//===----------------------------------------------------------------------===//

#include "sqz/Codegen/GPU/Passes.h"

#include "mlir/Dialect/GPU/Transforms/ParallelLoopMapper.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/Utils/Utils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZGPUMAPLOOPS
#include "sqz/Codegen/GPU/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {
/// Remembers the last scf.parallel a rewrite created.
struct NewParallelListener : public RewriterBase::Listener {
  scf::ParallelOp created;
  void notifyOperationInserted(Operation *op,
                               OpBuilder::InsertPoint previous) override {
    if (auto loop = dyn_cast<scf::ParallelOp>(op))
      created = loop;
  }
};
} // namespace

/// Not nested in another parallel loop or in a kernel already made.
static bool isOutermostParallel(Operation *op) {
  return !op->getParentOfType<scf::ParallelOp>() &&
         !op->getParentOfType<gpu::LaunchOp>();
}

/// Whether `loop` launches kernels or allocates device memory itself: host
/// code, not a kernel's.
static bool holdsGPUOps(scf::ForOp loop) {
  return loop
      .walk([](Operation *op) {
        return isa_and_nonnull<gpu::GPUDialect>(op->getDialect())
                   ? WalkResult::interrupt()
                   : WalkResult::advance();
      })
      .wasInterrupted();
}

/// A top-level scf.for nest (a reduction to a scalar, or loops that
/// convert-linalg-to-parallel-loops left sequential) inside a one-iteration
/// scf.parallel, so that it runs in a kernel of one thread.
static void wrapSequentialNests(func::FuncOp func, IRRewriter &rewriter) {
  SmallVector<scf::ForOp> nests;
  func.walk([&](scf::ForOp loop) {
    if (isOutermostParallel(loop) && !loop->getParentOfType<scf::ForOp>() &&
        loop.getNumResults() == 0 && !holdsGPUOps(loop))
      nests.push_back(loop);
  });
  for (scf::ForOp loop : nests) {
    rewriter.setInsertionPoint(loop);
    Location loc = loop.getLoc();
    Value zero = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value one = arith::ConstantIndexOp::create(rewriter, loc, 1);
    auto wrapper = scf::ParallelOp::create(rewriter, loc, ValueRange{zero},
                                           ValueRange{one}, ValueRange{one});
    rewriter.moveOpBefore(loop, wrapper.getBody()->getTerminator());
  }
}

static gpu::ParallelLoopDimMappingAttr dimMapping(MLIRContext *context,
                                                  gpu::Processor processor) {
  AffineMap identity = AffineMap::getMultiDimIdentityMap(1, context);
  return gpu::ParallelLoopDimMappingAttr::get(context, processor, identity,
                                              identity);
}

/// `loop` (without reductions) as a nest of scf.for: what runs inside one
/// thread. convert-parallel-loops-to-gpu takes no parallel loop nested in a
/// sequential one, which reductions over a middle dimension make.
static void sequentialize(scf::ParallelOp loop, IRRewriter &rewriter) {
  rewriter.setInsertionPoint(loop);
  scf::buildLoopNest(
      rewriter, loop.getLoc(), loop.getLowerBound(), loop.getUpperBound(),
      loop.getStep(), [&](OpBuilder &b, Location, ValueRange ivs) {
        IRMapping mapping;
        mapping.map(loop.getInductionVars(), ivs);
        for (Operation &op : loop.getBody()->without_terminator())
          b.clone(op, mapping);
      });
  rewriter.eraseOp(loop);
}

static void mapAll(scf::ParallelOp loop, gpu::Processor processor) {
  SmallVector<gpu::ParallelLoopDimMappingAttr> mapping(
      loop.getNumLoops(), dimMapping(loop.getContext(), processor));
  // Only fails for a wrong number of dimensions, which cannot happen here.
  (void)gpu::setMappingAttr(loop, mapping);
}

/// Collapses `loop` into one dimension and tiles it by `blockSize`:
/// blocks x threads.
static void mapToBlocksAndThreads(scf::ParallelOp loop, int64_t blockSize,
                                  IRRewriter &rewriter) {
  if (loop.getNumLoops() > 1) {
    NewParallelListener listener;
    rewriter.setListener(&listener);
    std::vector<unsigned> all(loop.getNumLoops());
    for (unsigned i = 0; i < all.size(); ++i)
      all[i] = i;
    collapseParallelLoops(rewriter, loop, {all});
    rewriter.setListener(nullptr);
    loop = listener.created;
  }
  auto [tiles, threads] =
      scf::tileParallelLoop(loop, {blockSize}, /*noMinMaxBounds=*/true);
  mapAll(tiles, gpu::Processor::BlockX);
  mapAll(threads, gpu::Processor::ThreadX);
  // Innermost first, so that each clone copies no parallel loop.
  SmallVector<scf::ParallelOp> inner;
  threads.getBody()->walk([&](scf::ParallelOp loop) { inner.push_back(loop); });
  for (scf::ParallelOp loop : inner)
    sequentialize(loop, rewriter);
}

namespace {
struct SqzGPUMapLoopsPass
    : public sqz::impl::SqzGPUMapLoopsBase<SqzGPUMapLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (blockSize < 1 || blockSize > 1024) {
      func.emitError() << "sqz-gpu-map-loops: block-size must be in [1, "
                          "1024], got "
                       << blockSize.getValue();
      return signalPassFailure();
    }
    IRRewriter rewriter(&getContext());
    wrapSequentialNests(func, rewriter);
    SmallVector<scf::ParallelOp> outermost;
    func.walk([&](scf::ParallelOp loop) {
      // A loop with reductions is left as it is (and reported later).
      if (isOutermostParallel(loop) && loop.getNumResults() == 0)
        outermost.push_back(loop);
    });
    for (scf::ParallelOp loop : outermost)
      mapToBlocksAndThreads(loop, blockSize, rewriter);
  }
};
} // namespace
