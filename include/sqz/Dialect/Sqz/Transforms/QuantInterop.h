//===- QuantInterop.h - Between the quant dialect and sqz -------*- C++ -*-===//
//
// The type mapping between upstream `!quant.uniform` tensors and
// `!sqz.tensor` with constant parameters, and the patterns of
// --sqz-import-quant and --sqz-export-quant.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_QUANTINTEROP_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_QUANTINTEROP_H

#include "sqz/Dialect/Sqz/IR/SqzTypes.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/Support/LLVM.h"

#include <string>

namespace mlir {
class RewritePatternSet;
class TypeConverter;
namespace quant {
class QuantizedType;
} // namespace quant

namespace sqz {

/// A tensor of `!quant.uniform` as sqz holds it: the compressed type and its
/// parameters, ready to be materialized as constants.
struct ImportedQuantType {
  SqzTensorType type;
  /// Float scales of the shape `type`'s scheme needs (f32, or f64 when the
  /// expressed type is wider than 32 bits).
  DenseElementsAttr scales;
  /// i32 zero points of the same shape; null when the scheme is symmetric.
  DenseElementsAttr zeroPoints;
};

/// Whether `type` is a quantized type of the quant dialect or a shaped type
/// of one.
bool isQuantDialectType(Type type);

/// Maps a ranked tensor of `!quant.uniform` (per layer, per axis, or
/// sub-channel blocked along one axis) to sqz. On failure, `why` says what
/// sqz cannot express.
FailureOr<ImportedQuantType> importQuantType(Type type, std::string &why);

/// The `!quant.uniform` element type of a quantized, dense `type` whose
/// scales and zero points (null when symmetric) are the constants `scales`
/// and `zeroPoints`. On failure, `why` says what quant cannot express.
FailureOr<quant::QuantizedType> exportQuantType(SqzTensorType type,
                                                DenseElementsAttr scales,
                                                DenseElementsAttr zeroPoints,
                                                std::string &why);

/// Adds the conversion of tensors of `!quant.uniform` to `!sqz.tensor` to
/// `converter` (types it cannot map are left to other conversions).
void populateSqzImportQuantTypeConversions(TypeConverter &converter);

/// Patterns that rewrite quant.qcast, quant.scast and quant.dcast into sqz
/// ops, for a dialect conversion with a converter set up by
/// populateSqzImportQuantTypeConversions. Folding should be off in that
/// conversion: quant folds dcast(qcast(x)) to x, which drops the rounding.
void populateSqzImportQuantPatterns(const TypeConverter &converter,
                                    RewritePatternSet &patterns);

/// Patterns that rewrite sqz.quantize, sqz.pack and sqz.fake_quant with
/// constant parameters, together with the sqz.dequantize and sqz.unpack that
/// use them, into quant ops. Folding should be off when applying them, for
/// the same reason as above.
void populateSqzExportQuantPatterns(RewritePatternSet &patterns);

} // namespace sqz
} // namespace mlir

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_QUANTINTEROP_H
