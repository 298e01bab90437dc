//===- EnumOption.h - Pass options that take one of a few words -*- C++ -*-===//
//
// A pass option of an enum type (`granularity=tensor|channel|group`) lists
// its words in --help through llvm::cl::values. Its parser here also names
// them when it rejects a word:
//
//   sqz-opt: for the --granularity option: 'chanel' is not one of: tensor,
//   channel, group
//
// SQZ_ENUM_OPTION(T), at namespace scope before a pass or pipeline declares
// an option of type T, makes every pass option of type T use it.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_SUPPORT_ENUMOPTION_H
#define SQZ_SUPPORT_ENUMOPTION_H

#include "mlir/Pass/PassOptions.h"

#include <optional>
#include <string>

namespace mlir::sqz {

template <typename EnumT>
struct EnumOptionParser : public llvm::cl::parser<EnumT> {
  using llvm::cl::parser<EnumT>::parser;

  /// Returns true on error, as llvm::cl parsers do.
  bool parse(llvm::cl::Option &option, StringRef argName, StringRef arg,
             EnumT &value) {
    std::string allowed;
    for (auto &entry : this->Values) {
      if (entry.Name == arg) {
        value = entry.V.getValue();
        return false;
      }
      allowed += (allowed.empty() ? "" : ", ") + entry.Name.str();
    }
    return option.error("'" + arg + "' is not one of: " + allowed);
  }

  /// The word of `value` (what PassOptions prints pipelines with).
  std::optional<StringRef> findArgStrForValue(const EnumT &value) {
    for (auto &entry : this->Values)
      if (entry.V.compare(value))
        return entry.Name;
    return std::nullopt;
  }
};

} // namespace mlir::sqz

#define SQZ_ENUM_OPTION(EnumT)                                                 \
  template <>                                                                  \
  struct mlir::detail::PassOptions::GenericOptionParser<EnumT>                 \
      : public ::mlir::sqz::EnumOptionParser<EnumT> {                          \
    using ::mlir::sqz::EnumOptionParser<EnumT>::EnumOptionParser;              \
  };

#endif // SQZ_SUPPORT_ENUMOPTION_H
