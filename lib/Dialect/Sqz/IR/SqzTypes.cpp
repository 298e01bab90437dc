//===- SqzTypes.cpp - Types of the sqz dialect ----------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzTypes.h"
#include "sqz/Dialect/Sqz/IR/SqzDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::sqz;

#define GET_TYPEDEF_CLASSES
#include "sqz/Dialect/Sqz/IR/SqzOpsTypes.cpp.inc"

void SqzDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "sqz/Dialect/Sqz/IR/SqzOpsTypes.cpp.inc"
      >();
}

Type SqzTensorType::parse(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<int64_t> shape;
  Type elementType;
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/true,
                                /*withTrailingX=*/true) ||
      parser.parseType(elementType))
    return {};

  QuantAttr quant;
  SparsityAttr sparsity;
  while (succeeded(parser.parseOptionalComma())) {
    SMLoc attrLoc = parser.getCurrentLocation();
    Attribute encoding;
    if (parser.parseAttribute(encoding))
      return {};
    if (auto q = dyn_cast<QuantAttr>(encoding); q && !quant) {
      quant = q;
    } else if (auto s = dyn_cast<SparsityAttr>(encoding); s && !sparsity) {
      sparsity = s;
    } else {
      parser.emitError(attrLoc, "expected one #sqz.quant and one "
                                "#sqz.sparsity encoding at most, got ")
          << encoding;
      return {};
    }
  }
  if (parser.parseGreater())
    return {};
  if (sparsity && sparsity.isDense())
    sparsity = {};
  return parser.getChecked<SqzTensorType>(loc, parser.getContext(), shape,
                                          elementType, quant, sparsity);
}

void SqzTensorType::print(AsmPrinter &printer) const {
  printer << '<';
  printer.printDimensionList(getShape());
  if (!getShape().empty())
    printer << 'x';
  printer << getElementType();
  if (getQuant())
    printer << ", " << getQuant();
  if (getSparsity())
    printer << ", " << getSparsity();
  printer << '>';
}

LogicalResult
SqzTensorType::verify(function_ref<InFlightDiagnostic()> emitError,
                      ArrayRef<int64_t> shape, Type elementType,
                      QuantAttr quant, SparsityAttr sparsity) {
  if (!isa<FloatType>(elementType))
    return emitError() << "expressed type must be a float type, got "
                       << elementType;
  for (int64_t dim : shape)
    if (dim < 0 && !ShapedType::isDynamic(dim))
      return emitError() << "dimensions must be non-negative, got " << dim;
  if (sparsity && sparsity.isDense())
    return emitError() << "dense sparsity is expressed by leaving the "
                          "sparsity encoding out";
  if (!quant && !sparsity)
    return emitError() << "needs a #sqz.quant or a non-dense #sqz.sparsity "
                          "encoding (without either it is a plain tensor)";
  if (quant && failed(quant.verifyForShape(emitError, shape)))
    return failure();
  if (sparsity && failed(sparsity.verifyForShape(emitError, shape)))
    return failure();
  return success();
}

ShapedType SqzTensorType::cloneWith(std::optional<ArrayRef<int64_t>> shape,
                                    Type elementType) const {
  return SqzTensorType::get(getContext(), shape.value_or(getShape()),
                            elementType, getQuant(), getSparsity());
}

bool SqzTensorType::hasRank() const { return true; }

RankedTensorType SqzTensorType::getValuesType() const {
  SmallVector<int64_t> shape = getSparsity()
                                   ? getSparsity().getValuesShape(getShape())
                                   : SmallVector<int64_t>(getShape());
  Type element =
      getQuant() ? Type(getQuant().getStorageType()) : getElementType();
  return RankedTensorType::get(shape, element);
}

std::string mlir::sqz::shapeText(ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "[";
  llvm::interleaveComma(shape, os, [&](int64_t dim) {
    if (ShapedType::isDynamic(dim))
      os << "?";
    else
      os << dim;
  });
  os << "]";
  return text;
}
