//===- Passes.td - Transformation passes of the sqz dialect -*- tablegen -*-===//

#ifndef SQZ_DIALECT_SQZ_TRANSFORMS_PASSES_TD
#define SQZ_DIALECT_SQZ_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def SqzQuantizeWeights : Pass<"sqz-quantize-weights", "ModuleOp"> {
  let summary = "Quantizes the constant weights of linear layers (round to nearest or GPTQ)";
  let description = [{
    Every matmul-like op whose weight operand is a constant becomes an
    `sqz.matmul` on a packed `!sqz.tensor` constant. Codes, scales and zero
    points are computed at compile time by round-to-nearest (RTN): round half
    to even, saturating to the storage range.

    Recognised forms of a linear layer `y = x W` (weight `W` of shape
    `[K, N]`, `K` the reduction), as importers emit them:

    * `linalg.matmul`, `linalg.batch_matmul`, `linalg.contract` and any
      `linalg.generic` that is a contraction (`linalg::inferContractionDims`)
      with one reduction loop and the body `out + a * b`, whose result is
      `[M, N]` or `[B, M, N]` and whose activation (either input) is read
      `[M, K]` or `[B, M, K]`;
    * the weight read `[K, N]`, or `[N, K]` (the PyTorch `Linear` layout,
      kept as it is: the `sqz.matmul` gets `rhs_transposed`), either directly
      through the indexing maps or through ops that only move elements:
      `linalg.transpose`, `linalg.broadcast` and their `linalg.generic`
      forms. A 2-D weight shared by a batched activation (torch-mlir's
      `x @ W.T` on 3-D `x` as a 4-loop `linalg.generic`, or a
      `linalg.batch_matmul` of a broadcast weight) stays 2-D; a real
      `[B, K, N]` / `[B, N, K]` weight per batch is packed 3-D (per channel,
      one scale per output channel over all batches; per group, groups along
      `K` within each batch);
    * weights that are `dense` or `dense_resource` values of an
      `arith.constant` or of an immutable `ml_program.global` read by
      `ml_program.global_load_const`, of f32, f16 or bf16. They are read as
      raw buffers, never element by element; f16 and bf16 are widened to f32
      from their bits (exactly) and keep their type as the expressed type of
      the `!sqz.tensor` (scales are f32). The codes and scales become
      `arith.constant`s at the use, and a private global that nothing loads
      any more is erased.

    The accumulator must be zero: a `linalg.fill` of 0 or a zero splat
    constant. When the contraction's only user adds a `[N]` bias (usually a
    constant, but any `[N]` value will do) broadcast along the rows and does
    nothing else (a `linalg.generic` with the map `(d0, d1) -> (d1)`, a
    `linalg.add` or an `arith.addf` of a broadcast bias), the bias becomes the
    `sqz.matmul`'s `bias` and the `sqz.matmul` replaces the add; this is
    exact, as the lowering adds the bias after the product in the same way.
    An add that does more (a bias and ReLU in one body) is left as it is, and
    so is an accumulator that holds the bias (`outs` of a broadcast bias):
    that sums in another order.

    Granularity follows the literature: `channel` is one scale per output
    channel (along `N`), `group` is one scale per `group-size` consecutive
    weights along the reduction axis `K` within each output channel. Symmetric
    schemes store signed codes (`iN`) without zero point; asymmetric ones
    store unsigned codes (`uN`) with a zero point per scale. A channel or group
    of zeros gets scale 1. A NaN or infinity in a weight is an error.

    With `explain=true` every matmul-like op that is left alone gets a remark
    that says why.

    `method=gptq` quantizes by GPTQ (Frantar et al., "GPTQ: Accurate
    Post-Training Quantization for Generative Pre-trained Transformers",
    2022) instead: the weights of one input channel (a row of `K`, all output
    channels) are quantized at a time, and their error is compensated on the
    channels not yet quantized through the inverse Hessian of the layer's
    input. The Hessian of the layer named `L` (the names of
    docs/statistics.md: its `sqz.layer` attribute, else
    `<function>.linear<i>`) is read from `DIR/L.hessian.npy` (`hessian=DIR`):
    the unnormalised `XᵀX` of the layer's input, `K x K`, float64 or float32.
    The computation is in double precision:

    * an input channel with `H[k, k] == 0` (never active) gets
      `H[k, k] = 1` and zero weights (they do not change the layer's output
      on the calibration data);
    * `H += damp * mean(diag(H)) * I`, then `U`, the upper Cholesky factor
      of `H⁻¹`;
    * channels are processed in blocks of 128 with lazy batch updates: the
      error `e = (w - q) / U[k, k]` of channel `k` is subtracted, times
      `U[k, j]`, from the later channels `j` of the block at once, and from
      the channels after the block when the block is done;
    * the quantization of a channel is the layer's scheme (the same bits,
      granularity, symmetry and rounding as `method=rtn`). Per-tensor and
      per-channel parameters are those of round to nearest on the original
      weight; the parameters of a group are computed when its first channel
      is reached, from the current (error-compensated) weights of all its
      channels, the pending updates of the block included, so that the
      result does not depend on the block size;
    * `act-order=true` processes the channels by decreasing `diag(H)` (ties
      in channel order). Groups stay the scheme's contiguous groups of `K`
      (the stored format has no per-channel group index): a group's
      parameters are computed when the first of its channels in that order
      is reached, from the current weights of all its channels, none of which
      is quantized yet.

    A weight pruned by sqz-prune (an `sqz.pack` of sparse float values) keeps
    its pruned positions at exactly zero: they get the code of zero, their
    error is compensated like any other, and they count as zeros for the
    group parameters. A missing Hessian file, one that is not a .npy file,
    of another dtype or shape than `K x K` float, or with a NaN or infinity
    is an error naming the layer and the file. When the dampened Hessian is
    not positive definite (the Cholesky factorization fails), a warning names
    the layer and the weight is quantized by round to nearest. A 3-D weight
    per batch is quantized batch by batch with the layer's one Hessian.

    Example: `--sqz-quantize-weights="bits=4 granularity=group group-size=128"`,
    `--sqz-quantize-weights="method=gptq hessian=calib bits=4 granularity=group group-size=128 damp=0.01 act-order=false"`

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
    Option<"bits", "bits", "unsigned", "8", "Code width: 8, 4 or 2 (default: 8)">,
    Option<"granularity", "granularity", "::mlir::sqz::GranularityKind",
           "::mlir::sqz::GranularityKind::PerChannel",
           "One scale per tensor, per output channel, or per group of "
           "group-size weights along the reduction axis (default: channel)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::GranularityKind::PerTensor, "tensor",
                        "one scale for the whole weight"),
             clEnumValN(::mlir::sqz::GranularityKind::PerChannel, "channel",
                        "one scale per output channel"),
             clEnumValN(::mlir::sqz::GranularityKind::PerGroup, "group",
                        "one scale per group-size weights of a channel"))}]>,
    Option<"groupSize", "group-size", "int64_t", "128",
           "Weights per group along the reduction axis (granularity=group) (default: 128)">,
    Option<"symmetric", "symmetric", "bool", "true",
           "Signed codes without zero point (true) or unsigned codes with a "
           "zero point (false) (default: true)">,
    Option<"narrowRange", "narrow-range", "bool", "false",
           "Leave out the lowest code (-127..127 for 8 bits) (default: false)">,
    Option<"method", "method", "::mlir::sqz::WeightQuantMethod",
           "::mlir::sqz::WeightQuantMethod::RoundToNearest",
           "How codes are chosen (default: rtn)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::WeightQuantMethod::RoundToNearest, "rtn",
                        "round to nearest"),
             clEnumValN(::mlir::sqz::WeightQuantMethod::Gptq, "gptq",
                        "GPTQ: error compensation through the inverse "
                        "Hessian (needs hessian=)"))}]>,
    Option<"hessian", "hessian", "std::string", "\"\"",
           "method=gptq: the directory of the <layer>.hessian.npy files (default: none)">,
    Option<"damp", "damp", "double", "0.01",
           "method=gptq: dampening, as a fraction of the mean of diag(H) (default: 0.01)">,
    Option<"actOrder", "act-order", "bool", "false",
           "method=gptq: process input channels by decreasing diag(H) (default: false)">,
    Option<"explain", "explain", "bool", "false",
           "Emit a remark on every matmul-like op that is left alone, saying why (default: false)">
  ];
}

