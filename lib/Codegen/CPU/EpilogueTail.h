//===- EpilogueTail.h - The elementwise op after a W8A8 layer ---*- C++ -*-===//
//
// What the scaled int8 kernels (`gemm_s8_scaled_*`, `gemm_s8_quantized_*`)
// apply to a W8A8 layer's dequantized result in registers besides the
// dequantization, when the layer's next op does it and nothing else reads
// the result:
//
//   GELU, erf form:  y * ((erf(y / c) + 1) * 0.5), c the f32 sqrt 2
//                    (torch-mlir's decomposition of `aten.gelu`)
//   residual add:    y + r, r a tensor of y's shape
//
// The op may read the result through one `tensor.expand_shape` (a layer on
// [B * S, N] rows whose consumer works on [B, S, N]).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_LIB_CODEGEN_CPU_EPILOGUETAIL_H
#define SQZ_LIB_CODEGEN_CPU_EPILOGUETAIL_H

#include "sqz/Codegen/CPU/KernelCalls.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <optional>

namespace mlir::sqz {

struct EpilogueTail {
  /// The op the call's result replaces.
  linalg::GenericOp op;
  bool gelu = false;
  /// The residual, in `op`'s shape; null for GELU.
  Value addend;
  /// The reshape between the layer's result and `op`, or null.
  tensor::ExpandShapeOp expand;
};

/// The tail that the only user of the 2-D f32 `result` (or of its one
/// reshape) is, if the kernels apply it; GELU only `withGelu` (the AVX-512
/// kernels).
std::optional<EpilogueTail> matchEpilogueTail(Value result, bool withGelu);

/// At the rewriter's insertion point: the kernels' 2-D `addend` operand,
/// the tail's residual as [rows, columns] or, when there is none (or no
/// tail), an empty buffer of no rows.
Value addendOperand(KernelCallBuilder &builder, Location loc,
                    const EpilogueTail *tail, int64_t columns);

/// Replaces the tail's op by the call's 2-D result `y`, reshaped as the
/// tail's reshape did, and erases that reshape; the layer's old result is
/// then unused.
void replaceTail(RewriterBase &rewriter, const EpilogueTail &tail, Value y);

} // namespace mlir::sqz

#endif // SQZ_LIB_CODEGEN_CPU_EPILOGUETAIL_H
