// RUN: sqz-opt %s --sqz-lower-to-cpu | FileCheck %s
// RUN: sqz-opt %s --sqz-lower-to-cpu="fuse-elementwise=0" | FileCheck %s --check-prefix=NOFUSE

// The output is LLVM dialect only (the pipeline's own check passed, and no op
// of another dialect is printed), and mlir-translate turns it into LLVM IR.
// RUN: sqz-opt %s --sqz-lower-to-cpu | FileCheck %s --check-prefix=ONLY --implicit-check-not="{{(arith|func|memref|linalg|tensor|scf|cf|bufferization|affine|math|vector|ub)\.[a-z_]+}}" --implicit-check-not=unrealized_conversion_cast
// RUN: sqz-opt %s --sqz-lower-to-cpu | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=LLVMIR

// ONLY: module
// ONLY: llvm.func @matmul_i8(

// An i8 x i8 -> i32 matmul stays integer: sign-extend, multiply and add in
// i32; no conversion to float anywhere.
// CHECK-LABEL: llvm.func @matmul_i8(
//  CHECK-SAME:   attributes {llvm.emit_c_interface, sqz.signature = (tensor<4x8xi8>, tensor<8x16xi8>) -> tensor<4x16xi32>}
//       CHECK:   %[[A:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i8
//       CHECK:   %[[B:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i8
//       CHECK:   %[[ACC:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i32
//       CHECK:   %[[AX:.*]] = llvm.sext %[[A]] : i8 to i32
//       CHECK:   %[[BX:.*]] = llvm.sext %[[B]] : i8 to i32
//       CHECK:   %[[P:.*]] = llvm.mul %[[AX]], %[[BX]] : i32
//       CHECK:   %[[S:.*]] = llvm.add %[[ACC]], %[[P]] : i32
//       CHECK:   llvm.store %[[S]], %{{.*}} : i32, !llvm.ptr
//   CHECK-NOT:   {{sitofp|uitofp|fptosi|fmul|fadd}}
// The C interface wrapper: result struct pointer first, then one pointer per
// memref descriptor.
// CHECK-LABEL: llvm.func @_mlir_ciface_matmul_i8(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
//       CHECK:   llvm.call @matmul_i8(

// LLVMIR: define { ptr, ptr, i64, [2 x i64], [2 x i64] } @matmul_i8(
// LLVMIR: sext i8 %{{.*}} to i32
// LLVMIR: define void @_mlir_ciface_matmul_i8(ptr %{{.*}}, ptr %{{.*}}, ptr %{{.*}})
func.func @matmul_i8(%a: tensor<4x8xi8>, %b: tensor<8x16xi8>) -> tensor<4x16xi32> {
  %zero = arith.constant 0 : i32
  %empty = tensor.empty() : tensor<4x16xi32>
  %acc = linalg.fill ins(%zero : i32) outs(%empty : tensor<4x16xi32>) -> tensor<4x16xi32>
  %c = linalg.matmul ins(%a, %b : tensor<4x8xi8>, tensor<8x16xi8>)
                     outs(%acc : tensor<4x16xi32>) -> tensor<4x16xi32>
  return %c : tensor<4x16xi32>
}

// Elementwise ops on whole tensors become one fused loop nest: the result is
// the only buffer. Without fusion, the intermediate is allocated and freed.
// erf has no LLVM intrinsic: it becomes a libm call.
// CHECK-LABEL: llvm.func @fused_elementwise(
//       CHECK:   llvm.call @malloc
//   CHECK-NOT:   llvm.call @malloc
//       CHECK:   llvm.fadd
//       CHECK:   llvm.call @erff(
//   CHECK-NOT:   llvm.call @free
// NOFUSE-LABEL: llvm.func @fused_elementwise(
//       NOFUSE:   llvm.call @malloc
//       NOFUSE:   llvm.call @malloc
//       NOFUSE:   llvm.call @free
func.func @fused_elementwise(%x: tensor<8x8xf32>, %y: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %s = arith.addf %x, %y : tensor<8x8xf32>
  %e = math.erf %s : tensor<8x8xf32>
  return %e : tensor<8x8xf32>
}

// Several results come back in one struct behind the first argument; a
// scalar argument is passed by value.
// CHECK-LABEL: llvm.func @_mlir_ciface_two_results(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: f32)
//  CHECK-SAME:   sqz.signature = (tensor<4xf32>, f32) -> (tensor<4xf32>, f32)
func.func @two_results(%x: tensor<4xf32>, %s: f32) -> (tensor<4xf32>, f32) {
  %d = arith.addf %x, %x : tensor<4xf32>
  return %d, %s : tensor<4xf32>, f32
}

// Private functions are no entry points: no C interface.
// CHECK-LABEL: llvm.func @calls_helper(
//   CHECK-NOT:   @_mlir_ciface_helper
// CHECK-LABEL: llvm.func @_mlir_ciface_calls_helper(
func.func @calls_helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = call @helper(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}
func.func private @helper(%x: tensor<4xf32>) -> tensor<4xf32> {
  %r = arith.mulf %x, %x : tensor<4xf32>
  return %r : tensor<4xf32>
}
