// RUN: sqz-opt %s --sqz-lower-to-cpu | FileCheck %s
// RUN: sqz-opt %s --sqz-lower-to-cpu="fuse-elementwise=0" | FileCheck %s --check-prefix=NOFUSE
// RUN: sqz-opt %s --sqz-lower-to-cpu="vectorize=0" | FileCheck %s --check-prefix=LOOPS
// RUN: sqz-opt %s --sqz-lower-to-cpu="approximate-math=0" | FileCheck %s --check-prefix=LIBM
// RUN: sqz-opt %s --sqz-lower-to-cpu="kernels=0" | FileCheck %s --check-prefix=LIBC

// The output is LLVM dialect only (the pipeline's own check passed, and no op
// of another dialect is printed), and mlir-translate turns it into LLVM IR.
// RUN: sqz-opt %s --sqz-lower-to-cpu | FileCheck %s --check-prefix=ONLY --implicit-check-not="{{(arith|func|memref|linalg|tensor|scf|cf|bufferization|affine|math|vector|ub)\.[a-z_]+}}" --implicit-check-not=unrealized_conversion_cast
// RUN: sqz-opt %s --sqz-lower-to-cpu | mlir-translate --mlir-to-llvmir | FileCheck %s --check-prefix=LLVMIR

// ONLY: module
// ONLY: llvm.func @matmul_i8(

// An i8 x i8 -> i32 matmul stays integer: a 4x16 tile of i32 accumulators
// (sqz-vectorize), rows of B sign-extended to i32, multiplied and added in
// i32; no conversion to float anywhere.
// CHECK-LABEL: llvm.func @matmul_i8(
//  CHECK-SAME:   attributes {llvm.emit_c_interface, sqz.signature = (tensor<4x8xi8>, tensor<8x16xi8>) -> tensor<4x16xi32>}
//       CHECK:   %[[B:.*]] = llvm.load %{{.*}} : !llvm.ptr -> vector<16xi8>
//       CHECK:   %[[BX:.*]] = llvm.sext %[[B]] : vector<16xi8> to vector<16xi32>
//       CHECK:   %[[P:.*]] = llvm.mul %{{.*}}, %[[BX]] : vector<16xi32>
//       CHECK:   llvm.add %[[P]], %{{.*}} : vector<16xi32>
//   CHECK-NOT:   {{sitofp|uitofp|fptosi|fmul|fadd}}
//       CHECK:   llvm.store %{{.*}}, %{{.*}} : vector<16xi32>, !llvm.ptr
//   CHECK-NOT:   {{sitofp|uitofp|fptosi|fmul|fadd}}
// The C interface wrapper: result struct pointer first, then one pointer per
// memref descriptor.
// CHECK-LABEL: llvm.func @_mlir_ciface_matmul_i8(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
//       CHECK:   llvm.call @matmul_i8(

// Without sqz-vectorize, the loops are scalar: one i8 of A and of B at a time.
// LOOPS-LABEL: llvm.func @matmul_i8(
//       LOOPS:   %[[A:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i8
//       LOOPS:   %[[B:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i8
//       LOOPS:   %[[ACC:.*]] = llvm.load %{{.*}} : !llvm.ptr -> i32
//       LOOPS:   %[[AX:.*]] = llvm.sext %[[A]] : i8 to i32
//       LOOPS:   %[[BX:.*]] = llvm.sext %[[B]] : i8 to i32
//       LOOPS:   %[[P:.*]] = llvm.mul %[[AX]], %[[BX]] : i32
//       LOOPS:   %[[S:.*]] = llvm.add %[[ACC]], %[[P]] : i32
//       LOOPS:   llvm.store %[[S]], %{{.*}} : i32, !llvm.ptr

// LLVMIR: define { ptr, ptr, i64, [2 x i64], [2 x i64] } @matmul_i8(
// LLVMIR: sext <16 x i8> %{{.*}} to <16 x i32>
// LLVMIR: define void @_mlir_ciface_matmul_i8(ptr %{{.*}}, ptr %{{.*}}, ptr %{{.*}})
func.func @matmul_i8(%a: tensor<4x8xi8>, %b: tensor<8x16xi8>) -> tensor<4x16xi32> {
  %zero = arith.constant 0 : i32
  %empty = tensor.empty() : tensor<4x16xi32>
  %acc = linalg.fill ins(%zero : i32) outs(%empty : tensor<4x16xi32>) -> tensor<4x16xi32>
  %c = linalg.matmul ins(%a, %b : tensor<4x8xi8>, tensor<8x16xi8>)
                     outs(%acc : tensor<4x16xi32>) -> tensor<4x16xi32>
  return %c : tensor<4x16xi32>
}

// Elementwise ops on whole tensors become one fused loop nest over rows of 8
// (sqz-vectorize): the result is the only buffer. Without fusion, the
// intermediate is allocated and freed. erf has no LLVM intrinsic: it becomes
// vector arithmetic (sqz-cpu-approximate-math), or with approximate-math=0 a
// libm call per element. Buffers come from the runtime's cache
// (sqz/Runtime/BufferCache.h) through MLIR's generic allocation functions;
// with kernels=0 the code needs no runtime and calls the C library.
// CHECK-LABEL: llvm.func @fused_elementwise(
//       CHECK:   llvm.call @_mlir_memref_to_llvm_alloc
//   CHECK-NOT:   llvm.call @_mlir_memref_to_llvm_alloc
//       CHECK:   llvm.fadd %{{.*}}, %{{.*}} : vector<8xf32>
//   CHECK-NOT:   llvm.call @erff(
//   CHECK-NOT:   llvm.call @_mlir_memref_to_llvm_free
// LIBM-LABEL: llvm.func @fused_elementwise(
//       LIBM:   llvm.call @erff(
// NOFUSE-LABEL: llvm.func @fused_elementwise(
//       NOFUSE:   llvm.call @_mlir_memref_to_llvm_alloc
//       NOFUSE:   llvm.call @_mlir_memref_to_llvm_alloc
//       NOFUSE:   llvm.call @_mlir_memref_to_llvm_free
// LIBC-LABEL: llvm.func @fused_elementwise(
//       LIBC:   llvm.call @malloc
//   LIBC-NOT:   _mlir_memref_to_llvm
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
