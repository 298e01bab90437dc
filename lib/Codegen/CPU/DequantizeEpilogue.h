//===- DequantizeEpilogue.h - The W8A8 epilogue of an int8 product -*- C++
//-*-===//
//
// The elementwise op that dequantizes the i32 product of a W8A8 layer, as
// sqz-fold-scales leaves it:
//
//   y[m, n] = sitofp(acc[m, n]) * (rowScale[m] * columnScale[n]) (+ bias[n])
//
// with run-time row scales (the dynamic activation quantization's) and
// constant column scales and bias. The int8 kernels can apply it to their
// sums in registers (`gemm_s8_scaled_*`), in the same order of operations.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_CODEGEN_CPU_DEQUANTIZEEPILOGUE_H
#define SQZ_LIB_CODEGEN_CPU_DEQUANTIZEEPILOGUE_H

#include "EpilogueTail.h"

#include "sqz/Codegen/CPU/KernelCalls.h"
#include "sqz/Runtime/WeightPacking.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"

#include <optional>
#include <vector>

namespace mlir::sqz {

struct DequantizeEpilogue {
  linalg::GenericOp op;
  /// The 1-D f32 tensor of row scales.
  Value rowScales;
  std::vector<float> columnScales;
  /// Empty when there is no bias.
  std::vector<float> bias;
};

/// The epilogue that is the only user of the 2-D i32 `product`, if it has
/// that form.
std::optional<DequantizeEpilogue> matchDequantizeEpilogue(Value product);

/// The values of `value` when it is a constant 1-D f32 tensor of `n`
/// elements (`dense` or `dense_resource`): column scales or a bias.
std::optional<std::vector<float>> constantColumnValues(Value value, int64_t n);

/// At the rewriter's insertion point: a call of `kernel`, an int8 kernel's
/// scaled variant whose weight `globals` (packed weight, and correction for
/// VNNI) are in `layout`, on `input`, dequantizing the sums by
/// `columnScales`, `bias` (none when empty) and the row scales that
/// `rowOperands` give the kernel (`gemm_s8_scaled_*`: the row scales'
/// buffer; `gemm_s8_quantized_*`, which quantizes an f32 `input` itself:
/// qmin and qmax), then applying `tail` (none when null; the insertion
/// point must then be at or after its op's operands): the f32 `resultType`
/// tensor. `withActivation`: the kernel takes the activation operand (the
/// AVX-512 ones).
Value emitDequantizedCall(KernelCallBuilder &builder, Location loc,
                          StringRef kernel, sqzrt::GemmLayout layout,
                          Value input, ValueRange rowOperands,
                          ArrayRef<float> columnScales, ArrayRef<float> bias,
                          RankedTensorType resultType,
                          SmallVector<memref::GlobalOp> globals,
                          const EpilogueTail *tail, bool withActivation);

} // namespace mlir::sqz

#endif // SQZ_LIB_CODEGEN_CPU_DEQUANTIZEEPILOGUE_H
