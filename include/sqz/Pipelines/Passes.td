//===- Passes.td - Passes of the Squeeze lowering pipelines -*- tablegen -*-===//
//
// The small passes that the named pipelines (`sqz-lower-to-cpu`, ...) are
// built from, beside the upstream ones: preparing entry points for the JIT
// and checking that a pipeline delivered what it promised.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_PIPELINES_PASSES_TD
#define SQZ_PIPELINES_PASSES_TD

include "mlir/Pass/PassBase.td"

def SqzExportEntryPoints : Pass<"sqz-export-entry-points", "ModuleOp"> {
  let summary = "Prepare public functions to be called from C and the JIT";
  let description = [{
    Runs on tensor-level IR before bufferization. Every public `func.func`
    with a body becomes an entry point:

    * it gets the `llvm.emit_c_interface` unit attribute, so that
      `convert-func-to-llvm` emits a `_mlir_ciface_NAME` wrapper taking
      memref descriptors by pointer (and, when the function returns memrefs
      or several values, a pointer to the result struct as first argument);
    * it gets `sqz.signature`, a `TypeAttr` with its tensor-level function
      type, which survives lowering to the LLVM dialect and tells `sqz-run`
      the shapes and element types behind the descriptors;
    * its tensor arguments are marked `bufferization.writable = false`
      (option `read-only-args`), so that bufferization never writes into a
      caller's input buffer.

    Private functions and declarations are left alone.

    ```mlir
    func.func @mm(%a: tensor<4x8xi8>, %b: tensor<8x16xi8>) -> tensor<4x16xi32>
    // becomes
    func.func @mm(%a: tensor<4x8xi8> {bufferization.writable = false},
                  %b: tensor<8x16xi8> {bufferization.writable = false})
        -> tensor<4x16xi32> attributes {llvm.emit_c_interface,
        sqz.signature = (tensor<4x8xi8>, tensor<8x16xi8>) -> tensor<4x16xi32>}
    ```
  }];
  let dependentDialects = [
    "::mlir::bufferization::BufferizationDialect",
    "::mlir::func::FuncDialect",
  ];
  let options = [
    Option<"readOnlyArgs", "read-only-args", "bool", /*default=*/"true",
           "Mark tensor arguments of entry points as not writable "
           "(default: true)">,
  ];
}

def SqzCheckLLVMDialect : Pass<"sqz-check-llvm-dialect", "ModuleOp"> {
  let summary = "Check that a module holds only LLVM dialect operations";
  let description = [{
    The contract check at the end of `sqz-lower-to-cpu`: the module must
    contain nothing but `builtin.module` and `llvm.*` operations, which is
    what `mlir-translate --mlir-to-llvmir` and the `ExecutionEngine` accept.
    Each kind of operation left over is reported once, at its first
    occurrence, and the pass fails. With `allow-gpu-binaries` (the end of
    `sqz-lower-to-nvvm`), `gpu.binary` and the `gpu.launch_func` ops that
    launch its kernels are allowed too: the LLVM IR translation turns them
    into the embedded image and the runtime calls.

    ```mlir
    // error: 'complex.exp' op was not lowered to the LLVM dialect
    //        (sqz-lower-to-cpu has no lowering for the 'complex' dialect)
    %e = complex.exp %c : complex<f32>
    ```
  }];
  let options = [
    Option<"pipelineName", "pipeline", "std::string",
           /*default=*/"\"sqz-lower-to-cpu\"",
           "Name of the pipeline to blame in diagnostics "
           "(default: sqz-lower-to-cpu)">,
    Option<"allowGPUBinaries", "allow-gpu-binaries", "bool",
           /*default=*/"false",
           "Also allow gpu.binary and gpu.launch_func (default: false)">,
  ];
}

def SqzCheckCPUInput : Pass<"sqz-check-cpu-input", "ModuleOp"> {
  let summary = "Check that a module is in the form sqz-lower-to-cpu lowers";
  let description = [{
    The precondition check at the start of `sqz-lower-to-cpu`: what the
    pipeline (or an upstream pass in it) cannot lower is reported here, one
    error per offending op, naming it, before any pass runs. The pipeline
    lowers the `func`, `linalg`, `tensor`, `arith`, `math`, `ml_program` and
    `sqz` dialects (and the lower-level ones they become: `memref`,
    `vector`, `scf`, `cf`, `affine`, ...; ops of any other dialect, such as
    `tosa` or `quant`, are reported once per kind), ranked tensors and
    buffers only, and `ml_program.global`s of
    statically shaped tensors; vector ops in the input stay small (a
    `vector.contract` of at most 4096 iteration points: larger ones take
    minutes in the upstream vector lowering), and aggregate ops such as
    `linalg.softmax` need tensor operands (their decomposition builds tensor
    ops).

    ```mlir
    // error: sqz-lower-to-cpu: 'math.exp' op has the unranked type
    //        'tensor<*xf32>': the pipeline needs ranked tensors (cast to a
    //        ranked type first)
    %r = math.exp %x : tensor<*xf32>
    // error: sqz-lower-to-cpu: 'ml_program.global' op @g has type
    //        'tensor<?xf32>': the pipeline needs globals of statically shaped
    //        tensors
    ml_program.global private @g(dense<1.0> : tensor<4xf32>) : tensor<?xf32>
    ```
  }];
  let options = [
    Option<"pipelineName", "pipeline", "std::string",
           /*default=*/"\"sqz-lower-to-cpu\"",
           "Name of the pipeline to blame in diagnostics "
           "(default: sqz-lower-to-cpu)">,
    Option<"allowGPUBinaries", "allow-gpu-binaries", "bool",
           /*default=*/"false",
           "Also allow gpu.binary and gpu.launch_func (default: false)">,
  ];
}

