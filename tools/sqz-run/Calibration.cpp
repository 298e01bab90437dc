//===- Calibration.cpp - Statistics of observed activations ---------------===//

#include "Calibration.h"
#include "NpyIO.h"

#include "sqz/Support/WriteFile.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::sqz;

double sqz::histogramRange(double absmax) {
  if (absmax < kMinHistogramRange)
    return kMinHistogramRange;
  int exponent;
  std::frexp(absmax, &exponent); // absmax = f * 2^exponent, f in [0.5, 1).
  return std::ldexp(1.0, exponent);
}

int64_t sqz::histogramBin(double x, double range, int64_t bins) {
  // Bin edges -range + k * width are exact: width is a power of two and
  // every edge a multiple of it no larger than range.
  double width = 2 * range / double(bins);
  auto edge = [&](int64_t k) { return -range + double(k) * width; };
  int64_t bin = std::clamp<int64_t>(int64_t(std::floor((x + range) / width)), 0,
                                    bins - 1);
  // The estimate can be one off where x + range rounded; settle it exactly.
  while (bin + 1 < bins && x >= edge(bin + 1))
    ++bin;
  while (bin > 0 && x < edge(bin))
    --bin;
  return bin;
}

/// Moves the counts of one channel's histogram over [-from, from] to bins
/// over [-to, to] (to >= from, both powers of two): every old bin lies in
/// one new bin, the one holding its left edge.
static void widenHistogram(int64_t *counts, int64_t bins, double from,
                           double to) {
  if (to == from)
    return;
  std::vector<int64_t> widened(bins, 0);
  double width = 2 * from / double(bins);
  for (int64_t j = 0; j < bins; ++j)
    if (counts[j])
      widened[sqz::histogramBin(-from + double(j) * width, to, bins)] +=
          counts[j];
  std::copy(widened.begin(), widened.end(), counts);
}

void ChannelStats::init(int64_t channels, int64_t bins, bool withHessian) {
  this->channels = channels;
  count = 0;
  min.assign(channels, INFINITY);
  max.assign(channels, -INFINITY);
  absmax.assign(channels, 0.0);
  sumsq.assign(channels, 0.0);
  range.assign(channels, kMinHistogramRange);
  histogram.assign(channels * bins, 0);
  hessian.clear();
  if (withHessian)
    hessian.assign(channels * channels, 0.0);
}

void ChannelStats::merge(const ChannelStats &other, int64_t bins) {
  count += other.count;
  for (int64_t k = 0; k < channels; ++k) {
    min[k] = std::min(min[k], other.min[k]);
    max[k] = std::max(max[k], other.max[k]);
    absmax[k] = std::max(absmax[k], other.absmax[k]);
    sumsq[k] += other.sumsq[k];
    double to = std::max(range[k], other.range[k]);
    widenHistogram(&histogram[k * bins], bins, range[k], to);
    std::vector<int64_t> theirs(&other.histogram[k * bins],
                                &other.histogram[(k + 1) * bins]);
    widenHistogram(theirs.data(), bins, other.range[k], to);
    for (int64_t b = 0; b < bins; ++b)
      histogram[k * bins + b] += theirs[b];
    range[k] = to;
  }
  for (auto [sum, term] : llvm::zip(hessian, other.hessian))
    sum += term;
}

void Calibrator::observe(int64_t index, int64_t rank, const void *descriptor) {
  if (!error.empty())
    return;
  if (index < 0 || size_t(index) >= ids.size()) {
    error = "sqz_observe called with unknown id index " + std::to_string(index);
    return;
  }
  const int64_t *words = static_cast<const int64_t *>(descriptor);
  const float *base = reinterpret_cast<const float *>(words[1]) + words[2];
  const int64_t *sizes = words + 3;
  const int64_t *strides = words + 3 + rank;
  int64_t channels = rank ? sizes[rank - 1] : 1;
  int64_t channelStride = rank ? strides[rank - 1] : 1;
  int64_t rows = 1;
  for (int64_t d = 0; d + 1 < rank; ++d)
    rows *= sizes[d];

  ChannelStats &s = stats[index];
  const std::string &id = ids[index];
  if (s.channels < 0) {
    s.init(channels, bins, withHessian);
  } else if (s.channels != channels) {
    error = "layer '" + id + "': the observed value has " +
            std::to_string(channels) + " channels, earlier " +
            std::to_string(s.channels);
    return;
  }

  std::vector<double> row(channels);
  llvm::SmallVector<int64_t> position(std::max<int64_t>(rank - 1, 0), 0);
  for (int64_t r = 0; r < rows; ++r) {
    // The offset of row `r` (the leading dimensions in row-major order).
    int64_t offset = 0;
    for (int64_t d = 0; d + 1 < rank; ++d)
      offset += position[d] * strides[d];
    for (int64_t d = rank - 2; d >= 0; --d) {
      if (++position[d] < sizes[d])
        break;
      position[d] = 0;
    }
    for (int64_t k = 0; k < channels; ++k) {
      double x = base[offset + k * channelStride];
      if (!std::isfinite(x)) {
        error = "layer '" + id + "': the observed value holds " +
                (std::isnan(x) ? "NaN" : "an infinity") + " in channel " +
                std::to_string(k);
        return;
      }
      row[k] = x;
    }
    ++s.count;
    for (int64_t k = 0; k < channels; ++k) {
      double x = row[k];
      s.min[k] = std::min(s.min[k], x);
      s.max[k] = std::max(s.max[k], x);
      s.absmax[k] = std::max(s.absmax[k], std::fabs(x));
      s.sumsq[k] += x * x;
      int64_t *counts = &s.histogram[k * bins];
      if (std::fabs(x) >= s.range[k]) {
        double widened = histogramRange(std::fabs(x));
        widenHistogram(counts, bins, s.range[k], widened);
        s.range[k] = widened;
      }
      ++counts[histogramBin(x, s.range[k], bins)];
    }
    if (withHessian)
      for (int64_t i = 0; i < channels; ++i) {
        double xi = row[i];
        double *h = s.hessian.data() + i * channels;
        for (int64_t j = 0; j < channels; ++j)
          h[j] += xi * row[j];
      }
  }
}

