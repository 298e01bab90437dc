// RUN: sqz-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(sqz-gpu-map-loops{block-size=128}))' | FileCheck %s
// RUN: not sqz-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(sqz-gpu-map-loops{block-size=2048}))' 2>&1 | FileCheck %s --check-prefix=SIZE
// SIZE: error: sqz-gpu-map-loops: block-size must be in [1, 1024], got 2048

// A 2-D parallel loop is collapsed into one dimension of 128-wide tiles:
// tiles on blocks, iterations on threads, the last tile guarded; the
// reduction loop inside stays sequential in each thread.

// CHECK-LABEL: func.func @matmul_loops(
// CHECK: scf.parallel (%[[TILE:.*]]) = (%{{.*}}) to (%{{.*}}) step (%{{.*}})
// CHECK:   scf.parallel (%[[LANE:.*]]) = (%{{.*}}) to (%{{.*}}) step (%{{.*}})
// CHECK:     scf.if
// CHECK:       scf.for
// CHECK:   } {mapping = [#gpu.loop_dim_map<processor = thread_x, map = (d0) -> (d0), bound = (d0) -> (d0)>]}
// CHECK: } {mapping = [#gpu.loop_dim_map<processor = block_x, map = (d0) -> (d0), bound = (d0) -> (d0)>]}
func.func @matmul_loops(%a: memref<4x8xf32>, %b: memref<8x16xf32>, %c: memref<4x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c16) step (%c1, %c1) {
    scf.for %k = %c0 to %c8 step %c1 {
      %x = memref.load %a[%i, %k] : memref<4x8xf32>
      %y = memref.load %b[%k, %j] : memref<8x16xf32>
      %z = memref.load %c[%i, %j] : memref<4x16xf32>
      %p = arith.mulf %x, %y : f32
      %s = arith.addf %z, %p : f32
      memref.store %s, %c[%i, %j] : memref<4x16xf32>
    }
    scf.reduce
  }
  return
}

// -----

// A loop nest without parallel dimensions (a reduction to a scalar) runs on
// one thread of one block.

// CHECK-LABEL: func.func @sum(
// CHECK: scf.parallel
// CHECK:   scf.parallel
// CHECK:     scf.if
// CHECK:       scf.for
// CHECK: block_x
func.func @sum(%x: memref<64xf32>, %out: memref<f32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  scf.for %i = %c0 to %c64 step %c1 {
    %v = memref.load %x[%i] : memref<64xf32>
    %s = memref.load %out[] : memref<f32>
    %t = arith.addf %s, %v : f32
    memref.store %t, %out[] : memref<f32>
  }
  return
}

// -----

// A reduction over a middle dimension (mean pooling over tokens): the
// parallel loop nested in the reduction loop becomes a sequential loop of
// the thread, since a kernel cannot launch inside one.

// CHECK-LABEL: func.func @pool(
// CHECK: scf.parallel
// CHECK:   scf.parallel
// CHECK:     scf.if
// CHECK:       scf.for
// CHECK:         scf.for
// CHECK-NOT:       scf.parallel
// CHECK:           memref.load
func.func @pool(%x: memref<2x3x4xf32>, %out: memref<2x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  scf.parallel (%i) = (%c0) to (%c2) step (%c1) {
    scf.for %t = %c0 to %c3 step %c1 {
      scf.parallel (%j) = (%c0) to (%c4) step (%c1) {
        %v = memref.load %x[%i, %t, %j] : memref<2x3x4xf32>
        %s = memref.load %out[%i, %j] : memref<2x4xf32>
        %r = arith.addf %v, %s : f32
        memref.store %r, %out[%i, %j] : memref<2x4xf32>
        scf.reduce
      }
    }
    scf.reduce
  }
  return
}
