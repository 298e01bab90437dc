// RUN: sqz-opt %s --split-input-file --sqz-export-quant --verify-diagnostics

!t = !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>

func.func @negative_dynamic_quantize(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{'sqz.quantize' op cannot be exported to quant: its parameters are computed at run time (dynamic), but a quant type holds constant ones}}
  %q = sqz.quantize %x : tensor<4x8xf32> -> !t
  %d = sqz.dequantize %q : !t -> tensor<4x8xf32>
  return %d : tensor<4x8xf32>
}

// -----

!t = !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>

func.func @negative_scales_not_constant(%x: tensor<4x8xf32>, %s: tensor<f32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{'sqz.quantize' op cannot be exported to quant: its scales are not a dense constant, which a quant type needs}}
  %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<4x8xf32> -> !t
  %d = sqz.dequantize %q : !t -> tensor<4x8xf32>
  return %d : tensor<4x8xf32>
}

// -----

!t = !sqz.tensor<4x8xf32, #sqz.quant<u8, per_tensor, asymmetric>>

func.func @negative_zero_points_not_constant(%codes: tensor<4x8xi8>, %z: tensor<i32>) -> tensor<4x8xf32> {
  %s = arith.constant dense<0.5> : tensor<f32>
  // expected-error@+1 {{'sqz.pack' op cannot be exported to quant: its zero points are not a dense constant, which a quant type needs}}
  %w = sqz.pack %codes scales(%s : tensor<f32>) zero_points(%z : tensor<i32>) : tensor<4x8xi8> -> !t
  %d = sqz.dequantize %w : !t -> tensor<4x8xf32>
  return %d : tensor<4x8xf32>
}

// -----

// quant checks scales against the range of the expressed type; sqz does not.
func.func @negative_scale_out_of_expressed_range(%x: tensor<8xf16>) -> tensor<8xf16> {
  %s = arith.constant dense<1.0e10> : tensor<f32>
  // expected-error@+1 {{'sqz.quantize' op cannot be exported to quant: scale 1.000000e+10 at flat index 0 is outside the range of the expressed type f16 [5.960464e-08, 6.550400e+04]}}
  %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<8xf16> -> !sqz.tensor<8xf16, #sqz.quant<i8, per_tensor, symmetric>>
  %d = sqz.dequantize %q : !sqz.tensor<8xf16, #sqz.quant<i8, per_tensor, symmetric>> -> tensor<8xf16>
  return %d : tensor<8xf16>
}

// -----

!sparse = !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<nm(2, 4, 0)>>

func.func @negative_sparse(%codes: tensor<2x8xi8>, %meta: tensor<2x8xi8>) -> tensor<4x8xf32> {
  %s = arith.constant dense<0.5> : tensor<f32>
  // expected-error@+1 {{'sqz.pack' op cannot be exported to quant: sparse tensors (#sqz.sparsity<nm(2, 4, 0)>) have no quant equivalent}}
  %w = sqz.pack %codes scales(%s : tensor<f32>) metadata(%meta : tensor<2x8xi8>) : tensor<2x8xi8> -> !sparse
  %d = sqz.dequantize %w : !sparse -> tensor<4x8xf32>
  return %d : tensor<4x8xf32>
}

// -----

!t = !sqz.tensor<8x4xf32, #sqz.quant<i8, per_channel(1), symmetric>>

func.func @negative_matmul_on_compressed(%x: tensor<2x8xf32>, %codes: tensor<8x4xi8>) -> tensor<2x4xf32> {
  %s = arith.constant dense<0.5> : tensor<4xf32>
  %w = sqz.pack %codes scales(%s : tensor<4xf32>) : tensor<8x4xi8> -> !t
  // expected-error@+1 {{'sqz.matmul' op cannot be exported to quant: quant has no matmul on quantized operands (dequantize them first, at the cost of the integer kernel)}}
  %y = sqz.matmul %x, %w : tensor<2x8xf32>, !t -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}

// -----

func.func @negative_dynamic_fake_quant(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  // expected-error@+1 {{'sqz.fake_quant' op cannot be exported to quant: its parameters are computed at run time (dynamic)}}
  %y = sqz.fake_quant %x as <i8, per_tensor, symmetric> : tensor<4x8xf32>
  return %y : tensor<4x8xf32>
}

// -----

!t = !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>

func.func @negative_unpack_other_scale_type(%codes: tensor<4x8xi8>) -> tensor<f16> {
  %s = arith.constant dense<0.5> : tensor<f32>
  %w = sqz.pack %codes scales(%s : tensor<f32>) : tensor<4x8xi8> -> !t
  // expected-error@+1 {{'sqz.unpack' op cannot be exported to quant: it yields the scales as f16 but they were given as f32}}
  %c, %sc = sqz.unpack %w : !t -> tensor<4x8xi8>, tensor<f16>
  return %sc : tensor<f16>
}

// -----

!t = !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>

// expected-error@+1 {{'func.func' op cannot be exported to quant: argument #0 has the compressed type '!sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>', which quant cannot express: only the results of sqz.quantize and sqz.pack can be exported}}
func.func @negative_function_argument(%w: !t) -> tensor<4x8xf32> {
  %d = sqz.dequantize %w : !t -> tensor<4x8xf32>
  return %d : tensor<4x8xf32>
}

// -----

!t = !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>

// expected-error@+1 {{'func.func' op cannot be exported to quant: result #0 has the compressed type}}
func.func @negative_function_result(%x: tensor<4x8xf32>) -> !t {
  %s = arith.constant dense<0.5> : tensor<f32>
  %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<4x8xf32> -> !t
  return %q : !t
}

// -----

!t = !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>

func.func @negative_other_user_and_producer(%x: tensor<4x8xf32>, %c: i1) -> tensor<4x8xf32> {
  %s = arith.constant dense<0.5> : tensor<f32>
  %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<4x8xf32> -> !t
  // expected-error@+1 {{'scf.if' op cannot be exported to quant: result #0 has the compressed type '!sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>', which quant cannot express: only the results of sqz.quantize and sqz.pack can be exported}}
  %r = scf.if %c -> (!t) {
    // expected-error@+1 {{'scf.yield' op cannot be exported to quant: it takes a compressed value (operand #0); only sqz.dequantize and sqz.unpack of one can be exported}}
    scf.yield %q : !t
  } else {
    // expected-error@+1 {{'scf.yield' op cannot be exported to quant: it takes a compressed value (operand #0)}}
    scf.yield %q : !t
  }
  %d = sqz.dequantize %r : !t -> tensor<4x8xf32>
  return %d : tensor<4x8xf32>
}

// -----

!t = !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>

func.func @negative_block_argument(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %s = arith.constant dense<0.5> : tensor<f32>
  %q = sqz.quantize %x scales(%s : tensor<f32>) : tensor<4x8xf32> -> !t
  // expected-error@+1 {{'cf.br' op cannot be exported to quant: it takes a compressed value (operand #0)}}
  cf.br ^bb1(%q : !t)
// expected-error@-5 {{'func.func' op cannot be exported to quant: block argument #0 has the compressed type}}
^bb1(%a: !t):
  %d = sqz.dequantize %a : !t -> tensor<4x8xf32>
  return %d : tensor<4x8xf32>
}
