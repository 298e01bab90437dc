//===- Report.cpp - sqz-report --------------------------------------------===//
//
// Reports, for every linear layer of a module, the size of its weight before
// and after compression, the scheme, the share of weights pruned (left out by
// a sparsity pattern) and the share of stored zeros (codes equal to their
// zero point, or float zeros), and the quantization error, as an aligned
// table or as JSON. The IR is left as it is.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/Passes.h"
#include "sqz/Dialect/Sqz/Utils/QuantMath.h"
#include "sqz/Support/WriteFile.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Debug.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/SwapByteOrder.h"
#include "llvm/Support/ToolOutputFile.h"

#include <cmath>
#include <cstring>
#include <optional>

#define DEBUG_TYPE "sqz-report"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZREPORT
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;

//===----------------------------------------------------------------------===//
// Raw constant data
//===----------------------------------------------------------------------===//

namespace {
/// The elements of an integer or float constant as stored: a view of the
/// attribute's own buffer (`dense`) or blob (`dense_resource`). Elements are
/// read as bit patterns; nothing goes through `Attribute` per element.
struct RawElements {
  ArrayRef<char> data;
  int64_t numElements = 0;
  unsigned bitWidth = 0;
  /// Bytes per element; 0 for the bit-packed i1 storage of `dense`.
  unsigned bytesPerElement = 0;
  bool splat = false;

  /// The bits of element `index`, zero-extended from `bitWidth`.
  uint64_t get(int64_t index) const {
    if (splat)
      index = 0;
    if (bytesPerElement == 0)
      return (static_cast<uint8_t>(data[index / 8]) >> (index % 8)) & 1;
    uint64_t bits = 0;
    std::memcpy(&bits, data.data() + index * bytesPerElement, bytesPerElement);
    if (llvm::sys::IsBigEndianHost)
      bits >>= 8 * (sizeof(bits) - bytesPerElement);
    return bits & llvm::maskTrailingOnes<uint64_t>(bitWidth);
  }
};
} // namespace

/// The raw elements of the constant that `value` is, if it is a `dense` or
/// `dense_resource` integer or float tensor constant of at most 64 bits per
/// element.
static std::optional<RawElements> getRawElements(Value value) {
  if (!value)
    return std::nullopt;
  Attribute attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape() || !type.getElementType().isIntOrFloat())
    return std::nullopt;
  RawElements raw;
  raw.numElements = type.getNumElements();
  raw.bitWidth = type.getElementType().getIntOrFloatBitWidth();
  if (raw.bitWidth > 64)
    return std::nullopt;
  raw.bytesPerElement = llvm::divideCeil(raw.bitWidth, 8);

  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    if (dense.getType() != type)
      return std::nullopt;
    raw.data = dense.getRawData();
    raw.splat = dense.isSplat();
    // `dense` keeps i1 elements eight to a byte, first element in bit 0.
    if (raw.bitWidth == 1 && !raw.splat)
      raw.bytesPerElement = 0;
    int64_t needed =
        raw.splat ? 1
        : raw.bytesPerElement
            ? raw.numElements * raw.bytesPerElement
            : static_cast<int64_t>(llvm::divideCeil(raw.numElements, 8));
    if (static_cast<int64_t>(raw.data.size()) < needed)
      return std::nullopt;
    return raw;
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    const AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return std::nullopt;
    // Blobs hold one element per `bytesPerElement` bytes, i1 included.
    raw.data = blob->getData();
    if (static_cast<int64_t>(raw.data.size()) !=
        raw.numElements * raw.bytesPerElement)
      return std::nullopt;
    return raw;
  }
  return std::nullopt;
}