def SqzQuantizeActivations : Pass<"sqz-quantize-activations", "ModuleOp"> {
  let summary = "Quantizes the float inputs of sqz.matmul, at run time or from calibration";
  let description = [{
    Inserts an `sqz.quantize` on the float lhs (the activation) of every
    `sqz.matmul` whose weight is quantized, so that the matmul runs in
    integers once lowered. An `sqz.matmul` with a float weight (the outlier
    part that `sqz-outlier-split` keeps in float) is left alone.

    * `mode=dynamic`: the parameters are computed from the activation at run
      time: `granularity=tensor` takes one scale for the whole activation,
      `granularity=token` one per row (per token; the last-but-one axis).
      Symmetric schemes use absmax and signed codes; asymmetric ones min/max
      and unsigned codes with a zero point.
    * `mode=static`: one scale (and zero point) per tensor, computed at
      compile time from the statistics file `stats` (docs/statistics.md) and
      attached as constant operands of the `sqz.quantize`, so that
      `sqz-fold-scales` folds them into one constant multiplier per output
      channel. The layer is the `sqz.layer` name of the `sqz.matmul`; the
      tensor range is taken over all input channels. Per token is dynamic
      only. `range` chooses the clipping range:
      - `minmax`: `max_j absmax_j` (symmetric) or `min_j min_j`,
        `max_j max_j` (asymmetric);
      - `percentile`: the per-channel histograms are merged into one
        distribution of the tensor (each channel's bins spread uniformly over
        a common grid of 4096 fine bins that covers every channel's range);
        the range is the value below which `percentile`% of `|x|` falls
        (symmetric), or the `percentile`% and `(100 - percentile)`% points of
        `x` (asymmetric);
      - `mse`: on the same merged distribution, the clipping range that
        minimises the expected squared quantization error, from a grid search
        (`t = A i / 256`, `i = 1..256`, symmetric; 64 x 64 pairs of fractions
        of the low and high end, asymmetric). The error model of a fine bin
        of centre `v`: `step^2 / 12` inside the range, the squared distance
        to the range outside.

      When the layer carries `sqz.smoothing` (dense f32 `[K]`, the factors
      `s` that `sqz-smoothquant` divided the input by), channel `j`'s
      statistics (min, max, absmax, histogram range) are divided by `s_j`
      first, so the statistics of the original model serve the smoothed one.
      When the activation gathers some of the layer's input channels (the
      rest of a layer after `sqz-outlier-split`: a `linalg.generic` over a
      constant index tensor), the statistics of those channels are used.
      The scale follows `sqz.quantize`'s dynamic rule on that range:
      `scale = A / qmax` (symmetric), `(hi - lo) / (qmax - qmin)` with
      `zero_point = qmin - round(lo / scale)` over a range that includes 0
      (asymmetric); scale 1 for an all-zero range.

    With `explain=true` every `sqz.matmul` that is left alone gets a remark
    that says why.

    Example: `--sqz-quantize-activations="mode=static stats=stats.json range=percentile percentile=99.99"`

    ```mlir
    %y = sqz.matmul %x, %w {sqz.layer = "fc1"} : tensor<16x256xf32>, !sqz.tensor<...> -> tensor<16x64xf32>
    // becomes
    %s = arith.constant dense<0.0236> : tensor<f32>
    %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<16x256xf32>
        -> !sqz.tensor<16x256xf32, #sqz.quant<i8, per_tensor, symmetric>>
    %y = sqz.matmul %q, %w {sqz.layer = "fc1"} : !sqz.tensor<16x256xf32, ...>, !sqz.tensor<...> -> tensor<16x64xf32>
    ```
  }];
  let dependentDialects = ["::mlir::sqz::SqzDialect", "::mlir::arith::ArithDialect"];
  let options = [
    Option<"mode", "mode", "::mlir::sqz::ActivationQuantMode",
           "::mlir::sqz::ActivationQuantMode::Dynamic",
           "Where the parameters come from (default: dynamic)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::ActivationQuantMode::Dynamic, "dynamic",
                        "computed at run time from each activation"),
             clEnumValN(::mlir::sqz::ActivationQuantMode::Static, "static",
                        "fixed at compile time from the statistics file "
                        "(stats=)"))}]>,
    Option<"granularity", "granularity", "::mlir::sqz::ActivationGranularity",
           "::mlir::sqz::ActivationGranularity::Tensor",
           "One scale per activation tensor or per token (default: tensor)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::ActivationGranularity::Tensor, "tensor",
                        "one scale per activation tensor"),
             clEnumValN(::mlir::sqz::ActivationGranularity::Token, "token",
                        "one scale per row (token); mode=dynamic only"))}]>,
    Option<"bits", "bits", "unsigned", "8", "Code width: 8 or 4 (default: 8)">,
    Option<"symmetric", "symmetric", "bool", "true",
           "Signed codes without zero point (true) or unsigned codes with a "
           "zero point (false) (default: true)">,
    Option<"stats", "stats", "std::string", "\"\"",
           "Statistics file (docs/statistics.md), for mode=static (default: none)">,
    Option<"allowUnknownLayers", "allow-unknown-layers", "bool", "false",
           "Accept a statistics file that also names layers this module does "
           "not have (a model compiled in several modules) (default: false)">,
    Option<"range", "range", "::mlir::sqz::ActivationRange",
           "::mlir::sqz::ActivationRange::MinMax",
           "Clipping range of mode=static (default: minmax)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::ActivationRange::MinMax, "minmax",
                        "the observed minimum and maximum"),
             clEnumValN(::mlir::sqz::ActivationRange::Percentile, "percentile",
                        "the range holding percentile% of the observed values"),
             clEnumValN(::mlir::sqz::ActivationRange::Mse, "mse",
                        "the range of least expected squared error"))}]>,
    Option<"percentile", "percentile", "double", "99.99",
           "Percentage of values inside the range, for range=percentile, in "
           "(0, 100] (default: 99.99)">,
    Option<"explain", "explain", "bool", "false",
           "Emit a remark on every sqz.matmul that is left alone, saying why (default: false)">
  ];
}

