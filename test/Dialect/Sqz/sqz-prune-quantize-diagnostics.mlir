// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights="explain=true" --verify-diagnostics
// RUN: not sqz-opt %s --split-input-file --sqz-quantize-weights="explain=true granularity=group group-size=3" 2>&1 | FileCheck %s --check-prefix=GROUP

// Packs of float values with sparsity metadata (what sqz-prune makes) that
// sqz-quantize-weights cannot quantize.

!u = !sqz.tensor<4x2xf32, #sqz.sparsity<unstructured>>
func.func @negative_nan_values(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  // expected-error@+1 {{weight has a non-finite value (nan) at flat index 1}}
  %v = arith.constant dense<[1.0, 0x7FC00000, 2.0, 3.0]> : tensor<4xf32>
  %m = arith.constant dense<[[true, false], [true, false], [false, true], [false, true]]> : tensor<4x2xi1>
  %w = sqz.pack %v metadata(%m : tensor<4x2xi1>) : tensor<4xf32> -> !u
  %y = sqz.matmul %x, %w : tensor<2x4xf32>, !u -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

!u = !sqz.tensor<4x2xf32, #sqz.sparsity<unstructured>>
func.func @negative_metadata_argument(%x: tensor<2x4xf32>, %m: tensor<4x2xi1>) -> tensor<2x2xf32> {
  %v = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %w = sqz.pack %v metadata(%m : tensor<4x2xi1>) : tensor<4xf32> -> !u
  // expected-remark@+1 {{weight not quantized: sparse weight metadata is not a constant}}
  %y = sqz.matmul %x, %w : tensor<2x4xf32>, !u -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

!u = !sqz.tensor<?x2xf32, #sqz.sparsity<unstructured>>
func.func @negative_dynamic(%x: tensor<2x?xf32>, %m: tensor<?x2xi1>) -> tensor<2x2xf32> {
  %v = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %w = sqz.pack %v metadata(%m : tensor<?x2xi1>) : tensor<4xf32> -> !u
  // expected-remark@+1 {{weight not quantized: sparse weight has a dynamic shape}}
  %y = sqz.matmul %x, %w : tensor<2x?xf32>, !u -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// With group-size=3 the reduction size 8 cannot be grouped.
!nm = !sqz.tensor<8x2xf32, #sqz.sparsity<nm(2, 4, 0)>>
func.func @group_size(%x: tensor<2x8xf32>) -> tensor<2x2xf32> {
  %v = arith.constant dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]> : tensor<4x2xf32>
  %p = arith.constant dense<[[0, 1], [2, 3], [1, 0], [3, 2]]> : tensor<4x2xi2>
  %w = sqz.pack %v metadata(%p : tensor<4x2xi2>) : tensor<4x2xf32> -> !nm
  %y = sqz.matmul %x, %w : tensor<2x8xf32>, !nm -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
// GROUP: remark: weight not quantized: group size 3 does not divide the reduction size 8
