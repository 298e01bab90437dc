//===- JsonStructure.h - Checks of a JSON text before parsing ---*- C++ -*-===//
//
// llvm::json::parse recurses once per nesting level (a file of 50000 '['
// overflows the stack) and keeps the last of duplicate object keys. Files
// that users hand to the tools are checked here first, without recursion.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_SUPPORT_JSONSTRUCTURE_H
#define SQZ_SUPPORT_JSONSTRUCTURE_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <optional>
#include <string>

namespace mlir::sqz {

/// What makes a JSON text unfit for reading, found by checkJsonStructure.
struct JsonStructureProblem {
  enum class Kind {
    /// Arrays and objects nest deeper than allowed.
    TooDeep,
    /// An object holds `key` twice.
    DuplicateKey,
  };
  Kind kind;
  /// The keys of the objects enclosing the problem, outermost first (array
  /// levels are not named).
  llvm::SmallVector<std::string> path;
  /// The repeated key (DuplicateKey only), as written between the quotes.
  std::string key;
  /// The byte offset of the problem in the text.
  size_t offset = 0;
};

/// Scans `text` (which need not be valid JSON; syntax errors are left to the
/// parser) for arrays and objects nested deeper than `maxDepth` and for
/// objects with a repeated key. Keys are compared as written, escapes
/// included. Returns the first problem, or std::nullopt.
std::optional<JsonStructureProblem> checkJsonStructure(llvm::StringRef text,
                                                       unsigned maxDepth);

} // namespace mlir::sqz

#endif // SQZ_SUPPORT_JSONSTRUCTURE_H
