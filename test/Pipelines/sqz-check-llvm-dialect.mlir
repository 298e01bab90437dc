// RUN: sqz-opt %s --split-input-file --verify-diagnostics --sqz-check-llvm-dialect | FileCheck %s
// RUN: not sqz-opt %s --split-input-file --sqz-check-llvm-dialect="pipeline=my-pipeline" 2>&1 | FileCheck %s --check-prefix=NAME

// The pipeline option names the pipeline that is blamed.
// NAME: error: my-pipeline: 'arith.addi' op was not lowered to the LLVM dialect

// A module of LLVM dialect ops passes unchanged.
// CHECK-LABEL: llvm.func @add(
//       CHECK:   llvm.add
llvm.func @add(%a: i32, %b: i32) -> i32 {
  %r = llvm.add %a, %b : i32
  llvm.return %r : i32
}

// -----

llvm.func @negative_arith(%a: i32) -> i32 {
  // expected-error@+1 {{sqz-lower-to-cpu: 'arith.addi' op was not lowered to the LLVM dialect}}
  %r = arith.addi %a, %a : i32
  %s = arith.addi %r, %r : i32
  llvm.return %s : i32
}

// -----

// expected-error@+1 {{sqz-lower-to-cpu: 'func.func' op was not lowered to the LLVM dialect}}
func.func @negative_func() {
  // expected-error@+1 {{sqz-lower-to-cpu: 'func.return' op was not lowered to the LLVM dialect}}
  return
}

// -----

llvm.func @negative_cast(%a: i64) -> i64 {
  // expected-error@+1 {{sqz-lower-to-cpu: 'builtin.unrealized_conversion_cast' op was not lowered}}
  %c = builtin.unrealized_conversion_cast %a : i64 to index
  llvm.return %a : i64
}

// -----

// Casts left by a partial conversion are a symptom: with another op left,
// only that op (the cause) is named.
llvm.func @negative_cast_and_cause(%a: i64) -> i64 {
  %c = builtin.unrealized_conversion_cast %a : i64 to index
  // expected-error@+1 {{sqz-lower-to-cpu: 'arith.addi' op was not lowered to the LLVM dialect}}
  %d = arith.addi %c, %c : index
  llvm.return %a : i64
}
