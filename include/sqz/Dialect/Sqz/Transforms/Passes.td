//===- Passes.td - Transformation passes of the sqz dialect -*- tablegen -*-===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_PASSES_TD
#define SQZ_DIALECT_SQZ_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def SqzQuantizeWeights : Pass<"sqz-quantize-weights", "ModuleOp"> {
  let summary = "Quantizes the constant weights of linear layers (round to nearest)";
  let description = [{
    Every matmul-like op whose weight operand is a constant becomes an
    `sqz.matmul` on a packed `!sqz.tensor` constant. Codes, scales and zero
    points are computed at compile time by round-to-nearest (RTN): round half
    to even, saturating to the storage range.

    Recognised forms of a linear layer `y = x W` (weight `W` of shape
    `[K, N]`, `K` the reduction):

    * `linalg.matmul` with a constant `[K, N]` rhs;
    * `linalg.matmul` whose `indexing_maps` read a constant `[N, K]` rhs
      transposed (the PyTorch `Linear` layout); it is kept as `[N, K]` and the
      `sqz.matmul` gets `rhs_transposed`;
    * `linalg.matmul` whose rhs is a `linalg.transpose` of a constant `[N, K]`.

    The accumulator must be a zero fill (`linalg.fill` of 0), as importers
    emit it. Weights may be `dense` or `dense_resource` `arith.constant`s of
    f32; they are read as raw buffers, never element by element.

    Granularity follows the literature: `channel` is one scale per output
    channel (along `N`), `group` is one scale per `group-size` consecutive
    weights along the reduction axis `K` within each output channel. Symmetric
    schemes store signed codes (`iN`) without zero point; asymmetric ones
    store unsigned codes (`uN`) with a zero point per scale. A channel or group
    of zeros gets scale 1. A NaN or infinity in a weight is an error.

    With `explain=true` every matmul-like op that is left alone gets a remark
    that says why.

    Example: `--sqz-quantize-weights="bits=4 granularity=group group-size=128"`

    ```mlir
    %w = arith.constant dense<...> : tensor<256x64xf32>
    %y = linalg.matmul ins(%x, %w : tensor<8x256xf32>, tensor<256x64xf32>)
                       outs(%zero : tensor<8x64xf32>) -> tensor<8x64xf32>
    // becomes
    %codes = arith.constant dense<...> : tensor<256x64xi4>
    %scales = arith.constant dense<...> : tensor<2x64xf32>
    %w = sqz.pack %codes scales(%scales : tensor<2x64xf32>) : tensor<256x64xi4>
        -> !sqz.tensor<256x64xf32, #sqz.quant<i4, per_group(0, 128), symmetric>>
    %y = sqz.matmul %x, %w : tensor<8x256xf32>, !sqz.tensor<...> -> tensor<8x64xf32>
    ```
  }];
  let dependentDialects = ["::mlir::sqz::SqzDialect", "::mlir::arith::ArithDialect"];
  let options = [
    Option<"bits", "bits", "unsigned", "8", "Code width: 8, 4 or 2">,
    Option<"granularity", "granularity", "std::string", "\"channel\"",
           "One scale per tensor, per output channel, or per group of "
           "group-size weights along the reduction axis: tensor|channel|group">,
    Option<"groupSize", "group-size", "int64_t", "128",
           "Weights per group along the reduction axis (granularity=group)">,
    Option<"symmetric", "symmetric", "bool", "true",
           "Signed codes without zero point (true) or unsigned codes with a "
           "zero point (false)">,
    Option<"narrowRange", "narrow-range", "bool", "false",
           "Leave out the lowest code (-127..127 for 8 bits)">,
    Option<"explain", "explain", "bool", "false",
           "Emit a remark on every matmul-like op that is left alone, saying why">
  ];
}

def SqzQuantizeActivations : Pass<"sqz-quantize-activations", "ModuleOp"> {
  let summary = "Quantizes the float inputs of sqz.matmul at run time";
  let description = [{
    Inserts an `sqz.quantize` on the float lhs (the activation) of every
    `sqz.matmul`, so that a matmul whose weight is quantized too runs in
    integers once lowered.

    * `mode=dynamic`: the parameters are computed from the activation at run
      time: `granularity=tensor` takes one scale for the whole activation,
      `granularity=token` one per row (per token; the last-but-one axis).
      Symmetric schemes use absmax and signed codes; asymmetric ones min/max
      and unsigned codes with a zero point.
    * Static ranges from calibration statistics (`mode=static`) are not
      available yet; the op form is the same `sqz.quantize` with constant
      scale and zero-point operands.

    Example: `--sqz-quantize-activations="mode=dynamic granularity=token"`

    ```mlir
    %y = sqz.matmul %x, %w : tensor<16x256xf32>, !sqz.tensor<...> -> tensor<16x64xf32>
    // becomes
    %q = sqz.quantize %x : tensor<16x256xf32>
        -> !sqz.tensor<16x256xf32, #sqz.quant<i8, per_channel(0), symmetric>>
    %y = sqz.matmul %q, %w : !sqz.tensor<16x256xf32, ...>, !sqz.tensor<...> -> tensor<16x64xf32>
    ```
  }];
  let dependentDialects = ["::mlir::sqz::SqzDialect"];
  let options = [
    Option<"mode", "mode", "std::string", "\"dynamic\"",
           "Where the parameters come from: dynamic">,
    Option<"granularity", "granularity", "std::string", "\"tensor\"",
           "One scale per activation tensor or per token (row): tensor|token">,
    Option<"bits", "bits", "unsigned", "8", "Code width: 8 or 4">,
    Option<"symmetric", "symmetric", "bool", "true",
           "Signed codes without zero point (true) or unsigned codes with a "
           "zero point (false)">
  ];
}

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_PASSES_TD
