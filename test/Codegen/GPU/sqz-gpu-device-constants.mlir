// RUN: sqz-opt %s --sqz-gpu-device-constants | FileCheck %s

// Host code takes the address of a constant global (a weight): it reads it
// through the runtime's device copy instead, with the global's size in
// bytes. Mutable globals are left alone.

// CHECK-LABEL: llvm.func @host(
// CHECK: %[[ADDR:.*]] = llvm.mlir.addressof @weights : !llvm.ptr
// CHECK: %[[BYTES:.*]] = llvm.mlir.constant(64 : i64) : i64
// CHECK: %[[DEV:.*]] = llvm.call @sqzrtCudaDeviceConstant(%[[ADDR]], %[[BYTES]]) : (!llvm.ptr, i64) -> !llvm.ptr
// CHECK: %[[STATE:.*]] = llvm.mlir.addressof @state
// CHECK-NOT: llvm.call
// CHECK: llvm.insertvalue %[[DEV]]
// CHECK: llvm.func @sqzrtCudaDeviceConstant(!llvm.ptr, i64) -> !llvm.ptr
module {
  llvm.mlir.global private constant @weights(dense<1.0> : tensor<4x4xf32>) : !llvm.array<4 x array<4 x f32>>
  llvm.mlir.global private @state(0 : i64) : i64
  llvm.func @host() -> !llvm.struct<(ptr, ptr)> {
    %w = llvm.mlir.addressof @weights : !llvm.ptr
    %s = llvm.mlir.addressof @state : !llvm.ptr
    %u = llvm.mlir.undef : !llvm.struct<(ptr, ptr)>
    %a = llvm.insertvalue %w, %u[0] : !llvm.struct<(ptr, ptr)>
    %b = llvm.insertvalue %s, %a[1] : !llvm.struct<(ptr, ptr)>
    llvm.return %b : !llvm.struct<(ptr, ptr)>
  }
}
