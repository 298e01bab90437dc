//===- NpyIO.cpp - Reading and writing NumPy .npy files -------------------===//
//
// Format: the magic "\x93NUMPY", a major and minor version byte, the header
// length (uint16 for 1.0, uint32 for 2.0 and 3.0), then a Python dict literal
// `{'descr': '<f4', 'fortran_order': False, 'shape': (4, 8), }` padded with
// spaces and a newline to a multiple of 64 bytes, then the raw data.
//
//===----------------------------------------------------------------------===//

#include "sqz/Support/NpyIO.h"
#include "sqz/Support/WriteFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace mlir::sqz;
using llvm::StringRef;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

static constexpr char kMagic[] = "\x93NUMPY";
static constexpr size_t kMagicSize = 6;

std::string npy::DType::descr() const {
  char kindChar = kind == DTypeKind::Bool   ? 'b'
                  : kind == DTypeKind::Int  ? 'i'
                  : kind == DTypeKind::UInt ? 'u'
                                            : 'f';
  return (llvm::Twine(size == 1 ? '|' : '<') + llvm::Twine(kindChar) +
          llvm::Twine(size))
      .str();
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
  llvm_unreachable("unknown dtype kind");
}

int64_t npy::Array::numElements() const {
  int64_t count = 1;
  for (int64_t dim : shape)
    count *= dim;
  return count;
}

std::string npy::shapeString(llvm::ArrayRef<int64_t> shape) {
  std::string text = "(";
  for (auto [index, dim] : llvm::enumerate(shape)) {
    if (index)
      text += ", ";
    text += std::to_string(dim);
  }
  if (shape.size() == 1)
    text += ",";
  return text + ")";
}

/// Parses a dtype descriptor such as "<f4".
static llvm::Expected<npy::DType> parseDescr(StringRef descr) {
  if (descr.size() < 3)
    return makeError("unsupported dtype '" + descr + "'");
  char order = descr[0];
  char kindChar = descr[1];
  unsigned size = 0;
  if (descr.drop_front(2).getAsInteger(10, size))
    return makeError("unsupported dtype '" + descr + "'");
  npy::DType dtype;
  dtype.size = size;
  switch (kindChar) {
  case 'b':
    dtype.kind = npy::DTypeKind::Bool;
    if (size != 1)
      return makeError("unsupported dtype '" + descr + "'");
    break;
  case 'i':
  case 'u':
    dtype.kind = kindChar == 'i' ? npy::DTypeKind::Int : npy::DTypeKind::UInt;
    if (size != 1 && size != 2 && size != 4 && size != 8)
      return makeError("unsupported dtype '" + descr + "'");
    break;
  case 'f':
    dtype.kind = npy::DTypeKind::Float;
    if (size != 2 && size != 4 && size != 8)
      return makeError("unsupported dtype '" + descr + "'");
    break;
  default:
    return makeError("unsupported dtype '" + descr +
                     "' (supported: bool, intN, uintN, float16/32/64)");
  }
  if (order == '>' && size > 1)
    return makeError("big-endian dtype '" + descr + "' is not supported");
  if (order != '<' && order != '|' && order != '=' && order != '>')
    return makeError("unsupported dtype '" + descr + "'");
  return dtype;
}

namespace {
/// A cursor over the header's dict literal.
struct HeaderParser {
  StringRef rest;

  void skipSpace() { rest = rest.ltrim(" \t\r\n"); }
  bool consume(char c) {
    skipSpace();
    if (!rest.starts_with(StringRef(&c, 1)))
      return false;
    rest = rest.drop_front();
    return true;
  }
  std::optional<StringRef> parseString() {
    skipSpace();
    if (rest.empty() || (rest[0] != '\'' && rest[0] != '"'))
      return std::nullopt;
    char quote = rest[0];
    size_t end = rest.find(quote, 1);
    if (end == StringRef::npos)
      return std::nullopt;
    StringRef value = rest.slice(1, end);
    rest = rest.drop_front(end + 1);
    return value;
  }
  std::optional<StringRef> parseWord() {
    skipSpace();
    size_t end = rest.find_first_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    if (end == 0)
      return std::nullopt;
    StringRef word = rest.take_front(end);
    rest = rest.drop_front(word.size());
    return word;
  }
};
} // namespace

