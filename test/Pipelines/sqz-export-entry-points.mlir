// RUN: sqz-opt %s --split-input-file --sqz-export-entry-points | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-export-entry-points="read-only-args=0" | FileCheck %s --check-prefix=WRITABLE

// CHECK-LABEL: func.func @entry(
//  CHECK-SAME:   %{{.*}}: tensor<4x8xi8> {bufferization.writable = false},
//  CHECK-SAME:   %{{.*}}: f32,
//  CHECK-SAME:   %{{.*}}: tensor<4xf32> {bufferization.writable = true})
//  CHECK-SAME:   attributes {llvm.emit_c_interface, sqz.signature = (tensor<4x8xi8>, f32, tensor<4xf32>) -> tensor<4x8xi8>}
// WRITABLE-LABEL: func.func @entry(
//  WRITABLE-SAME:   %{{.*}}: tensor<4x8xi8>,
//  WRITABLE-SAME:   attributes {llvm.emit_c_interface, sqz.signature
func.func @entry(%a: tensor<4x8xi8>, %s: f32,
                 %b: tensor<4xf32> {bufferization.writable = true}) -> tensor<4x8xi8> {
  return %a : tensor<4x8xi8>
}

// -----

// Private functions and declarations are no entry points.
// CHECK-LABEL: func.func private @helper(
//  CHECK-SAME:   %{{.*}}: tensor<4xf32>) -> tensor<4xf32> {
// CHECK-LABEL: func.func private @declaration(tensor<4xf32>) -> tensor<4xf32>{{$}}
func.func private @helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
func.func private @declaration(tensor<4xf32>) -> tensor<4xf32>
