// RUN: sqz-opt %s --split-input-file --convert-sqz-to-linalg | FileCheck %s --check-prefix=ID
// RUN: sqz-opt %s --split-input-file --convert-sqz-to-linalg=observe=call | FileCheck %s --check-prefix=CALL
// RUN: not sqz-opt %s --convert-sqz-to-linalg=observe=print 2>&1 | FileCheck %s --check-prefix=OPTION
// OPTION: sqz-opt: for the --observe option: 'print' is not one of: identity, call

// ID-LABEL: func.func @observe
//   ID-NOT:   sqz.observe
//   ID-NOT:   call
//       ID:   return %arg0, %arg1

// CALL: module attributes {sqz.observe_ids = ["a", "b"]}
// CALL: func.func private @sqz_observe(i64, memref<*xf32>)
// CALL-LABEL: func.func @observe
//  CALL-SAME:   (%[[X:.*]]: tensor<2x4xf32>, %[[H:.*]]: tensor<3xf16>)
//       CALL:   %[[B:.*]] = bufferization.to_buffer %[[X]] read_only : tensor<2x4xf32> to memref<2x4xf32, strided<[?, ?], offset: ?>>
//       CALL:   %[[U:.*]] = memref.cast %[[B]] : {{.*}} to memref<*xf32>
//       CALL:   %[[I0:.*]] = arith.constant 0 : i64
//       CALL:   call @sqz_observe(%[[I0]], %[[U]]) : (i64, memref<*xf32>) -> ()
//       CALL:   %[[E:.*]] = arith.extf %[[H]] : tensor<3xf16> to tensor<3xf32>
//       CALL:   bufferization.to_buffer %[[E]] read_only
//       CALL:   %[[I1:.*]] = arith.constant 1 : i64
//       CALL:   call @sqz_observe(%[[I1]]
//       CALL:   %[[I0B:.*]] = arith.constant 0 : i64
//       CALL:   call @sqz_observe(%[[I0B]]
//       CALL:   return %[[X]], %[[H]]
func.func @observe(%x: tensor<2x4xf32>, %h: tensor<3xf16>) -> (tensor<2x4xf32>, tensor<3xf16>) {
  %0 = sqz.observe %x {id = "a"} : tensor<2x4xf32>
  %1 = sqz.observe %h {id = "b"} : tensor<3xf16>
  %2 = sqz.observe %0 {id = "a"} : tensor<2x4xf32>
  return %2, %1 : tensor<2x4xf32>, tensor<3xf16>
}