/// Parses the header dict into dtype, fortran order and shape.
static llvm::Error parseHeader(StringRef header, npy::Array &array) {
  HeaderParser parser{header};
  auto malformed = [&](const llvm::Twine &what) {
    return makeError("malformed .npy header (" + what + "): " + header.trim());
  };
  if (!parser.consume('{'))
    return malformed("expected '{'");
  bool haveDescr = false, haveOrder = false, haveShape = false;
  while (!parser.consume('}')) {
    std::optional<StringRef> key = parser.parseString();
    if (!key || !parser.consume(':'))
      return malformed("expected a quoted key and ':'");
    if (*key == "descr") {
      std::optional<StringRef> descr = parser.parseString();
      if (!descr)
        return malformed("descr is not a string; structured dtypes are not "
                         "supported");
      llvm::Expected<npy::DType> dtype = parseDescr(*descr);
      if (!dtype)
        return dtype.takeError();
      array.dtype = *dtype;
      haveDescr = true;
    } else if (*key == "fortran_order") {
      std::optional<StringRef> value = parser.parseWord();
      if (!value || (*value != "True" && *value != "False"))
        return malformed("fortran_order is not True or False");
      if (*value == "True")
        return makeError("fortran_order arrays are not supported (save a "
                         "C-order array, e.g. numpy.ascontiguousarray)");
      haveOrder = true;
    } else if (*key == "shape") {
      if (!parser.consume('('))
        return malformed("shape is not a tuple");
      array.shape.clear();
      while (!parser.consume(')')) {
        std::optional<StringRef> word = parser.parseWord();
        int64_t dim = 0;
        if (!word || word->getAsInteger(10, dim) || dim < 0)
          return malformed("shape holds something else than sizes");
        array.shape.push_back(dim);
        if (!parser.consume(',')) {
          if (!parser.consume(')'))
            return malformed("expected ',' or ')' in shape");
          break;
        }
      }
      haveShape = true;
    } else {
      return malformed("unknown key '" + *key + "'");
    }
    if (!parser.consume(',')) {
      if (!parser.consume('}'))
        return malformed("expected ',' or '}'");
      break;
    }
  }
  if (!haveDescr || !haveOrder || !haveShape)
    return malformed("needs descr, fortran_order and shape");
  return llvm::Error::success();
}

llvm::Expected<npy::Array> npy::parse(StringRef bytes) {
  if (bytes.size() < kMagicSize + 4 ||
      !bytes.starts_with(StringRef(kMagic, kMagicSize)))
    return makeError("not a .npy file (no \\x93NUMPY magic)");
  uint8_t major = bytes[kMagicSize];
  size_t headerStart = 0, headerSize = 0;
  auto byteAt = [&](size_t i) { return size_t(uint8_t(bytes[i])); };
  if (major == 1) {
    headerStart = kMagicSize + 4;
    headerSize = byteAt(8) | byteAt(9) << 8;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < kMagicSize + 6)
      return makeError("truncated .npy header");
    headerStart = kMagicSize + 6;
    headerSize =
        byteAt(8) | byteAt(9) << 8 | byteAt(10) << 16 | byteAt(11) << 24;
  } else {
    return makeError("unsupported .npy format version " +
                     llvm::Twine(unsigned(major)) + "." +
                     llvm::Twine(unsigned(uint8_t(bytes[kMagicSize + 1]))));
  }
  if (bytes.size() < headerStart + headerSize)
    return makeError("truncated .npy header");

  Array array;
  if (llvm::Error error =
          parseHeader(bytes.substr(headerStart, headerSize), array))
    return std::move(error);

  // Sizes come from the file: a shape whose byte count overflows cannot
  // match any data, so say so before multiplying out.
  int64_t expected = array.dtype.size;
  for (int64_t dim : array.shape)
    if (llvm::MulOverflow(expected, dim, expected))
      return makeError("shape " + shapeString(array.shape) + " of " +
                       array.dtype.name() +
                       " is too large (its byte count "
                       "overflows 64 bits)");
  StringRef data = bytes.drop_front(headerStart + headerSize);
  if (data.size() != uint64_t(expected))
    return makeError("data size " + llvm::Twine(data.size()) +
                     " bytes does not match " + array.dtype.name() + " " +
                     shapeString(array.shape) + " (" + llvm::Twine(expected) +
                     " bytes)");
  array.data.assign(data.begin(), data.end());
  return array;
}

llvm::Expected<npy::Array> npy::read(StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer)
    return makeError("'" + path + "': " + buffer.getError().message());
  llvm::Expected<Array> array = parse((*buffer)->getBuffer());
  if (!array)
    return makeError("'" + path + "': " + llvm::toString(array.takeError()));
  return array;
}

std::string npy::serialize(const Array &array) {
  std::string dict =
      "{'descr': '" + array.dtype.descr() +
      "', 'fortran_order': False, 'shape': " + shapeString(array.shape) + ", }";
  // Pad with spaces so that magic, version, length and header end on a
  // multiple of 64 bytes, the last header byte being '\n'.
  bool version1 = dict.size() + 1 + kMagicSize + 4 <= 65535;
  size_t prefix = kMagicSize + 2 + (version1 ? 2 : 4);
  size_t total = llvm::alignTo(prefix + dict.size() + 1, 64);
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

llvm::Error npy::write(StringRef path, const Array &array) {
  return writeFile(path, serialize(array));
}
