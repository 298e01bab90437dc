//===- Statistics.cpp - Calibration statistics files ----------------------===//

#include "sqz/Dialect/Sqz/Transforms/Statistics.h"
#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Support/JsonStructure.h"
#include "sqz/Support/NpyIO.h"

#include "llvm/ADT/StringSet.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::sqz;

std::optional<std::vector<double>> LayerStatistics::inputNorms() const {
  if (l2)
    return *l2;
  if (!sumsq)
    return std::nullopt;
  std::vector<double> norms(sumsq->size());
  for (size_t i = 0; i < norms.size(); ++i)
    norms[i] = std::sqrt((*sumsq)[i]);
  return norms;
}

namespace {
/// Validates the JSON of one statistics file, reporting the first problem.
class StatisticsReader {
public:
  StatisticsReader(StringRef path, function_ref<InFlightDiagnostic()> emitError)
      : path(path), emitErrorFn(emitError) {}

  FailureOr<Statistics> read();

private:
  /// Starts an error about the file.
  InFlightDiagnostic error() {
    return emitErrorFn() << "statistics file '" << path << "'";
  }
  /// Starts an error about `field` of `layer`.
  InFlightDiagnostic fieldError(StringRef layer, StringRef field) {
    return error() << ": layer '" << layer << "': field '" << field << "' ";
  }

  /// Rejects nesting deeper than any statistics file has (the JSON parser
  /// recurses per level) and repeated keys (the parser keeps the last).
  LogicalResult checkStructure(StringRef text);
  LogicalResult readLayer(StringRef name, const llvm::json::Value &value,
                          LayerStatistics &layer);
  /// Checks what the fields of `layer` say together: min <= max and
  /// histogram ranges that are not empty, per channel.
  LogicalResult checkConsistency(StringRef name, const LayerStatistics &layer);
  /// Reads the optional array `field` of `channels` finite numbers (all
  /// non-negative when `nonNegative`) from `object` into `result`.
  LogicalResult readChannelArray(StringRef layer,
                                 const llvm::json::Object &object,
                                 StringRef field, int64_t channels,
                                 bool nonNegative,
                                 std::optional<std::vector<double>> &result);
  LogicalResult readNumbers(StringRef layer, StringRef field,
                            const llvm::json::Value &value, int64_t length,
                            bool nonNegative, std::vector<double> &result);
  LogicalResult readHistogram(StringRef layer, const llvm::json::Value &value,
                              int64_t channels, ChannelHistogram &result);

  /// Version 2: reads the per-channel arrays that `channel_stats` names
  /// into `arrays`, by field name.
  LogicalResult
  readChannelStatsFile(StringRef layer, const llvm::json::Object &object,
                       int64_t channels,
                       llvm::StringMap<std::vector<double>> &arrays);
  /// `file` resolved against the directory of the JSON file.
  std::string resolve(StringRef file) const;

  std::string path;
  function_ref<InFlightDiagnostic()> emitErrorFn;
  int64_t version = 1;
  /// The arrays of the layer being read that came from its channel_stats
  /// file (version 2), by field name.
  llvm::StringMap<std::vector<double>> fileArrays;
};
} // namespace

/// The per-channel fields a version 2 `channel_stats` file may hold, and
/// whether they are non-negative.
static constexpr std::pair<StringLiteral, bool> kChannelFields[] = {
    {"min", false},          {"max", false}, {"absmax", true},
    {"sumsq", true},         {"l2", true},   {"histogram.lo", false},
    {"histogram.hi", false},
};

std::string StatisticsReader::resolve(StringRef file) const {
  SmallString<256> resolved;
  if (llvm::sys::path::is_relative(file))
    resolved = llvm::sys::path::parent_path(path);
  llvm::sys::path::append(resolved, file);
  return resolved.str().str();
}