/// The number of elements of `raw` (of float type `type`) equal to +0 or -0.
static int64_t countFloatZeros(const RawElements &raw, FloatType type) {
  const llvm::fltSemantics &semantics = type.getFloatSemantics();
  if (!llvm::APFloat::semanticsHasZero(semantics))
    return 0;
  uint64_t positive =
      llvm::APFloat::getZero(semantics).bitcastToAPInt().getZExtValue();
  // Formats without a sign, or whose "negative zero" encodes NaN, have one
  // zero; APFloat gives +0 for -0 in the latter.
  uint64_t negative = llvm::APFloat::semanticsHasSignedRepr(semantics)
                          ? llvm::APFloat::getZero(semantics, /*Negative=*/true)
                                .bitcastToAPInt()
                                .getZExtValue()
                          : positive;
  auto isZero = [&](uint64_t bits) {
    return bits == positive || bits == negative;
  };
  if (raw.splat)
    return isZero(raw.get(0)) ? raw.numElements : 0;
  int64_t zeros = 0;
  for (int64_t i = 0; i < raw.numElements; ++i)
    zeros += isZero(raw.get(i));
  return zeros;
}

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

namespace {
/// The weight of one layer, as the types and its producer tell it.
struct Weight {
  /// The weight value the layer reads (after looking through transposes and
  /// dequantizations).
  Value value;
  /// Logical shape and expressed element type.
  ShapedType type;
  QuantAttr quant;
  SparsityAttr sparsity;
  /// The `sqz.pack` that makes a compressed weight, if any.
  PackOp pack;
};

/// One row of the report. Unknown quantities are std::nullopt.
struct LayerRow {
  std::string name;
  SmallVector<int64_t> shape;
  std::string scheme;
  std::optional<int64_t> params;
  std::optional<double> bitsPerWeight;
  /// Weights the sparsity pattern leaves out (not stored), as a fraction of
  /// all weights.
  std::optional<double> pruned;
  /// Stored weights that are zero (a code equal to its zero point, a float
  /// zero), as a fraction of all weights: pruned + zeros is the share of
  /// weights that read as zero.
  std::optional<double> zeros;
  std::optional<int64_t> bytesBefore;
  std::optional<int64_t> bytesAfter;
  std::optional<double> mse;
  std::optional<double> sqnrDb;
};
} // namespace

/// The weight behind `value`: a compressed `!sqz.tensor`, or a float tensor.
static std::optional<Weight> getWeight(Value value) {
  // The stored weight of a transposed read is the transpose's input.
  while (auto transpose = value.getDefiningOp<linalg::TransposeOp>())
    value = transpose.getInput();
  if (auto dequantize = value.getDefiningOp<DequantizeOp>())
    value = dequantize.getSource();

  Weight weight;
  weight.value = value;
  if (auto compressed = dyn_cast<SqzTensorType>(value.getType())) {
    weight.type = compressed;
    weight.quant = compressed.getQuant();
    weight.sparsity = compressed.getSparsity();
    weight.pack = value.getDefiningOp<PackOp>();
    return weight;
  }
  auto tensor = dyn_cast<RankedTensorType>(value.getType());
  if (!tensor || !isa<FloatType>(tensor.getElementType()))
    return std::nullopt;
  weight.type = tensor;
  return weight;
}

/// The weight of a float linalg contraction: its rhs, else its lhs, when it
/// is a constant or a dequantized `sqz.pack`. A contraction of two computed
/// values (attention scores) is no layer.
static std::optional<Weight> getContractionWeight(linalg::LinalgOp op) {
  if (op.getNumDpsInputs() != 2)
    return std::nullopt;
  for (Value operand : {op.getDpsInputs()[1], op.getDpsInputs()[0]}) {
    std::optional<Weight> weight = getWeight(operand);
    if (!weight)
      continue;
    if (weight->pack || matchPattern(weight->value, m_Constant()))
      return weight;
  }
  return std::nullopt;
}

/// The weight of the integer contraction that `sqz-fold-scales` made of an
/// `sqz.matmul`: its codes, described by the compressed type it recorded.
static std::optional<Weight> getFoldedWeight(linalg::LinalgOp op) {
  auto recorded =
      op->getAttrOfType<TypeAttr>(SqzDialect::getFoldedWeightAttrName());
  auto type =
      recorded ? dyn_cast<SqzTensorType>(recorded.getValue()) : SqzTensorType();
  if (!type || op.getNumDpsInputs() != 2)
    return std::nullopt;
  Weight weight;
  weight.value = op.getDpsInputs()[1];
  weight.type = type;
  weight.quant = type.getQuant();
  weight.sparsity = type.getSparsity();
  return weight;
}