llvm::Error Calibrator::takeError() {
  if (error.empty())
    return llvm::Error::success();
  std::string message = std::move(error);
  error.clear();
  return llvm::createStringError(message);
}

llvm::SmallVector<std::string> Calibrator::unobserved() const {
  llvm::SmallVector<std::string> result;
  for (auto [id, s] : llvm::zip(ids, stats))
    if (s.channels < 0)
      result.push_back(id);
  return result;
}

/// The per-channel rows of a layer's `.channels.npy`, in order.
static constexpr llvm::StringLiteral kChannelRows[] = {
    "min", "max", "absmax", "sumsq", "l2", "histogram.lo", "histogram.hi"};

/// `[rows, K]` float64 of the per-channel statistics of `s`, rows as
/// kChannelRows names them.
static npy::Array channelArrays(const ChannelStats &s) {
  int64_t k = s.channels;
  std::vector<double> rows;
  rows.reserve(std::size(kChannelRows) * k);
  auto append = [&](const std::vector<double> &values) {
    rows.insert(rows.end(), values.begin(), values.end());
  };
  append(s.min);
  append(s.max);
  append(s.absmax);
  append(s.sumsq);
  for (double sum : s.sumsq)
    rows.push_back(std::sqrt(sum));
  for (double high : s.range)
    rows.push_back(-high);
  append(s.range);
  npy::Array array;
  array.dtype = npy::DType{npy::DTypeKind::Float, 8};
  array.shape = {static_cast<int64_t>(std::size(kChannelRows)), k};
  array.data.resize(rows.size() * 8);
  std::memcpy(array.data.data(), rows.data(), array.data.size());
  return array;
}

/// `[K, bins]` histogram counts in the narrowest unsigned type that holds
/// the largest (uint16 for up to 65535 rows).
static npy::Array histogramArray(const ChannelStats &s, int64_t bins) {
  int64_t largest = 0;
  for (int64_t n : s.histogram)
    largest = std::max(largest, n);
  unsigned size = largest <= 0xffff ? 2 : largest <= 0xffffffffll ? 4 : 8;
  npy::Array array;
  array.dtype = npy::DType{npy::DTypeKind::UInt, size};
  array.shape = {s.channels, bins};
  array.data.resize(s.histogram.size() * size);
  for (auto [index, n] : llvm::enumerate(s.histogram)) {
    uint64_t bits = static_cast<uint64_t>(n);
    std::memcpy(array.data.data() + index * size, &bits, size);
  }
  return array;
}

llvm::Error sqz::writeStatistics(llvm::StringRef path,
                                 llvm::ArrayRef<std::string> ids,
                                 llvm::ArrayRef<ChannelStats> stats,
                                 int64_t bins) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::json::OStream json(os, /*IndentSize=*/2);
  llvm::StringRef directory = llvm::sys::path::parent_path(path);
  // The arrays go to .npy files beside the JSON index, written after it.
  llvm::SmallVector<std::pair<std::string, npy::Array>> arrays;
  llvm::SmallVector<std::pair<std::string, const ChannelStats *>> hessians;
  json.object([&] {
    json.attribute("format", "sqz-stats");
    json.attribute("version", 2);
    json.attributeObject("layers", [&] {
      for (size_t i = 0; i < ids.size(); ++i) {
        const std::string &id = ids[i];
        const ChannelStats &s = stats[i];
        if (s.channels < 0)
          continue;
        json.attributeObject(id, [&] {
          json.attribute("channels", s.channels);
          json.attribute("count", s.count);
          std::string channelFile = id + ".channels.npy";
          json.attribute("channel_stats", channelFile);
          json.attributeArray("channel_stats_rows", [&] {
            for (llvm::StringRef row : kChannelRows)
              json.value(row);
          });
          arrays.push_back({channelFile, channelArrays(s)});
          std::string histogramFile = id + ".histogram.npy";
          json.attributeObject("histogram", [&] {
            json.attribute("bins", bins);
            json.attribute("counts", histogramFile);
          });
          arrays.push_back({histogramFile, histogramArray(s, bins)});
          if (!s.hessian.empty()) {
            std::string file = id + ".hessian.npy";
            json.attribute("hessian", file);
            hessians.push_back({file, &s});
          }
        });
      }
    });
  });
  os << "\n";

  if (llvm::Error error = writeFile(path, text))
    return llvm::createStringError("--stats-out: " +
                                   llvm::toString(std::move(error)));
  auto writeBeside = [&](llvm::StringRef file, const npy::Array &array) {
    llvm::SmallString<128> full(directory);
    llvm::sys::path::append(full, file);
    return npy::write(full, array);
  };
  for (auto &[file, array] : arrays)
    if (llvm::Error e = writeBeside(file, array))
      return e;
  for (auto &[file, s] : hessians) {
    npy::Array matrix;
    matrix.dtype = npy::DType{npy::DTypeKind::Float, 8};
    matrix.shape = {s->channels, s->channels};
    matrix.data.resize(s->hessian.size() * 8);
    std::memcpy(matrix.data.data(), s->hessian.data(), matrix.data.size());
    if (llvm::Error e = writeBeside(file, matrix))
      return e;
  }
  return llvm::Error::success();
}
