// CHECK-LABEL:   func.func @elemental_type(
// CHECK-SAME:             %[[ARG0:.*]]: memref<*xi64>) attributes {llvm.emit_c_interface} {
// CHECK:           %[[VAL:.*]] = memref.cast %[[ARG0]] : memref<*xi64> to memref<i64>
// CHECK:           %[[RESULT:.*]] = memref.load %[[VAL]][] : memref<i64>
// CHECK:           call @refbackend_consume_func_return_i64(%[[RESULT]]) : (i64) -> ()
// CHECK:           return
func.func @elemental_type(%arg0: memref<i64>) -> i64 {
  %0 = memref.load %arg0[] : memref<i64>
  return %0 : i64
}
