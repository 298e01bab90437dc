//===- Calibration.h - Statistics of observed activations -------*- C++ -*-===//
//
// What `sqz-run --calibrate` records through the `sqz_observe` calls of an
// instrumented model: per observe id and input channel (the last dimension)
// the count, min, max, absmax and sum of squares, optionally X^T X, and in a
// second pass a histogram over the [min, max] range of the first. Written in
// the statistics file format of docs/statistics.md.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_TOOLS_SQZ_RUN_CALIBRATION_H
#define SQZ_TOOLS_SQZ_RUN_CALIBRATION_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir::sqz {

/// The statistics of one observed value.
struct ChannelStats {
  int64_t channels = -1; // Unknown until the first observation.
  int64_t count = 0;     // Rows.
  std::vector<double> min, max, absmax, sumsq;
  std::vector<double> hessian;    // K x K, row-major, when asked for.
  std::vector<int64_t> histogram; // K x bins, in the second pass.
};

class Calibrator {
public:
  Calibrator(llvm::SmallVector<std::string> ids, bool hessian, unsigned bins)
      : ids(std::move(ids)), stats(this->ids.size()), withHessian(hessian),
        bins(bins) {}

  /// Pass 1 records everything but the histograms, pass 2 the histograms.
  void setPass(unsigned pass) { this->pass = pass; }

  /// Records the f32 memref behind a ranked descriptor (`rank` sizes and
  /// strides) under id `index`. Errors are kept and returned by `takeError`.
  void observe(int64_t index, int64_t rank, const void *descriptor);

  /// The first error since the last call (an unknown id, a channel count
  /// that changed, a value that is not finite), or success.
  llvm::Error takeError();

  /// The ids that were never observed.
  llvm::SmallVector<std::string> unobserved() const;

  /// Writes the JSON file and, with the Hessian, `<id>.hessian.npy` beside
  /// it.
  llvm::Error write(llvm::StringRef path) const;

private:
  llvm::SmallVector<std::string> ids;
  std::vector<ChannelStats> stats;
  bool withHessian;
  unsigned bins;
  unsigned pass = 1;
  std::string error;
};

} // namespace mlir::sqz

#endif // SQZ_TOOLS_SQZ_RUN_CALIBRATION_H
