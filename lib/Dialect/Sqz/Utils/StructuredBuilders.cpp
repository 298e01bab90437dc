//===- StructuredBuilders.cpp - linalg ops that sqz lowerings build -------===//

#include "sqz/Dialect/Sqz/Utils/StructuredBuilders.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace mlir::sqz;

Value mlir::sqz::castFloat(OpBuilder &b, Location loc, Value value, Type type) {
  if (value.getType() == type)
    return value;
  if (value.getType().getIntOrFloatBitWidth() < type.getIntOrFloatBitWidth())
    return arith::ExtFOp::create(b, loc, type, value);
  return arith::TruncFOp::create(b, loc, type, value);
}

Value mlir::sqz::toI32(OpBuilder &b, Location loc, Value value, bool isSigned) {
  unsigned width = value.getType().getIntOrFloatBitWidth();
  Type i32 = b.getI32Type();
  if (width == 32)
    return value;
  if (width > 32)
    return arith::TruncIOp::create(b, loc, i32, value);
  if (isSigned)
    return arith::ExtSIOp::create(b, loc, i32, value);
  return arith::ExtUIOp::create(b, loc, i32, value);
}

Value mlir::sqz::zeroPointToI32(OpBuilder &b, Location loc, Value value,
                                QuantAttr quant) {
  bool wider =
      value.getType().getIntOrFloatBitWidth() > quant.getStorageWidth();
  return toI32(b, loc, value, wider || quant.getStorageSigned());
}

static Value extend(OpBuilder &b, Location loc, Value value, Type type,
                    Extend how) {
  if (how == Extend::None || value.getType() == type)
    return value;
  if (how == Extend::Signed)
    return arith::ExtSIOp::create(b, loc, type, value);
  return arith::ExtUIOp::create(b, loc, type, value);
}

Value mlir::sqz::buildContraction(OpBuilder &b, Location loc, Value lhs,
                                  Value rhs, Value init, bool transposed,
                                  Extend extendLhs, Extend extendRhs) {
  MLIRContext *context = b.getContext();
  unsigned lhsRank = cast<ShapedType>(lhs.getType()).getRank();
  unsigned rhsRank = cast<ShapedType>(rhs.getType()).getRank();
  bool batched = lhsRank == 3;
  unsigned numLoops = batched ? 4 : 3;
  // Loops: [batch,] m, n, k.
  auto d = [&](unsigned i) { return getAffineDimExpr(i, context); };
  unsigned m = batched ? 1 : 0, n = m + 1, k = m + 2;
  SmallVector<AffineExpr> lhsExprs, rhsExprs, outExprs;
  if (batched) {
    lhsExprs.push_back(d(0));
    outExprs.push_back(d(0));
    if (rhsRank == 3)
      rhsExprs.push_back(d(0));
  }
  lhsExprs.append({d(m), d(k)});
  if (transposed)
    rhsExprs.append({d(n), d(k)});
  else
    rhsExprs.append({d(k), d(n)});
  outExprs.append({d(m), d(n)});
  SmallVector<AffineMap> maps = {
      AffineMap::get(numLoops, 0, lhsExprs, context),
      AffineMap::get(numLoops, 0, rhsExprs, context),
      AffineMap::get(numLoops, 0, outExprs, context)};
  SmallVector<utils::IteratorType> iterators(numLoops,
                                             utils::IteratorType::parallel);
  iterators.back() = utils::IteratorType::reduction;
  Type accType = getElementTypeOrSelf(init.getType());
  bool isFloat = isa<FloatType>(accType);
  return linalg::GenericOp::create(
             b, loc, init.getType(), ValueRange{lhs, rhs}, init, maps,
             iterators,
             [&](OpBuilder &nb, Location l, ValueRange args) {
               Value x = extend(nb, l, args[0], accType, extendLhs);
               Value y = extend(nb, l, args[1], accType, extendRhs);
               Value sum;
               if (isFloat)
                 sum = arith::AddFOp::create(
                     nb, l, args[2], arith::MulFOp::create(nb, l, x, y));
               else
                 sum = arith::AddIOp::create(
                     nb, l, args[2], arith::MulIOp::create(nb, l, x, y));
               linalg::YieldOp::create(nb, l, sum);
             })
      .getResult(0);
}
