// RUN: not sqz-opt %s --pass-pipeline='builtin.module(func.func(sqz-gpu-device-buffers))' 2>&1 | FileCheck %s

// A public function takes and returns host buffers: another function that
// calls it on the GPU would pass device buffers. Reported, naming both.

// CHECK: error: sqz-lower-to-nvvm: @caller calls the public function @callee, whose arguments and results are host buffers; make the callee private to call it on the GPU
func.func @callee(%x: memref<4xf32>) -> memref<4xf32> {
  return %x : memref<4xf32>
}

func.func @caller(%x: memref<4xf32>) -> memref<4xf32> {
  %y = func.call @callee(%x) : (memref<4xf32>) -> memref<4xf32>
  return %y : memref<4xf32>
}
