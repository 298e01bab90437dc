//===- BatchMatmulKernels.cpp - Batched f32 matmuls on the GEMM kernel ----===//

#include "BatchMatmulKernels.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"

#include <tuple>

using namespace mlir;
using namespace mlir::sqz;

namespace {

/// Whether `op` is `C[b, m, n] = sum_k A[b, m, k] B[b, k, n]` on 3-D f32
/// tensors, C starting from a zero fill (returned), or null.
linalg::FillOp matchZeroFilledBatchMatmul(linalg::LinalgOp op) {
  if (op.getNumLoops() != 4 || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1 || !op.hasPureTensorSemantics() ||
      !linalg::isaContractionOpInterface(op))
    return nullptr;
  for (Value operand : op->getOperands()) {
    auto type = dyn_cast<RankedTensorType>(operand.getType());
    if (!type || type.getRank() != 3 || !type.getElementType().isF32())
      return nullptr;
  }
  MLIRContext *context = op.getContext();
  AffineExpr b, m, n, k;
  bindDims(context, b, m, n, k);
  auto map = [&](AffineExpr x, AffineExpr y) {
    return AffineMap::get(4, 0, {b, x, y}, context);
  };
  SmallVector<AffineMap> expected = {map(m, k), map(k, n), map(m, n)};
  if (op.getIndexingMapsArray() != expected ||
      op.getIteratorTypesArray() !=
          ArrayRef<utils::IteratorType>{
              utils::IteratorType::parallel, utils::IteratorType::parallel,
              utils::IteratorType::parallel, utils::IteratorType::reduction})
    return nullptr;
  auto fill = op.getDpsInits()[0].getDefiningOp<linalg::FillOp>();
  if (!fill || !matchPattern(fill.getInputs()[0], m_AnyZeroFloat()))
    return nullptr;
  return fill;
}

} // namespace

void mlir::sqz::rewriteBatchMatmuls(ModuleOp module, KernelCallBuilder &builder,
                                    const TargetCPU &cpu,
                                    SmallVectorImpl<Operation *> &producers) {
  StringRef kernel;
  if (cpu.hasAvx512())
    kernel = "sqz_cpu_batch_matmul_f32_avx512";
  else if (cpu.hasAvx2Fma())
    kernel = "sqz_cpu_batch_matmul_f32_avx2";
  else
    return;
  SmallVector<std::pair<linalg::LinalgOp, linalg::FillOp>> matmuls;
  module.walk([&](linalg::LinalgOp op) {
    if (linalg::FillOp fill = matchZeroFilledBatchMatmul(op))
      matmuls.emplace_back(op, fill);
  });
  RewriterBase &rewriter = builder.getRewriter();
  for (auto [op, fill] : matmuls) {
    rewriter.setInsertionPoint(op);
    Location loc = op.getLoc();
    Value a = op.getDpsInputs()[0], b = op.getDpsInputs()[1];
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    // C[batch, m, n]: batch and m as A's, n as B's.
    SmallVector<Value> dynamicSizes;
    for (auto [dim, source, sourceDim] :
         {std::tuple{0, a, 0}, std::tuple{1, a, 1}, std::tuple{2, b, 2}})
      if (resultType.isDynamicDim(dim))
        dynamicSizes.push_back(
            tensor::DimOp::create(rewriter, loc, source, sourceDim));
    Value c =
        builder.emitOperandsCall(loc, kernel, {a, b}, resultType, dynamicSizes);
    rewriter.replaceOp(op, c);
    producers.push_back(fill);
  }
}
