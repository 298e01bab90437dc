//===- Npy.cpp - NumPy .npy arrays in plain C++ ---------------------------===//
//
// Format: the magic "\x93NUMPY", a major and minor version byte, the header
// length (uint16 for 1.0, uint32 for 2.0 and 3.0), then a Python dict literal
// `{'descr': '<f4', 'fortran_order': False, 'shape': (4, 8), }` padded with
// spaces and a newline to a multiple of 64 bytes, then the raw data.
//
//===----------------------------------------------------------------------===//

#include "sqz/Support/Npy.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>

using namespace mlir::sqz;
using std::string_view;

static constexpr char kMagic[] = "\x93NUMPY";
static constexpr size_t kMagicSize = 6;

std::string npy::DType::descr() const {
  char kindChar = kind == DTypeKind::Bool   ? 'b'
                  : kind == DTypeKind::Int  ? 'i'
                  : kind == DTypeKind::UInt ? 'u'
                                            : 'f';
  return std::string(1, size == 1 ? '|' : '<') + kindChar +
         std::to_string(size);
}

std::string npy::DType::name() const {
  switch (kind) {
  case DTypeKind::Bool:
    return "bool";
  case DTypeKind::Int:
    return "int" + std::to_string(size * 8);
  case DTypeKind::UInt:
    return "uint" + std::to_string(size * 8);
  case DTypeKind::Float:
    return "float" + std::to_string(size * 8);
  }
  return "unknown";
}

