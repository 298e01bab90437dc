//===- DequantizeEpilogue.cpp - The W8A8 epilogue of an int8 product ------===//

#include "DequantizeEpilogue.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"
#include "sqz/Runtime/CPUKernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

#include <cstring>

using namespace mlir;
using namespace mlir::sqz;

namespace {

/// What an input of the epilogue is, by its indexing map.
enum class Role { Product, Row, Column, Other };

Role roleOf(AffineMap map) {
  MLIRContext *context = map.getContext();
  if (map.isIdentity())
    return Role::Product;
  if (map == AffineMap::get(2, 0, getAffineDimExpr(0, context)))
    return Role::Row;
  if (map == AffineMap::get(2, 0, getAffineDimExpr(1, context)))
    return Role::Column;
  return Role::Other;
}

/// The block argument `value` is, if it is one of `body`'s.
std::optional<unsigned> argumentIndex(Value value, Block &body) {
  auto argument = dyn_cast_if_present<BlockArgument>(value);
  if (!argument || argument.getOwner() != &body)
    return std::nullopt;
  return argument.getArgNumber();
}

/// `value` as `op`'s two operands in either order: `first` a block
/// argument of `body` whose input plays `role`, `second` the other. Returns
/// the argument's index.
template <typename OpTy>
std::optional<unsigned> splitOperands(Operation *op, Block &body,
                                      ArrayRef<Role> roles, Role role,
                                      Value &other) {
  auto typed = dyn_cast_or_null<OpTy>(op);
  if (!typed)
    return std::nullopt;
  for (int first = 0; first < 2; ++first) {
    std::optional<unsigned> index =
        argumentIndex(typed->getOperand(first), body);
    if (index && *index < roles.size() && roles[*index] == role) {
      other = typed->getOperand(1 - first);
      return index;
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<DequantizeEpilogue>
mlir::sqz::matchDequantizeEpilogue(Value product) {
  auto productType = dyn_cast<RankedTensorType>(product.getType());
  if (!productType || productType.getRank() != 2 ||
      !productType.getElementType().isInteger(32) || !product.hasOneUse())
    return std::nullopt;
  auto op = dyn_cast<linalg::GenericOp>(*product.getUsers().begin());
  if (!op || op.getNumDpsInits() != 1 || op.getNumResults() != 1 ||
      op.getNumLoops() != 2 || op.getNumParallelLoops() != 2 ||
      !op.hasPureTensorSemantics())
    return std::nullopt;
  auto resultType = cast<RankedTensorType>(op.getResult(0).getType());
  if (!resultType.getElementType().isF32() ||
      resultType.getShape() != productType.getShape() ||
      !op.getIndexingMapsArray().back().isIdentity())
    return std::nullopt;
  Block &body = *op.getBlock();
  // The output's value is not read: the epilogue defines every element.
  if (!body.getArgument(op.getNumDpsInputs()).use_empty())
    return std::nullopt;

  SmallVector<Role> roles;
  for (OpOperand *input : op.getDpsInputOperands())
    roles.push_back(roleOf(op.getMatchingIndexingMap(input)));

  // yield (scaled [+ bias]); scaled = sitofp(acc) * scale; scale = row * col.
  Value yielded = body.getTerminator()->getOperand(0);
  Value scaled = yielded;
  std::optional<unsigned> biasIndex;
  if (isa_and_nonnull<arith::AddFOp>(yielded.getDefiningOp())) {
    biasIndex = splitOperands<arith::AddFOp>(yielded.getDefiningOp(), body,
                                             roles, Role::Column, scaled);
    if (!biasIndex)
      return std::nullopt;
  }
  auto multiply = scaled.getDefiningOp<arith::MulFOp>();
  if (!multiply)
    return std::nullopt;
  Value converted, scale;
  for (int first = 0; first < 2 && !converted; ++first)
    if (multiply->getOperand(first).getDefiningOp<arith::SIToFPOp>()) {
      converted = multiply->getOperand(first);
      scale = multiply->getOperand(1 - first);
    }
  if (!converted)
    return std::nullopt;
  std::optional<unsigned> productIndex =
      argumentIndex(converted.getDefiningOp<arith::SIToFPOp>().getIn(), body);
  if (!productIndex || *productIndex >= roles.size() ||
      roles[*productIndex] != Role::Product ||
      op.getDpsInputs()[*productIndex] != product)
    return std::nullopt;
  Value column;
  std::optional<unsigned> rowIndex = splitOperands<arith::MulFOp>(
      scale.getDefiningOp(), body, roles, Role::Row, column);
  std::optional<unsigned> columnIndex = argumentIndex(column, body);
  if (!rowIndex || !columnIndex || *columnIndex >= roles.size() ||
      roles[*columnIndex] != Role::Column)
    return std::nullopt;
  // Nothing else in the body.
  size_t expected = 3 + (biasIndex ? 1 : 0) + 1;
  if (body.getOperations().size() != expected)
    return std::nullopt;

  int64_t n = productType.getDimSize(1);
  DequantizeEpilogue epilogue;
  epilogue.op = op;
  epilogue.rowScales = op.getDpsInputs()[*rowIndex];
  auto rowType = dyn_cast<RankedTensorType>(epilogue.rowScales.getType());
  if (!rowType || rowType.getRank() != 1 || !rowType.getElementType().isF32())
    return std::nullopt;
  std::optional<std::vector<float>> columns =
      constantColumnValues(op.getDpsInputs()[*columnIndex], n);
  if (!columns)
    return std::nullopt;
  epilogue.columnScales = std::move(*columns);
  if (biasIndex) {
    std::optional<std::vector<float>> bias =
        constantColumnValues(op.getDpsInputs()[*biasIndex], n);
    if (!bias)
      return std::nullopt;
    epilogue.bias = std::move(*bias);
  }
  return epilogue;
}

Value mlir::sqz::emitDequantizedCall(
    KernelCallBuilder &builder, Location loc, StringRef kernel,
    sqzrt::GemmLayout layout, Value input, ValueRange rowOperands,
    ArrayRef<float> columnScales, ArrayRef<float> bias,
    RankedTensorType resultType, SmallVector<memref::GlobalOp> globals,
    const EpilogueTail *tail, bool withActivation) {
  RewriterBase &rewriter = builder.getRewriter();
  Type f32 = rewriter.getF32Type();
  int64_t padded =
      layout.paddedColumns(static_cast<int64_t>(columnScales.size()));
  // Padded with zeros to whole panels: the kernel reads whole vectors.
  auto paddedGlobal = [&](StringRef name, ArrayRef<float> values) {
    return builder.createGlobal(name, f32, padded, [&](char *data) {
      std::memset(data, 0, padded * sizeof(float));
      std::memcpy(data, values.data(), values.size() * sizeof(float));
    });
  };
  globals.push_back(paddedGlobal("__sqz_column_scales", columnScales));
  Value biasBuffer =
      bias.empty()
          ? builder.emptyBuffer(loc, f32)
          : builder.globalAsDynamic(loc, paddedGlobal("__sqz_bias", bias));
  SmallVector<Value> extra = {biasBuffer};
  extra.append(rowOperands.begin(), rowOperands.end());
  extra.push_back(addendOperand(builder, loc, tail,
                                static_cast<int64_t>(columnScales.size())));
  if (withActivation) {
    auto activation = tail && tail->gelu ? sqzrt::EpilogueActivation::GeluErf
                                         : sqzrt::EpilogueActivation::None;
    extra.push_back(arith::ConstantOp::create(
        rewriter, loc,
        rewriter.getI64IntegerAttr(static_cast<int64_t>(activation))));
  }
  return builder.emitCall(loc, kernel, input, resultType, globals, extra);
}

std::optional<std::vector<float>> mlir::sqz::constantColumnValues(Value value,
                                                                  int64_t n) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || type.getRank() != 1 || type.getDimSize(0) != n ||
      !type.getElementType().isF32())
    return std::nullopt;
  std::string why;
  std::optional<WeightData> data = readConstantWeight(value, why);
  if (!data || static_cast<int64_t>(data->values.size()) != n)
    return std::nullopt;
  return std::vector<float>(data->values.begin(), data->values.end());
}
