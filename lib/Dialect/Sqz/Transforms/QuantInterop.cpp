//===- QuantInterop.cpp - Between !quant.uniform and !sqz.tensor ----------===//
//
// The type mapping shared by --sqz-import-quant and --sqz-export-quant.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/Transforms/QuantInterop.h"

#include "mlir/Dialect/Quant/IR/QuantTypes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/TypeUtilities.h"
#include "mlir/Transforms/DialectConversion.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::sqz;

bool sqz::isQuantDialectType(Type type) {
  return isa<quant::QuantizedType>(getElementTypeOrSelf(type));
}

//===----------------------------------------------------------------------===//
// Import: !quant.uniform -> !sqz.tensor
//===----------------------------------------------------------------------===//

namespace {
/// The scheme and parameters read from one quant type, before they are
/// checked against what sqz holds.
struct QuantParams {
  GranularityKind granularity = GranularityKind::PerTensor;
  int64_t axis = 0;
  int64_t groupSize = 0;
  /// The static shape of the parameter tensors.
  SmallVector<int64_t> shape;
  SmallVector<double> scales;
  SmallVector<int64_t> zeroPoints;
};
} // namespace

/// Reads a per-layer or per-axis type; the per-axis dimension is in range of
/// `shape` (the quant op verifiers make sure of it).
static LogicalResult readUniformParams(quant::QuantizedType element,
                                       ArrayRef<int64_t> shape,
                                       QuantParams &params, raw_ostream &why) {
  if (auto perLayer = dyn_cast<quant::UniformQuantizedType>(element)) {
    params.scales = {perLayer.getScale()};
    params.zeroPoints = {perLayer.getZeroPoint()};
    return success();
  }
  auto perAxis = cast<quant::UniformQuantizedPerAxisType>(element);
  int64_t axis = perAxis.getQuantizedDimension();
  if (axis < 0 || axis >= static_cast<int64_t>(shape.size())) {
    why << "quantized dimension " << axis
        << " is out of range for a tensor of rank " << shape.size();
    return failure();
  }
  params.granularity = GranularityKind::PerChannel;
  params.axis = axis;
  params.scales.assign(perAxis.getScales().begin(), perAxis.getScales().end());
  params.zeroPoints.assign(perAxis.getZeroPoints().begin(),
                           perAxis.getZeroPoints().end());
  params.shape = {static_cast<int64_t>(params.scales.size())};
  return success();
}

/// Reads a sub-channel type that is blocked along one axis: block size 1
/// along every other axis. An axis left out of the block list has one block
/// of the whole dimension.
static LogicalResult
readSubChannelParams(quant::UniformQuantizedSubChannelType element,
                     ArrayRef<int64_t> shape, QuantParams &params,
                     raw_ostream &why) {
  int64_t rank = shape.size();
  SmallVector<int64_t> blocks(shape);
  for (auto [dim, size] : element.getBlockSizeInfo()) {
    if (dim < 0 || dim >= rank) {
      why << "block axis " << dim << " is out of range for a tensor of rank "
          << rank;
      return failure();
    }
    blocks[dim] = size;
  }
  SmallVector<int64_t> blockedAxes;
  for (int64_t dim = 0; dim < rank; ++dim)
    if (blocks[dim] != 1)
      blockedAxes.push_back(dim);
  if (blockedAxes.size() > 1) {
    why << "sub-channel blocks of ";
    why << shapeText(blocks);
    why << " (an axis left out of the list has a block of the whole "
           "dimension) are larger than 1 along axes ";
    why << shapeText(blockedAxes);
    why << "; per_group blocks one axis, with blocks of 1 along the others";
    return failure();
  }
  if (rank == 0) {
    why << "sub-channel quantization of a rank-0 tensor";
    return failure();
  }
  // Blocks of one element everywhere are groups of 1 along the last axis.
  int64_t axis = blockedAxes.empty() ? rank - 1 : blockedAxes.front();
  if (ShapedType::isDynamic(blocks[axis])) {
    why << "the block along axis " << axis
        << " is the whole dynamic dimension; per_group needs a static group "
           "size";
    return failure();
  }
  if (!ShapedType::isDynamic(shape[axis]) && shape[axis] % blocks[axis] != 0) {
    why << "block size " << blocks[axis] << " does not divide dimension "
        << axis << " of size " << shape[axis];
    return failure();
  }
  params.granularity = GranularityKind::PerGroup;
  params.axis = axis;
  params.groupSize = blocks[axis];

  DenseElementsAttr scales = element.getScales();
  DenseElementsAttr zeroPoints = element.getZeroPoints();
  params.shape.assign(scales.getType().getShape().begin(),
                      scales.getType().getShape().end());
  for (APFloat scale : scales.getValues<APFloat>()) {
    bool losesInfo = false;
    scale.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
    params.scales.push_back(scale.convertToDouble());
  }
  bool isSigned = element.isSigned();
  for (const APInt &zeroPoint : zeroPoints.getValues<APInt>())
    params.zeroPoints.push_back(isSigned ? zeroPoint.getSExtValue()
                                         : zeroPoint.getZExtValue());
  if (params.zeroPoints.size() != params.scales.size()) {
    why << "sub-channel type has " << params.scales.size() << " scales but "
        << params.zeroPoints.size() << " zero points";
    return failure();
  }
  return success();
}

