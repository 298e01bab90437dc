//===- OptionEnums.h - Values of the sqz passes' enum options ---*- C++ -*-===//
//
// The options of the sqz passes that take one of a few words (granularity,
// method, mode, ...) parse into these enums, so that the option parser
// lists the words in --help and rejects any other with the allowed values,
// before a pass runs. Each enum is also what the pass's C++ interface takes
// (the generated Sqz*Options structs).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_OPTIONENUMS_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_OPTIONENUMS_H

#include "sqz/Dialect/Sqz/IR/SqzAttrs.h"
#include "sqz/Dialect/Sqz/Transforms/Pruning.h"
#include "sqz/Support/EnumOption.h"

namespace mlir::sqz {

/// sqz-quantize-weights method=: round to nearest, or GPTQ.
enum class WeightQuantMethod { RoundToNearest, Gptq };

/// sqz-quantize-activations mode=: parameters computed at run time, or
/// taken from calibration statistics.
enum class ActivationQuantMode { Dynamic, Static };

/// sqz-quantize-activations granularity=: one scale per tensor or per row.
enum class ActivationGranularity { Tensor, Token };

/// sqz-quantize-activations range=: the clipping range of static
/// parameters.
enum class ActivationRange { MinMax, Percentile, Mse };

/// sqz-report format=.
enum class ReportFormat { Text, Json };

/// sqz-prune scope=: one threshold per layer, or one for the whole model.
enum class PruneScope { Layer, Global };

} // namespace mlir::sqz

SQZ_ENUM_OPTION(mlir::sqz::GranularityKind)
SQZ_ENUM_OPTION(mlir::sqz::WeightQuantMethod)
SQZ_ENUM_OPTION(mlir::sqz::ActivationQuantMode)
SQZ_ENUM_OPTION(mlir::sqz::ActivationGranularity)
SQZ_ENUM_OPTION(mlir::sqz::ActivationRange)
SQZ_ENUM_OPTION(mlir::sqz::ReportFormat)
SQZ_ENUM_OPTION(mlir::sqz::PruneMethod)
SQZ_ENUM_OPTION(mlir::sqz::PrunePattern)
SQZ_ENUM_OPTION(mlir::sqz::PruneScope)

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_OPTIONENUMS_H