int64_t npy::Array::numElements() const {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

std::string npy::shapeString(const std::vector<int64_t> &shape) {
  std::string text = "(";
  for (size_t index = 0; index < shape.size(); ++index) {
    if (index)
      text += ", ";
    text += std::to_string(shape[index]);
  }
  if (shape.size() == 1)
    text += ",";
  return text + ")";
}

/// Parses a decimal integer in [0, INT64_MAX] that is all of `text`.
static std::optional<uint64_t> parseUnsigned(string_view text) {
  if (text.empty())
    return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    unsigned digit = unsigned(c - '0');
    if (value > (uint64_t(INT64_MAX) - digit) / 10)
      return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

/// Parses a dtype descriptor such as "<f4".
static bool parseDescr(string_view descr, npy::DType &dtype,
                       std::string &error) {
  std::string quoted = "unsupported dtype '" + std::string(descr) + "'";
  if (descr.size() < 3) {
    error = quoted;
    return false;
  }
  char order = descr[0];
  char kindChar = descr[1];
  std::optional<uint64_t> size = parseUnsigned(descr.substr(2));
  if (!size) {
    error = quoted;
    return false;
  }
  dtype.size = unsigned(*size);
  bool sizeOk = false;
  switch (kindChar) {
  case 'b':
    dtype.kind = npy::DTypeKind::Bool;
    sizeOk = *size == 1;
    break;
  case 'i':
  case 'u':
    dtype.kind = kindChar == 'i' ? npy::DTypeKind::Int : npy::DTypeKind::UInt;
    sizeOk = *size == 1 || *size == 2 || *size == 4 || *size == 8;
    break;
  case 'f':
    dtype.kind = npy::DTypeKind::Float;
    sizeOk = *size == 2 || *size == 4 || *size == 8;
    break;
  default:
    error = quoted + " (supported: bool, intN, uintN, float16/32/64)";
    return false;
  }
  if (!sizeOk) {
    error = quoted;
    return false;
  }
  if (order == '>' && *size > 1) {
    error = "big-endian dtype '" + std::string(descr) + "' is not supported";
    return false;
  }
  if (order != '<' && order != '|' && order != '=' && order != '>') {
    error = quoted;
    return false;
  }
  return true;
}

namespace {
/// A cursor over the header's dict literal.
struct HeaderParser {
  string_view rest;

  void skipSpace() {
    size_t start = rest.find_first_not_of(" \t\r\n");
    rest.remove_prefix(start == string_view::npos ? rest.size() : start);
  }
  bool consume(char c) {
    skipSpace();
    if (rest.empty() || rest[0] != c)
      return false;
    rest.remove_prefix(1);
    return true;
  }
  std::optional<string_view> parseString() {
    skipSpace();
    if (rest.empty() || (rest[0] != '\'' && rest[0] != '"'))
      return std::nullopt;
    size_t end = rest.find(rest[0], 1);
    if (end == string_view::npos)
      return std::nullopt;
    string_view value = rest.substr(1, end - 1);
    rest.remove_prefix(end + 1);
    return value;
  }
  std::optional<string_view> parseWord() {
    skipSpace();
    size_t end = rest.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    if (end == 0)
      return std::nullopt;
    if (end == string_view::npos)
      end = rest.size();
    string_view word = rest.substr(0, end);
    rest.remove_prefix(end);
    return word;
  }
};
} // namespace

static string_view trim(string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == string_view::npos)
    return {};
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(start, end - start + 1);
}

/// Parses the header dict into dtype, fortran order and shape.
static bool parseHeader(string_view header, npy::Array &array,
                        std::string &error) {
  HeaderParser parser{header};
  auto malformed = [&](const std::string &what) {
    error =
        "malformed .npy header (" + what + "): " + std::string(trim(header));
    return false;
  };
  if (!parser.consume('{'))
    return malformed("expected '{'");
  bool haveDescr = false, haveOrder = false, haveShape = false;
  while (!parser.consume('}')) {
    std::optional<string_view> key = parser.parseString();
    if (!key || !parser.consume(':'))
      return malformed("expected a quoted key and ':'");
    if (*key == "descr") {
      std::optional<string_view> descr = parser.parseString();
      if (!descr)
        return malformed("descr is not a string; structured dtypes are not "
                         "supported");
      if (!parseDescr(*descr, array.dtype, error))
        return false;
      haveDescr = true;
    } else if (*key == "fortran_order") {
      std::optional<string_view> value = parser.parseWord();
      if (!value || (*value != "True" && *value != "False"))
        return malformed("fortran_order is not True or False");
      if (*value == "True") {
        error = "fortran_order arrays are not supported (save a C-order "
                "array, e.g. numpy.ascontiguousarray)";
        return false;
      }
      haveOrder = true;
    } else if (*key == "shape") {
      if (!parser.consume('('))
        return malformed("shape is not a tuple");
      array.shape.clear();
      while (!parser.consume(')')) {
        std::optional<string_view> word = parser.parseWord();
        std::optional<uint64_t> dim =
            word ? parseUnsigned(*word) : std::nullopt;
        if (!dim)
          return malformed("shape holds something else than sizes");
        array.shape.push_back(int64_t(*dim));
        if (!parser.consume(',')) {
          if (!parser.consume(')'))
            return malformed("expected ',' or ')' in shape");
          break;
        }
      }
      haveShape = true;
    } else {
      return malformed("unknown key '" + std::string(*key) + "'");
    }
    if (!parser.consume(',')) {
      if (!parser.consume('}'))
        return malformed("expected ',' or '}'");
      break;
    }
  }
  if (!haveDescr || !haveOrder || !haveShape)
    return malformed("needs descr, fortran_order and shape");
  return true;
}

bool npy::parseImage(string_view bytes, Array &array, std::string &error) {
  if (bytes.size() < kMagicSize + 4 ||
      bytes.substr(0, kMagicSize) != string_view(kMagic, kMagicSize)) {
    error = "not a .npy file (no \\x93NUMPY magic)";
    return false;
  }
  uint8_t major = bytes[kMagicSize];
  size_t headerStart = 0, headerSize = 0;
  auto byteAt = [&](size_t i) { return size_t(uint8_t(bytes[i])); };
  if (major == 1) {
    headerStart = kMagicSize + 4;
    headerSize = byteAt(8) | byteAt(9) << 8;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < kMagicSize + 6) {
      error = "truncated .npy header";
      return false;
    }
    headerStart = kMagicSize + 6;
    headerSize =
        byteAt(8) | byteAt(9) << 8 | byteAt(10) << 16 | byteAt(11) << 24;
  } else {
    error = "unsupported .npy format version " + std::to_string(major) + "." +
            std::to_string(unsigned(uint8_t(bytes[kMagicSize + 1])));
    return false;
  }
  if (bytes.size() < headerStart + headerSize) {
    error = "truncated .npy header";
    return false;
  }

  array = Array();
  if (!parseHeader(bytes.substr(headerStart, headerSize), array, error))
    return false;

  // Sizes come from the file: a shape whose byte count overflows cannot
  // match any data, so say so before multiplying out.
  int64_t expected = array.dtype.size;
  for (int64_t dim : array.shape)
    if (__builtin_mul_overflow(expected, dim, &expected)) {
      error = "shape " + shapeString(array.shape) + " of " +
              array.dtype.name() +
              " is too large (its byte count overflows 64 bits)";
      return false;
    }
  string_view data = bytes.substr(headerStart + headerSize);
  if (data.size() != uint64_t(expected)) {
    error = "data size " + std::to_string(data.size()) +
            " bytes does not match " + array.dtype.name() + " " +
            shapeString(array.shape) + " (" + std::to_string(expected) +
            " bytes)";
    return false;
  }
  array.data.assign(data.begin(), data.end());
  return true;
}

