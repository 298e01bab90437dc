//===- SqzDialect.cpp - The sqz dialect -----------------------------------===//

#include "sqz/Dialect/Sqz/IR/SqzOps.h"

#include "mlir/IR/DialectImplementation.h"

using namespace mlir;
using namespace mlir::sqz;

#include "sqz/Dialect/Sqz/IR/SqzOpsDialect.cpp.inc"

void SqzDialect::initialize() {
  registerAttributes();
  registerTypes();
  addOperations<
#define GET_OP_LIST
#include "sqz/Dialect/Sqz/IR/SqzOps.cpp.inc"
      >();
}
