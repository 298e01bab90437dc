//===- CompileSupport.h - What the compiling tools share --------*- C++ -*-===//
//
// What sqz-run and sqz-compile share: parsing the model, the phase clock
// and the one-line error report.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_TOOLS_COMPILESUPPORT_H
#define SQZ_TOOLS_COMPILESUPPORT_H

#include "sqz/Codegen/CPU/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "mlir/Parser/Parser.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <string>
#include <utility>

namespace sqztools {

/// Wall time of the compile phases, so that a large model's compile time is
/// visible (and a slow phase named).
class CompileClock {
public:
  /// Ends the phase `name` (started at the previous mark).
  void mark(llvm::StringRef name) {
    auto now = std::chrono::steady_clock::now();
    phases.push_back(
        {name.str(), std::chrono::duration<double>(now - last).count()});
    last = now;
  }
  /// Prints "TOOL: compiled @NAME in T s (parse .., lowering .., LLVM ..)" when
  /// `always` or when the total is long enough to wonder about.
  void report(llvm::raw_ostream &os, llvm::StringRef tool,
              llvm::StringRef entry, bool always) {
    double total = 0;
    for (const auto &phase : phases)
      total += phase.second;
    if (!always && total < kSlowCompileSeconds)
      return;
    os << tool
       << llvm::format(": compiled @%s in %.2f s (", entry.str().c_str(),
                       total);
    for (auto [index, phase] : llvm::enumerate(phases))
      os << (index ? ", " : "") << phase.first
         << llvm::format(" %.2f s", phase.second);
    os << ")\n";
  }

private:
  static constexpr double kSlowCompileSeconds = 10.0;
  std::chrono::steady_clock::time_point last = std::chrono::steady_clock::now();
  llvm::SmallVector<std::pair<std::string, double>> phases;
};

/// Keeps the first error diagnostic, as "file:line:col: message", so that a
/// failure is reported on one line.
struct FirstErrorHandler {
  std::string first;
  mlir::ScopedDiagnosticHandler handler;

  explicit FirstErrorHandler(mlir::MLIRContext *context)
      : handler(context, [this](mlir::Diagnostic &diag) {
          if (diag.getSeverity() == mlir::DiagnosticSeverity::Error &&
              first.empty()) {
            llvm::raw_string_ostream os(first);
            if (auto loc =
                    diag.getLocation()->findInstanceOf<mlir::FileLineColLoc>())
              os << loc.getFilename().getValue() << ":" << loc.getLine() << ":"
                 << loc.getColumn() << ": ";
            os << diag.str();
          }
          return mlir::success();
        }) {}

  std::string take() {
    std::string result = first.empty() ? "unknown error" : first;
    first.clear();
    return result;
  }
};

/// The `threads` option of a compiling tool. LLVM's libraries register an
/// option of that name themselves: it is removed first, so that the tool's
/// own (sqz-lower-to-cpu's threads) takes the name. Call before parsing.
inline llvm::cl::opt<unsigned> &
threadsOption(llvm::cl::OptionCategory &category) {
  static llvm::cl::opt<unsigned> *option = [&] {
    auto &registered = llvm::cl::getRegisteredOptions();
    if (auto it = registered.find("threads"); it != registered.end())
      it->second->removeArgument();
    return new llvm::cl::opt<unsigned>(
        "threads",
        llvm::cl::desc("Threads of each CPU kernel call (sqz-lower-to-cpu's "
                       "threads option); 0: all hardware threads of the "
                       "machine running the model (default: 0)"),
        llvm::cl::value_desc("N"), llvm::cl::init(0), llvm::cl::cat(category));
  }();
  return *option;
}

/// The `weight-only-compute` option of a compiling tool: sqz-lower-to-cpu's
/// option of that name (a wrong word is reported with the allowed ones).
using WeightOnlyComputeOption =
    llvm::cl::opt<mlir::sqz::WeightOnlyCompute, false,
                  mlir::sqz::EnumOptionParser<mlir::sqz::WeightOnlyCompute>>;
inline WeightOnlyComputeOption &
weightOnlyComputeOption(llvm::cl::OptionCategory &category) {
  using mlir::sqz::WeightOnlyCompute;
  static WeightOnlyComputeOption option(
      "weight-only-compute",
      llvm::cl::desc("Arithmetic of weight-only quantized layers on the CPU "
                     "(sqz-lower-to-cpu's weight-only-compute option; "
                     "default: f32)"),
      mlir::sqz::weightOnlyComputeValues(),
      llvm::cl::init(WeightOnlyCompute::F32), llvm::cl::cat(category));
  return option;
}

/// Parses the model file `path` ("-": standard input). On failure returns
/// null and sets `error` to "cannot read 'PATH': ..." or "cannot parse
/// 'PATH': FILE:LINE:COL: ...".
inline mlir::OwningOpRef<mlir::ModuleOp>
parseModel(mlir::MLIRContext &context, llvm::StringRef path,
           FirstErrorHandler &diagnostics, std::string &error) {
  auto file = llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/true);
  if (!file) {
    error = "cannot read '" + path.str() + "': " + file.getError().message();
    return nullptr;
  }
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*file), llvm::SMLoc());
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr,
                                            mlir::ParserConfig(&context));
  if (!module)
    error = "cannot parse '" + path.str() + "': " + diagnostics.take();
  return module;
}

/// Whether `module` holds nothing but LLVM dialect ops: already lowered.
inline bool isLLVMDialectOnly(mlir::ModuleOp module) {
  mlir::WalkResult result = module->walk([&](mlir::Operation *op) {
    if (op != module.getOperation() &&
        !mlir::isa_and_nonnull<mlir::LLVM::LLVMDialect>(op->getDialect()))
      return mlir::WalkResult::interrupt();
    return mlir::WalkResult::advance();
  });
  return !result.wasInterrupted();
}

} // namespace sqztools

#endif // SQZ_TOOLS_COMPILESUPPORT_H