/// `#sqz.quant` written out: `i4 per_group(0, 128) symmetric`.
static std::string formatScheme(const Weight &weight) {
  std::string scheme;
  llvm::raw_string_ostream os(scheme);
  if (QuantAttr quant = weight.quant) {
    os << (quant.getStorageSigned() ? 'i' : 'u') << quant.getStorageWidth();
    switch (quant.getGranularity()) {
    case GranularityKind::PerTensor:
      os << " per_tensor";
      break;
    case GranularityKind::PerChannel:
      os << " per_channel(" << quant.getAxis() << ")";
      break;
    case GranularityKind::PerGroup:
      os << " per_group(" << quant.getAxis() << ", " << quant.getGroupSize()
         << ")";
      break;
    }
    os << (quant.getSymmetric() ? " symmetric" : " asymmetric");
    if (quant.getNarrowRange())
      os << " narrow_range";
  } else {
    os << weight.type.getElementType();
  }
  if (SparsityAttr sparsity = weight.sparsity) {
    if (sparsity.getKind() == SparsityKind::NM)
      os << " nm(" << sparsity.getN() << ", " << sparsity.getM() << ", "
         << sparsity.getAxis() << ")";
    else if (sparsity.getKind() == SparsityKind::Unstructured)
      os << " unstructured";
  }
  return scheme;
}

/// The zero codes of a folded weight (`getFoldedWeight`), when they are
/// zeros: dense symmetric codes.
static std::optional<int64_t> countFoldedZeros(const Weight &weight,
                                               int64_t params) {
  QuantAttr quant = weight.quant;
  std::optional<RawElements> codes = getRawElements(weight.value);
  if (!quant || !quant.getSymmetric() || weight.sparsity || !codes ||
      codes->numElements != params)
    return std::nullopt;
  uint64_t mask = llvm::maskTrailingOnes<uint64_t>(quant.getStorageWidth());
  if (codes->splat)
    return (codes->get(0) & mask) == 0 ? params : 0;
  int64_t zeros = 0;
  for (int64_t i = 0; i < params; ++i)
    zeros += (codes->get(i) & mask) == 0;
  return zeros;
}

