// RUN: not sqz-opt %s --split-input-file --sqz-gpu-check-host-code 2>&1 | FileCheck %s

// Host code that hands a device buffer to something that reads it on the
// host: a reshape reads its shape operand, an external function its
// arguments. Both are reported before they could fault at run time.

// CHECK: error: 'memref.reshape' reads or writes buffer elements in host code
func.func @reshape(%x: memref<8xf32>, %shape: memref<2xindex>) -> memref<?x?xf32> {
  %r = memref.reshape %x(%shape) : (memref<8xf32>, memref<2xindex>) -> memref<?x?xf32>
  return %r : memref<?x?xf32>
}

// -----

// CHECK: error: 'func.call' reads or writes buffer elements in host code
func.func private @consume(memref<8xf32>)
func.func @call(%x: memref<8xf32>) {
  func.call @consume(%x) : (memref<8xf32>) -> ()
  return
}