bool npy::readFile(const std::string &path, Array &array, std::string &error) {
  auto fail = [&](const std::string &reason) {
    error = "'" + path + "': " + reason;
    return false;
  };
  std::FILE *file = std::fopen(path.c_str(), "rb");
  if (!file)
    return fail(std::strerror(errno));
  std::string bytes;
  char chunk[1 << 16];
  size_t got = 0;
  while ((got = std::fread(chunk, 1, sizeof(chunk), file)) > 0)
    bytes.append(chunk, got);
  bool readError = std::ferror(file);
  int readErrno = errno;
  std::fclose(file);
  if (readError)
    // EISDIR and friends come from the first read.
    return fail(std::strerror(readErrno));
  std::string reason;
  if (!parseImage(bytes, array, reason))
    return fail(reason);
  return true;
}

static size_t alignTo(size_t value, size_t alignment) {
  return (value + alignment - 1) / alignment * alignment;
}

std::string npy::serialize(const Array &array) {
  std::string dict =
      "{'descr': '" + array.dtype.descr() +
      "', 'fortran_order': False, 'shape': " + shapeString(array.shape) + ", }";
  // Pad with spaces so that magic, version, length and header end on a
  // multiple of 64 bytes, the last header byte being '\n'.
  bool version1 = dict.size() + 1 + kMagicSize + 4 <= 65535;
  size_t prefix = kMagicSize + 2 + (version1 ? 2 : 4);
  size_t total = alignTo(prefix + dict.size() + 1, 64);
  dict.append(total - prefix - dict.size() - 1, ' ');
  dict += '\n';

  std::string bytes(kMagic, kMagicSize);
  bytes += char(version1 ? 1 : 2);
  bytes += char(0);
  size_t length = dict.size();
  for (unsigned i = 0, e = version1 ? 2 : 4; i < e; ++i)
    bytes += char((length >> (8 * i)) & 0xff);
  bytes += dict;
  bytes.append(reinterpret_cast<const char *>(array.data.data()),
               array.data.size());
  return bytes;
}

bool npy::writeFile(const std::string &path, const Array &array,
                    std::string &error) {
  std::string bytes = serialize(array);
  std::FILE *file = std::fopen(path.c_str(), "wb");
  bool ok =
      file && std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  int writeErrno = errno;
  if (file && std::fclose(file) != 0 && ok) {
    ok = false;
    writeErrno = errno;
  }
  if (!ok)
    error = "cannot write '" + path + "': " + std::strerror(writeErrno);
  return ok;
}
