//===- SqzAttrs.cpp - Attributes of the sqz dialect -----------------------===//
//
// Parsing, printing and verification of #sqz.quant and #sqz.sparsity.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzAttrs.h"
#include "sqz/Dialect/Sqz/IR/SqzDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::sqz;

#include "sqz/Dialect/Sqz/IR/SqzEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "sqz/Dialect/Sqz/IR/SqzAttrs.cpp.inc"

void SqzDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "sqz/Dialect/Sqz/IR/SqzAttrs.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// QuantAttr
//===----------------------------------------------------------------------===//

/// Parses the storage type `iN` or `uN` (also spelled `siN`, `uiN`).
static ParseResult parseStorage(AsmParser &parser, unsigned &width,
                                bool &isSigned) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef keyword;
  if (parser.parseOptionalKeyword(&keyword))
    return parser.emitError(loc, "expected a storage type (i2, i4, i8, u2, "
                                 "u4 or u8)");
  StringRef digits = keyword;
  isSigned = !(digits.consume_front("ui") || digits.consume_front("u"));
  if (isSigned && !digits.consume_front("si"))
    digits.consume_front("i");
  if (digits.empty() || digits.getAsInteger(10, width))
    return parser.emitError(loc, "expected a storage type (i2, i4, i8, u2, "
                                 "u4 or u8), got '")
           << keyword << "'";
  return success();
}

Attribute QuantAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  unsigned width = 0;
  bool isSigned = true;
  if (parser.parseLess() || parseStorage(parser, width, isSigned) ||
      parser.parseComma())
    return {};

  StringRef granularityWord;
  SMLoc granularityLoc = parser.getCurrentLocation();
  if (parser.parseKeyword(&granularityWord))
    return {};
  std::optional<GranularityKind> granularity =
      symbolizeGranularityKind(granularityWord);
  if (!granularity) {
    parser.emitError(granularityLoc, "expected per_tensor, per_channel or "
                                     "per_group, got '")
        << granularityWord << "'";
    return {};
  }
  int64_t axis = 0, groupSize = 0;
  if (*granularity == GranularityKind::PerChannel &&
      (parser.parseLParen() || parser.parseInteger(axis) ||
       parser.parseRParen()))
    return {};
  if (*granularity == GranularityKind::PerGroup &&
      (parser.parseLParen() || parser.parseInteger(axis) ||
       parser.parseComma() || parser.parseInteger(groupSize) ||
       parser.parseRParen()))
    return {};

  std::optional<bool> symmetric;
  bool narrowRange = false;
  while (succeeded(parser.parseOptionalComma())) {
    StringRef flag;
    SMLoc flagLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&flag))
      return {};
    if ((flag == "symmetric" || flag == "asymmetric") && !symmetric) {
      symmetric = flag == "symmetric";
    } else if (flag == "narrow_range" && !narrowRange) {
      narrowRange = true;
    } else {
      parser.emitError(flagLoc, "expected symmetric, asymmetric or "
                                "narrow_range once each, got '")
          << flag << "'";
      return {};
    }
  }
  if (parser.parseGreater())
    return {};
  return parser.getChecked<QuantAttr>(loc, parser.getContext(), width, isSigned,
                                      *granularity, axis, groupSize,
                                      symmetric.value_or(true), narrowRange);
}

void QuantAttr::print(AsmPrinter &printer) const {
  printer << '<' << (getStorageSigned() ? 'i' : 'u') << getStorageWidth()
          << ", " << stringifyGranularityKind(getGranularity());
  if (getGranularity() == GranularityKind::PerChannel)
    printer << '(' << getAxis() << ')';
  if (getGranularity() == GranularityKind::PerGroup)
    printer << '(' << getAxis() << ", " << getGroupSize() << ')';
  printer << (getSymmetric() ? ", symmetric" : ", asymmetric");
  if (getNarrowRange())
    printer << ", narrow_range";
  printer << '>';
}

LogicalResult QuantAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                unsigned storageWidth, bool storageSigned,
                                GranularityKind granularity, int64_t axis,
                                int64_t groupSize, bool symmetric,
                                bool narrowRange) {
  char sign = storageSigned ? 'i' : 'u';
  if (storageWidth > 8)
    return emitError() << "storage wider than 8 bits is not supported, got "
                       << sign << storageWidth;
  if (storageWidth != 2 && storageWidth != 4 && storageWidth != 8)
    return emitError() << "storage must be 2, 4 or 8 bits wide, got " << sign
                       << storageWidth;
  if (axis < 0)
    return emitError() << "quantization axis must be non-negative, got "
                       << axis;
  if (granularity == GranularityKind::PerGroup && groupSize <= 0)
    return emitError() << "group size must be positive, got " << groupSize;
  if (granularity != GranularityKind::PerGroup && groupSize != 0)
    return emitError() << "only per_group granularity has a group size";
  if (granularity == GranularityKind::PerTensor && axis != 0)
    return emitError() << "per_tensor granularity has no axis";
  if (symmetric && !storageSigned)
    return emitError() << "symmetric quantization needs a signed storage "
                          "type, got u"
                       << storageWidth << " (use asymmetric)";
  return success();
}

int64_t QuantAttr::getStorageMin() const {
  int64_t min =
      getStorageSigned() ? -(int64_t(1) << (getStorageWidth() - 1)) : 0;
  return getNarrowRange() ? min + 1 : min;
}

int64_t QuantAttr::getStorageMax() const {
  return getStorageSigned() ? (int64_t(1) << (getStorageWidth() - 1)) - 1
                            : (int64_t(1) << getStorageWidth()) - 1;
}