LogicalResult StatisticsReader::readChannelStatsFile(
    StringRef layer, const llvm::json::Object &object, int64_t channels,
    llvm::StringMap<std::vector<double>> &arrays) {
  arrays.clear();
  const llvm::json::Value *file = object.get("channel_stats");
  if (!file)
    return success();
  if (version < 2)
    return fieldError(layer, "channel_stats") << "needs version 2";
  std::optional<StringRef> name = file->getAsString();
  if (!name || name->empty())
    return fieldError(layer, "channel_stats") << "must be a non-empty string";
  const llvm::json::Array *rows = object.getArray("channel_stats_rows");
  if (!rows || rows->empty())
    return fieldError(layer, "channel_stats_rows")
           << "must be a non-empty array of field names";
  SmallVector<StringRef> fields;
  for (const llvm::json::Value &row : *rows) {
    std::optional<StringRef> field = row.getAsString();
    if (!field || llvm::none_of(kChannelFields, [&](const auto &known) {
          return known.first == *field;
        }))
      return fieldError(layer, "channel_stats_rows")
             << "must name fields among min, max, absmax, sumsq, l2, "
                "histogram.lo, histogram.hi";
    if (llvm::is_contained(fields, *field))
      return fieldError(layer, "channel_stats_rows")
             << "names '" << *field << "' twice";
    fields.push_back(*field);
  }
  std::string resolved = resolve(*name);
  llvm::Expected<npy::Array> array = npy::read(resolved);
  if (!array)
    return fieldError(layer, "channel_stats")
           << "cannot be read: " << llvm::toString(array.takeError());
  int64_t numRows = static_cast<int64_t>(fields.size());
  if (array->dtype != npy::DType{npy::DTypeKind::Float, 8} ||
      array->shape.size() != 2 || array->shape[0] != numRows ||
      array->shape[1] != channels)
    return fieldError(layer, "channel_stats")
           << "'" << resolved << "' must be float64 (" << numRows << ", "
           << channels << "), got " << array->dtype.name() << " "
           << npy::shapeString(array->shape);
  for (auto [row, rowField] : llvm::enumerate(fields)) {
    StringRef field = rowField;
    std::vector<double> &values = arrays[field];
    values.resize(channels);
    std::memcpy(values.data(), array->data.data() + row * channels * 8,
                channels * 8);
    bool nonNegative = llvm::find_if(kChannelFields, [&](const auto &known) {
                         return known.first == field;
                       })->second;
    for (double v : values)
      if (!std::isfinite(v) || (nonNegative && v < 0))
        return fieldError(layer, field)
               << "(row " << row << " of '" << resolved << "') must hold "
               << channels << (nonNegative ? " non-negative" : "")
               << " finite numbers";
  }
  return success();
}

FailureOr<Statistics> StatisticsReader::read() {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    error() << " cannot be read: " << buffer.getError().message();
    return failure();
  }
  if (failed(checkStructure((*buffer)->getBuffer())))
    return failure();
  llvm::Expected<llvm::json::Value> json =
      llvm::json::parse((*buffer)->getBuffer());
  if (!json) {
    error() << " is not JSON: " << llvm::toString(json.takeError());
    return failure();
  }
  const llvm::json::Object *root = json->getAsObject();
  if (!root) {
    error() << ": the top level must be an object";
    return failure();
  }
  std::optional<StringRef> format = root->getString("format");
  if (!format || *format != "sqz-stats") {
    error() << ": field 'format' must be \"sqz-stats\"";
    return failure();
  }
  std::optional<int64_t> version = root->getInteger("version");
  if (!version || (*version != 1 && *version != 2)) {
    error() << ": field 'version' must be 1 or 2";
    return failure();
  }
  this->version = *version;
  const llvm::json::Object *layers = root->getObject("layers");
  if (!layers) {
    error() << ": field 'layers' must be an object";
    return failure();
  }

  Statistics result;
  result.path = path;
  // Read in name order so that the first error reported does not depend on
  // the hash order of the JSON object.
  SmallVector<StringRef> names;
  for (const auto &entry : *layers)
    names.push_back(entry.first);
  llvm::sort(names);
  for (StringRef name : names) {
    LayerStatistics layer;
    if (failed(readLayer(name, *layers->get(name), layer)))
      return failure();
    result.layers[name] = std::move(layer);
  }
  return result;
}

