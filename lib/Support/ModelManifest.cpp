//===- ModelManifest.cpp - What a compiled model library holds ------------===//

#include "sqz/Support/ModelManifest.h"

#include <sstream>

using namespace mlir::sqz;
using namespace mlir::sqz::manifest;

const Entry *Manifest::find(std::string_view name) const {
  for (const Entry &entry : entries)
    if (entry.name == name)
      return &entry;
  return nullptr;
}

static std::string dimsText(const entry::Value &value) {
  if (value.shape.empty())
    return ".";
  std::string text;
  for (size_t i = 0; i < value.shape.size(); ++i) {
    if (i)
      text += ",";
    text += value.shape[i] == entry::kDynamic ? "?"
                                              : std::to_string(value.shape[i]);
  }
  return text;
}

static void printValue(std::string &text, const char *role,
                       const Value &value) {
  text += std::string(role) + " " + (value.shaped ? "m" : "s") + " " +
          value.dtype.descr() + " " + dimsText(value) + " " + value.typeText +
          "\n";
}

std::string manifest::print(const Manifest &manifest) {
  std::string text = "sqz-model " + std::to_string(kVersion) + "\n";
  text += "target " + manifest.target + "\n";
  for (const Entry &entry : manifest.entries) {
    text += "entry " + entry.name + "\n";
    for (const Value &value : entry.args)
      printValue(text, "arg", value);
    for (const Value &value : entry.results)
      printValue(text, "result", value);
  }
  return text;
}

/// Parses "<f4" (the dtype names the manifest writer uses).
static bool parseDescr(const std::string &descr, npy::DType &dtype) {
  if (descr.size() < 3 || (descr[0] != '<' && descr[0] != '|'))
    return false;
  char kind = descr[1];
  std::string size = descr.substr(2);
  if (size != "1" && size != "2" && size != "4" && size != "8")
    return false;
  dtype.size = unsigned(std::stoul(size));
  switch (kind) {
  case 'b':
    dtype.kind = npy::DTypeKind::Bool;
    return dtype.size == 1;
  case 'i':
    dtype.kind = npy::DTypeKind::Int;
    return true;
  case 'u':
    dtype.kind = npy::DTypeKind::UInt;
    return true;
  case 'f':
    dtype.kind = npy::DTypeKind::Float;
    return dtype.size != 1;
  default:
    return false;
  }
}

static bool parseDims(const std::string &text, std::vector<int64_t> &shape) {
  shape.clear();
  if (text == ".")
    return true;
  std::stringstream stream(text);
  std::string dim;
  while (std::getline(stream, dim, ',')) {
    if (dim == "?") {
      shape.push_back(entry::kDynamic);
      continue;
    }
    if (dim.empty() || dim.size() > 18 ||
        dim.find_first_not_of("0123456789") != std::string::npos)
      return false;
    shape.push_back(std::stoll(dim));
  }
  return !shape.empty();
}

bool manifest::parse(std::string_view text, Manifest &manifest,
                     std::string &error) {
  manifest = Manifest();
  std::istringstream lines{std::string(text)};
  std::string line;
  unsigned number = 0;
  auto bad = [&](const std::string &what) {
    error = "malformed model manifest, line " + std::to_string(number) + " (" +
            what + "): '" + line + "'";
    return false;
  };
  bool haveVersion = false;
  while (std::getline(lines, line)) {
    ++number;
    if (line.empty())
      continue;
    std::istringstream words(line);
    std::string key;
    words >> key;
    if (!haveVersion) {
      unsigned version = 0;
      if (key != "sqz-model" || !(words >> version))
        return bad("expected 'sqz-model VERSION'");
      if (version != kVersion) {
        error = "model manifest version " + std::to_string(version) +
                " is not supported (this runner reads version " +
                std::to_string(kVersion) + "; recompile the model)";
        return false;
      }
      haveVersion = true;
    } else if (key == "target") {
      if (!(words >> manifest.target))
        return bad("expected 'target NAME'");
    } else if (key == "entry") {
      Entry entry;
      if (!(words >> entry.name))
        return bad("expected 'entry NAME'");
      manifest.entries.push_back(entry);
    } else if (key == "arg" || key == "result") {
      if (manifest.entries.empty())
        return bad("an argument before any entry");
      std::string kind, descr, dims;
      Value value;
      if (!(words >> kind >> descr >> dims) || (kind != "m" && kind != "s"))
        return bad("expected 'KIND DESCR DIMS TYPE'");
      value.shaped = kind == "m";
      if (!parseDescr(descr, value.dtype))
        return bad("unknown dtype '" + descr + "'");
      if (!parseDims(dims, value.shape) ||
          (!value.shaped && !value.shape.empty()))
        return bad("bad sizes '" + dims + "'");
      std::getline(words >> std::ws, value.typeText);
      Entry &entry = manifest.entries.back();
      (key == "arg" ? entry.args : entry.results).push_back(value);
    } else {
      return bad("unknown item '" + key + "'");
    }
  }
  if (!haveVersion) {
    error = "empty model manifest";
    return false;
  }
  if (manifest.target.empty()) {
    error = "model manifest names no target";
    return false;
  }
  return true;
}