IntegerType QuantAttr::getStorageType() const {
  return IntegerType::get(getContext(), getStorageWidth());
}

SmallVector<int64_t> QuantAttr::getParamShape(ArrayRef<int64_t> shape) const {
  switch (getGranularity()) {
  case GranularityKind::PerTensor:
    return {};
  case GranularityKind::PerChannel:
    return {shape[getAxis()]};
  case GranularityKind::PerGroup: {
    SmallVector<int64_t> result(shape);
    int64_t &dim = result[getAxis()];
    if (!ShapedType::isDynamic(dim))
      dim /= getGroupSize();
    return result;
  }
  }
  llvm_unreachable("unknown granularity");
}

LogicalResult
QuantAttr::verifyForShape(function_ref<InFlightDiagnostic()> emitError,
                          ArrayRef<int64_t> shape) const {
  if (getGranularity() == GranularityKind::PerTensor)
    return success();
  int64_t rank = shape.size();
  if (getAxis() >= rank)
    return emitError() << "quantization axis " << getAxis()
                       << " is out of range for a tensor of rank " << rank;
  int64_t dim = shape[getAxis()];
  if (getGranularity() == GranularityKind::PerGroup &&
      !ShapedType::isDynamic(dim) && dim % getGroupSize() != 0)
    return emitError() << "group size " << getGroupSize()
                       << " does not divide dimension " << getAxis()
                       << " of size " << dim;
  return success();
}

//===----------------------------------------------------------------------===//
// SparsityAttr
//===----------------------------------------------------------------------===//

Attribute SparsityAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef word;
  if (parser.parseLess())
    return {};
  SMLoc wordLoc = parser.getCurrentLocation();
  if (parser.parseKeyword(&word))
    return {};
  std::optional<SparsityKind> kind = symbolizeSparsityKind(word);
  if (!kind) {
    parser.emitError(wordLoc, "expected dense, nm or unstructured, got '")
        << word << "'";
    return {};
  }
  int64_t n = 0, m = 0, axis = 0;
  if (*kind == SparsityKind::NM &&
      (parser.parseLParen() || parser.parseInteger(n) || parser.parseComma() ||
       parser.parseInteger(m) || parser.parseComma() ||
       parser.parseInteger(axis) || parser.parseRParen()))
    return {};
  if (parser.parseGreater())
    return {};
  return parser.getChecked<SparsityAttr>(loc, parser.getContext(), *kind, n, m,
                                         axis);
}

void SparsityAttr::print(AsmPrinter &printer) const {
  printer << '<' << stringifySparsityKind(getKind());
  if (getKind() == SparsityKind::NM)
    printer << '(' << getN() << ", " << getM() << ", " << getAxis() << ')';
  printer << '>';
}

LogicalResult SparsityAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                   SparsityKind kind, int64_t n, int64_t m,
                                   int64_t axis) {
  if (kind != SparsityKind::NM) {
    if (n != 0 || m != 0 || axis != 0)
      return emitError() << "only nm sparsity has parameters";
    return success();
  }
  if (n <= 0 || m <= n)
    return emitError() << "N:M sparsity needs 0 < N < M, got " << n << ":" << m;
  if (axis < 0)
    return emitError() << "sparsity axis must be non-negative, got " << axis;
  return success();
}

SmallVector<int64_t>
SparsityAttr::getValuesShape(ArrayRef<int64_t> shape) const {
  switch (getKind()) {
  case SparsityKind::Dense:
    return SmallVector<int64_t>(shape);
  case SparsityKind::NM: {
    SmallVector<int64_t> result(shape);
    int64_t &dim = result[getAxis()];
    if (!ShapedType::isDynamic(dim))
      dim = dim / getM() * getN();
    return result;
  }
  case SparsityKind::Unstructured:
    return {ShapedType::kDynamic};
  }
  llvm_unreachable("unknown sparsity kind");
}

LogicalResult
SparsityAttr::verifyForShape(function_ref<InFlightDiagnostic()> emitError,
                             ArrayRef<int64_t> shape) const {
  if (getKind() != SparsityKind::NM)
    return success();
  int64_t rank = shape.size();
  if (getAxis() >= rank)
    return emitError() << "sparsity axis " << getAxis()
                       << " is out of range for a tensor of rank " << rank;
  int64_t dim = shape[getAxis()];
  if (!ShapedType::isDynamic(dim) && dim % getM() != 0)
    return emitError() << "M = " << getM() << " does not divide dimension "
                       << getAxis() << " of size " << dim;
  return success();
}

std::optional<std::pair<int64_t, std::string>>
SparsityAttr::findPositionViolation(
    ArrayRef<int64_t> valuesShape,
    function_ref<uint64_t(int64_t)> positionAt) const {
  int64_t axis = getAxis(), n = getN(), m = getM();
  int64_t stride = 1;
  for (int64_t dim : valuesShape.drop_front(axis + 1))
    stride *= dim;
  int64_t count = ShapedType::getNumElements(valuesShape);
  for (int64_t i = 0; i < count; ++i) {
    uint64_t position = positionAt(i);
    if (position >= static_cast<uint64_t>(m))
      return std::make_pair(i, (Twine("position ") + Twine(position) +
                                " is outside [0, " + Twine(m) + ")")
                                   .str());
    int64_t slot = (i / stride) % valuesShape[axis] % n;
    if (slot == 0)
      continue;
    uint64_t previous = positionAt(i - stride);
    if (position <= previous)
      return std::make_pair(
          i, (Twine("position ") + Twine(position) +
              " does not follow the group's previous position " +
              Twine(previous) + " (positions must strictly increase)")
                 .str());
  }
  return std::nullopt;
}
