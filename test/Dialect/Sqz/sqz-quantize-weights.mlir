// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights="bits=4 granularity=group group-size=2 symmetric=false" | FileCheck %s --check-prefix=GROUP
// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights="granularity=tensor narrow-range=true" | FileCheck %s --check-prefix=TENSOR

// Column 0 has absmax 2 (scale 2/127): 1.0 / scale = 63.5 rounds half to
// even to 64 and -1.0 to -64. Column 2 is all zeros and gets scale 1.
// CHECK-LABEL: func.func @linear
//  CHECK-SAME:   %[[X:.*]]: tensor<2x4xf32>
//   CHECK-DAG:   %[[CODES:.*]] = arith.constant dense<{{\[}}[64, -64, 0], [32, 127, 0], [-64, 32, 0], [127, 8, 0]]> : tensor<4x3xi8>
//   CHECK-DAG:   %[[SCALES:.*]] = arith.constant dense<[0.0157480314, 0.0314960629, 1.000000e+00]> : tensor<3xf32>
//       CHECK:   %[[W:.*]] = sqz.pack %[[CODES]] scales(%[[SCALES]] : tensor<3xf32>) {sqz.quant_error = {mse = {{.*}} : f64, sqnr_db = {{.*}} : f64}} : tensor<4x3xi8> -> !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
//       CHECK:   %[[Y:.*]] = sqz.matmul %[[X]], %[[W]]
//       CHECK:   return %[[Y]]
//   CHECK-NOT:   linalg.fill
//   CHECK-NOT:   tensor<4x3xf32>

// The asymmetric 4-bit groups of two rows: [1, 0.5] in column 0 has range
// [0, 1], scale 1/15, zero point 0.
// GROUP-LABEL: func.func @linear
//   GROUP-DAG:   arith.constant dense<{{.*}}> : tensor<4x3xi4>
//   GROUP-DAG:   %[[S:.*]] = arith.constant dense<{{\[}}[0.0666666701, 4.000000e-01, 1.000000e+00], [2.000000e-01, 0.0666666701, 1.000000e+00]]> : tensor<2x3xf32>
//   GROUP-DAG:   %[[Z:.*]] = arith.constant dense<{{\[}}[0, 5, 0], [5, 0, 0]]> : tensor<2x3xi32>
//       GROUP:   sqz.pack {{.*}} scales(%[[S]] : tensor<2x3xf32>) zero_points(%[[Z]] : tensor<2x3xi32>) {{.*}} : tensor<4x3xi4> -> !sqz.tensor<4x3xf32, #sqz.quant<u4, per_group(0, 2), asymmetric>>

// TENSOR-LABEL: func.func @linear
//       TENSOR:   arith.constant dense<0.0314960629> : tensor<f32>
//       TENSOR:   #sqz.quant<i8, per_tensor, symmetric, narrow_range>
func.func @linear(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// A PyTorch-layout [N, K] weight read through transposing indexing maps stays
// [N, K]: scales per output channel are along axis 0.
// CHECK-LABEL: func.func @transposed_maps
//       CHECK:   sqz.pack {{.*}} : tensor<3x4xi8> -> !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>
//       CHECK:   sqz.matmul {{.*}} {rhs_transposed} : tensor<2x4xf32>, !sqz.tensor<3x4xf32, {{.*}}> -> tensor<2x3xf32>
// GROUP-LABEL: func.func @transposed_maps
//       GROUP:   #sqz.quant<u4, per_group(1, 2), asymmetric>
func.func @transposed_maps(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, 0.5, -1.0, 2.0], [-2.0, 4.0, 1.0, 0.25], [0.0, 0.0, 0.0, 0.0]]> : tensor<3x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
                     ins(%x, %w : tensor<2x4xf32>, tensor<3x4xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// A linalg.transpose of a constant [N, K] weight is the same weight, read
// [N, K]; the transpose goes away with the float weight.
// CHECK-LABEL: func.func @transpose_op
//   CHECK-NOT:   linalg.transpose
//       CHECK:   sqz.pack {{.*}} : tensor<3x4xi8> -> !sqz.tensor<3x4xf32, #sqz.quant<i8, per_channel(0), symmetric>>
//       CHECK:   sqz.matmul {{.*}} {rhs_transposed}
func.func @transpose_op(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, 0.5, -1.0, 2.0], [-2.0, 4.0, 1.0, 0.25], [0.0, 0.0, 0.0, 0.0]]> : tensor<3x4xf32>
  %et = tensor.empty() : tensor<4x3xf32>
  %wt = linalg.transpose ins(%w : tensor<3x4xf32>) outs(%et : tensor<4x3xf32>) permutation = [1, 0]
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %wt : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

// -----

// dense_resource weights are read from their blob (1.0, 2.0, -4.0, 0.5 as
// little-endian f32, after the 4-byte alignment header).
// CHECK-LABEL: func.func @resource_weight
//       CHECK:   arith.constant dense<{{\[}}[32, 127], [-127, 32]]> : tensor<2x2xi8>
//       CHECK:   sqz.matmul
func.func @resource_weight(%x: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %w = arith.constant dense_resource<weight> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2xf32>) -> tensor<1x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<1x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<1x2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      weight: "0x040000000000803F00000040000080C00000003F"
    }
  }
#-}

// -----

// Left alone: the weight is a function argument, not a constant.
// CHECK-LABEL: func.func @negative_argument_weight
//       CHECK:   linalg.matmul
//   CHECK-NOT:   sqz.matmul
func.func @negative_argument_weight(%x: tensor<2x4xf32>, %w: tensor<4x3xf32>) -> tensor<2x3xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
