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
           "Mark tensor arguments of entry points as not writable">,
  ];
}

def SqzCheckLLVMDialect : Pass<"sqz-check-llvm-dialect", "ModuleOp"> {
  let summary = "Check that a module holds only LLVM dialect operations";
  let description = [{
    The contract check at the end of `sqz-lower-to-cpu`: the module must
    contain nothing but `builtin.module` and `llvm.*` operations, which is
    what `mlir-translate --mlir-to-llvmir` and the `ExecutionEngine` accept.
    Each kind of operation left over is reported once, at its first
    occurrence, and the pass fails.

    ```mlir
    // error: 'complex.exp' op was not lowered to the LLVM dialect
    //        (sqz-lower-to-cpu has no lowering for the 'complex' dialect)
    %e = complex.exp %c : complex<f32>
    ```
  }];
  let options = [
    Option<"pipelineName", "pipeline", "std::string",
           /*default=*/"\"sqz-lower-to-cpu\"",
           "Name of the pipeline to blame in diagnostics">,
  ];
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

#endif // SQZ_PIPELINES_PASSES_TD
