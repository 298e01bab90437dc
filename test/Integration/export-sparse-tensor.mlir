// sqz-export-sparse-tensor hands 2:4 weights to upstream: the exported IR is
// a linalg contraction on a weight of the upstream 2:4 encoding, which
// `mlir-opt --sparsifier` compiles; the compiled function computes what our
// own lowering computes. The [N, K] weight (PyTorch layout) exports as it
// is; the [K, N] one is transposed into [N, K] at compile time.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/x.npy', (np.arange(16, dtype=np.float32).reshape(2, 8) - 5) / 7)"
// RUN: sqz-opt %s --sqz-export-sparse-tensor | FileCheck %s
// RUN: sqz-opt %s --sqz-export-sparse-tensor --sqz-export-entry-points \
// RUN:   | mlir-opt --allow-unregistered-dialect --sparsifier > %t/upstream.mlir
// RUN: for f in nk kn; do \
// RUN:   sqz-run %t/upstream.mlir --entry $f --input %t/x.npy --output-dir %t/up-$f && \
// RUN:   sqz-run %s --entry $f --input %t/x.npy --output-dir %t/sqz-$f && \
// RUN:   %python %sqz_src_root/python/compare_npy.py --rtol 1e-6 %t/up-$f/out0.npy %t/sqz-$f/out0.npy || exit 1; done

// CHECK: #[[NV24:.+]] = #sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : dense, d1 floordiv 4 : dense, d1 mod 4 : structured[2, 4]), crdWidth = 8 }>
// CHECK-LABEL: func.func @nk
// CHECK: %[[B:.+]] = arith.constant dense<[5.000000e-01, -1.000000e+00, 2.000000e+00]>
// CHECK: %[[D:.+]] = arith.constant dense<{{\[}}[1.000000e+00, 0.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00, 3.000000e+00, 0.000000e+00, 4.000000e+00], [0.000000e+00, 5.000000e+00, 6.000000e+00, 0.000000e+00, 7.000000e+00, 0.000000e+00, 0.000000e+00, 8.000000e+00], [9.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 2.000000e+00, 3.000000e+00]]> : tensor<3x8xf32>
// CHECK: %[[S:.+]] = sparse_tensor.convert %[[D]] : tensor<3x8xf32> to tensor<3x8xf32, #[[NV24]]>
// CHECK: %[[Y:.+]] = linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]{{.*}} ins(%{{.*}}, %[[S]] : tensor<2x8xf32>, tensor<3x8xf32, #[[NV24]]>)
// CHECK: linalg.generic {{.*}} ins(%[[Y]], %[[B]] : tensor<2x3xf32>, tensor<3xf32>)
// CHECK-NOT: sqz.
!nk = !sqz.tensor<3x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
func.func @nk(%x: tensor<2x8xf32>) -> tensor<2x3xf32> {
  %v = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 1.0, 2.0, 3.0]]> : tensor<3x4xf32>
  %p = arith.constant dense<[[0, 2, 1, 3], [1, 2, 0, 3], [0, 1, 2, 3]]> : tensor<3x4xi2>
  %b = arith.constant dense<[0.5, -1.0, 2.0]> : tensor<3xf32>
  %w = sqz.pack %v metadata(%p : tensor<3x4xi2>) : tensor<3x4xf32> -> !nk
  %y = sqz.matmul %x, %w bias(%b : tensor<3xf32>) {rhs_transposed} : tensor<2x8xf32>, !nk -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// The same weight stored [K, N], sparse along axis 0.
// CHECK-LABEL: func.func @kn
// CHECK: arith.constant dense<{{\[}}[1.000000e+00, 0.000000e+00, 2.000000e+00, 0.000000e+00, 0.000000e+00, 3.000000e+00, 0.000000e+00, 4.000000e+00], [0.000000e+00, 5.000000e+00, 6.000000e+00, 0.000000e+00, 7.000000e+00
// CHECK: sparse_tensor.convert
!kn = !sqz.tensor<8x3xf32, #sqz.sparsity<nm(2, 4, 0)>>
func.func @kn(%x: tensor<2x8xf32>) -> tensor<2x3xf32> {
  %v = arith.constant dense<[[1.0, 5.0, 9.0], [2.0, 6.0, 1.0], [3.0, 7.0, 2.0], [4.0, 8.0, 3.0]]> : tensor<4x3xf32>
  %p = arith.constant dense<[[0, 1, 0], [2, 2, 1], [1, 0, 2], [3, 3, 3]]> : tensor<4x3xi2>
  %w = sqz.pack %v metadata(%p : tensor<4x3xi2>) : tensor<4x3xf32> -> !kn
  %y = sqz.matmul %x, %w : tensor<2x8xf32>, !kn -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
