// RUN: sqz-opt %s --split-input-file --sqz-import-quant --verify-diagnostics

func.func @negative_storage_too_wide(%x: tensor<4xf32>) {
  // expected-error@+1 {{cannot import 'tensor<4x!quant.uniform<i16:f32, 5.000000e-01>>': storage type i16 is not supported (sqz stores i8, u8, i4, u4, i2 or u2)}}
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i16:f32, 0.5>>
  return
}

// -----

func.func @negative_storage_odd_width(%c: tensor<4xi3>) {
  // expected-error@+1 {{storage type u3 is not supported (sqz stores i8, u8, i4, u4, i2 or u2)}}
  %q = quant.scast %c : tensor<4xi3> to tensor<4x!quant.uniform<u3:f32, 0.5:1>>
  return
}

// -----

func.func @negative_storage_range(%x: tensor<4xf32>) {
  // expected-error@+1 {{storage range [-100, 100] of i8 is neither the full range [-128, 127] nor the narrow range [-127, 127]}}
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8<-100:100>:f32, 0.5>>
  return
}

// -----

func.func @negative_storage_range_high(%x: tensor<4xf32>) {
  // expected-error@+1 {{storage range [0, 254] of u8 is neither the full range [0, 255] nor the narrow range [1, 255]}}
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<u8<0:254>:f32, 0.5:3>>
  return
}

// -----

func.func @negative_zero_point_out_of_range(%x: tensor<4xf32>) {
  // expected-error@+1 {{zero point 300 at flat index 0 is outside the storage range [0, 255]}}
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<u8:f32, 0.5:300>>
  return
}

// -----

func.func @negative_zero_point_outside_narrow_range(%x: tensor<4x2xf32>) {
  // expected-error@+1 {{zero point -128 at flat index 1 is outside the storage range [-127, 127]}}
  %q = quant.qcast %x : tensor<4x2xf32> to tensor<4x2x!quant.uniform<i8<-127:127>:f32:1, {0.5:0, 0.5:-128}>>
  return
}

// -----

func.func @negative_not_uniform(%x: tensor<4xf32>) {
  // expected-error@+1 {{cannot import 'tensor<4x!quant.any<i8:f32>>': only !quant.uniform types can be imported}}
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.any<i8:f32>>
  return
}

// -----

func.func @negative_sub_channel_two_axes(%x: tensor<4x8xf32>) {
  // expected-error@+1 {{sub-channel blocks of [2, 4] (an axis left out of the list has a block of the whole dimension) are larger than 1 along axes [0, 1]; per_group blocks one axis, with blocks of 1 along the others}}
  %q = quant.qcast %x : tensor<4x8xf32> to tensor<4x8x!quant.uniform<i8:f32:{0:2, 1:4}, {{0.5, 1.0}, {0.5, 1.0}}>>
  return
}

// -----

// Axis 0 is left out: its block is the whole dimension, 4 rows.
func.func @negative_sub_channel_implicit_axis(%x: tensor<4x8xf32>) {
  // expected-error@+1 {{sub-channel blocks of [4, 4] (an axis left out of the list has a block of the whole dimension) are larger than 1 along axes [0, 1]}}
  %q = quant.qcast %x : tensor<4x8xf32> to tensor<4x8x!quant.uniform<i8:f32:{1:4}, {{0.5, 1.0}}>>
  return
}

// -----

func.func @negative_sub_channel_dynamic_block(%x: tensor<?xf32>) {
  // expected-error@+1 {{the block along axis 0 is the whole dynamic dimension; per_group needs a static group size}}
  %q = quant.qcast %x : tensor<?xf32> to tensor<?x!quant.uniform<i8:f32:{}, {0.5}>>
  return
}

// -----

func.func @negative_scalar(%x: f32) {
  // expected-error@+1 {{cannot import '!quant.uniform<i8:f32, 5.000000e-01>': sqz quantizes ranked tensors, not scalars or unranked tensors}}
  %q = quant.qcast %x : f32 to !quant.uniform<i8:f32, 0.5>
  return
}

// -----

func.func @negative_unranked(%x: tensor<*xf32>) {
  // expected-error@+1 {{sqz quantizes ranked tensors, not scalars or unranked tensors}}
  %q = quant.qcast %x : tensor<*xf32> to tensor<*x!quant.uniform<i8:f32, 0.5>>
  return
}

// -----

// expected-error@+1 {{'func.func' op argument #1 has quantized type 'tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>', which sqz cannot import: quantize inside the function with quant.qcast}}
func.func @negative_function_argument(%x: tensor<4xf32>, %q: tensor<4x!quant.uniform<i8:f32, 0.5>>) -> tensor<4xf32> {
  %d = quant.dcast %q : tensor<4x!quant.uniform<i8:f32, 0.5>> to tensor<4xf32>
  return %d : tensor<4xf32>
}

// -----

// expected-error@+1 {{'func.func' op argument #0 has quantized type}}
func.func private @negative_declaration(tensor<4x!quant.uniform<i8:f32, 0.5>>)

// -----

// expected-error@+1 {{'func.func' op result #0 has quantized type 'tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>', which sqz cannot import: return the quant.dcast of it}}
func.func @negative_function_result(%x: tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.5>> {
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %q : tensor<4x!quant.uniform<i8:f32, 0.5>>
}

// -----

func.func @negative_other_user(%x: tensor<4xf32>) -> index {
  %c0 = arith.constant 0 : index
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.5>>
  // expected-error@+1 {{'tensor.dim' op takes a quantized value (operand #0), which sqz cannot import: only quant.dcast and quant.scast may use one}}
  %n = tensor.dim %q, %c0 : tensor<4x!quant.uniform<i8:f32, 0.5>>
  return %n : index
}

// -----

func.func @negative_other_producer() -> tensor<4xf32> {
  // expected-error@+1 {{'tensor.empty' op produces a quantized value (result #0), which sqz cannot import: only quant.qcast and quant.scast may produce one}}
  %q = tensor.empty() : tensor<4x!quant.uniform<i8:f32, 0.5>>
  %d = quant.dcast %q : tensor<4x!quant.uniform<i8:f32, 0.5>> to tensor<4xf32>
  return %d : tensor<4xf32>
}

// -----

func.func @negative_block_argument(%x: tensor<4xf32>, %n: index) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %q = quant.qcast %x : tensor<4xf32> to tensor<4x!quant.uniform<i8:f32, 0.5>>
  // expected-error@+3 {{'scf.for' op takes a quantized value (operand #3), which sqz cannot import}}
  // expected-error@+2 {{'scf.for' op has a block argument #1 of quantized type 'tensor<4x!quant.uniform<i8:f32, 5.000000e-01>>', which sqz cannot import}}
  // expected-error@+1 {{'scf.for' op produces a quantized value (result #0), which sqz cannot import}}
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %q) -> (tensor<4x!quant.uniform<i8:f32, 0.5>>) {
    scf.yield %a : tensor<4x!quant.uniform<i8:f32, 0.5>>
  }
  %d = quant.dcast %r : tensor<4x!quant.uniform<i8:f32, 0.5>> to tensor<4xf32>
  return %d : tensor<4xf32>
}