/// The number of zero weights of a compressed weight made by an `sqz.pack` of
/// constants: the elements the sparsity pattern leaves out, plus the kept
/// codes equal to their zero point (or kept float values equal to zero).
/// measure() takes the left-out ones back off for the `zeros` column.
static std::optional<int64_t> countCompressedZeros(const Weight &weight,
                                                   int64_t params) {
  PackOp pack = weight.pack;
  if (!pack)
    return countFoldedZeros(weight, params);
  std::optional<RawElements> values = getRawElements(pack.getValues());
  if (!values)
    return std::nullopt;
  int64_t pruned = params - values->numElements;
  if (pruned < 0)
    return std::nullopt;
  QuantAttr quant = weight.quant;
  if (!quant) {
    auto floatType =
        dyn_cast<FloatType>(getElementTypeOrSelf(pack.getValues()));
    if (!floatType)
      return std::nullopt;
    return pruned + countFloatZeros(*values, floatType);
  }

  // Codes and zero points are signless: compare their low storage bits.
  uint64_t mask = llvm::maskTrailingOnes<uint64_t>(quant.getStorageWidth());
  auto codeAt = [&](int64_t index) { return values->get(index) & mask; };
  if (quant.getSymmetric() || values->splat) {
    std::optional<RawElements> zeroPoints;
    if (!quant.getSymmetric()) {
      zeroPoints = getRawElements(pack.getZeroPoints());
      if (!zeroPoints || !zeroPoints->splat)
        return std::nullopt;
    }
    uint64_t zeroPoint = zeroPoints ? zeroPoints->get(0) & mask : 0;
    if (values->splat)
      return pruned + (codeAt(0) == zeroPoint ? values->numElements : 0);
    int64_t zeros = 0;
    for (int64_t i = 0; i < values->numElements; ++i)
      zeros += codeAt(i) == zeroPoint;
    return pruned + zeros;
  }

  // Asymmetric: each kept code is compared with the zero point of its unit,
  // found from its position in the logical tensor.
  std::optional<RawElements> zeroPointData =
      getRawElements(pack.getZeroPoints());
  ArrayRef<int64_t> shape = weight.type.getShape();
  ParamLayout layout(shape, quant);
  int64_t numParams = layout.numParams();
  if (!zeroPointData || zeroPointData->numElements != numParams)
    return std::nullopt;
  SmallVector<uint64_t> zeroPoints(numParams);
  for (auto [index, zeroPoint] : llvm::enumerate(zeroPoints))
    zeroPoint = zeroPointData->get(index) & mask;
  if (params == 0)
    return 0;

  int64_t zeros = 0;
  SparsityAttr sparsity = weight.sparsity;
  if (!sparsity) {
    layout.forEach([&](int64_t flat, int64_t param) {
      zeros += codeAt(flat) == zeroPoints[param];
    });
    return zeros;
  }
  auto isZero = [&](int64_t valueIndex, int64_t flat) {
    return codeAt(valueIndex) == zeroPoints[layout.paramIndex(flat)];
  };

  if (sparsity.getKind() == SparsityKind::NM) {
    // Kept value j sits at run (j's index along the axis) / n, at the
    // position inside the run that the metadata gives.
    std::optional<RawElements> positions = getRawElements(pack.getMetadata());
    if (!positions || positions->numElements != values->numElements)
      return std::nullopt;
    int64_t axis = sparsity.getAxis(), n = sparsity.getN(), m = sparsity.getM();
    int64_t inner = 1;
    for (int64_t size : shape.drop_front(axis + 1))
      inner *= size;
    int64_t logicalAxisSize = shape[axis];
    int64_t keptAxisSize = logicalAxisSize / m * n;
    for (int64_t j = 0; j < values->numElements; ++j) {
      uint64_t position = positions->get(j);
      if (position >= static_cast<uint64_t>(m))
        return std::nullopt;
      int64_t outer = j / (inner * keptAxisSize);
      int64_t kept = (j / inner) % keptAxisSize;
      int64_t along = kept / n * m + static_cast<int64_t>(position);
      int64_t flat = (outer * logicalAxisSize + along) * inner + j % inner;
      zeros += isZero(j, flat);
    }
    return pruned + zeros;
  }

  // Unstructured: the kept values are the set elements of the mask, in
  // row-major order.
  std::optional<RawElements> maskBits = getRawElements(pack.getMetadata());
  if (!maskBits || maskBits->numElements != params)
    return std::nullopt;
  int64_t j = 0;
  for (int64_t flat = 0; flat < params; ++flat) {
    if (!maskBits->get(flat))
      continue;
    if (j == values->numElements)
      return std::nullopt;
    zeros += isZero(j++, flat);
  }
  if (j != values->numElements)
    return std::nullopt;
  return pruned + zeros;
}

