// RUN: sqz-opt %s --sqz-verify-sparsity -split-input-file -verify-diagnostics | FileCheck %s

// Data that keeps its pattern passes through unchanged: N:M positions held
// as a dense_resource blob (which the op verifier does not read), an upstream
// 2:4 constant, and an unstructured mask.

#NV24 = #sparse_tensor.encoding<{ map = (i, j) -> (i : dense, j floordiv 4 : dense, j mod 4 : structured[2, 4]) }>

// CHECK-LABEL: func.func @valid
// CHECK: sqz.pack
// CHECK: sparse_tensor.convert
func.func @valid() -> (!sqz.tensor<1x8xf32, #sqz.sparsity<nm(2, 4, 1)>>, tensor<2x8xf32, #NV24>, !sqz.tensor<2x2xf32, #sqz.sparsity<unstructured>>) {
  %v = arith.constant dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>
  %p = arith.constant dense_resource<positions> : tensor<1x4xi2>
  %w = sqz.pack %v metadata(%p : tensor<1x4xi2>) : tensor<1x4xf32> -> !sqz.tensor<1x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
  %d = arith.constant dense<[[1.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 3.0],
                             [0.0, 4.0, 5.0, 0.0, 6.0, 7.0, 0.0, 0.0]]> : tensor<2x8xf32>
  %s = sparse_tensor.convert %d : tensor<2x8xf32> to tensor<2x8xf32, #NV24>
  %uv = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %um = arith.constant dense<[[true, false], [false, true]]> : tensor<2x2xi1>
  %u = sqz.pack %uv metadata(%um : tensor<2x2xi1>) : tensor<2xf32> -> !sqz.tensor<2x2xf32, #sqz.sparsity<unstructured>>
  return %w, %s, %u : !sqz.tensor<1x8xf32, #sqz.sparsity<nm(2, 4, 1)>>, tensor<2x8xf32, #NV24>, !sqz.tensor<2x2xf32, #sqz.sparsity<unstructured>>
}

{-#
  dialect_resources: {
    builtin: {
      positions: "0x0100000000030102"
    }
  }
#-}

// -----

// Positions from a blob: the second group repeats position 1.
func.func @resource_positions() -> !sqz.tensor<1x8xf32, #sqz.sparsity<nm(2, 4, 1)>> {
  %v = arith.constant dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>
  %p = arith.constant dense_resource<positions> : tensor<1x4xi2>
  // expected-error@+1 {{sqz-verify-sparsity: N:M metadata at flat index 3: position 1 does not follow the group's previous position 1 (positions must strictly increase)}}
  %w = sqz.pack %v metadata(%p : tensor<1x4xi2>) : tensor<1x4xf32> -> !sqz.tensor<1x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
  return %w : !sqz.tensor<1x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
}

{-#
  dialect_resources: {
    builtin: {
      positions: "0x0100000000030101"
    }
  }
#-}

// -----

// Positions from a blob that do not fit the group.
func.func @resource_positions_range() -> !sqz.tensor<1x8xf32, #sqz.sparsity<nm(2, 4, 1)>> {
  %v = arith.constant dense<[[1.0, 2.0, 3.0, 4.0]]> : tensor<1x4xf32>
  %p = arith.constant dense_resource<positions> : tensor<1x4xi3>
  // expected-error@+1 {{sqz-verify-sparsity: N:M metadata at flat index 1: position 5 is outside [0, 4)}}
  %w = sqz.pack %v metadata(%p : tensor<1x4xi3>) : tensor<1x4xf32> -> !sqz.tensor<1x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
  return %w : !sqz.tensor<1x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
}

{-#
  dialect_resources: {
    builtin: {
      positions: "0x0100000000050102"
    }
  }
#-}

// -----

// An unstructured mask from a blob that sets more elements than are stored.
func.func @resource_mask() -> !sqz.tensor<2x2xf32, #sqz.sparsity<unstructured>> {
  %v = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %m = arith.constant dense_resource<mask> : tensor<2x2xi1>
  // expected-error@+1 {{sqz-verify-sparsity: unstructured mask sets flat index 2 but only 2 values are stored}}
  %w = sqz.pack %v metadata(%m : tensor<2x2xi1>) : tensor<2xf32> -> !sqz.tensor<2x2xf32, #sqz.sparsity<unstructured>>
  return %w : !sqz.tensor<2x2xf32, #sqz.sparsity<unstructured>>
}

{-#
  dialect_resources: {
    builtin: {
      mask: "0x0100000001010100"
    }
  }
#-}

// -----

// Upstream converts this into 2:4 storage without a word, and keeps two of
// the three non-zeros of the second group; we refuse it.
#NV24 = #sparse_tensor.encoding<{ map = (i, j) -> (i : dense, j floordiv 4 : dense, j mod 4 : structured[2, 4]) }>
func.func @upstream_24_convert() -> tensor<2x8xf32, #NV24> {
  %d = arith.constant dense<[[1.0, 0.0, 2.0, 0.0, 0.0, 3.0, 4.0, 5.0],
                             [0.0, 4.0, 5.0, 0.0, 6.0, 7.0, 0.0, 0.0]]> : tensor<2x8xf32>
  // expected-error@+1 {{sqz-verify-sparsity: the group of 4 starting at flat index 4 holds 3 non-zeros, but 'tensor<2x8xf32, #sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : dense, d1 floordiv 4 : dense, d1 mod 4 : structured[2, 4]) }>>' keeps at most 2}}
  %s = sparse_tensor.convert %d : tensor<2x8xf32> to tensor<2x8xf32, #NV24>
  return %s : tensor<2x8xf32, #NV24>
}
