//===- SqzTypes.h - Types of the sqz dialect --------------------*- C++ -*-===//

#ifndef SQZ_DIALECT_SQZ_IR_SQZTYPES_H
#define SQZ_DIALECT_SQZ_IR_SQZTYPES_H

#include "sqz/Dialect/Sqz/IR/SqzAttrs.h"

#include "mlir/IR/BuiltinTypeInterfaces.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"

#include <string>

#define GET_TYPEDEF_CLASSES
#include "sqz/Dialect/Sqz/IR/SqzOpsTypes.h.inc"

namespace mlir::sqz {
/// A shape as `[4, ?, 64]`, for diagnostics.
std::string shapeText(llvm::ArrayRef<int64_t> shape);
} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_IR_SQZTYPES_H
