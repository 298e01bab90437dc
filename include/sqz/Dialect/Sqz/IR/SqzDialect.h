//===- SqzDialect.h - The sqz dialect ---------------------------*- C++ -*-===//

#ifndef SQZ_DIALECT_SQZ_IR_SQZDIALECT_H
#define SQZ_DIALECT_SQZ_IR_SQZDIALECT_H

#include "mlir/IR/Dialect.h"

#include "sqz/Dialect/Sqz/IR/SqzOpsDialect.h.inc"

#endif // SQZ_DIALECT_SQZ_IR_SQZDIALECT_H
