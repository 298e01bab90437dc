//===- LayerNormKernels.cpp - Layer norm over rows on the CPU kernel ------===//

#include "LayerNormKernels.h"
#include "RowMatchers.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::sqz;

namespace {

/// `y = ((x - mean) * rstd) * gamma + beta` over the innermost dimension of
/// x, computed by `root`.
struct LayerNorm {
  Operation *root;
  Value x, gamma, beta;
  float epsilon;
  bool f64Variance;
};

/// The maps of the generics over `rank` loops a layer norm is made of: the
/// identity, a row's value ([..., 1]) read along the row, a per-column
/// vector.
struct RowMaps {
  AffineMap id, row, column;
  explicit RowMaps(MLIRContext *context, int64_t rank)
      : id(identityMap(context, rank)), row(rowValueMap(context, rank)),
        column(innermostMap(context, rank)) {}
};

/// Whether `value`'s element type is `element`.
bool hasElement(Value value, Type element) {
  return getElementTypeOrSelf(value.getType()) == element;
}

/// The generic defining `value` as `OpTy(in0, in1)` of its two inputs, read
/// through `maps` (identity-mapped result last) when their element type and
/// the result's are `element`; commutative ops in either order.
template <typename OpTy>
linalg::GenericOp binaryGeneric(Value value, ArrayRef<AffineMap> maps,
                                Type element, bool commutative) {
  linalg::GenericOp op = structuredGeneric(value, maps, false);
  if (!op || op.getNumDpsInputs() != 2 || !hasBodyOps(op, 1) ||
      !hasElement(value, element) ||
      !hasElement(op.getDpsInputs()[0], element) ||
      !hasElement(op.getDpsInputs()[1], element) ||
      !yieldedBinary<OpTy>(op, 0, 0, 1, commutative))
    return nullptr;
  return op;
}

/// The generic defining `value` as `OpTy(in0)` (a unary op, or a binary one
/// with a constant second operand that `constant` accepts), elementwise.
template <typename OpTy>
linalg::GenericOp unaryGeneric(Value value, AffineMap id,
                               function_ref<bool(Value)> constant = nullptr) {
  linalg::GenericOp op = structuredGeneric(value, {id, id}, false);
  if (!op || op.getNumDpsInputs() != 1)
    return nullptr;
  auto yielded = yieldedWithArgument<OpTy>(op, 0, 0);
  if (!yielded)
    return nullptr;
  size_t ops = 1;
  if (constant) {
    Operation *cast = yielded->getOperand(1).getDefiningOp();
    if (cast && cast->getBlock() == op.getBody())
      ++ops;
    if (!constant(yielded->getOperand(1)))
      return nullptr;
  } else if (yielded->getNumOperands() != 1) {
    return nullptr;
  }
  return hasBodyOps(op, ops) ? op : nullptr;
}

/// Whether `value` is the constant `length` of float type.
bool isLength(Value value, int64_t length) {
  APFloat number(0.0);
  if (!matchPattern(value, m_ConstantFloat(&number)))
    return false;
  bool inexact = false;
  number.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &inexact);
  return number.convertToDouble() == static_cast<double>(length);
}

/// The x of `value` = the row mean of x: `sum_j x[..., j]` from +0 (a
/// keep-dims reduction) divided by the row length, in `element`; or null.
Value rowMeanInput(Value value, const RowMaps &maps, int64_t length,
                   Type element) {
  linalg::GenericOp mean = unaryGeneric<arith::DivFOp>(
      value, maps.id, [&](Value c) { return isLength(c, length); });
  if (!mean || !hasElement(value, element))
    return nullptr;
  linalg::GenericOp sum =
      structuredGeneric(mean.getDpsInputs()[0], {maps.id, maps.row}, true);
  if (!sum || sum.getNumDpsInputs() != 1 ||
      !hasElement(sum->getResult(0), element) || !hasBodyOps(sum, 1) ||
      !yieldedBinary<arith::AddFOp>(sum, 0, 0, 1, /*commutative=*/true) ||
      !isFilledWith(sum.getDpsInits()[0],
                    [](APFloat v) { return v.isPosZero(); }))
    return nullptr;
  return sum.getDpsInputs()[0];
}

/// Whether `value` is the variance of the rows of `x` in `x`'s element
/// type: the row mean of `(x - mean(x))^2`, the square one multiply of the
/// difference by itself.
bool isRowVariance(Value value, Value x, const RowMaps &maps, int64_t length) {
  Type element = getElementTypeOrSelf(x.getType());
  Value squares = rowMeanInput(value, maps, length, element);
  if (!squares)
    return false;
  // (x - mean) * (x - mean): the difference twice, or once squared.
  Value difference;
  if (linalg::GenericOp square = binaryGeneric<arith::MulFOp>(
          squares, {maps.id, maps.id, maps.id}, element, false);
      square && square.getDpsInputs()[0] == square.getDpsInputs()[1]) {
    difference = square.getDpsInputs()[0];
  } else if (linalg::GenericOp square =
                 structuredGeneric(squares, {maps.id, maps.id}, false);
             square && square.getNumDpsInputs() == 1 && hasBodyOps(square, 1) &&
             yieldedBinary<arith::MulFOp>(square, 0, 0, 0, false)) {
    difference = square.getDpsInputs()[0];
  } else {
    return false;
  }
  linalg::GenericOp centred = binaryGeneric<arith::SubFOp>(
      difference, {maps.id, maps.row, maps.id}, element, false);
  return centred && centred.getDpsInputs()[0] == x &&
         rowMeanInput(centred.getDpsInputs()[1], maps, length, element) == x;
}

