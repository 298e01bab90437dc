//===- JsonStructure.cpp - Checks of a JSON text before parsing -----------===//

#include "sqz/Support/JsonStructure.h"

#include "llvm/ADT/StringSet.h"

#include <vector>

using namespace mlir::sqz;

namespace {
/// One open array or object.
struct Level {
  bool isObject = false;
  /// The keys seen so far (objects).
  llvm::StringSet<> keys;
  /// The key whose value is being read (objects).
  std::string currentKey;
  /// Whether the next string of this object is a key.
  bool expectKey = true;
};
} // namespace

std::optional<JsonStructureProblem>
mlir::sqz::checkJsonStructure(llvm::StringRef text, unsigned maxDepth) {
  std::vector<Level> levels;
  auto pathOf = [&]() {
    llvm::SmallVector<std::string> path;
    for (size_t i = 0; i + 1 < levels.size(); ++i)
      if (levels[i].isObject)
        path.push_back(levels[i].currentKey);
    return path;
  };
  size_t i = 0, n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '"') {
      size_t start = ++i;
      while (i < n && text[i] != '"')
        i += text[i] == '\\' ? 2 : 1;
      llvm::StringRef contents = text.slice(start, std::min(i, n));
      ++i;
      if (levels.empty() || !levels.back().isObject || !levels.back().expectKey)
        continue;
      Level &level = levels.back();
      level.expectKey = false;
      level.currentKey = contents.str();
      if (!level.keys.insert(contents).second) {
        JsonStructureProblem problem{JsonStructureProblem::Kind::DuplicateKey,
                                     {},
                                     contents.str(),
                                     start - 1};
        for (const Level &outer : levels)
          if (&outer != &level && outer.isObject)
            problem.path.push_back(outer.currentKey);
        return problem;
      }
      continue;
    }
    if (c == '[' || c == '{') {
      if (levels.size() >= maxDepth) {
        levels.emplace_back();
        return JsonStructureProblem{JsonStructureProblem::Kind::TooDeep,
                                    pathOf(), "", i};
      }
      levels.emplace_back();
      levels.back().isObject = c == '{';
    } else if (c == ']' || c == '}') {
      if (!levels.empty())
        levels.pop_back();
    } else if (c == ',') {
      if (!levels.empty())
        levels.back().expectKey = true;
    }
    ++i;
  }
  return std::nullopt;
}
