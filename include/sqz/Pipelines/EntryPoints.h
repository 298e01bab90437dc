//===- EntryPoints.h - The C view of lowered entry points -------*- C++ -*-===//
//
// After `sqz-lower-to-cpu` (or the GPU pipeline), every public function
// carries its tensor-level type in `sqz.signature` and has a
// `_mlir_ciface_NAME` wrapper. These helpers turn that into the description
// runners use (`sqz/Support/ModelManifest.h`): what sqz-run checks its
// inputs against and what sqz-compile writes into a model library.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_PIPELINES_ENTRYPOINTS_H
#define SQZ_PIPELINES_ENTRYPOINTS_H

#include "sqz/Support/ModelManifest.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Types.h"

#include <optional>
#include <string>

namespace mlir::sqz {

/// The C view of an argument or result of type `type` (a ranked tensor or
/// memref with the identity layout, or a scalar whose element type has a
/// .npy equivalent). On failure returns nullopt and sets `error` to the
/// end of a sentence that starts with the value's name: "has type ...;
/// only ...".
std::optional<manifest::Value> describeEntryValue(Type type,
                                                  std::string &error);

/// The entry point `name` of a lowered module: its `sqz.signature` and C
/// wrapper checked. On failure returns nullopt and sets `error` to a
/// sentence.
std::optional<manifest::Entry>
describeEntryPoint(ModuleOp module, StringRef name, std::string &error);

/// The public functions of a lowered module that have a C wrapper, in
/// module order.
SmallVector<std::string> listEntryPoints(ModuleOp module);

} // namespace mlir::sqz

#endif // SQZ_PIPELINES_ENTRYPOINTS_H
