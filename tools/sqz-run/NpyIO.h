//===- NpyIO.h - Reading and writing NumPy .npy files -----------*- C++ -*-===//
//
// The .npy reader and writer live in the SqueezeSupport library; this header
// keeps the tool's include working.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_TOOLS_SQZ_RUN_NPYIO_H
#define SQZ_TOOLS_SQZ_RUN_NPYIO_H

#include "sqz/Support/NpyIO.h"

#endif // SQZ_TOOLS_SQZ_RUN_NPYIO_H
