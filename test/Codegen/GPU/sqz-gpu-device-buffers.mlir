// RUN: sqz-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(sqz-gpu-device-buffers))' | FileCheck %s

// An entry point: its argument is copied to a device buffer on entry, its
// allocations are device allocations, its result is copied back to a new
// host buffer, and the device buffers are freed before it returns.

// CHECK-LABEL: func.func @entry(
// CHECK-SAME: %[[ARG:.*]]: memref<4x?xf32>
// CHECK: %[[DIM:.*]] = memref.dim %[[ARG]], %{{.*}} : memref<4x?xf32>
// CHECK: %[[DARG:.*]] = gpu.alloc (%[[DIM]]) : memref<4x?xf32>
// CHECK: gpu.memcpy %[[DARG]], %[[ARG]]
// CHECK: %[[BUF:.*]] = gpu.alloc (%{{.*}}) : memref<4x?xf32>
// CHECK: linalg.copy ins(%[[DARG]] : memref<4x?xf32>) outs(%[[BUF]] : memref<4x?xf32>)
// CHECK: %[[HOST:.*]] = memref.alloc(%{{.*}}) : memref<4x?xf32>
// CHECK: gpu.memcpy %[[HOST]], %[[BUF]]
// CHECK-DAG: gpu.dealloc %[[BUF]]
// CHECK-DAG: gpu.dealloc %[[DARG]]
// CHECK: return %[[HOST]]
func.func @entry(%arg: memref<4x?xf32>) -> memref<4x?xf32> {
  %c1 = arith.constant 1 : index
  %n = memref.dim %arg, %c1 : memref<4x?xf32>
  %buf = memref.alloc(%n) : memref<4x?xf32>
  memref.copy %arg, %buf : memref<4x?xf32> to memref<4x?xf32>
  return %buf : memref<4x?xf32>
}

// -----

// A private function works on the device buffers its caller passes: only
// its own allocations move.

// CHECK-LABEL: func.func private @helper(
// CHECK-NOT: gpu.memcpy
// CHECK: %[[T:.*]] = gpu.alloc () : memref<8xf32>
// CHECK: gpu.dealloc %[[T]]
// CHECK-NOT: memref.alloc
func.func private @helper(%x: memref<8xf32>) {
  %t = memref.alloc() : memref<8xf32>
  memref.copy %x, %t : memref<8xf32> to memref<8xf32>
  memref.dealloc %t : memref<8xf32>
  return
}

// -----

// A constant result (a global) is copied to the host and never freed.

// CHECK-LABEL: func.func @constant(
// CHECK: %[[G:.*]] = memref.get_global @weights
// CHECK: %[[HOST:.*]] = memref.alloc() : memref<2xf32>
// CHECK: gpu.memcpy %[[HOST]], %[[G]]
// CHECK-NOT: gpu.dealloc
// CHECK: return %[[HOST]]
memref.global "private" constant @weights : memref<2xf32> = dense<[1.0, 2.0]>
func.func @constant() -> memref<2xf32> {
  %g = memref.get_global @weights : memref<2xf32>
  return %g : memref<2xf32>
}

// -----

// What the caller passed as a tensor is read-only (its signature says so);
// a memref it passed may be written, so its device copy goes back before
// the copies are freed.

// CHECK-LABEL: func.func @fill_tensor(
// CHECK-SAME: %[[T:.*]]: memref<4xf32>
// CHECK: gpu.memcpy %[[DT:.*]], %[[T]]
// CHECK-NOT: gpu.memcpy %[[T]]
// CHECK: return
func.func @fill_tensor(%t: memref<4xf32>) attributes {sqz.signature = (tensor<4xf32>) -> ()} {
  return
}

// CHECK-LABEL: func.func @fill_memref(
// CHECK-SAME: %[[M:.*]]: memref<4xf32>
// CHECK: %[[DM:.*]] = gpu.alloc () : memref<4xf32>
// CHECK: gpu.memcpy %[[DM]], %[[M]]
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%[[DM]] : memref<4xf32>)
// CHECK: gpu.memcpy %[[M]], %[[DM]]
// CHECK: gpu.dealloc %[[DM]]
// CHECK: return
func.func @fill_memref(%m: memref<4xf32>) attributes {sqz.signature = (memref<4xf32>) -> ()} {
  %one = arith.constant 1.0 : f32
  linalg.fill ins(%one : f32) outs(%m : memref<4xf32>)
  return
}