def SqzOutlierSplit : Pass<"sqz-outlier-split", "ModuleOp"> {
  let summary = "Keeps the outlier input channels of linear layers in float (LLM.int8())";
  let description = [{
    For every linear layer `y = x W (+ b)` with a constant weight (the forms
    `sqz-quantize-weights` recognises), the input channels whose calibrated
    `absmax` (statistics file `stats`, docs/statistics.md) exceeds
    `threshold` are split off, as in LLM.int8() (Dettmers et al., 2022):

    ```
    y = x[:, O] W[O, :] + x[:, R] W[R, :] (+ b)
    ```

    `O` the outlier channels, `R` the rest. The outlier part becomes an
    `sqz.matmul` on float operands named `<layer>.outliers` (with the bias),
    which the quantization passes leave in float; the rest stays a linalg
    contraction named `<layer>`, which `sqz-quantize-weights` and
    `sqz-quantize-activations` turn into an int8 matmul. The columns of `x`
    are gathered by `linalg.generic`s over constant index tensors and the
    weight is split into two constants, each in the layout of the original
    (`[K, N]` or `[N, K]`). A layer without outlier channels is unchanged;
    a layer whose channels all are outliers becomes one float `sqz.matmul`.
    Layers are named as docs/statistics.md defines. With `explain=true` every
    layer left alone gets a remark that says why.

    Example: `--sqz-outlier-split="threshold=6.0 stats=stats.json"`

    ```mlir
    %y = linalg.matmul ins(%x, %w : tensor<8x256xf32>, tensor<256x64xf32>) ...
    // becomes (2 outlier channels)
    %xo = linalg.generic ... ins(%io : tensor<2xindex>) ... tensor.extract %x[%m, %i] ... -> tensor<8x2xf32>
    %xr = linalg.generic ... ins(%ir : tensor<254xindex>) ... -> tensor<8x254xf32>
    %yo = sqz.matmul %xo, %wo {sqz.layer = "f.linear0.outliers"} : tensor<8x2xf32>, tensor<2x64xf32> -> tensor<8x64xf32>
    %yr = linalg.generic {...} ins(%xr, %wr : tensor<8x254xf32>, tensor<254x64xf32>) ... {sqz.layer = "f.linear0"}
    %y = linalg.add ins(%yr, %yo : ...) outs(...) -> tensor<8x64xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::sqz::SqzDialect", "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect"
  ];
  let options = [
    Option<"threshold", "threshold", "double", "6.0",
           "Input channels whose calibrated absmax (the largest |x|, in the units of the activation values) exceeds this stay in float (default: 6.0)">,
    Option<"stats", "stats", "std::string", "\"\"",
           "Statistics file (docs/statistics.md) with the absmax of every "
           "layer's input channels (default: none)">,
    Option<"allowUnknownLayers", "allow-unknown-layers", "bool", "false",
           "Accept a statistics file that also names layers this module does "
           "not have (a model compiled in several modules) (default: false)">,
    Option<"explain", "explain", "bool", "false",
           "Emit a remark on every linear layer that is left alone, saying why (default: false)">
  ];
}

def SqzImportQuant : Pass<"sqz-import-quant", "ModuleOp"> {
  let summary = "Imports upstream quant dialect IR (!quant.uniform, qcast, dcast, scast)";
  let description = [{
    Rewrites the `quant` dialect form of quantized tensors, as TOSA and
    StableHLO flows emit it, into `sqz`:

    * `quant.qcast` of a float tensor becomes `sqz.quantize` with the scales
      and zero points of the `!quant.uniform` type materialized as
      `arith.constant` tensors;
    * `quant.scast` of integer codes to a quantized type (weights stored as
      integer constants) becomes `sqz.pack` of the codes;
    * `quant.dcast` becomes `sqz.dequantize`; `quant.scast` of a quantized
      value back to its integers becomes the codes of `sqz.unpack`.

    Types map as follows:

    | `!quant.uniform`                               | `#sqz.quant`          |
    |------------------------------------------------|-----------------------|
    | per layer `<i8:f32, 0.5:3>`                    | `per_tensor`, scale `tensor<f32>` |
    | per axis `<i8:f32:1, {0.5:1, 0.25:2}>`         | `per_channel(1)`      |
    | sub-channel `<i8:f32:{0:1, 1:32}, {{...}}>`    | `per_group(1, 32)`    |

    A sub-channel type is imported when its blocks have size 1 along every
    axis but one (an axis left out of the block list has a block of the
    whole dimension). Storage types are `i8`, `u8`, `i4`, `u4`, `i2`, `u2`;
    a storage range `<min:max>` must be the full range or the narrow one
    (`narrow_range`: the lowest code left out). A scheme is `symmetric` when
    its storage is signed and every zero point is 0, else `asymmetric` with
    an `i32` zero-point tensor. Scales become `f32` constants (`f64` for
    expressed types wider than 32 bits); `quant` itself computes in the
    expressed type.

    Everything else that holds a quantized type is an error and the pass
    fails: storage wider than 8 bits, a storage range that is neither full nor
    narrow, zero points outside it, sub-channel blocks along several axes,
    `!quant.any` and `!quant.calibrated`, scalars and unranked tensors,
    function or block arguments of quantized type, and quantized values that
    reach any op other than `quant.dcast` and `quant.scast`.

    Example:
    ```mlir
    %q = quant.qcast %x : tensor<4x2xf32> to tensor<4x2x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>>
    %y = quant.dcast %q : tensor<4x2x!quant.uniform<i8:f32:1, {0.5:1, 0.25:2}>> to tensor<4x2xf32>
    // becomes
    %s = arith.constant dense<[5.000000e-01, 2.500000e-01]> : tensor<2xf32>
    %z = arith.constant dense<[1, 2]> : tensor<2xi32>
    %q = sqz.quantize %x scales(%s : tensor<2xf32>) zero_points(%z : tensor<2xi32>)
        : tensor<4x2xf32> -> !sqz.tensor<4x2xf32, #sqz.quant<i8, per_channel(1), asymmetric>>
    %y = sqz.dequantize %q : !sqz.tensor<4x2xf32, #sqz.quant<i8, per_channel(1), asymmetric>> -> tensor<4x2xf32>
    ```
  }];
  let dependentDialects = ["::mlir::sqz::SqzDialect", "::mlir::arith::ArithDialect",
                           "::mlir::quant::QuantDialect"];
}