/// Fills in the sizes, bits per weight and sparsity of `row`.
static void measure(const Weight &weight, LayerRow &row) {
  ShapedType type = weight.type;
  if (!type.hasStaticShape())
    return;
  int64_t params = type.getNumElements();
  unsigned expressedBits = type.getElementType().getIntOrFloatBitWidth();
  row.params = params;
  row.bytesBefore = llvm::divideCeil(params * expressedBits, 8);

  QuantAttr quant = weight.quant;
  SparsityAttr sparsity = weight.sparsity;
  PackOp pack = weight.pack;

  // Stored values: all of them, n of every m, or the non-zeros.
  std::optional<int64_t> kept = params;
  int64_t metadataBits = 0;
  if (sparsity && sparsity.getKind() == SparsityKind::NM) {
    kept = params / sparsity.getM() * sparsity.getN();
    metadataBits = *kept * llvm::Log2_64_Ceil(sparsity.getM());
  } else if (sparsity && sparsity.getKind() == SparsityKind::Unstructured) {
    auto valuesType = pack ? cast<RankedTensorType>(pack.getValues().getType())
                           : cast<SqzTensorType>(type).getValuesType();
    kept = valuesType.hasStaticShape()
               ? std::optional<int64_t>(valuesType.getNumElements())
               : std::nullopt;
    metadataBits = params;
  }

  int64_t valueBits = quant ? quant.getStorageWidth() : expressedBits;
  int64_t numParams = 0, scaleBits = 0, zeroPointBits = 0;
  if (quant) {
    numParams = 1;
    for (int64_t size : quant.getParamShape(type.getShape()))
      numParams *= size;
    Value scales = pack ? pack.getScales() : Value();
    Value zeroPoints = pack ? pack.getZeroPoints() : Value();
    scaleBits = scales ? getElementTypeOrSelf(scales).getIntOrFloatBitWidth()
                       : expressedBits;
    if (!quant.getSymmetric())
      zeroPointBits =
          zeroPoints ? getElementTypeOrSelf(zeroPoints).getIntOrFloatBitWidth()
                     : 32;
  }

  if (kept) {
    int64_t codeBits = *kept * valueBits;
    int64_t totalBits = codeBits + numParams * scaleBits +
                        numParams * zeroPointBits + metadataBits;
    row.bytesAfter = llvm::divideCeil(codeBits, 8) +
                     llvm::divideCeil(numParams * scaleBits, 8) +
                     llvm::divideCeil(numParams * zeroPointBits, 8) +
                     llvm::divideCeil(metadataBits, 8);
    if (params)
      row.bitsPerWeight = static_cast<double>(totalBits) / params;
  }

  std::optional<int64_t> zeros;
  if (isa<SqzTensorType>(type)) {
    zeros = countCompressedZeros(weight, params);
  } else if (std::optional<RawElements> raw = getRawElements(weight.value)) {
    zeros = countFloatZeros(*raw, cast<FloatType>(type.getElementType()));
  }
  if (kept && params)
    row.pruned = static_cast<double>(params - *kept) / params;
  if (zeros && kept && params)
    row.zeros = static_cast<double>(*zeros - (params - *kept)) / params;
}

//===----------------------------------------------------------------------===//
// Output
//===----------------------------------------------------------------------===//

namespace {
struct Totals {
  int64_t params = 0, bytesBefore = 0, bytesAfter = 0;
  /// Layers left out of the totals for want of a known size.
  int64_t uncounted = 0;

  std::optional<double> ratio() const {
    if (bytesAfter == 0)
      return std::nullopt;
    return static_cast<double>(bytesBefore) / bytesAfter;
  }
};
} // namespace

static Totals sum(ArrayRef<LayerRow> rows) {
  Totals totals;
  for (const LayerRow &row : rows) {
    if (!row.params || !row.bytesBefore || !row.bytesAfter) {
      ++totals.uncounted;
      continue;
    }
    totals.params += *row.params;
    totals.bytesBefore += *row.bytesBefore;
    totals.bytesAfter += *row.bytesAfter;
  }
  return totals;
}

static std::string formatShape(ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(
      shape, os,
      [&](int64_t size) {
        if (ShapedType::isDynamic(size))
          os << '?';
        else
          os << size;
      },
      "x");
  return text;
}

/// `value` printed with `format`, or `-` when unknown.
static std::string formatNumber(std::optional<double> value,
                                const char *format) {
  if (!value)
    return "-";
  if (std::isnan(*value))
    return "nan";
  if (std::isinf(*value))
    return *value > 0 ? "inf" : "-inf";
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format(format, *value);
  return text;
}

static std::string formatInteger(std::optional<int64_t> value) {
  return value ? std::to_string(*value) : "?";
}