LogicalResult StatisticsReader::checkStructure(StringRef text) {
  // top level / layers / layer / histogram / counts / row: 6 levels.
  constexpr unsigned kMaxDepth = 32;
  std::optional<JsonStructureProblem> problem =
      checkJsonStructure(text, kMaxDepth);
  if (!problem)
    return success();
  if (problem->kind == JsonStructureProblem::Kind::TooDeep)
    return error() << ": arrays and objects nest deeper than " << kMaxDepth
                   << " levels (at byte " << problem->offset << ")";
  ArrayRef<std::string> path = problem->path;
  if (path.empty())
    return error() << ": field '" << problem->key << "' appears twice";
  if (path.size() == 1 && path[0] == "layers")
    return error() << ": layer '" << problem->key << "' appears twice";
  if (path.size() >= 2 && path[0] == "layers") {
    std::string field;
    for (const std::string &part : path.drop_front(2))
      field += part + ".";
    field += problem->key;
    return fieldError(path[1], field) << "appears twice";
  }
  std::string field;
  for (const std::string &part : path)
    field += part + ".";
  return error() << ": field '" << field << problem->key << "' appears twice";
}

LogicalResult StatisticsReader::checkConsistency(StringRef name,
                                                 const LayerStatistics &layer) {
  if (layer.min && layer.max)
    for (int64_t c = 0; c < layer.channels; ++c)
      if ((*layer.min)[c] > (*layer.max)[c])
        return fieldError(name, "min")
               << "is above field 'max' at channel " << c << " ("
               << formatShortest((*layer.min)[c]) << " > "
               << formatShortest((*layer.max)[c]) << ")";
  if (!layer.histogram)
    return success();
  const ChannelHistogram &histogram = *layer.histogram;
  for (int64_t c = 0; c < layer.channels; ++c) {
    if (!(histogram.lo[c] < histogram.hi[c]))
      return fieldError(name, "histogram.lo")
             << "must be below field 'histogram.hi' at channel " << c << " ("
             << formatShortest(histogram.lo[c])
             << " >= " << formatShortest(histogram.hi[c]) << ")";
    if (!histogram.countsFile &&
        llvm::all_of(histogram.counts[c], [](int64_t n) { return n == 0; }))
      return fieldError(name, "histogram.counts")
             << "holds no value for channel " << c << " (all bins are zero)";
  }
  return success();
}

LogicalResult StatisticsReader::readLayer(StringRef name,
                                          const llvm::json::Value &value,
                                          LayerStatistics &layer) {
  const llvm::json::Object *object = value.getAsObject();
  if (!object)
    return error() << ": layer '" << name << "' must be an object";
  const llvm::json::Value *channels = object->get("channels");
  if (!channels)
    return fieldError(name, "channels") << "is missing";
  std::optional<int64_t> k = channels->getAsInteger();
  if (!k || *k <= 0)
    return fieldError(name, "channels") << "must be a positive integer";
  layer.channels = *k;

  if (const llvm::json::Value *count = object->get("count")) {
    std::optional<int64_t> rows = count->getAsInteger();
    if (!rows || *rows < 0)
      return fieldError(name, "count") << "must be a non-negative integer";
    layer.count = *rows;
  }
  if (failed(readChannelStatsFile(name, *object, *k, fileArrays)))
    return failure();
  if (failed(readChannelArray(name, *object, "min", *k, false, layer.min)) ||
      failed(readChannelArray(name, *object, "max", *k, false, layer.max)) ||
      failed(
          readChannelArray(name, *object, "absmax", *k, true, layer.absmax)) ||
      failed(readChannelArray(name, *object, "sumsq", *k, true, layer.sumsq)) ||
      failed(readChannelArray(name, *object, "l2", *k, true, layer.l2)))
    return failure();
  if (const llvm::json::Value *histogram = object->get("histogram")) {
    layer.histogram.emplace();
    if (failed(readHistogram(name, *histogram, *k, *layer.histogram)))
      return failure();
  }
  if (const llvm::json::Value *hessian = object->get("hessian")) {
    std::optional<StringRef> file = hessian->getAsString();
    if (!file || file->empty())
      return fieldError(name, "hessian") << "must be a non-empty string";
    layer.hessian = resolve(*file);
  }

  return checkConsistency(name, layer);
}