def SqzExportQuant : Pass<"sqz-export-quant", "ModuleOp"> {
  let summary = "Exports quantized sqz tensors with constant parameters to the upstream quant dialect";
  let description = [{
    The inverse of `--sqz-import-quant`, for tensors whose scales and zero
    points are constants (`arith.constant dense<...>`): they become the
    parameters of a `!quant.uniform` type.

    * `sqz.quantize` becomes `quant.qcast`;
    * `sqz.pack` of codes becomes `quant.scast` of the codes;
    * `sqz.dequantize` becomes `quant.dcast`, the codes of `sqz.unpack`
      become `quant.scast` back to integers;
    * `sqz.fake_quant` becomes `quant.dcast` of `quant.qcast`.

    `per_tensor`, `per_channel(a)` and `per_group(a, g)` map to per-layer,
    per-axis (axis `a`) and sub-channel (block `g` along `a`, 1 elsewhere)
    types; `narrow_range` to the storage range `<min+1:max>`. The result goes
    through upstream `--lower-quant-ops`. Note that `quant`'s own lowering
    truncates instead of rounding to nearest even.

    What `quant` cannot express is an error that names the op, and the pass
    fails: dynamic `sqz.quantize` and `sqz.fake_quant` (parameters computed at
    run time), scales or zero points that are not dense constants, scales
    outside the range of the expressed type, sparse tensors, `sqz.matmul` on
    compressed operands, and compressed values anywhere else (function
    arguments, results, other ops).

    Example:
    ```mlir
    %s = arith.constant dense<5.000000e-01> : tensor<f32>
    %q = sqz.quantize %x scales(%s : tensor<f32>)
        : tensor<16xf32> -> !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>>
    %y = sqz.dequantize %q : !sqz.tensor<16xf32, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<16xf32>
    // becomes
    %q = quant.qcast %x : tensor<16xf32> to tensor<16x!quant.uniform<i8:f32, 5.000000e-01>>
    %y = quant.dcast %q : tensor<16x!quant.uniform<i8:f32, 5.000000e-01>> to tensor<16xf32>
    ```
  }];
  let dependentDialects = ["::mlir::quant::QuantDialect", "::mlir::tensor::TensorDialect"];
}

