//===- StatisticsFuzzer.cpp - libFuzzer target of the statistics reader ---===//
//
// Feeds arbitrary bytes to readStatistics as a statistics file. The reader
// takes a path, so every input is written to one temporary file first. A
// rejected file is a diagnostic, which is swallowed; a crash or a sanitizer
// report is a finding, as is an accepted file whose layers break what the
// reader promises (one entry per channel in every per-channel field).
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/Transforms/Statistics.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

using namespace mlir;
using namespace mlir::sqz;

/// The file every input is written to, removed at exit.
static llvm::SmallString<128> inputPath;
/// The context of the diagnostics, which are all swallowed.
static MLIRContext *context;

static void removeInputFile() { llvm::sys::fs::remove(inputPath); }

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
  if (std::error_code error = llvm::sys::fs::createTemporaryFile(
          "sqz-fuzz-stats", "json", inputPath))
    llvm::report_fatal_error(llvm::Twine("cannot create a temporary file: ") +
                             error.message());
  std::atexit(removeInputFile);
  context = new MLIRContext(MLIRContext::Threading::DISABLED);
  context->getDiagEngine().registerHandler(
      [](Diagnostic &) { return success(); });
  return 0;
}

/// Aborts unless `field` has one entry per channel.
static void checkLength(const std::vector<double> &field, int64_t channels,
                        const char *name) {
  if (int64_t(field.size()) != channels)
    llvm::report_fatal_error(llvm::Twine("readStatistics accepted field '") +
                             name + "' of the wrong length");
}

static void checkLength(const std::optional<std::vector<double>> &field,
                        int64_t channels, const char *name) {
  if (field)
    checkLength(*field, channels, name);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  {
    std::error_code error;
    llvm::raw_fd_ostream os(inputPath, error);
    if (error)
      llvm::report_fatal_error(llvm::Twine("cannot write ") + inputPath);
    os.write(reinterpret_cast<const char *>(data), size);
  }

  Location loc = UnknownLoc::get(context);
  FailureOr<Statistics> stats =
      readStatistics(inputPath, [&] { return emitError(loc); });
  if (failed(stats))
    return 0;

  for (const auto &entry : stats->layers) {
    const LayerStatistics &layer = entry.getValue();
    if (layer.channels <= 0)
      llvm::report_fatal_error("readStatistics accepted a channel count <= 0");
    checkLength(layer.min, layer.channels, "min");
    checkLength(layer.max, layer.channels, "max");
    checkLength(layer.absmax, layer.channels, "absmax");
    checkLength(layer.sumsq, layer.channels, "sumsq");
    checkLength(layer.l2, layer.channels, "l2");
    checkLength(layer.inputNorms(), layer.channels, "l2 or sumsq");
    if (const std::optional<ChannelHistogram> &histogram = layer.histogram) {
      checkLength(histogram->lo, layer.channels, "histogram.lo");
      checkLength(histogram->hi, layer.channels, "histogram.hi");
      if (int64_t(histogram->counts.size()) != layer.channels)
        llvm::report_fatal_error("readStatistics accepted histogram.counts of "
                                 "the wrong length");
      for (const std::vector<int64_t> &row : histogram->counts)
        if (int64_t(row.size()) != histogram->bins)
          llvm::report_fatal_error("readStatistics accepted a histogram row "
                                   "of the wrong length");
    }
  }
  return 0;
}
