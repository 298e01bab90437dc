//===- Gptq.h - GPTQ weight quantization ------------------------*- C++ -*-===//
//
// Quantization with error compensation through the inverse Hessian of the
// layer's input (Frantar et al., "GPTQ: Accurate Post-Training Quantization
// for Generative Pre-trained Transformers", 2022), on raw buffers.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_UTILS_GPTQ_H
#define SQZ_DIALECT_SQZ_UTILS_GPTQ_H

#include "sqz/Dialect/Sqz/Utils/QuantMath.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <string>

namespace mlir::sqz {

struct GptqOptions {
  /// The dampening: `damp * mean(diag(H))` is added to the diagonal.
  double damp = 0.01;
  /// Process the input channels in decreasing `diag(H)` order.
  bool actOrder = false;
  /// Input channels per lazy batch update.
  int64_t blockSize = 128;
};

/// Quantizes the weight `values` (row-major, of `shape`: `[K, N]`, `[N, K]`
/// when `transposed`, or either with a leading batch dimension, each batch
/// quantized on its own) with the scheme `quant` by GPTQ, given the
/// `hessian` `XᵀX` (`K x K`, row-major) of the layer's input.
///
/// `result` must hold the round-to-nearest quantization of `values` by
/// `quantizeBuffer`: its per-tensor and per-channel parameters are kept (the
/// reference implementation computes them once from the original weight);
/// per-group parameters are recomputed from the error-compensated weights
/// when the group's first input channel is reached. Codes and the error
/// energies are replaced.
///
/// `keep`, when not empty, is one flag per element: an element whose flag is
/// false (pruned) is quantized to the code of zero and its error propagated
/// like any other, so that it stays exactly zero.
///
/// Returns false, with `why` set and `result` untouched, when the dampened
/// Hessian or its inverse is not positive definite (Cholesky fails).
bool gptqQuantize(llvm::ArrayRef<float> values, llvm::ArrayRef<int64_t> shape,
                  bool transposed, QuantAttr quant,
                  llvm::ArrayRef<double> hessian, const GptqOptions &options,
                  llvm::ArrayRef<bool> keep, QuantizedBuffer &result,
                  std::string &why);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_UTILS_GPTQ_H