def SqzReport : Pass<"sqz-report", "ModuleOp"> {
  let summary = "Reports the size, scheme and error of every weight (no IR change)";
  let description = [{
    Writes one row per linear layer of the module, then totals, and leaves
    the IR as it is. The layers are every `sqz.matmul` (its weight is the
    rhs) and every float `linalg` contraction (`linalg.matmul`,
    `linalg.batch_matmul`, ...) whose rhs, or else lhs, is a constant, read
    through a `linalg.transpose` or an `sqz.dequantize`: the layers that are
    still uncompressed show up too. A contraction of two non-constant
    operands (attention scores, say) is not a layer.

    Per layer:

    * `layer`: the name every pass and statistics file uses
      (docs/statistics.md): the `sqz.layer` string attribute of the op, else
      `<function>.linear<i>`, the layers with a weight in program order. A
      layer that `sqz-fold-scales` turned into an integer contraction is
      described by the compressed weight type it recorded
      (`sqz.folded_weight`). A contraction with a constant
      weight that no pass takes as a layer (one that accumulates into an
      argument, say) is `<function>.other<i>`.
    * `shape` and `params`: the weight's logical shape, as stored, and its
      number of elements.
    * `scheme`: `#sqz.quant` written out (`i4 per_group(0, 128) symmetric`),
      or the element type (`f32`) when not quantized, followed by the
      sparsity pattern when there is one (`nm(2, 4, 0)`, `unstructured`).
    * `bits/w`: bits per weight, all storage bits over `params`: the kept codes at their
      storage width, the scales and zero points at the element width of their
      tensors, and the sparsity metadata at what it takes packed:
      `ceil(log2(m))` bits per kept value for N:M, one bit per weight (the
      mask) for unstructured. Where no `sqz.pack` gives the parameter types,
      scales are taken in the expressed type and zero points as `i32` (what
      `sqz-quantize-weights` makes).
    * `pruned (%)`: the share of weights that the sparsity pattern leaves
      out (not stored): what pruning removed. 0 for a weight without a
      sparsity pattern.
    * `zeros (%)`: the share of weights that are stored but zero: kept codes
      equal to their zero point (quantized; rounding makes them from small
      weights) or kept values equal to +0 or -0 (float). Both shares are of
      all `params`, so `pruned + zeros` is the share of weights that read as
      zero. Counted from the raw buffers of `dense` and `dense_resource`
      constants; `-` when the weight (or a part it needs: codes, zero
      points, metadata) is not a constant.
    * `before` / `after` (bytes): `params` at the width of the expressed
      type; then the codes packed at their storage width, plus the scales,
      zero points and metadata, each rounded up to whole bytes.
    * `mse`, `sqnr (dB)`: the `sqz.quant_error` that `sqz-quantize-weights`
      puts on the weight's `sqz.pack`; `-` when there is none.

    Totals: params, bytes before and after over all layers, and the
    compression ratio before / after. A weight of unknown size (a dynamic
    shape; an unstructured sparse weight without a static number of stored
    values) shows `?` in the columns that need it and is left out of the
    totals.

    The report goes to standard error by default, so that the IR on standard
    output stays usable (`sqz-opt model.mlir --sqz-quantize-weights
    --sqz-report | ...`); `output=-` sends it to standard output (pair it
    with `-o /dev/null`) and any other `output` is a file that is
    overwritten.

    Example, on `examples/mlp.mlir`:

    ```sh
    sqz-opt examples/mlp.mlir --sqz-quantize-weights="bits=4 granularity=group group-size=128" --sqz-report -o /dev/null
    ```

    ```
    layer        shape    params  scheme                          bits/w  pruned (%)  zeros (%)  before (B)  after (B)        mse  sqnr (dB)
    mlp.linear0  256x512  131072  i4 per_group(0, 128) symmetric    4.25         0.0       15.9      524288      69632  5.430e-05      18.58
    mlp.linear1  512x128   65536  i4 per_group(0, 128) symmetric    4.25         0.0       16.1      262144      34816  2.696e-05      18.62
    total                 196608                                                                     786432     104448
    compression ratio 7.53
    ```

    With `format=json` the same data is one JSON object (shown condensed,
    numbers cut short):

    ```
    {
      "layers": [
        {"name": "mlp.linear0", "shape": [256, 512], "params": 131072,
         "scheme": "i4 per_group(0, 128) symmetric", "bits_per_weight": 4.25,
         "pruned": 0.0, "zeros": 0.1594..., "bytes_before": 524288,
         "bytes_after": 69632,
         "mse": 5.430...e-05, "sqnr_db": 18.58...},
        ...
      ],
      "totals": {"params": 196608, "bytes_before": 786432,
                 "bytes_after": 104448, "compression_ratio": 7.529...}
    }
    ```

    Values that are not known (`-` and `?` in the table) and non-finite
    numbers are `null` in JSON.
  }];
  let options = [
    Option<"format", "format", "::mlir::sqz::ReportFormat",
           "::mlir::sqz::ReportFormat::Text",
           "Report format (default: text)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::ReportFormat::Text, "text",
                        "an aligned table"),
             clEnumValN(::mlir::sqz::ReportFormat::Json, "json",
                        "JSON (docs/guide.md describes the fields)"))}]>,
    Option<"output", "output", "std::string", "\"\"",
           "Where to write the report: empty for standard error (the "
           "default), - for standard output, else a file path">
  ];
}

