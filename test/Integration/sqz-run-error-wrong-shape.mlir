// An input whose shape does not match the signature (here transposed, and of
// the wrong rank): one line naming the file, the argument and both shapes.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/a.npy', np.zeros((4, 8), np.int8)); np.save('%t/bt.npy', np.zeros((16, 8), np.int8)); np.save('%t/flat.npy', np.zeros((128,), np.int8))"
// RUN: not sqz-run %s --entry matmul_i8 --input %t/a.npy,%t/bt.npy 2>&1 | FileCheck %s --check-prefix=TRANSPOSED
// RUN: not sqz-run %s --entry matmul_i8 --input %t/a.npy,%t/bt.npy 2>&1 | count 1
// TRANSPOSED: sqz-run: error: --input '{{.*}}bt.npy' for argument 1 of @matmul_i8 (tensor<8x16xi8>): expected int8 (8, 16), got int8 (16, 8)

// RUN: not sqz-run %s --entry matmul_i8 --input %t/a.npy,%t/flat.npy 2>&1 | FileCheck %s --check-prefix=RANK
// RANK: sqz-run: error: --input '{{.*}}flat.npy' for argument 1 of @matmul_i8 (tensor<8x16xi8>): expected int8 (8, 16), got int8 (128,)

func.func @matmul_i8(%a: tensor<4x8xi8>, %b: tensor<8x16xi8>) -> tensor<4x16xi32> {
  %zero = arith.constant 0 : i32
  %empty = tensor.empty() : tensor<4x16xi32>
  %acc = linalg.fill ins(%zero : i32) outs(%empty : tensor<4x16xi32>) -> tensor<4x16xi32>
  %c = linalg.matmul ins(%a, %b : tensor<4x8xi8>, tensor<8x16xi8>)
                     outs(%acc : tensor<4x16xi32>) -> tensor<4x16xi32>
  return %c : tensor<4x16xi32>
}
