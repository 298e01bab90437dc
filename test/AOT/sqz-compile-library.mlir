// What sqz-compile puts into a model library besides the code: the manifest
// (`sqz_model_manifest`, the format of sqz/Support/ModelManifest.h) and, per
// public function, a packed wrapper `_sqz_packed_NAME(void **)` around the
// C interface. Private functions get neither.

// RUN: rm -rf %t && mkdir -p %t
// RUN: sqz-compile %s --emit=llvm-ir -o %t/model.ll
// RUN: FileCheck %s < %t/model.ll

// CHECK: @sqz_model_manifest = {{.*}}constant [{{[0-9]+}} x i8] c"sqz-model 1\0Atarget cpu\0Aentry forward\0Aarg m <f4 2,? tensor<2x?xf32>\0Aarg s <i8 . i64\0Aresult m <f4 2,? tensor<2x?xf32>\0Aresult s <f4 . f32\0Aentry count\0Aarg m |b1 8 tensor<8xi1>\0Aresult s <i4 . i32\0A\00"
// CHECK-NOT: _sqz_packed_helper
// CHECK: define void @_sqz_packed_forward(ptr {{.*}}%0)
// CHECK: define {{.*}}void @_sqz_packed_count(ptr {{.*}}%0)

// The object file and the library export them.
// RUN: sqz-compile %s --emit=object -o %t/model.o
// RUN: sqz-compile %s -o %t/model.so
// RUN: %python %sqz_src_root/python/model_manifest.py %t/model.so | FileCheck %s --check-prefix=LIBRARY
// LIBRARY: sqz-model 1
// LIBRARY-NEXT: target cpu
// LIBRARY-NEXT: entry forward
// RUN: llvm-nm -D --defined-only %t/model.so | FileCheck %s --check-prefix=SYMBOLS
// SYMBOLS-DAG: T _sqz_packed_count
// SYMBOLS-DAG: T _sqz_packed_forward
// SYMBOLS-DAG: R sqz_model_manifest
// SYMBOLS-NOT: helper

func.func @forward(%x: tensor<2x?xf32>, %n: i64) -> (tensor<2x?xf32>, f32) {
  %y = arith.addf %x, %x : tensor<2x?xf32>
  %c = arith.constant 1.0 : f32
  %r = func.call @helper(%c) : (f32) -> f32
  return %y, %r : tensor<2x?xf32>, f32
}

func.func @count(%p: tensor<8xi1>) -> i32 {
  %c = arith.constant 8 : i32
  return %c : i32
}

func.func private @helper(%x: f32) -> f32 {
  return %x : f32
}
