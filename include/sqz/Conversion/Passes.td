//===- Passes.td - Conversion passes of Squeeze ------------*- tablegen -*-===//

#ifndef SQZ_CONVERSION_PASSES_TD
#define SQZ_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertSqzToLinalg : Pass<"convert-sqz-to-linalg", "ModuleOp"> {
  let summary = "Reference lowering of sqz ops to linalg with exact integer arithmetic";
  let description = [{
    Replaces every `sqz` op by plain tensors and `linalg.generic` /
    `arith` / `math`: the oracle that the fast lowerings are tested against.

    * `sqz.pack` / `sqz.unpack` disappear: a compressed value is carried as
      its parts (codes, scales, zero points). Constant codes narrower than 8
      bits are packed into bytes, two (int4) or four (int2) per byte along the
      last dimension, low bits first, and unpacked where they are read.
    * `sqz.quantize` computes `clamp(roundeven(x / s) + z)`; dynamic
      parameters are reduced from the input per granularity unit first.
    * `sqz.dequantize` computes `(q - z) * s` in f32, then converts to the
      expressed type.
    * `sqz.matmul` with both operands quantized, an lhs scale per tensor or
      per row and an rhs scale per tensor or per output channel runs in
      integers: `acc_i32 = sum_k (qa - za)(qw - zw)`, then
      `acc * sa * sw (+ bias)`. Any other mix dequantizes the compressed
      operands and multiplies in the expressed type.
    * `sqz.fake_quant` is quantize then dequantize in float; `sqz.observe` is
      the identity.

    Compressed values must not cross function or block boundaries, and sparse
    tensors are not lowered yet: both are errors.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect", "::mlir::tensor::TensorDialect"
  ];
}

#endif // SQZ_CONVERSION_PASSES_TD
