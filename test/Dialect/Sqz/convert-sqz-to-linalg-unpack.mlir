// RUN: sqz-opt %s --split-input-file --convert-sqz-to-linalg | FileCheck %s

// sqz.unpack may promise less static results than the stored parts: the
// lowering casts the parts to the promised types.
// CHECK-LABEL: func.func @unpack_dynamic_result
//  CHECK-SAME:   (%[[C:.*]]: tensor<4x4xi8>, %[[S:.*]]: tensor<4xf32>) -> (tensor<?x4xi8>, tensor<?xf32>)
//   CHECK-DAG:   %[[CC:.*]] = tensor.cast %[[C]] : tensor<4x4xi8> to tensor<?x4xi8>
//   CHECK-DAG:   %[[SC:.*]] = tensor.cast %[[S]] : tensor<4xf32> to tensor<?xf32>
//       CHECK:   return %[[CC]], %[[SC]]
!i8c = !sqz.tensor<4x4xf32, #sqz.quant<i8, per_channel(1), symmetric>>
func.func @unpack_dynamic_result(%c: tensor<4x4xi8>, %s: tensor<4xf32>) -> (tensor<?x4xi8>, tensor<?xf32>) {
  %p = sqz.pack %c scales(%s : tensor<4xf32>) : tensor<4x4xi8> -> !i8c
  %v, %sc = sqz.unpack %p : !i8c -> tensor<?x4xi8>, tensor<?xf32>
  return %v, %sc : tensor<?x4xi8>, tensor<?xf32>
}

// -----

// The same for packed int4 codes, unpacked to one code per element.
// CHECK-LABEL: func.func @unpack_i4_dynamic_result
//       CHECK:     arith.trunci %{{.*}} : i32 to i4
//       CHECK:   } -> tensor<2x4xi4>
//       CHECK:   tensor.cast %{{.*}} : tensor<2x4xi4> to tensor<2x?xi4>
!i4c = !sqz.tensor<2x4xf32, #sqz.quant<i4, per_tensor, symmetric>>
func.func @unpack_i4_dynamic_result() -> tensor<2x?xi4> {
  %c = arith.constant dense<[[1, -2, 3, -4], [5, -6, 7, -8]]> : tensor<2x4xi4>
  %s = arith.constant dense<0.5> : tensor<f32>
  %p = sqz.pack %c scales(%s : tensor<f32>) : tensor<2x4xi4> -> !i4c
  %v, %sc = sqz.unpack %p : !i4c -> tensor<2x?xi4>, tensor<f32>
  return %v : tensor<2x?xi4>
}