LogicalResult StatisticsReader::readChannelArray(
    StringRef layer, const llvm::json::Object &object, StringRef field,
    int64_t channels, bool nonNegative,
    std::optional<std::vector<double>> &result) {
  const llvm::json::Value *value = object.get(field);
  auto fromFile = fileArrays.find(field);
  if (fromFile != fileArrays.end()) {
    if (value)
      return fieldError(layer, field)
             << "is given both inline and in field 'channel_stats'";
    result = std::move(fromFile->second);
    return success();
  }
  if (!value)
    return success();
  result.emplace();
  return readNumbers(layer, field, *value, channels, nonNegative, *result);
}

LogicalResult StatisticsReader::readNumbers(StringRef layer, StringRef field,
                                            const llvm::json::Value &value,
                                            int64_t length, bool nonNegative,
                                            std::vector<double> &result) {
  auto fail = [&]() {
    return fieldError(layer, field)
           << "must be an array of " << length
           << (nonNegative ? " non-negative" : "") << " finite numbers";
  };
  const llvm::json::Array *array = value.getAsArray();
  if (!array)
    return fail();
  if (static_cast<int64_t>(array->size()) != length)
    return fieldError(layer, field)
           << "has " << array->size() << " entries, expected " << length
           << " (one per input channel)";
  result.reserve(length);
  for (const llvm::json::Value &element : *array) {
    std::optional<double> number = element.getAsNumber();
    if (!number || !std::isfinite(*number) || (nonNegative && *number < 0))
      return fail();
    result.push_back(*number);
  }
  return success();
}

LogicalResult StatisticsReader::readHistogram(StringRef layer,
                                              const llvm::json::Value &value,
                                              int64_t channels,
                                              ChannelHistogram &result) {
  const llvm::json::Object *object = value.getAsObject();
  if (!object)
    return fieldError(layer, "histogram") << "must be an object";
  std::optional<int64_t> bins =
      object->get("bins") ? object->get("bins")->getAsInteger() : std::nullopt;
  if (!bins || *bins <= 0)
    return fieldError(layer, "histogram.bins") << "must be a positive integer";
  result.bins = *bins;
  for (auto [field, bounds] :
       {std::make_pair("lo", &result.lo), std::make_pair("hi", &result.hi)}) {
    std::string name = std::string("histogram.") + field;
    const llvm::json::Value *array = object->get(field);
    auto fromFile = fileArrays.find(name);
    if (fromFile != fileArrays.end()) {
      if (array)
        return fieldError(layer, name)
               << "is given both inline and in field 'channel_stats'";
      *bounds = std::move(fromFile->second);
      continue;
    }
    if (!array)
      return fieldError(layer, name) << "is missing";
    if (failed(readNumbers(layer, name, *array, channels, false, *bounds)))
      return failure();
  }
  const llvm::json::Value *counts = object->get("counts");
  if (!counts)
    return fieldError(layer, "histogram.counts") << "is missing";
  if (std::optional<StringRef> file = counts->getAsString()) {
    if (version < 2)
      return fieldError(layer, "histogram.counts")
             << "may name a file only in version 2";
    if (file->empty())
      return fieldError(layer, "histogram.counts")
             << "must not be an empty file name";
    result.countsFile = resolve(*file);
    return success();
  }
  const llvm::json::Array *rows = counts->getAsArray();
  if (!rows || static_cast<int64_t>(rows->size()) != channels)
    return fieldError(layer, "histogram.counts")
           << "must be an array of " << channels << " arrays of " << *bins
           << " non-negative integers";
  for (const llvm::json::Value &row : *rows) {
    const llvm::json::Array *entries = row.getAsArray();
    if (!entries || static_cast<int64_t>(entries->size()) != *bins)
      return fieldError(layer, "histogram.counts")
             << "must be an array of " << channels << " arrays of " << *bins
             << " non-negative integers";
    std::vector<int64_t> &counted = result.counts.emplace_back();
    for (const llvm::json::Value &entry : *entries) {
      std::optional<int64_t> n = entry.getAsInteger();
      if (!n || *n < 0)
        return fieldError(layer, "histogram.counts")
               << "must be an array of " << channels << " arrays of " << *bins
               << " non-negative integers";
      counted.push_back(*n);
    }
  }
  return success();
}

