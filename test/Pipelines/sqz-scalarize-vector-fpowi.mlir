// RUN: sqz-opt %s --sqz-scalarize-vector-fpowi | FileCheck %s

// CHECK-LABEL: func.func @fpowi_2d
//  CHECK-SAME:   (%[[X:.*]]: vector<2x2xf32>, %[[N:.*]]: vector<2x2xi32>)
//       CHECK:   %[[X0:.*]] = vector.extract %[[X]][0, 0]
//       CHECK:   %[[N0:.*]] = vector.extract %[[N]][0, 0]
//       CHECK:   %[[P0:.*]] = math.fpowi %[[X0]], %[[N0]] fastmath<fast> : f32, i32
//       CHECK:   vector.extract %[[X]][0, 1]
//       CHECK:   vector.extract %[[X]][1, 0]
//       CHECK:   vector.extract %[[X]][1, 1]
//       CHECK:   %[[R:.*]] = vector.from_elements %[[P0]], %{{.*}}, %{{.*}}, %{{.*}} : vector<2x2xf32>
//       CHECK:   return %[[R]]
func.func @fpowi_2d(%x: vector<2x2xf32>, %n: vector<2x2xi32>) -> vector<2x2xf32> {
  %r = math.fpowi %x, %n fastmath<fast> : vector<2x2xf32>, vector<2x2xi32>
  return %r : vector<2x2xf32>
}

// Scalars are what llvm.intr.powi takes: unchanged.
// CHECK-LABEL: func.func @fpowi_scalar
//       CHECK:   math.fpowi %{{.*}}, %{{.*}} : f64, i32
//   CHECK-NOT:   vector.
func.func @fpowi_scalar(%x: f64, %n: i32) -> f64 {
  %r = math.fpowi %x, %n : f64, i32
  return %r : f64
}
