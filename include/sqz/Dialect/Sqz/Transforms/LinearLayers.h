//===- LinearLayers.h - Finding and replacing linear layers -----*- C++ -*-===//
//
// The linear layers `y = x W (+ b)` that importers emit as linalg
// contractions, found through their indexing maps, and their replacement by
// an sqz.matmul on a compressed weight. Shared by the passes that compress
// weights (quantization, pruning).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_LINEARLAYERS_H
#define SQZ_DIALECT_SQZ_TRANSFORMS_LINEARLAYERS_H

#include "sqz/Dialect/Sqz/IR/SqzOps.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

#include <string>

namespace mlir::sqz {

/// A linear layer `y = x W (+ b)` found in the IR: what the rewrite builds
/// the sqz.matmul from, and the ops it replaces.
struct LinearLayer {
  /// The contraction that computes `x W`.
  linalg::LinalgOp contraction;
  /// The activation `x`, `[M, K]` or `[B, M, K]`.
  Value input;
  /// The constant weight as stored: `[K, N]`, `[N, K]` when
  /// `weightTransposed`, or one per batch, `[B, K, N]` / `[B, N, K]`.
  Value weight;
  bool weightTransposed = false;
  /// The `[N]` bias of an add that follows the contraction, and that add,
  /// whose result the sqz.matmul replaces; null when there is none.
  Value bias;
  Operation *biasAdd = nullptr;

  /// The axes of `weight` that hold the output channels (N) and the
  /// reduction (K).
  int64_t channelAxis() const;
  int64_t reductionAxis() const;
};

/// Recognises a contraction `x W` with a zero accumulator and finds how it
/// reads its weight: a linalg.matmul, linalg.batch_matmul or linalg.generic
/// whose result is `[M, N]` or `[B, M, N]`, whose activation is read with the
/// result's rows and `K` (`[M, K]`, `[B, M, K]`) and whose weight, seen
/// through transposes and broadcasts, is a 2-D `[K, N]` / `[N, K]` shared by
/// all rows or a 3-D `[B, K, N]` / `[B, N, K]` per batch. Sets `why` on
/// failure.
FailureOr<LinearLayer> matchLinearLayer(linalg::LinalgOp op, std::string &why);

/// Looks through ops that only move the elements of `value` around (linalg
/// ops with one tensor input, parallel loops and a body that yields the
/// input element, such as `linalg.transpose` and `linalg.broadcast`) and
/// returns the tensor they read; `map`, which reads `value` from some loops,
/// is rewritten to read that tensor from the same loops.
Value lookThroughDataMovement(Value value, AffineMap &map);

/// A contraction that `matchLinearLayer` accepts, with the name statistics
/// and reports know it by.
struct NamedLinearLayer {
  linalg::LinalgOp op;
  std::string name;
};

/// A layer of a module and its name: a contraction that `matchLinearLayer`
/// accepts, or an `sqz.matmul`.
struct NamedLayer {
  Operation *op;
  std::string name;
};

/// Whether the layer's weight operand (seen through data movement) is a
/// constant or made by an `sqz` op (a dequantized compressed weight), as
/// opposed to a computed activation (attention's `Q Kᵀ` and `P V`).
bool hasWeightOperand(const LinearLayer &layer);

/// The layers under `root` in program order (a pre-order walk of every
/// function), linalg contractions that `matchLinearLayer` accepts and
/// `sqz.matmul` ops, with their names: the `sqz.layer` string attribute when
/// the op has one, else `<function>.linear<i>` for the `i`-th layer with a
/// weight (`hasWeightOperand`, every `sqz.matmul`) of its function and
/// `<function>.matmul<j>` for the `j`-th contraction of two activations.
/// The two are counted apart, so that a weight layer's name does not depend
/// on the attention around it. This is the one naming of layers that every
/// pass, the statistics files and `sqz-report` use.
SmallVector<NamedLayer> findNamedLayers(Operation *root);

/// The layers of `findNamedLayers` that are linalg contractions (the ones
/// the compression passes rewrite), with the same names. Passes that key
/// data by layer call this before rewriting anything, so that they all name
/// the layers of a module the same way.
SmallVector<NamedLinearLayer> findNamedLinearLayers(Operation *root);

/// Records as the layer's bias the `[N]` vector `b` when the contraction's
/// only user computes `y + b` broadcast along the rows and nothing else: a
/// `linalg.generic` or `linalg.add` (the bias read through a broadcast), or
/// an `arith.addf` on tensors of the broadcast bias.
void matchBiasAdd(LinearLayer &layer);

/// Replaces `layer` (and its bias add, when matched) by an `sqz.matmul` of
/// its input and `weight`, a compressed tensor with the weight's shape, and
/// erases what only the layer read. `weightHolder`, the op that held the
/// float weight, is erased too when it is a private `ml_program.global` that
/// nothing loads any more. The layer's `sqz.layer` name moves to the new op.
MatmulOp replaceLinearLayer(RewriterBase &rewriter, LinearLayer &layer,
                            Value weight, Operation *weightHolder);

/// The insertion point for the constants of `layer`'s compressed weight:
/// before its last op (the bias add when there is one, as the bias is
/// defined before it).
Operation *lastOpOf(const LinearLayer &layer);

/// Whether the contraction `body` is `yield(acc + a * b)` in floats (either
/// order of either op) and nothing else.
bool isFloatMultiplyAdd(Block &body);

/// Whether `body` is `yield(acc + extf(a) * extf(b))`, the product in the
/// accumulator's wider type (either order of either op), and nothing else:
/// a half-precision contraction into f32.
bool isWideningFloatMultiplyAdd(Block &body);

/// How the i8 multiply-add `body` of a contraction (`yield(out + ext(x) *
/// extsi(w))` into an i32 accumulator, operands of either op in either
/// order) extends the activation `x`, block argument `inputIndex`: true for
/// `arith.extui` (unsigned codes), false for `arith.extsi`; std::nullopt
/// when `body` is no such multiply-add. The body the integer matmul of
/// `sqz-fold-scales` has, which the CPU and GPU kernels take.
std::optional<bool> int8InputIsUnsigned(Block &body, unsigned inputIndex);

} // namespace mlir::sqz

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_LINEARLAYERS_H