/// The f32 variance of the rows of `x`: computed in f32, or in f64 from an
/// f64 copy of x and truncated (torch-mlir's form); sets `f64Variance`.
bool isF32RowVariance(Value value, Value x, const RowMaps &maps, int64_t length,
                      bool &f64Variance) {
  f64Variance = false;
  linalg::GenericOp truncation = unaryGeneric<arith::TruncFOp>(value, maps.id);
  if (!truncation)
    return isRowVariance(value, x, maps, length);
  Value variance = truncation.getDpsInputs()[0];
  if (!hasElement(variance, Float64Type::get(value.getContext())))
    return false;
  f64Variance = true;
  // The f64 copy of x: one of x's readers.
  return llvm::any_of(x.getUsers(), [&](Operation *user) {
    auto extension = dyn_cast<linalg::GenericOp>(user);
    return extension && extension->getNumResults() == 1 &&
           extension.getDpsInputs().size() == 1 &&
           extension.getDpsInputs()[0] == x &&
           unaryGeneric<arith::ExtFOp>(extension->getResult(0), maps.id) &&
           isRowVariance(variance, extension->getResult(0), maps, length);
  });
}

/// The decomposed layer norm whose last op, the bias, is `op`.
std::optional<LayerNorm> matchLayerNorm(linalg::GenericOp op) {
  if (op->getNumResults() != 1)
    return std::nullopt;
  Value y = op->getResult(0);
  auto type = cast<RankedTensorType>(y.getType());
  int64_t rank = type.getRank();
  if (rank < 2 || type.isDynamicDim(rank - 1) || !type.getElementType().isF32())
    return std::nullopt;
  int64_t length = type.getDimSize(rank - 1);
  Type f32 = type.getElementType();
  RowMaps maps(op.getContext(), rank);
  // y = t * gamma + beta, t = (x - mean) * rstd.
  linalg::GenericOp bias = binaryGeneric<arith::AddFOp>(
      y, {maps.id, maps.column, maps.id}, f32, true);
  linalg::GenericOp weight =
      bias ? binaryGeneric<arith::MulFOp>(bias.getDpsInputs()[0],
                                          {maps.id, maps.column, maps.id}, f32,
                                          true)
           : nullptr;
  linalg::GenericOp scaling =
      weight ? binaryGeneric<arith::MulFOp>(weight.getDpsInputs()[0],
                                            {maps.id, maps.row, maps.id}, f32,
                                            false)
             : nullptr;
  linalg::GenericOp centring =
      scaling ? binaryGeneric<arith::SubFOp>(scaling.getDpsInputs()[0],
                                             {maps.id, maps.row, maps.id}, f32,
                                             false)
              : nullptr;
  if (!centring)
    return std::nullopt;
  Value x = centring.getDpsInputs()[0];
  if (rowMeanInput(centring.getDpsInputs()[1], maps, length, f32) != x)
    return std::nullopt;
  // rstd = rsqrt(variance + epsilon).
  linalg::GenericOp rsqrt =
      unaryGeneric<math::RsqrtOp>(scaling.getDpsInputs()[1], maps.id);
  std::optional<APFloat> epsilon;
  linalg::GenericOp shifted =
      rsqrt ? unaryGeneric<arith::AddFOp>(rsqrt.getDpsInputs()[0], maps.id,
                                          [&](Value c) {
                                            SmallVector<Operation *> chain;
                                            epsilon = constantF32(c, chain);
                                            return epsilon.has_value();
                                          })
            : nullptr;
  bool f64Variance = false;
  if (!shifted || !hasElement(rsqrt->getResult(0), f32) ||
      !isF32RowVariance(shifted.getDpsInputs()[0], x, maps, length,
                        f64Variance))
    return std::nullopt;
  return LayerNorm{op,
                   x,
                   weight.getDpsInputs()[1],
                   bias.getDpsInputs()[1],
                   epsilon->convertToFloat(),
                   f64Variance};
}

} // namespace

void mlir::sqz::rewriteLayerNorms(ModuleOp module, KernelCallBuilder &builder,
                                  const TargetCPU &cpu,
                                  SmallVectorImpl<Operation *> &producers) {
  if (!cpu.hasAvx512())
    return;
  SmallVector<LayerNorm> norms;
  module.walk([&](linalg::GenericOp op) {
    if (std::optional<LayerNorm> match = matchLayerNorm(op))
      norms.push_back(*match);
  });
  RewriterBase &rewriter = builder.getRewriter();
  for (LayerNorm &norm : norms) {
    rewriter.setInsertionPoint(norm.root);
    Location loc = norm.root->getLoc();
    Value scalars[] = {
        arith::ConstantOp::create(rewriter, loc,
                                  rewriter.getF32FloatAttr(norm.epsilon)),
        arith::ConstantOp::create(
            rewriter, loc, rewriter.getI64IntegerAttr(norm.f64Variance))};
    Value y = emitRowKernelCall(builder, "sqz_cpu_layer_norm_rows_f32_avx512",
                                loc, norm.x, {norm.gamma, norm.beta}, scalars);
    for (Value operand : norm.root->getOperands())
      if (Operation *producer = operand.getDefiningOp())
        producers.push_back(producer);
    rewriter.replaceOp(norm.root, y);
  }
}
