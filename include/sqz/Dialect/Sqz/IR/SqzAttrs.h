//===- SqzAttrs.h - Attributes of the sqz dialect ---------------*- C++ -*-===//

#ifndef SQZ_DIALECT_SQZ_IR_SQZATTRS_H
#define SQZ_DIALECT_SQZ_IR_SQZATTRS_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"

#include "sqz/Dialect/Sqz/IR/SqzEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "sqz/Dialect/Sqz/IR/SqzAttrs.h.inc"

#endif // SQZ_DIALECT_SQZ_IR_SQZATTRS_H
