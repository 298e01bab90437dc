//===- CheckCPUInput.cpp - The precondition check of sqz-lower-to-cpu -----===//
//
// What sqz-lower-to-cpu, or an upstream pass in it, cannot lower is reported
// before anything runs: upstream passes crash, produce invalid IR or take
// minutes on some valid input (MLIR22-FACTS.md), and such input must not
// reach them.
//
//===----------------------------------------------------------------------===//

#include "sqz/Pipelines/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinOps.h"

#include "llvm/ADT/StringSet.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZCHECKCPUINPUT
#include "sqz/Pipelines/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

/// The most iteration points of a `vector.contract` in the input: the
/// upstream lowering unrolls it fully (24x32x64 took 111 s alone).
static constexpr int64_t kMaxContractPoints = 4096;

namespace {

/// Checks one op against what the pipeline lowers.
class InputChecker {
public:
  explicit InputChecker(StringRef pipeline) : pipeline(pipeline) {}

  /// Reports the first problem of `op` (not of the ops nested in it).
  /// Returns failure when there is one.
  LogicalResult check(Operation *op) {
    return success(
        succeeded(checkDialect(op)) && succeeded(checkRankedTypes(op)) &&
        succeeded(checkGlobal(op)) && succeeded(checkVectorContract(op)) &&
        succeeded(checkAggregate(op)));
  }

private:
  InFlightDiagnostic error(Operation *op) {
    return op->emitError() << pipeline << ": '" << op->getName() << "' op ";
  }

  /// Ops of other dialects (tosa, quant, complex, ...) have no lowering in
  /// the pipeline; each kind is reported once, at its first occurrence.
  LogicalResult checkDialect(Operation *op) {
    static constexpr StringLiteral kLowered[] = {
        "builtin", "func",       "arith",         "math",   "linalg", "tensor",
        "sqz",     "ml_program", "bufferization", "memref", "vector", "scf",
        "cf",      "affine",     "index",         "ub",     "llvm"};
    StringRef dialect = op->getName().getDialectNamespace();
    if (llvm::is_contained(kLowered, dialect))
      return success();
    if (!reportedOps.insert(op->getName().getStringRef()).second)
      return failure();
    return error(op) << "is from the '" << dialect
                     << "' dialect, which the pipeline does not lower (it "
                        "takes func, linalg, tensor, arith, math, ml_program "
                        "and sqz ops)";
  }

  /// Unranked tensors and buffers have no static layout: bufferization and
  /// the function lowering fail or crash on them.
  LogicalResult checkRankedTypes(Operation *op) {
    auto unranked = [](Type type) {
      return isa<UnrankedTensorType, UnrankedMemRefType>(type);
    };
    SmallVector<Type> types(op->getResultTypes());
    if (auto function = dyn_cast<FunctionOpInterface>(op)) {
      llvm::append_range(types, function.getArgumentTypes());
      llvm::append_range(types, function.getResultTypes());
    } else {
      for (Region &region : op->getRegions())
        for (Block &block : region)
          llvm::append_range(types, block.getArgumentTypes());
    }
    for (Type type : types)
      if (unranked(type))
        return error(op) << "has the unranked type " << type
                         << ": the pipeline needs ranked tensors (cast to a "
                            "ranked type first)";
    return success();
  }

  /// Globals become `memref.global`s: only statically shaped tensors have
  /// one (a scalar or a dynamic shape gives a crash or invalid IR).
  LogicalResult checkGlobal(Operation *op) {
    auto global = dyn_cast<ml_program::GlobalOp>(op);
    if (!global)
      return success();
    auto type = dyn_cast<RankedTensorType>(global.getType());
    if (!type || !type.hasStaticShape())
      return error(op) << "@" << global.getSymName() << " has type "
                       << global.getType()
                       << ": the pipeline needs globals of statically shaped "
                          "tensors";
    return success();
  }

  LogicalResult checkVectorContract(Operation *op) {
    auto contract = dyn_cast<vector::ContractionOp>(op);
    if (!contract)
      return success();
    SmallVector<int64_t> bounds;
    contract.getIterationBounds(bounds);
    int64_t points = 1;
    // Saturating: points <= kMaxContractPoints + 1 before each product.
    for (int64_t bound : bounds)
      points = bound > kMaxContractPoints
                   ? kMaxContractPoints + 1
                   : std::min(points * bound, kMaxContractPoints + 1);
    if (points > kMaxContractPoints)
      return error(op) << "has more than " << kMaxContractPoints
                       << " iteration points: the pipeline lowers small "
                          "vector contractions only (tile it first)";
    return success();
  }

  /// Aggregate ops are decomposed into tensor ops.
  LogicalResult checkAggregate(Operation *op) {
    if (!isa<linalg::AggregatedOpInterface>(op) ||
        !llvm::any_of(op->getOperandTypes(), llvm::IsaPred<BaseMemRefType>))
      return success();
    return error(op) << "operates on buffers: the pipeline decomposes it on "
                        "tensors only";
  }

  std::string pipeline;
  llvm::StringSet<> reportedOps;
};

struct SqzCheckCPUInputPass
    : public sqz::impl::SqzCheckCPUInputBase<SqzCheckCPUInputPass> {
  using Base::Base;

  void runOnOperation() override {
    InputChecker checker(pipelineName);
    bool failed = false;
    getOperation()->walk([&](Operation *op) {
      if (mlir::failed(checker.check(op)))
        failed = true;
    });
    if (failed)
      signalPassFailure();
  }
};

} // namespace