FailureOr<ImportedQuantType> sqz::importQuantType(Type type,
                                                  std::string &whyText) {
  llvm::raw_string_ostream why(whyText);
  auto tensorType = dyn_cast<RankedTensorType>(type);
  if (!tensorType) {
    why << "sqz quantizes ranked tensors, not scalars or unranked tensors";
    return failure();
  }
  auto element = dyn_cast<quant::QuantizedType>(tensorType.getElementType());
  if (!element ||
      !isa<quant::UniformQuantizedType, quant::UniformQuantizedPerAxisType,
           quant::UniformQuantizedSubChannelType>(element)) {
    why << "only !quant.uniform types can be imported";
    return failure();
  }
  Type expressed = element.getExpressedType();
  if (!isa<FloatType>(expressed)) {
    why << "expressed type " << expressed << " is not a float type";
    return failure();
  }

  // Storage type and range.
  unsigned width = element.getStorageTypeIntegralWidth();
  bool isSigned = element.isSigned();
  char sign = isSigned ? 'i' : 'u';
  if (width != 2 && width != 4 && width != 8) {
    why << "storage type " << sign << width
        << " is not supported (sqz stores i8, u8, i4, u4, i2 or u2)";
    return failure();
  }
  int64_t fullMin =
      quant::QuantizedType::getDefaultMinimumForInteger(isSigned, width);
  int64_t fullMax =
      quant::QuantizedType::getDefaultMaximumForInteger(isSigned, width);
  int64_t min = element.getStorageTypeMin(), max = element.getStorageTypeMax();
  if (max != fullMax || (min != fullMin && min != fullMin + 1)) {
    why << "storage range [" << min << ", " << max << "] of " << sign << width
        << " is neither the full range [" << fullMin << ", " << fullMax
        << "] nor the narrow range [" << fullMin + 1 << ", " << fullMax << "]";
    return failure();
  }
  bool narrowRange = min != fullMin;

  // Granularity and parameters.
  ArrayRef<int64_t> shape = tensorType.getShape();
  QuantParams params;
  if (auto subChannel =
          dyn_cast<quant::UniformQuantizedSubChannelType>(element)) {
    if (failed(readSubChannelParams(subChannel, shape, params, why)))
      return failure();
  } else if (failed(readUniformParams(element, shape, params, why))) {
    return failure();
  }
  bool symmetric = isSigned;
  for (auto [index, zeroPoint] : llvm::enumerate(params.zeroPoints)) {
    if (zeroPoint < min || zeroPoint > max) {
      why << "zero point " << zeroPoint << " at flat index " << index
          << " is outside the storage range [" << min << ", " << max << "]";
      return failure();
    }
    symmetric &= zeroPoint == 0;
  }

  MLIRContext *context = type.getContext();
  auto quant =
      QuantAttr::get(context, width, isSigned, params.granularity, params.axis,
                     params.groupSize, symmetric, narrowRange);
  ImportedQuantType result;
  result.type =
      SqzTensorType::get(context, shape, expressed, quant, SparsityAttr());

  // Scales in f32, or f64 for wide expressed types: quant computes in the
  // expressed type, so f32 loses nothing for f32, f16 and bf16.
  bool wide = cast<FloatType>(expressed).getWidth() > 32;
  Type scaleType =
      wide ? Type(Float64Type::get(context)) : Type(Float32Type::get(context));
  auto scalesType = RankedTensorType::get(params.shape, scaleType);
  if (wide) {
    result.scales =
        DenseElementsAttr::get(scalesType, ArrayRef<double>(params.scales));
  } else {
    SmallVector<float> narrowScales;
    narrowScales.reserve(params.scales.size());
    for (auto [index, scale] : llvm::enumerate(params.scales)) {
      auto value = static_cast<float>(scale);
      if (!(value > 0.0f) || std::isinf(value)) {
        why << "scale " << scale << " at flat index " << index
            << " is not a positive finite f32";
        return failure();
      }
      narrowScales.push_back(value);
    }
    result.scales =
        DenseElementsAttr::get(scalesType, ArrayRef<float>(narrowScales));
  }
  if (!symmetric) {
    SmallVector<int32_t> zeroPoints(params.zeroPoints.begin(),
                                    params.zeroPoints.end());
    result.zeroPoints = DenseElementsAttr::get(
        RankedTensorType::get(params.shape, IntegerType::get(context, 32)),
        ArrayRef<int32_t>(zeroPoints));
  }
  return result;
}

