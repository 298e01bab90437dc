//===- Calibration.h - Statistics of observed activations -------*- C++ -*-===//
//
// What `sqz-run --calibrate` records through the `sqz_observe` calls of an
// instrumented model: per observe id and input channel (the last dimension)
// the count, min, max, absmax, sum of squares and a histogram, optionally
// X^T X; and how two such records merge (`sqz-run --merge-stats`). Written in
// the statistics file format of docs/statistics.md.
//
// Histograms are mergeable by construction: channel k's bins split
// [-R_k, R_k] equally, R_k the smallest power of two above every |x| seen
// (at least 2^-126), and the bin count a power of two. When R_k must grow,
// every old bin lies inside exactly one new bin, so the counts move without
// loss; a histogram built in one run therefore equals the merge of
// histograms of any split of its samples.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_TOOLS_SQZ_RUN_CALIBRATION_H
#define SQZ_TOOLS_SQZ_RUN_CALIBRATION_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir::sqz {

/// The smallest histogram half-range: channels that saw only zeros (or
/// values below it) keep it.
constexpr double kMinHistogramRange = 0x1p-126;

/// The histogram half-range for values up to `absmax`: the smallest power of
/// two strictly greater than it, at least kMinHistogramRange.
double histogramRange(double absmax);

/// The bin of `x` (|x| < `range`) among `bins` equal bins over
/// [-range, range]: the number of inner bin edges at or below `x`, computed
/// with exact comparisons.
int64_t histogramBin(double x, double range, int64_t bins);

/// The statistics of one observed value.
struct ChannelStats {
  int64_t channels = -1; // Unknown until the first observation.
  int64_t count = 0;     // Rows.
  std::vector<double> min, max, absmax, sumsq;
  std::vector<double> hessian;    // K x K, row-major, when recorded.
  std::vector<double> range;      // Histogram half-range per channel.
  std::vector<int64_t> histogram; // K x bins.

  /// Starts empty statistics of `channels` channels.
  void init(int64_t channels, int64_t bins, bool withHessian);

  /// Adds `other` (same channels and bins; Hessian on both or neither) as if
  /// its rows had been observed here. Counts, extrema and histograms merge
  /// exactly; the sums add in double.
  void merge(const ChannelStats &other, int64_t bins);
};

class Calibrator {
public:
  Calibrator(llvm::SmallVector<std::string> ids, bool hessian, unsigned bins)
      : ids(std::move(ids)), stats(this->ids.size()), withHessian(hessian),
        bins(bins) {}

  /// Records the f32 memref behind a ranked descriptor (`rank` sizes and
  /// strides) under id `index`. Errors are kept and returned by `takeError`.
  void observe(int64_t index, int64_t rank, const void *descriptor);

  /// The first error since the last call (an unknown id, a channel count
  /// that changed, a value that is not finite), or success.
  llvm::Error takeError();

  /// The ids that were never observed.
  llvm::SmallVector<std::string> unobserved() const;

  llvm::ArrayRef<std::string> getIds() const { return ids; }
  llvm::ArrayRef<ChannelStats> getStats() const { return stats; }

private:
  llvm::SmallVector<std::string> ids;
  std::vector<ChannelStats> stats;
  bool withHessian;
  unsigned bins;
  std::string error;
};

/// Writes the statistics `stats[i]` of the layers `ids[i]` (those with
/// `channels >= 0`) to the JSON file `path` and every recorded Hessian as
/// `<id>.hessian.npy` beside it.
llvm::Error writeStatistics(llvm::StringRef path,
                            llvm::ArrayRef<std::string> ids,
                            llvm::ArrayRef<ChannelStats> stats, int64_t bins);

} // namespace mlir::sqz

#endif // SQZ_TOOLS_SQZ_RUN_CALIBRATION_H