def SqzScalarizeVectorFPowI : Pass<"sqz-scalarize-vector-fpowi"> {
  let summary = "Compute math.fpowi on vectors element by element";
  let description = [{
    `convert-math-to-llvm` turns a `math.fpowi` on vectors into an invalid
    `llvm.intr.powi` (the intrinsic takes one scalar exponent). This pass,
    run before it in `sqz-lower-to-cpu`, extracts the elements, raises each
    with a scalar `math.fpowi` and builds the result vector again. Element
    types and values are unchanged.

    ```mlir
    %r = math.fpowi %x, %n : vector<2xf32>, vector<2xi32>
    // becomes, for each i: vector.extract %x[i], %n[i]; math.fpowi on the
    // scalars; vector.from_elements of the results
    ```
  }];
  let dependentDialects = ["::mlir::vector::VectorDialect"];
}

def SqzDecomposeAggregateOps : Pass<"sqz-decompose-aggregate-ops"> {
  let summary = "Decompose aggregate linalg ops (softmax, ...) into generics";
  let description = [{
    Ops with `linalg::AggregatedOpInterface`, such as `linalg.softmax`, are no
    structured ops: `convert-linalg-to-loops` does not lower them and
    bufferization leaves them behind. This pass replaces each by the ops of
    its `decomposeOperation` (for softmax: max reduction, `exp(x - max)`, sum
    reduction, division, as `linalg.generic`/`linalg.fill`), which the rest of
    the pipeline handles.

    ```mlir
    %r = linalg.softmax dimension(1) ins(%x : tensor<4x16xf32>)
                                     outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
    // becomes linalg.fill + 3 linalg.generic ops (max, exp/sum, divide)
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def SqzFuseElementwise : Pass<"sqz-fuse-elementwise"> {
  let summary = "Elementwise fusion of linalg ops that fuses nothing into "
                "a contraction";
  let description = [{
    Upstream's `linalg-fuse-elementwise-ops` (a producer with one use fuses
    into its consumer, reshapes fold by expansion, constants fold) with one
    rule more: no producer fuses into a contraction (an op that
    `linalg::isaContractionOpInterface` accepts). Fused into attention's
    `Q Kᵀ`, the bias adds of Q and K made a generic whose body adds before
    it multiplies: the vectorizer skipped it, and it ran as scalar loops
    that stored the accumulator at every step (45% of MiniLM's run time).
    The contraction stays a plain multiply-add; the producer runs once, on
    its own, before it.

    ```mlir
    %q = linalg.generic {...} ins(%x, %bias ...) { addf }    // stays
    %s = linalg.batch_matmul ins(%q, %k ...) outs(...)       // stays a contraction
    ```
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def SqzContiguousInnerLoop : Pass<"sqz-contiguous-inner-loop"> {
  let summary = "Interchange linalg loops so that the innermost one walks "
                "memory contiguously instead of reducing";
  let description = [{
    `convert-linalg-to-loops` nests loops in iterator order, which puts the
    reduction of a contraction innermost: `C[i, j] += A[i, k] * B[k, j]`
    becomes a scalar dot product per output element that LLVM cannot
    vectorize for floats (it would have to reassociate the sum) and that
    walks `B` by columns. This pass moves the loop of the output's last
    (contiguous) dimension innermost when every operand that uses that loop
    has it as its last dimension too, so that the inner loop is parallel and
    unit-stride: `for i, for k, for j`. Each output element still accumulates
    over `k` in the same order, so results are bit-identical.

    Applies to `linalg.generic` ops and to named ops (generalized first) whose
    innermost loop is a reduction, on tensors or buffers; anything else is
    left alone.

    ```mlir
    // linalg.matmul, loops (i, j, k): innermost k reduces
    linalg.generic {indexing_maps = [affine_map<(i, j, k) -> (i, k)>,
                                     affine_map<(i, j, k) -> (k, j)>,
                                     affine_map<(i, j, k) -> (i, j)>],
                    iterator_types = ["parallel", "parallel", "reduction"]} ...
    // becomes loops (i, k, j): innermost j is parallel and contiguous
    linalg.generic {indexing_maps = [affine_map<(i, k, j) -> (i, k)>,
                                     affine_map<(i, k, j) -> (k, j)>,
                                     affine_map<(i, k, j) -> (i, j)>],
                    iterator_types = ["parallel", "reduction", "parallel"]} ...
    ```
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def SqzVectorize : Pass<"sqz-vectorize", "::mlir::func::FuncOp"> {
  let summary = "Tile linalg ops into static register-sized tiles and "
                "vectorize them with the upstream linalg vectorizer";
  let description = [{
    Runs on tensors, before bufferization. Two classes of linalg ops with
    static shapes are tiled with `scf::tileUsingSCF` and each tile is turned
    into vector ops by `linalg::vectorize`:

    * matmul-shaped contractions (loops `(m, n, k)`, maps `(m, k)`, `(k, n)`,
      `(m, n)`, a multiply-add body; floats all of one type, integers
      possibly extended, e.g. `i8` to `i32`; or the same with leading batch
      loops, such as attention's `Q Kᵀ` and `P V` over batch and heads, tiled
      one batch element at a time): tiles of `m x n x 1` with `m x n` = 8 x 32 for float and 4 x 64
      for integer accumulators (16 AVX-512 registers of accumulators). The
      tile becomes a `vector.contract`; `arith.extsi` of `i8` operands is
      folded into it (`i8 x i8 -> i32`), and the accumulator's transfer pair
      is hoisted out of the `k` loop, so it stays in registers;
    * elementwise and broadcast ops (all loops parallel, identity output map,
      every input either reads the innermost loop along its last dimension or
      not at all; a constant 0 in a map, reading a unit dimension, counts as
      not at all): tiles of 1 x ... x 1 x 16;
    * row reductions (with `reductions`, the default: the innermost loop is
      the only reduction, inputs read it as elementwise ops do, outputs are
      indexed by the parallel loops alone: softmax's max and sum,
      LayerNorm's mean and variance, dynamic quantization's min and max):
      one row at a time, its reduction split into 16 partial results
      (`ReductionTilingStrategy::PartialReductionOuterReduction`), so each
      step of 16 elements is an elementwise vector op on an accumulator in
      registers and the partial results are merged once per row by a
      `vector.reduction`. Min and max are exact; a float sum is added in
      another order than the loops', within `R * 2^-p * sum |x|` (`R`
      terms, `p` the precision) of theirs.

    A tile size is the largest divisor of the dimension not above the target,
    so every tile is full and no masks are needed; when the innermost tile
    would be narrower than 16 (of a wider dimension), when the op reads or
    writes sub-byte elements (`i1`, `i2`, `i4`; one a byte in memory, but
    bit-packed in a vector transfer), or anything else does not fit, the op
    is left alone for the loop path
    (`sqz-contiguous-inner-loop`, `convert-linalg-to-loops`).

    With `lower-contractions` (the default) the contractions are lowered at
    once: same-type ones to elementwise `arith.mulf`/`arith.addf` (one
    product and one sum per output element and step of `k`, in the order of
    the scalar loops, so float results are bit-identical to them; no FMA),
    mixed-type ones to `vector.outerproduct` in the accumulator type
    (`arith.extsi` to `i32`, `arith.muli`, `arith.addi`).

    ```mlir
    %c = linalg.matmul ins(%a, %b : tensor<64x512xi8>, tensor<512x512xi8>)
                       outs(%acc : tensor<64x512xi32>) -> tensor<64x512xi32>
    // becomes (lower-contractions=false), in loops over m, n and k:
    %r = scf.for %k = %c0 to %c512 step %c1 iter_args(%v = %init)
        -> (vector<4x64xi32>) {
      %x = vector.transfer_read %a_tile ... : tensor<4x1xi8>, vector<4x1xi8>
      %y = vector.transfer_read %b_tile ... : tensor<1x64xi8>, vector<1x64xi8>
      %s = vector.contract {...} %x, %y, %v
          : vector<4x1xi8>, vector<1x64xi8> into vector<4x64xi32>
      scf.yield %s : vector<4x64xi32>
    }
    ```
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::ub::UBDialect",
    "::mlir::vector::VectorDialect",
  ];
  let options = [
    Option<"lowerContractions", "lower-contractions", "bool",
           /*default=*/"true",
           "Lower the vector.contract ops of the tiles to elementwise "
           "arithmetic (same types) or outer products (mixed types) "
           "(default: true)">,
    Option<"vectorizeReductions", "reductions", "bool", /*default=*/"true",
           "Vectorize row reductions (the innermost loop the only "
           "reduction) with 16 partial results per row; float sums are then "
           "added in another order than the loops' (default: true)">,
  ];
}

#endif // SQZ_PIPELINES_PASSES_TD
