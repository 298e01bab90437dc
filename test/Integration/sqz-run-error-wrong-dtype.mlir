// An input whose dtype does not match the signature: float32 data for i8,
// uint8 for signless i8 (which is int8: signedness matters to extsi), and
// float64 for f32. One line naming the file, the argument and both dtypes.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/a.npy', np.zeros((4, 8), np.int8)); np.save('%t/bf.npy', np.zeros((8, 16), np.float32)); np.save('%t/bu.npy', np.zeros((8, 16), np.uint8)); np.save('%t/s.npy', np.zeros((4,), np.float64))"
// RUN: not sqz-run %s --entry matmul_i8 --input %t/a.npy,%t/bf.npy 2>&1 | FileCheck %s --check-prefix=FLOAT
// RUN: not sqz-run %s --entry matmul_i8 --input %t/a.npy,%t/bf.npy 2>&1 | count 1
// FLOAT: sqz-run: error: --input '{{.*}}bf.npy' for argument 1 of @matmul_i8 (tensor<8x16xi8>): expected int8 (8, 16), got float32 (8, 16)

// RUN: not sqz-run %s --entry matmul_i8 --input %t/a.npy,%t/bu.npy 2>&1 | FileCheck %s --check-prefix=UNSIGNED
// UNSIGNED: sqz-run: error: --input '{{.*}}bu.npy' for argument 1 of @matmul_i8 (tensor<8x16xi8>): expected int8 (8, 16), got uint8 (8, 16)

// RUN: not sqz-run %s --entry twice --input %t/s.npy 2>&1 | FileCheck %s --check-prefix=DOUBLE
// DOUBLE: sqz-run: error: --input '{{.*}}s.npy' for argument 0 of @twice (tensor<4xf32>): expected float32 (4,), got float64 (4,)

func.func @matmul_i8(%a: tensor<4x8xi8>, %b: tensor<8x16xi8>) -> tensor<4x16xi32> {
  %zero = arith.constant 0 : i32
  %empty = tensor.empty() : tensor<4x16xi32>
  %acc = linalg.fill ins(%zero : i32) outs(%empty : tensor<4x16xi32>) -> tensor<4x16xi32>
  %c = linalg.matmul ins(%a, %b : tensor<4x8xi8>, tensor<8x16xi8>)
                     outs(%acc : tensor<4x16xi32>) -> tensor<4x16xi32>
  return %c : tensor<4x16xi32>
}

func.func @twice(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = arith.addf %x, %x : tensor<4xf32>
  return %r : tensor<4xf32>
}