void sqz::populateSqzImportQuantTypeConversions(TypeConverter &converter) {
  converter.addConversion([](RankedTensorType type) -> std::optional<Type> {
    if (!isQuantDialectType(type))
      return std::nullopt;
    std::string why;
    FailureOr<ImportedQuantType> imported = importQuantType(type, why);
    if (failed(imported))
      return Type();
    return imported->type;
  });
}

//===----------------------------------------------------------------------===//
// Export: !sqz.tensor with constant parameters -> !quant.uniform
//===----------------------------------------------------------------------===//

/// Builds a quant type through `getChecked`, turning quant's own diagnostic,
/// if any, into `why`.
template <typename QuantTypeT, typename... Args>
static FailureOr<quant::QuantizedType>
getCheckedQuantType(MLIRContext *context, std::string &why, Args &&...args) {
  ScopedDiagnosticHandler capture(context, [&](Diagnostic &diag) {
    why = diag.str();
    return success();
  });
  auto type = QuantTypeT::getChecked(
      [&] { return emitError(UnknownLoc::get(context)); },
      std::forward<Args>(args)...);
  if (!type)
    return failure();
  return quant::QuantizedType(type);
}

FailureOr<quant::QuantizedType>
sqz::exportQuantType(SqzTensorType type, DenseElementsAttr scales,
                     DenseElementsAttr zeroPoints, std::string &whyText) {
  llvm::raw_string_ostream why(whyText);
  QuantAttr quant = type.getQuant();
  if (!quant || type.getSparsity()) {
    why << "only dense quantized tensors have a quant type";
    return failure();
  }
  MLIRContext *context = type.getContext();
  auto expressed = cast<FloatType>(type.getElementType());
  if (!scales || !isa<FloatType>(scales.getElementType()) ||
      (!quant.getSymmetric() &&
       (!zeroPoints || !isa<IntegerType>(zeroPoints.getElementType()) ||
        zeroPoints.getType().getShape() != scales.getType().getShape()))) {
    why << "scales and zero points do not match the scheme " << quant;
    return failure();
  }

  // quant keeps scales in double and checks them against the range of the
  // expressed type (denormals included).
  const llvm::fltSemantics &semantics = expressed.getFloatSemantics();
  auto toDouble = [](APFloat value) {
    bool losesInfo = false;
    value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
    return value.convertToDouble();
  };
  double smallest = toDouble(APFloat::getSmallest(semantics));
  double largest = toDouble(APFloat::getLargest(semantics));
  SmallVector<double> scaleValues;
  scaleValues.reserve(scales.getNumElements());
  for (auto [index, scale] : llvm::enumerate(scales.getValues<APFloat>())) {
    double value = toDouble(scale);
    if (!(value >= smallest && value <= largest)) {
      why << "scale " << value << " at flat index " << index
          << " is outside the range of the expressed type " << expressed << " ["
          << smallest << ", " << largest << "]";
      return failure();
    }
    scaleValues.push_back(value);
  }
  // Zero points are signless: read them with the storage's signedness.
  SmallVector<int64_t> zeroPointValues(scaleValues.size(), 0);
  bool isSigned = quant.getStorageSigned();
  if (!quant.getSymmetric())
    for (auto [index, zeroPoint] :
         llvm::enumerate(zeroPoints.getValues<APInt>()))
      zeroPointValues[index] =
          isSigned ? zeroPoint.getSExtValue() : zeroPoint.getZExtValue();

  unsigned flags = isSigned ? quant::QuantizationFlags::Signed : 0;
  auto storageType = quant.getStorageType();
  int64_t min = quant.getStorageMin(), max = quant.getStorageMax();
  switch (quant.getGranularity()) {
  case GranularityKind::PerTensor:
    return getCheckedQuantType<quant::UniformQuantizedType>(
        context, whyText, flags, storageType, expressed, scaleValues.front(),
        zeroPointValues.front(), min, max);
  case GranularityKind::PerChannel:
    return getCheckedQuantType<quant::UniformQuantizedPerAxisType>(
        context, whyText, flags, storageType, expressed,
        ArrayRef<double>(scaleValues), ArrayRef<int64_t>(zeroPointValues),
        static_cast<int32_t>(quant.getAxis()), min, max);
  case GranularityKind::PerGroup: {
    // Blocks of the group size along the axis, of 1 along every other one.
    int64_t rank = type.getRank();
    SmallVector<int32_t> dims;
    SmallVector<int64_t> blockSizes;
    for (int64_t dim = 0; dim < rank; ++dim) {
      dims.push_back(static_cast<int32_t>(dim));
      blockSizes.push_back(dim == quant.getAxis() ? quant.getGroupSize() : 1);
    }
    ArrayRef<int64_t> paramShape = scales.getType().getShape();
    SmallVector<APFloat> expressedScales;
    for (double scale : scaleValues) {
      APFloat value(scale);
      bool losesInfo = false;
      value.convert(semantics, APFloat::rmNearestTiesToEven, &losesInfo);
      expressedScales.push_back(value);
    }
    SmallVector<APInt> storageZeroPoints;
    for (int64_t zeroPoint : zeroPointValues)
      storageZeroPoints.emplace_back(quant.getStorageWidth(), zeroPoint,
                                     isSigned);
    auto scalesAttr = DenseElementsAttr::get(
        RankedTensorType::get(paramShape, expressed), expressedScales);
    auto zeroPointsAttr = DenseElementsAttr::get(
        RankedTensorType::get(paramShape, storageType), storageZeroPoints);
    return getCheckedQuantType<quant::UniformQuantizedSubChannelType>(
        context, whyText, flags, storageType, expressed, scalesAttr,
        zeroPointsAttr, ArrayRef<int32_t>(dims), ArrayRef<int64_t>(blockSizes),
        min, max);
  }
  }
  llvm_unreachable("unknown granularity");
}
