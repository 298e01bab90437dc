//===- SqzTypes.h - Types of the sqz dialect --------------------*- C++ -*-===//

#ifndef SQZ_DIALECT_SQZ_IR_SQZTYPES_H
#define SQZ_DIALECT_SQZ_IR_SQZTYPES_H

#include "sqz/Dialect/Sqz/IR/SqzAttrs.h"

#include "mlir/IR/BuiltinTypeInterfaces.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Types.h"

#define GET_TYPEDEF_CLASSES
#include "sqz/Dialect/Sqz/IR/SqzOpsTypes.h.inc"

#endif // SQZ_DIALECT_SQZ_IR_SQZTYPES_H