static void printText(ArrayRef<LayerRow> rows, llvm::raw_ostream &os) {
  // Text columns are left-aligned, numbers right-aligned.
  static constexpr StringRef header[] = {
      "layer",     "shape",      "params",    "scheme",
      "bits/w",    "pruned (%)", "zeros (%)", "before (B)",
      "after (B)", "mse",        "sqnr (dB)"};
  static constexpr bool leftAligned[] = {
      true, true, false, true, false, false, false, false, false, false, false};
  constexpr size_t numColumns = std::size(header);

  std::vector<SmallVector<std::string, numColumns>> table;
  table.emplace_back(std::begin(header), std::end(header));
  for (const LayerRow &row : rows) {
    table.push_back(
        {row.name, formatShape(row.shape), formatInteger(row.params),
         row.scheme, formatNumber(row.bitsPerWeight, "%.2f"),
         row.pruned ? formatNumber(*row.pruned * 100, "%.1f") : "-",
         row.zeros ? formatNumber(*row.zeros * 100, "%.1f") : "-",
         formatInteger(row.bytesBefore), formatInteger(row.bytesAfter),
         formatNumber(row.mse, "%.3e"), formatNumber(row.sqnrDb, "%.2f")});
  }
  Totals totals = sum(rows);
  table.push_back({"total", "", std::to_string(totals.params), "", "", "", "",
                   std::to_string(totals.bytesBefore),
                   std::to_string(totals.bytesAfter), "", ""});

  size_t widths[numColumns] = {};
  for (const auto &line : table)
    for (size_t c = 0; c < numColumns; ++c)
      widths[c] = std::max(widths[c], line[c].size());
  for (const auto &line : table) {
    std::string text;
    for (size_t c = 0; c < numColumns; ++c) {
      if (c)
        text += "  ";
      size_t padding = widths[c] - line[c].size();
      if (!leftAligned[c])
        text.append(padding, ' ');
      text += line[c];
      if (leftAligned[c])
        text.append(padding, ' ');
    }
    os << StringRef(text).rtrim() << "\n";
  }
  os << "compression ratio " << formatNumber(totals.ratio(), "%.2f");
  if (totals.uncounted)
    os << " (" << totals.uncounted
       << (totals.uncounted == 1 ? " layer" : " layers")
       << " of unknown size not counted)";
  os << "\n";
}

static llvm::json::Value toJson(std::optional<int64_t> value) {
  if (!value)
    return nullptr;
  return *value;
}

static llvm::json::Value toJson(std::optional<double> value) {
  if (!value || !std::isfinite(*value))
    return nullptr;
  return *value;
}

static void printJson(ArrayRef<LayerRow> rows, llvm::raw_ostream &os) {
  llvm::json::OStream json(os, /*IndentSize=*/2);
  json.object([&] {
    json.attributeArray("layers", [&] {
      for (const LayerRow &row : rows) {
        json.object([&] {
          json.attribute("name", row.name);
          json.attributeArray("shape", [&] {
            for (int64_t size : row.shape)
              json.value(ShapedType::isDynamic(size)
                             ? llvm::json::Value(nullptr)
                             : llvm::json::Value(size));
          });
          json.attribute("params", toJson(row.params));
          json.attribute("scheme", row.scheme);
          json.attribute("bits_per_weight", toJson(row.bitsPerWeight));
          json.attribute("pruned", toJson(row.pruned));
          json.attribute("zeros", toJson(row.zeros));
          json.attribute("bytes_before", toJson(row.bytesBefore));
          json.attribute("bytes_after", toJson(row.bytesAfter));
          json.attribute("mse", toJson(row.mse));
          json.attribute("sqnr_db", toJson(row.sqnrDb));
        });
      }
    });
    Totals totals = sum(rows);
    json.attributeObject("totals", [&] {
      json.attribute("params", totals.params);
      json.attribute("bytes_before", totals.bytesBefore);
      json.attribute("bytes_after", totals.bytesAfter);
      json.attribute("compression_ratio", toJson(totals.ratio()));
    });
  });
  os << "\n";
}

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