def SqzInstrument : Pass<"sqz-instrument", "ModuleOp"> {
  let summary = "Names every linear layer and observes its activation input for calibration";
  let description = [{
    Prepares a model for calibration (`sqz-run --calibrate`):

    * every linear layer gets its name as a `sqz.layer` string attribute, so
      that the name survives the passes that rewrite the layer (they move
      `sqz.layer` to the op they create). The names are those of
      `docs/statistics.md` (`findNamedLinearLayers`): the existing
      `sqz.layer`, else `<function>.linear<i>` for the layers with a weight
      and `<function>.matmul<j>` for contractions of two activations, each
      counted in a pre-order walk of the function, so that a layer that an
      earlier pass turned into an unnamed `sqz.matmul` keeps its index.
    * the activation input of every layer (the `[M, K]` / `[B, M, K]`
      operand) goes through an `sqz.observe` whose `id` is the layer's name:
      calibration records the statistics of the statistics file under that
      key.

    The pass is idempotent: a layer whose input already comes from an
    `sqz.observe` with its name is left alone. Without calibration,
    `sqz.observe` lowers to the identity.

    Example:
    ```mlir
    %y = linalg.matmul ins(%x, %w : tensor<8x16xf32>, tensor<16x4xf32>)
                       outs(%z : tensor<8x4xf32>) -> tensor<8x4xf32>
    ```
    becomes
    ```mlir
    %o = sqz.observe %x {id = "f.linear0"} : tensor<8x16xf32>
    %y = linalg.matmul {sqz.layer = "f.linear0"}
           ins(%o, %w : tensor<8x16xf32>, tensor<16x4xf32>)
           outs(%z : tensor<8x4xf32>) -> tensor<8x4xf32>
    ```
  }];
  let dependentDialects = ["::mlir::sqz::SqzDialect"];
}

