// f32 exp, tanh and erf (scalars and vectors) become polynomial arithmetic
// that stays vector code; other element types and other functions stay.
// RUN: sqz-opt %s --sqz-cpu-approximate-math | FileCheck %s

// CHECK-LABEL: func.func @approximated(
// CHECK-NOT: math.exp
// CHECK-NOT: math.tanh
// CHECK-NOT: math.erf
// CHECK: math.fma {{.*}} : vector<8xf32>
// CHECK: return
func.func @approximated(%v: vector<8xf32>, %s: f32) -> (vector<8xf32>, vector<8xf32>, f32) {
  %e = math.exp %v : vector<8xf32>
  %t = math.tanh %v : vector<8xf32>
  %r = math.erf %s : f32
  return %e, %t, %r : vector<8xf32>, vector<8xf32>, f32
}

// CHECK-LABEL: func.func @kept(
// CHECK: math.exp %{{.*}} : vector<4xf64>
// CHECK: math.log %{{.*}} : vector<8xf32>
func.func @kept(%d: vector<4xf64>, %v: vector<8xf32>) -> (vector<4xf64>, vector<8xf32>) {
  %e = math.exp %d : vector<4xf64>
  %l = math.log %v : vector<8xf32>
  return %e, %l : vector<4xf64>, vector<8xf32>
}
