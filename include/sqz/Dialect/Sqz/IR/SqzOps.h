//===- SqzOps.h - Operations of the sqz dialect -----------------*- C++ -*-===//

#ifndef SQZ_DIALECT_SQZ_IR_SQZOPS_H
#define SQZ_DIALECT_SQZ_IR_SQZOPS_H

#include "sqz/Dialect/Sqz/IR/SqzAttrs.h"
#include "sqz/Dialect/Sqz/IR/SqzDialect.h"
#include "sqz/Dialect/Sqz/IR/SqzTypes.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "sqz/Dialect/Sqz/IR/SqzOps.h.inc"

#endif // SQZ_DIALECT_SQZ_IR_SQZOPS_H