def SqzFoldScales : Pass<"sqz-fold-scales", "ModuleOp"> {
  let summary = "Turns quantized matmuls into integer matmuls with folded scales and zero points";
  let description = [{
    Rewrites every `sqz.matmul` whose operands are both quantized, with the
    weight a packed constant, into an integer matmul with i32 accumulation on
    the raw codes and one float epilogue:

    ```
    y[m, n] = sa * sw[n] * sum_k (qa[m, k] - za)(qw[k, n] - zw[n])  (+ bias[n])
            = sa * sw[n] * (acc[m, n] - za * Sw[n] - zw[n] * Sa[m] + K za zw[n])
    acc     = sum_k qa[m, k] qw[k, n]     (codes extended per their signedness)
    Sw[n]   = sum_k qw[k, n]              (precomputed from the constant weight)
    Sa[m]   = sum_k qa[m, k]              (reduced at run time, only if zw != 0)
    ```

    * The codes feed the contraction directly (u8 activations times s8
      weights is what VNNI `vpdpbusd` computes); the zero points move out of
      the K loop into correction terms.
    * When the activation's zero point is a constant (static quantization),
      the whole constant correction `-za Sw[n] + K za zw[n]` is precomputed
      and becomes the accumulator's initial value.
    * When both scales are constants, the product `sa * sw[n]` is
      precomputed into one per-channel output multiplier; otherwise it is
      formed in the epilogue.
    * A constant bias that is an exact integer multiple of a constant
      multiplier (`bias[n] = q[n] * sa * sw[n]`, checked in f32) is added to
      the accumulator's initial value as `q[n]`; any other bias is added in
      the float epilogue.

    The result is exactly what `convert-sqz-to-linalg` computes for the
    unfolded op (same integers, same float operations in the same order),
    except where the bias joined the accumulator: the same real number is
    then rounded once instead of twice.
    Layers whose scales do not factor out of the K sum (per-group weights,
    per-column activation scales) are left alone; with `explain=true` each
    gets a remark saying why.

    An activation that is a static per-tensor quantize (constant scale `a`)
    of `x * c`, `c` a constant f32 vector along the last dimension (the
    explicit multiply by `1/s` that `sqz-smoothquant` inserts when no
    producer can take it), is quantized instead as `x` per channel of K with
    scales `a / c_k` and the same zero point: the same codes (up to f32
    rounding of `x c_k / a` against `x / (a / c_k)`, about 3 in 10^6 values
    on random data) without the multiply, read by the integer matmul with the
    scale `a`.

    Before that, chains of requantization are merged: a
    `quantize(dequantize(x))` with constant parameters on both sides that
    loses nothing (every scale of `x` an exact integer multiple `k` of the new
    one, `k * s_new == s_x` in f32, and every code of `x` inside the new
    storage range after `z_new + (q - z_x) k`) is removed. A dequantize of it
    becomes `x`'s dequantize, bit for bit; a matmul operand becomes `x`
    itself, so an i4 or per-channel activation requantized to i8 per tensor
    feeds the integer matmul with its own codes (the output multiplier then
    uses `x`'s scale: the same real number, rounded once in another way).
    Chains collapse link by link; a lossy link stays, with a remark under
    `explain=true`.

    ```mlir
    %q = sqz.quantize %x : tensor<8x256xf32> -> !sqz.tensor<8x256xf32, #sqz.quant<u8, per_tensor, asymmetric>>
    %y = sqz.matmul %q, %w : !sqz.tensor<...>, !sqz.tensor<256x64xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<8x64xf32>
    // becomes
    %codes, %sa, %za = sqz.unpack %q : ... -> tensor<8x256xi8>, tensor<f32>, tensor<i32>
    %acc = linalg.generic {...} ins(%codes, %wcodes : tensor<8x256xi8>, tensor<256x64xi8>) ... -> tensor<8x64xi32>
    %y = linalg.generic {...} ins(%acc, %sa, %wscales, %za, %colsum : ...) ... -> tensor<8x64xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::sqz::SqzDialect", "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect"
  ];
  let options = [
    Option<"explain", "explain", "bool", "false",
           "Emit a remark on every quantized sqz.matmul that is left alone, saying why (default: false)">
  ];
}

def SqzSmoothQuant : Pass<"sqz-smoothquant", "ModuleOp"> {
  let summary = "Migrates activation outliers into the weights (SmoothQuant)";
  let description = [{
    For every linear layer `y = x W (+ b)` with a constant f32 weight,
    divides each input channel `j` of `x` by a factor `s_j` and multiplies
    row `j` of `W` (the reduction axis) by it, which leaves `y` unchanged up
    to rounding and makes the activation easier to quantize:

    ```
    s_j = max|X_j|^alpha / max|W_j|^(1 - alpha)     (s_j = 1 when either is 0)
    ```

    `max|X_j|` is the `absmax` of the layer's input from the statistics file
    `stats` (docs/statistics.md); `max|W_j|` is the largest magnitude in row
    `j` of the weight. Layers that read the same input (Q, K and V after one
    LayerNorm; gate and up projections) form one group with one common `s`,
    `max|W_j|` taken over all their weights.

    `1/s` goes where it costs nothing when it can:

    * into the producer of the input when it is a `linalg.generic` computing
      a per-channel affine `t * gamma (+ beta)` with constant `gamma` and
      `beta` read per channel (the last step of a LayerNorm or RMSNorm, or a
      plain `x * gamma + beta`): `gamma /= s`, `beta /= s`;
    * into a preceding linear layer whose output is the input: its weight's
      output channels and its bias are divided by `s`;
    * otherwise, or when the input has users other than the group, as an
      explicit per-channel multiply `x * (1/s)` (a `linalg.generic`) before
      the layers, which `sqz-fold-scales` or later passes may absorb.

    Every smoothed layer gets `sqz.smoothing = dense<s> : tensor<Kxf32>` and
    its `sqz.layer` name, so that static activation quantization can divide
    the calibrated ranges of the layer's input by `s`.

    With `search-alpha=true` each group picks its own alpha from
    0, 0.05, ..., 1 by minimising an estimate of the error of W8A8 per-tensor
    symmetric quantization of the smoothed layers (docs/guide.md,
    SmoothQuant), or stays unsmoothed (s = 1, which no alpha gives) when
    that estimate is lowest without smoothing, so that the search is never
    worse than no smoothing by its estimate.

    ```mlir
    // --sqz-smoothquant="stats=s.json": absmax = [16, 4], W = [[1, 1], [1, 1]]
    %w = arith.constant dense<[[4.0, 4.0], [2.0, 2.0]]> : tensor<2x2xf32>
    %y = linalg.matmul {sqz.layer = "f.linear0",
                        sqz.smoothing = dense<[4.0, 2.0]> : tensor<2xf32>}
        ins(%xs, %w : ...) ...
    ```
  }];
  let dependentDialects = ["::mlir::sqz::SqzDialect", "::mlir::arith::ArithDialect",
                           "::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect"];
  let options = [
    Option<"alpha", "alpha", "double", "0.5",
           "Migration strength in [0, 1]: 0 leaves the activation ranges, 1 flattens them (default: 0.5)">,
    Option<"stats", "stats", "std::string", "\"\"",
           "Calibration statistics file (JSON, docs/statistics.md) with the absmax of every layer's input (default: none)">,
    Option<"allowUnknownLayers", "allow-unknown-layers", "bool", "false",
           "Accept a statistics file that also names layers this module does "
           "not have (a model compiled in several modules) (default: false)">,
    Option<"searchAlpha", "search-alpha", "bool", "false",
           "Choose alpha per group from 0, 0.05, ..., 1, or no smoothing, by the estimated W8A8 error (default: false)">,
    Option<"explain", "explain", "bool", "false",
           "Emit a remark on every linear layer, saying how it was smoothed or why not (default: false)">
  ];
}

def SqzPrune : Pass<"sqz-prune", "ModuleOp"> {
  let summary = "Prunes the constant weights of linear layers";
  let description = [{
    Zeroes or removes weights of every linear layer with a constant weight
    (the forms `sqz-quantize-weights` recognises).

    * `method=magnitude` scores a weight by `|W|`; `method=wanda` by
      `|W_kn| * ||X_k||_2`, the input-channel norms read from the
      statistics file `stats` (docs/statistics.md), compared within each
      output channel.
    * `pattern=unstructured` zeroes the `sparsity` fraction of lowest-scored
      weights, per layer (`scope=layer`) or below one threshold over all
      layers (`scope=global`, magnitude only); the result is a `!sqz.tensor`
      with `#sqz.sparsity<unstructured>` (a bit mask plus the kept values).
    * `pattern=nm` keeps the `n` highest-scored of every `m` consecutive
      weights along the reduction axis: `#sqz.sparsity<nm(n, m, axis)>`,
      stored as the kept values plus `ceil(log2 m)`-bit positions (2-bit
      indices for 2:4, the layout of NVIDIA's sparse tensor cores).
    * `pattern=rows` removes whole output channels by row norm: the layer's
      weight and bias shrink and the consumer's weight loses the matching
      input rows. `pattern=heads` removes attention heads (`num-heads`) as
      units through the Q/K/V projections and the output projection.

    The result of unstructured and N:M pruning is an `sqz.matmul` on an
    `sqz.pack` of the kept values; `sqz-quantize-weights` run afterwards
    quantizes the kept values and keeps the pattern (2:4 + int8).

    The choice is deterministic: unstructured pruning removes exactly
    `floor(sparsity * count)` weights of each layer (of each output channel's
    `K` weights for Wanda; of all layers together for `scope=global`),
    lowest score first, ties removing the lower flat index first; N:M keeps
    the `n` highest scores of each group, ties keeping the lower position.
    Layers are named, in the statistics file and in the `sqz.layer` attribute
    set on each `sqz.matmul` made, by their `sqz.layer` attribute or else
    `<function>.linear<i>` (docs/statistics.md).

    `layers=NAME,...` prunes only the named layers (unstructured and N:M)
    and leaves the others as they are (an `explain=true` remark says so);
    with `scope=global` the threshold is shared by the named layers only. A
    name that is not a linear layer of the module is an error. Pruning one
    layer at a time is how `bench/sensitivity_sweep.py` measures each
    layer's sensitivity.

    ```mlir
    // --sqz-prune="pattern=nm" on a [K, N] = 8x4 weight:
    %w = sqz.pack %values metadata(%positions : tensor<4x4xi2>)
        : tensor<4x4xf32> -> !sqz.tensor<8x4xf32, #sqz.sparsity<nm(2, 4, 0)>>
    %y = sqz.matmul %x, %w {sqz.layer = "f.linear0"}
        : tensor<2x8xf32>, !sqz.tensor<8x4xf32, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<2x4xf32>
    ```
  }];
  let dependentDialects = ["::mlir::sqz::SqzDialect", "::mlir::arith::ArithDialect",
                           "::mlir::tensor::TensorDialect"];
  let options = [
    Option<"method", "method", "::mlir::sqz::PruneMethod",
           "::mlir::sqz::PruneMethod::Magnitude",
           "How weights are scored (default: magnitude)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::PruneMethod::Magnitude, "magnitude",
                        "|w|"),
             clEnumValN(::mlir::sqz::PruneMethod::Wanda, "wanda",
                        "|w| times the L2 norm of its input channel (needs "
                        "stats=)"))}]>,
    Option<"pattern", "pattern", "::mlir::sqz::PrunePattern",
           "::mlir::sqz::PrunePattern::Unstructured",
           "What is removed (default: unstructured)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::PrunePattern::Unstructured, "unstructured",
                        "any weights"),
             clEnumValN(::mlir::sqz::PrunePattern::NM, "nm",
                        "n kept of every m consecutive weights along the "
                        "reduction axis (n=, m=; 2:4 by default)"),
             clEnumValN(::mlir::sqz::PrunePattern::Rows, "rows",
                        "whole output channels"),
             clEnumValN(::mlir::sqz::PrunePattern::Heads, "heads",
                        "whole attention heads (needs num-heads=)"))}]>,
    Option<"sparsity", "sparsity", "double", "0.5",
           "Fraction, in [0, 1), of the weights (unstructured), rows or heads to remove; 0.5 is half, not a percentage (default: 0.5)">,
    Option<"n", "n", "int64_t", "2", "Weights kept per group (pattern=nm) (default: 2)">,
    Option<"m", "m", "int64_t", "4", "Group length along the reduction axis (pattern=nm) (default: 4)">,
    Option<"scope", "scope", "::mlir::sqz::PruneScope",
           "::mlir::sqz::PruneScope::Layer",
           "Where the sparsity applies (default: layer)",
           [{::llvm::cl::values(
             clEnumValN(::mlir::sqz::PruneScope::Layer, "layer",
                        "each layer loses the same fraction"),
             clEnumValN(::mlir::sqz::PruneScope::Global, "global",
                        "one threshold for all layers"))}]>,
    Option<"numHeads", "num-heads", "int64_t", "0",
           "Attention heads of each Q/K/V projection (pattern=heads) (default: 0)">,
    Option<"stats", "stats", "std::string", "\"\"",
           "Calibration statistics file (JSON, docs/statistics.md) for method=wanda (default: none)">,
    Option<"allowUnknownLayers", "allow-unknown-layers", "bool", "false",
           "Accept a statistics file that also names layers this module does "
           "not have (a model compiled in several modules) (default: false)">,
    ListOption<"layers", "layers", "std::string",
               "Prune only the layers of these names (comma list; default: all)">,
    Option<"explain", "explain", "bool", "false",
           "Emit a remark on every linear layer that is left alone, saying why (default: false)">
  ];
}