LogicalResult
sqz::loadHistogramCounts(StringRef statsPath, StringRef layer, int64_t channels,
                         ChannelHistogram &histogram,
                         function_ref<InFlightDiagnostic()> emitError) {
  if (!histogram.countsFile || !histogram.counts.empty())
    return success();
  auto fail = [&]() -> InFlightDiagnostic {
    return emitError() << "statistics file '" << statsPath << "': layer '"
                       << layer << "': field 'histogram.counts' ";
  };
  const std::string &file = *histogram.countsFile;
  llvm::Expected<npy::Array> array = npy::read(file);
  if (!array)
    return fail() << "cannot be read: " << llvm::toString(array.takeError());
  bool integer = array->dtype.kind == npy::DTypeKind::Int ||
                 array->dtype.kind == npy::DTypeKind::UInt;
  if (!integer || array->shape.size() != 2 || array->shape[0] != channels ||
      array->shape[1] != histogram.bins)
    return fail() << "'" << file << "' must be integers (" << channels << ", "
                  << histogram.bins << "), got " << array->dtype.name() << " "
                  << npy::shapeString(array->shape);
  unsigned size = array->dtype.size;
  bool isSigned = array->dtype.kind == npy::DTypeKind::Int;
  histogram.counts.assign(channels, std::vector<int64_t>(histogram.bins));
  for (int64_t c = 0; c < channels; ++c) {
    bool any = false;
    for (int64_t i = 0; i < histogram.bins; ++i) {
      uint64_t bits = 0;
      std::memcpy(&bits, array->data.data() + (c * histogram.bins + i) * size,
                  size);
      int64_t n = static_cast<int64_t>(bits);
      if (isSigned && size < 8)
        n = llvm::SignExtend64(bits, size * 8);
      if (n < 0 || (!isSigned && size == 8 && bits > uint64_t(INT64_MAX)))
        return fail() << "'" << file << "' holds a negative or too large "
                      << "count at channel " << c << ", bin " << i;
      histogram.counts[c][i] = n;
      any |= n != 0;
    }
    if (!any)
      return fail() << "holds no value for channel " << c
                    << " (all bins are zero)";
  }
  return success();
}

FailureOr<Statistics>
mlir::sqz::readStatistics(StringRef path,
                          function_ref<InFlightDiagnostic()> emitError) {
  return StatisticsReader(path, emitError).read();
}

LogicalResult
sqz::loadStatistics(StringRef path, std::optional<Statistics> &statistics,
                    function_ref<InFlightDiagnostic()> emitError) {
  FailureOr<Statistics> read = readStatistics(path, emitError);
  if (failed(read))
    return failure();
  statistics = std::move(*read);
  return success();
}

const LayerStatistics *sqz::findLayerStatistics(const Statistics &stats,
                                                StringRef name,
                                                std::optional<int64_t> channels,
                                                Operation *op) {
  auto found = stats.layers.find(name);
  if (found == stats.layers.end()) {
    op->emitError("layer '")
        << name << "' has no entry in statistics file '" << stats.path << "'";
    return nullptr;
  }
  if (channels && found->second.channels != *channels) {
    op->emitError("statistics of layer '")
        << name << "': field 'channels' is " << found->second.channels
        << ", the weight's reduction size is " << *channels;
    return nullptr;
  }
  return &found->second;
}

LogicalResult sqz::verifyStatisticsLayers(const Statistics &stats,
                                          Operation *root, StringRef pass) {
  llvm::StringSet<> known;
  for (const NamedLayer &layer : findNamedLayers(root))
    known.insert(layer.name);
  root->walk([&](Operation *op) {
    if (auto name =
            op->getAttrOfType<StringAttr>(SqzDialect::getLayerAttrName()))
      known.insert(name.getValue());
  });
  SmallVector<StringRef> names;
  for (const auto &entry : stats.layers)
    names.push_back(entry.getKey());
  llvm::sort(names);
  for (StringRef name : names)
    if (!known.contains(name))
      return root->emitError()
             << pass << ": statistics file '" << stats.path << "' names layer '"
             << name << "', which is not a linear layer of this module";
  return success();
}