namespace {
struct SqzReportPass : sqz::impl::SqzReportBase<SqzReportPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<LayerRow> rows;
    // Layers are named as every pass and statistics file names them.
    DenseMap<Operation *, std::string> layerNames;
    for (NamedLayer &layer : findNamedLayers(getOperation()))
      layerNames[layer.op] = std::move(layer.name);
    DenseMap<Operation *, int64_t> othersPerFunction;
    getOperation()->walk<WalkOrder::PreOrder>([&](Operation *op) {
      std::optional<Weight> weight;
      if (auto matmul = dyn_cast<MatmulOp>(op)) {
        weight = getWeight(matmul.getRhs());
        if (!weight)
          return;
      } else if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op)) {
        if (!linalg::isaContractionOpInterface(linalgOp))
          return;
        weight = getFoldedWeight(linalgOp);
        if (!weight)
          weight = getContractionWeight(linalgOp);
        if (!weight) {
          LLVM_DEBUG(llvm::dbgs()
                     << "not a layer (no constant weight): " << op->getName()
                     << " at " << op->getLoc() << "\n");
          return;
        }
      } else {
        return;
      }
      rows.push_back(makeRow(op, *weight, layerNames, othersPerFunction));
    });

    std::unique_ptr<llvm::ToolOutputFile> file;
    llvm::raw_fd_ostream *os = &llvm::errs();
    if (output == "-") {
      os = &llvm::outs();
    } else if (!output.empty()) {
      std::string message;
      if (llvm::Error error = prepareOutputFile(output))
        message = llvm::toString(std::move(error));
      else
        file = openOutputFile(output, &message);
      if (!file) {
        emitError(getOperation().getLoc()) << "sqz-report: " << message;
        return signalPassFailure();
      }
      os = &file->os();
    }
    if (format == ReportFormat::Json)
      printJson(rows, *os);
    else
      printText(rows, *os);
    os->flush();
    // A full disk or a closed pipe is the user's to know, as a diagnostic:
    // an error left on the stream would abort the tool when it closes.
    if (os->has_error()) {
      std::error_code error = os->error();
      os->clear_error();
      emitError(getOperation().getLoc())
          << "sqz-report: cannot write the report to '"
          << (output.empty() ? std::string("<stderr>") : output.getValue())
          << "': " << error.message();
      return signalPassFailure();
    }
    if (file)
      file->keep();
    markAllAnalysesPreserved();
  }

  /// The report row of the layer `op` with weight `weight`.
  /// A contraction with a constant weight that is no layer of the shared
  /// numbering (no pass rewrites it) is `<function>.other<i>`.
  LayerRow makeRow(Operation *op, const Weight &weight,
                   const DenseMap<Operation *, std::string> &layerNames,
                   DenseMap<Operation *, int64_t> &othersPerFunction) {
    LayerRow row;
    Attribute name = op->getAttr(SqzDialect::getLayerAttrName());
    if (name && !isa<StringAttr>(name))
      op->emitWarning("sqz-report: ignoring ")
          << SqzDialect::getLayerAttrName()
          << ", which is not a string: " << name;
    if (auto known = layerNames.find(op); known != layerNames.end()) {
      row.name = known->second;
    } else if (auto string = dyn_cast_or_null<StringAttr>(name)) {
      row.name = string.str();
    } else {
      auto function = op->getParentOfType<FunctionOpInterface>();
      row.name = (function ? function.getName() : StringRef("?")).str() +
                 ".other" + std::to_string(othersPerFunction[function]++);
    }
    row.shape = llvm::to_vector(weight.type.getShape());
    row.scheme = formatScheme(weight);
    measure(weight, row);

    // The error sits on the weight's pack, or on a folded layer's op.
    Operation *holder = weight.pack ? PackOp(weight.pack).getOperation() : op;
    if (Attribute error =
            holder->getAttr(SqzDialect::getQuantErrorAttrName())) {
      auto dict = dyn_cast<DictionaryAttr>(error);
      auto mse = dict ? dict.getAs<FloatAttr>("mse") : FloatAttr();
      auto sqnr = dict ? dict.getAs<FloatAttr>("sqnr_db") : FloatAttr();
      if (mse && sqnr) {
        row.mse = mse.getValueAsDouble();
        row.sqnrDb = sqnr.getValueAsDouble();
      } else {
        holder->emitWarning("sqz-report: ignoring ")
            << SqzDialect::getQuantErrorAttrName()
            << ", which is not {mse = <float>, sqnr_db = <float>}: " << error;
      }
    }
    return row;
  }
};
} // namespace
