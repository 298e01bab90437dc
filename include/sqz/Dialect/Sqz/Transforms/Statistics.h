//===- Statistics.h - Calibration statistics files --------------*- C++ -*-===//
//
// Reads the per-layer, per-input-channel activation statistics that
// calibration writes and that data-aware compression (Wanda pruning) reads.
// The format is defined in docs/statistics.md.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_STATISTICS_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_STATISTICS_H

#include "mlir/IR/Diagnostics.h"
#include "mlir/Support/LLVM.h"

#include "llvm/ADT/StringMap.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlir::sqz {

/// A histogram of every input channel: `counts[c][i]` values fell into bin
/// `i` of `bins` equal bins over `[lo[c], hi[c]]`.
struct ChannelHistogram {
  int64_t bins = 0;
  std::vector<double> lo, hi;
  /// The counts, when the file holds them inline; empty when they are in
  /// `countsFile` (see loadHistogramCounts).
  std::vector<std::vector<int64_t>> counts;
  /// The `.npy` file (`[channels, bins]` integers) of version 2 files,
  /// resolved against the directory of the JSON file.
  std::optional<std::string> countsFile;
};

/// Makes `histogram.counts` hold the counts: reads and validates
/// `countsFile` when the counts are not inline (one layer's counts at a
/// time, so that a consumer never holds more). Errors name the statistics
/// file `statsPath`, the layer and the field.
LogicalResult loadHistogramCounts(StringRef statsPath, StringRef layer,
                                  int64_t channels, ChannelHistogram &histogram,
                                  function_ref<InFlightDiagnostic()> emitError);

/// The statistics of one layer's input, one entry per input channel. Only
/// the optional fields present in the file are set.
struct LayerStatistics {
  /// The number of input channels (the layer's reduction size K).
  int64_t channels = 0;
  /// The number of input rows observed.
  std::optional<int64_t> count;
  std::optional<std::vector<double>> min, max, absmax, sumsq, l2;
  std::optional<ChannelHistogram> histogram;
  /// The Hessian file, resolved against the directory of the JSON file.
  std::optional<std::string> hessian;

  /// The L2 norm of every input channel: `l2` when present, else the square
  /// root of `sumsq`; std::nullopt when the file has neither.
  std::optional<std::vector<double>> inputNorms() const;
};

/// A statistics file: its path and its layers by name.
struct Statistics {
  std::string path;
  llvm::StringMap<LayerStatistics> layers;
};

/// Reads and validates the statistics file `path`. On any problem (the file
/// cannot be read, is not JSON, lacks a required field, or has a field of
/// the wrong type or length) reports one error through `emitError`, naming
/// the layer and the field, and returns failure.
FailureOr<Statistics>
readStatistics(StringRef path, function_ref<InFlightDiagnostic()> emitError);

/// readStatistics into `statistics`, for a pass's initialization.
LogicalResult loadStatistics(StringRef path,
                             std::optional<Statistics> &statistics,
                             function_ref<InFlightDiagnostic()> emitError);

/// The entry of the layer `name` (of `op`) whose weight has reduction size
/// `channels` (std::nullopt: any, for a caller that maps channels itself).
/// When the file has no entry for the layer or its `channels` differs,
/// reports an error on `op` naming the layer and the field and returns null.
const LayerStatistics *findLayerStatistics(const Statistics &stats,
                                           StringRef name,
                                           std::optional<int64_t> channels,
                                           Operation *op);

/// Checks that every layer `stats` names is a linear layer of `root`: one
/// that `findNamedLinearLayers` names, or an op with that `sqz.layer`. A file
/// made for another model is an error on `root` naming the first unknown
/// layer (in the file's order of keys, sorted) and the pass.
LogicalResult verifyStatisticsLayers(const Statistics &stats, Operation *root,
                                     StringRef pass);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_STATISTICS_H
