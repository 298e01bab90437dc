//===- Passes.h - Conversion passes of Squeeze ------------------*- C++ -*-===//

#ifndef SQZ_CONVERSION_PASSES_H
#define SQZ_CONVERSION_PASSES_H

#include "sqz/Conversion/SqzToLinalg/SqzToLinalg.h"

namespace mlir::sqz {

#define GEN_PASS_REGISTRATION
#include "sqz/Conversion/Passes.h.inc"

} // namespace mlir::sqz

#endif // SQZ_CONVERSION_PASSES_H