def SqzVerifySparsity : Pass<"sqz-verify-sparsity", "ModuleOp"> {
  let summary = "Proves that stored sparse data satisfies its pattern";
  let description = [{
    Checks every constant sparse tensor in the module: the N:M positions of
    an `sqz.pack` (in range, strictly increasing within each group), the
    unstructured mask against the number of stored values, and constants of
    an upstream `#sparse_tensor.encoding` 2:4 type (at most 2 non-zeros in
    every group of 4). A violation is an error that names the first
    offending index; the pass fails.
  }];
}

def SqzExportSparseTensor : Pass<"sqz-export-sparse-tensor", "ModuleOp"> {
  let summary = "Rewrites N:M float weights into upstream sparse_tensor 2:4 form";
  let description = [{
    Replaces every `sqz.matmul` whose weight is a constant, unquantized
    `#sqz.sparsity<nm(2, 4, axis)>` tensor along the innermost axis by a
    `linalg.matmul` on a weight of the upstream 2:4 encoding
    (`(i, j) -> (i : dense, j floordiv 4 : dense, j mod 4 : structured[2, 4])`)
    that `mlir-opt --sparsifier` compiles.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::sparse_tensor::SparseTensorDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect"];
}

#endif // SQZ_DIALECT_SQZ_TRANSFORMS_PASSES_TD
