// RUN: not sqz-opt %s --sqz-gpu-check-host-code 2>&1 | FileCheck %s

// Host code that reads a buffer element itself (here: one no pass mapped
// to a kernel) is an error that names the op; the same op in a kernel is
// fine.

// CHECK: error: 'memref.load' reads or writes buffer elements in host code, but the buffers live in device memory: sqz-lower-to-nvvm maps no kernel to it
// CHECK-NOT: error
module attributes {gpu.container_module} {
  func.func @host(%x: memref<4xf32>) -> f32 {
    %c0 = arith.constant 0 : index
    %v = memref.load %x[%c0] : memref<4xf32>
    return %v : f32
  }
  gpu.module @kernels {
    gpu.func @kernel(%x: memref<4xf32>) kernel {
      %c0 = arith.constant 0 : index
      %v = memref.load %x[%c0] : memref<4xf32>
      memref.store %v, %x[%c0] : memref<4xf32>
      gpu.return
    }
  }
}
