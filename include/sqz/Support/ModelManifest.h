//===- ModelManifest.h - What a compiled model library holds ----*- C++ -*-===//
//
// `sqz-compile` puts a manifest into every model library it makes, as the
// NUL-terminated string `sqz_model_manifest`, so that a runner without LLVM
// or MLIR (sqz-exec) knows the target and each entry point's arguments and
// results. The text, one item per line:
//
//   sqz-model 1                          format version
//   target cpu                           cpu or cuda
//   entry NAME                           a public function; called through
//                                        `void _sqz_packed_NAME(void **)`
//   arg KIND DESCR DIMS TYPE             its arguments in order, then
//   result KIND DESCR DIMS TYPE          its results in order
//
// KIND is `m` (a memref descriptor) or `s` (a scalar); DESCR the numpy dtype
// ("<f4", "|i1"); DIMS the sizes separated by commas, `?` for a dynamic one,
// `.` for none (scalars and 0-d tensors); TYPE the MLIR type, for messages.
// Plain C++ (no LLVM), shared by the writer and the readers.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_SUPPORT_MODELMANIFEST_H
#define SQZ_SUPPORT_MODELMANIFEST_H

#include "sqz/Support/EntryCall.h"

#include <string>
#include <string_view>
#include <vector>

namespace mlir::sqz::manifest {

/// The manifest's symbol in a model library.
inline constexpr char kSymbolName[] = "sqz_model_manifest";
/// The prefix of each entry's packed wrapper: `_sqz_packed_NAME`.
inline constexpr char kPackedPrefix[] = "_sqz_packed_";
inline constexpr unsigned kVersion = 1;

/// An argument or result: its C view and its MLIR type text.
struct Value : entry::Value {
  std::string typeText;
};

struct Entry {
  std::string name;
  std::vector<Value> args, results;
};

struct Manifest {
  std::string target; // "cpu" or "cuda"
  std::vector<Entry> entries;

  /// The entry named `name`, or null.
  const Entry *find(std::string_view name) const;
};

/// The manifest as text.
std::string print(const Manifest &manifest);

/// Parses manifest text; on failure returns false with a one-line `error`.
bool parse(std::string_view text, Manifest &manifest, std::string &error);

} // namespace mlir::sqz::manifest

#endif // SQZ_SUPPORT_MODELMANIFEST_H
