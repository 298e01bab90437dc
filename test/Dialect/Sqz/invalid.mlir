// RUN: sqz-opt %s --split-input-file --verify-diagnostics

// One case per diagnostic of the sqz attribute and type parsers and of the
// attribute, type and op verifiers. Malformed text must give a parse error,
// never a crash.

//===----------------------------------------------------------------------===//
// #sqz.quant: parser
//===----------------------------------------------------------------------===//

// expected-error@+1 {{expected a storage type (i2, i4, i8, u2, u4 or u8)}}
func.func @quant_storage_not_keyword(%a: !sqz.tensor<8xf32, #sqz.quant<8, per_tensor>>)

// -----

// expected-error@+1 {{expected a storage type (i2, i4, i8, u2, u4 or u8), got 'f32'}}
func.func @quant_storage_float(%a: !sqz.tensor<8xf32, #sqz.quant<f32, per_tensor>>)

// -----

// expected-error@+1 {{expected a storage type (i2, i4, i8, u2, u4 or u8), got 'int8'}}
func.func @quant_storage_bad_keyword(%a: !sqz.tensor<8xf32, #sqz.quant<int8, per_tensor>>)

// -----

// expected-error@+1 {{expected a storage type (i2, i4, i8, u2, u4 or u8), got 'u'}}
func.func @quant_storage_no_width(%a: !sqz.tensor<8xf32, #sqz.quant<u, per_tensor, asymmetric>>)

// -----

// expected-error@+1 {{expected per_tensor, per_channel or per_group, got 'per_row'}}
func.func @quant_bad_granularity(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_row>>)

// -----

// expected-error@+1 {{expected '('}}
func.func @quant_per_channel_no_axis(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_channel>>)

// -----

// expected-error@+1 {{expected ','}}
func.func @quant_per_group_no_size(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_group(0)>>)

// -----

// expected-error@+1 {{expected symmetric, asymmetric or narrow_range once each, got 'symmetric'}}
func.func @quant_repeated_flag(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, symmetric, symmetric>>)

// -----

// expected-error@+1 {{expected symmetric, asymmetric or narrow_range once each, got 'asymmetric'}}
func.func @quant_conflicting_flags(%a: !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor, symmetric, asymmetric>>)

// -----

// expected-error@+1 {{expected symmetric, asymmetric or narrow_range once each, got 'narrow_range'}}
func.func @quant_repeated_narrow_range(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, narrow_range, narrow_range>>)

// -----

// expected-error@+1 {{expected symmetric, asymmetric or narrow_range once each, got 'stochastic'}}
func.func @quant_unknown_flag(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor, stochastic>>)

// -----

// expected-error@+1 {{unbalanced '<' character in pretty dialect name}}
func.func @quant_missing_greater(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor>)

// -----

// expected-error@+1 {{expected '>'}}
func.func @quant_trailing_garbage(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor narrow_range>>)

// -----

// expected-error@+1 {{expected ','}}
func.func @quant_missing_comma(%a: !sqz.tensor<8xf32, #sqz.quant<i8 per_tensor>>)

// -----

// expected-error@+1 {{expected '<'}}
func.func @quant_no_parameters(%a: !sqz.tensor<8xf32, #sqz.quant>)

// -----

// expected-error@+1 {{invalid SSA name}}
func.func @quant_garbage(%a: !sqz.tensor<8xf32, #sqz.quant<%%%, 12>>)

// -----

// expected-error@+1 {{expected a storage type (i2, i4, i8, u2, u4 or u8)}}
func.func @quant_storage_string(%a: !sqz.tensor<8xf32, #sqz.quant<"i8", per_tensor>>)

// -----

// expected-error@+1 {{expected integer value}}
func.func @quant_axis_not_integer(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_channel(x)>>)

// -----

// expected-error@+1 {{integer value too large}}
func.func @quant_axis_too_large(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_channel(99999999999999999999)>>)

// -----

// The scheme of sqz.fake_quant is written without `#sqz.quant`: the full
// attribute takes the `: type` that follows it as its own.
func.func @fake_quant_qualified_scheme(%x: tensor<8xf32>) {
  // expected-error@+1 {{expected ':'}}
  %0 = sqz.fake_quant %x as #sqz.quant<i8, per_tensor> : tensor<8xf32>
  return
}

//===----------------------------------------------------------------------===//
// #sqz.quant: verifier
//===----------------------------------------------------------------------===//

// -----

// expected-error@+1 {{storage wider than 8 bits is not supported, got i16}}
func.func @quant_storage_i16(%a: !sqz.tensor<8xf32, #sqz.quant<i16, per_tensor>>)

// -----

// expected-error@+1 {{storage wider than 8 bits is not supported, got u32}}
func.func @quant_storage_u32(%a: !sqz.tensor<8xf32, #sqz.quant<u32, per_tensor, asymmetric>>)

// -----

// expected-error@+1 {{storage must be 2, 4 or 8 bits wide, got i3}}
func.func @quant_storage_i3(%a: !sqz.tensor<8xf32, #sqz.quant<i3, per_tensor>>)

// -----

// expected-error@+1 {{storage must be 2, 4 or 8 bits wide, got u1}}
func.func @quant_storage_u1(%a: !sqz.tensor<8xf32, #sqz.quant<u1, per_tensor, asymmetric>>)

// -----

// expected-error@+1 {{storage must be 2, 4 or 8 bits wide, got i0}}
func.func @quant_storage_i0(%a: !sqz.tensor<8xf32, #sqz.quant<i0, per_tensor>>)

// -----

// expected-error@+1 {{quantization axis must be non-negative, got -1}}
func.func @quant_negative_axis(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_channel(-1)>>)

// -----

// expected-error@+1 {{group size must be positive, got 0}}
func.func @quant_group_size_zero(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_group(0, 0)>>)

// -----

// expected-error@+1 {{group size must be positive, got -4}}
func.func @quant_group_size_negative(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_group(0, -4)>>)

// -----

// `symmetric` is the default.
// expected-error@+1 {{symmetric quantization needs a signed storage type, got u8 (use asymmetric)}}
func.func @quant_symmetric_unsigned_default(%a: !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor>>)

// -----

// expected-error@+1 {{symmetric quantization needs a signed storage type, got u4 (use asymmetric)}}
func.func @quant_symmetric_unsigned(%a: !sqz.tensor<8xf32, #sqz.quant<u4, per_channel(0), symmetric>>)

// -----

// The attribute checks itself outside a type too.
// expected-error@+1 {{symmetric quantization needs a signed storage type, got u2 (use asymmetric)}}
func.func @quant_standalone_invalid() attributes {sqz.scheme = #sqz.quant<u2, per_tensor>}

// -----

// expected-error@+1 {{quantization axis 2 is out of range for a tensor of rank 2}}
func.func @quant_axis_out_of_range(%a: !sqz.tensor<8x8xf32, #sqz.quant<i8, per_channel(2)>>)

// -----

// expected-error@+1 {{quantization axis 0 is out of range for a tensor of rank 0}}
func.func @quant_axis_rank_0(%a: !sqz.tensor<f32, #sqz.quant<i8, per_channel(0)>>)

// -----

// expected-error@+1 {{group size 128 does not divide dimension 1 of size 192}}
func.func @quant_group_size_not_dividing(%a: !sqz.tensor<8x192xf32, #sqz.quant<i4, per_group(1, 128)>>)

//===----------------------------------------------------------------------===//
// #sqz.sparsity
//===----------------------------------------------------------------------===//

// -----

// expected-error@+1 {{expected dense, nm or unstructured, got 'block'}}
func.func @sparsity_bad_kind(%a: !sqz.tensor<8xf32, #sqz.sparsity<block>>)

// -----

// expected-error@+1 {{expected '('}}
func.func @sparsity_nm_no_parameters(%a: !sqz.tensor<8xf32, #sqz.sparsity<nm>>)

// -----

// expected-error@+1 {{expected ','}}
func.func @sparsity_nm_missing_axis(%a: !sqz.tensor<8xf32, #sqz.sparsity<nm(2, 4)>>)

// -----

// expected-error@+1 {{unbalanced '<' character in pretty dialect name}}
func.func @sparsity_missing_greater(%a: !sqz.tensor<8xf32, #sqz.sparsity<unstructured>)

// -----

// expected-error@+1 {{expected '>'}}
func.func @sparsity_trailing_garbage(%a: !sqz.tensor<8xf32, #sqz.sparsity<unstructured, nm>>)

// -----

// expected-error@+1 {{expected '>'}}
func.func @sparsity_dense_with_parameters(%a: !sqz.tensor<8xf32, #sqz.sparsity<dense(2, 4, 0)>>)

// -----

// expected-error@+1 {{N:M sparsity needs 0 < N < M, got 4:4}}
func.func @sparsity_n_equals_m(%a: !sqz.tensor<8xf32, #sqz.sparsity<nm(4, 4, 0)>>)

// -----

// expected-error@+1 {{N:M sparsity needs 0 < N < M, got 5:4}}
func.func @sparsity_n_greater_than_m(%a: !sqz.tensor<8xf32, #sqz.sparsity<nm(5, 4, 0)>>)

// -----

// expected-error@+1 {{N:M sparsity needs 0 < N < M, got 0:4}}
func.func @sparsity_n_zero(%a: !sqz.tensor<8xf32, #sqz.sparsity<nm(0, 4, 0)>>)

// -----

// expected-error@+1 {{sparsity axis must be non-negative, got -1}}
func.func @sparsity_negative_axis(%a: !sqz.tensor<8xf32, #sqz.sparsity<nm(2, 4, -1)>>)

// -----

// expected-error@+1 {{sparsity axis 1 is out of range for a tensor of rank 1}}
func.func @sparsity_axis_out_of_range(%a: !sqz.tensor<8xf32, #sqz.sparsity<nm(2, 4, 1)>>)

// -----

// expected-error@+1 {{M = 4 does not divide dimension 1 of size 6}}
func.func @sparsity_m_not_dividing(%a: !sqz.tensor<8x6xf32, #sqz.sparsity<nm(2, 4, 1)>>)

//===----------------------------------------------------------------------===//
// !sqz.tensor
//===----------------------------------------------------------------------===//

// -----

// expected-error@+1 {{needs a #sqz.quant or a non-dense #sqz.sparsity encoding (without either it is a plain tensor)}}
func.func @tensor_no_encoding(%a: !sqz.tensor<8xf32>)

// -----

// expected-error@+1 {{needs a #sqz.quant or a non-dense #sqz.sparsity encoding (without either it is a plain tensor)}}
func.func @tensor_dense_only(%a: !sqz.tensor<8xf32, #sqz.sparsity<dense>>)

// -----

// expected-error@+1 {{expressed type must be a float type, got 'i32'}}
func.func @tensor_integer_expressed(%a: !sqz.tensor<8xi32, #sqz.quant<i8, per_tensor>>)

// -----

// expected-error@+1 {{expressed type must be a float type, got 'index'}}
func.func @tensor_index_expressed(%a: !sqz.tensor<8xindex, #sqz.sparsity<unstructured>>)

// -----

// expected-error@+1 {{expected one #sqz.quant and one #sqz.sparsity encoding at most, got #sqz.quant<i4, per_tensor, symmetric>}}
func.func @tensor_two_quants(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor>, #sqz.quant<i4, per_tensor>>)

// -----

// expected-error@+1 {{expected one #sqz.quant and one #sqz.sparsity encoding at most, got #sqz.sparsity<unstructured>}}
func.func @tensor_two_sparsities(%a: !sqz.tensor<8xf32, #sqz.sparsity<nm(2, 4, 0)>, #sqz.sparsity<unstructured>>)

// -----

// expected-error@+1 {{expected one #sqz.quant and one #sqz.sparsity encoding at most, got "csr"}}
func.func @tensor_foreign_encoding(%a: !sqz.tensor<8xf32, "csr">)

// -----

// expected-error@+1 {{expected one #sqz.quant and one #sqz.sparsity encoding at most, got i8}}
func.func @tensor_type_as_encoding(%a: !sqz.tensor<8xf32, i8>)

// -----

// expected-error@+1 {{unbalanced '<' character in pretty dialect name}}
func.func @tensor_missing_greater(%a: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor>)

// -----

// expected-error@+1 {{expected attribute value}}
func.func @tensor_trailing_comma(%a: !sqz.tensor<8xf32, >)

// -----

// expected-error@+1 {{expected non-function type}}
func.func @tensor_no_element_type(%a: !sqz.tensor<8x, #sqz.quant<i8, per_tensor>>)

// -----

// expected-error@+1 {{expected '>'}}
func.func @tensor_missing_comma(%a: !sqz.tensor<8xf32 #sqz.quant<i8, per_tensor>>)

// -----

// expected-error@+1 {{expected '<'}}
func.func @tensor_no_parameters(%a: !sqz.tensor)

// -----

// expected-error@+1 {{@ identifier expected to start with letter or '_'}}
func.func @tensor_garbage(%a: !sqz.tensor<@@, ##>)

// -----

// expected-error@+1 {{expected non-function type}}
func.func @tensor_shape_in_parens(%a: !sqz.tensor<(8), f32>)

// -----

// expected-error@+1 {{expected one #sqz.quant and one #sqz.sparsity encoding at most, got 12 : i64}}
func.func @tensor_integer_encoding(%a: !sqz.tensor<8xf32, 12>)

//===----------------------------------------------------------------------===//
// Scales and zero points (sqz.pack, sqz.quantize, sqz.fake_quant)
//===----------------------------------------------------------------------===//

// -----

func.func @pack_scales_missing(%c: tensor<8xi8>) {
  // expected-error@+1 {{'sqz.pack' op a quantized tensor needs scales}}
  %0 = sqz.pack %c : tensor<8xi8> -> !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @pack_zero_points_without_scales(%c: tensor<8xi8>, %z: tensor<i32>) {
  // expected-error@+1 {{'sqz.pack' op zero points are given without scales}}
  %0 = sqz.pack %c zero_points(%z : tensor<i32>) : tensor<8xi8> -> !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  return
}

// -----

func.func @quantize_zero_points_without_scales(%x: tensor<8xf32>, %z: tensor<i32>) {
  // expected-error@+1 {{'sqz.quantize' op zero points are given without scales}}
  %0 = sqz.quantize %x zero_points(%z : tensor<i32>) : tensor<8xf32> -> !sqz.tensor<8xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  return
}

// -----

func.func @pack_scales_shape_per_tensor(%c: tensor<8x4xi8>, %s: tensor<1xf32>) {
  // expected-error@+1 {{'sqz.pack' op scales have shape [1] but #sqz.quant<i8, per_tensor, symmetric> of a tensor of shape [8, 4] needs []}}
  %0 = sqz.pack %c scales(%s : tensor<1xf32>) : tensor<8x4xi8> -> !sqz.tensor<8x4xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @pack_scales_shape_per_channel(%c: tensor<8x4xi8>, %s: tensor<8xf32>) {
  // expected-error@+1 {{'sqz.pack' op scales have shape [8] but #sqz.quant<i8, per_channel(1), symmetric> of a tensor of shape [8, 4] needs [4]}}
  %0 = sqz.pack %c scales(%s : tensor<8xf32>) : tensor<8x4xi8> -> !sqz.tensor<8x4xf32, #sqz.quant<i8, per_channel(1)>>
  return
}

// -----

func.func @pack_scales_shape_per_group(%c: tensor<256x4xi4>, %s: tensor<4x4xf32>) {
  // expected-error@+1 {{'sqz.pack' op scales have shape [4, 4] but #sqz.quant<i4, per_group(0, 128), symmetric> of a tensor of shape [256, 4] needs [2, 4]}}
  %0 = sqz.pack %c scales(%s : tensor<4x4xf32>) : tensor<256x4xi4> -> !sqz.tensor<256x4xf32, #sqz.quant<i4, per_group(0, 128)>>
  return
}

// -----

func.func @quantize_scales_shape_rank(%x: tensor<256x4xf32>, %s: tensor<2xf32>) {
  // expected-error@+1 {{'sqz.quantize' op scales have shape [2] but #sqz.quant<i4, per_group(0, 128), symmetric> of a tensor of shape [256, 4] needs [2, 4]}}
  %0 = sqz.quantize %x scales(%s : tensor<2xf32>) : tensor<256x4xf32> -> !sqz.tensor<256x4xf32, #sqz.quant<i4, per_group(0, 128)>>
  return
}

// -----

func.func @pack_scale_zero(%c: tensor<4xi8>) {
  %s = arith.constant dense<[1.0, 0.5, 0.0, 2.0]> : tensor<4xf32>
  // expected-error@+1 {{'sqz.pack' op scale at flat index 2 must be positive and finite, got 0}}
  %0 = sqz.pack %c scales(%s : tensor<4xf32>) : tensor<4xi8> -> !sqz.tensor<4xf32, #sqz.quant<i8, per_channel(0)>>
  return
}

// -----

func.func @pack_scale_negative(%c: tensor<4xi8>) {
  %s = arith.constant dense<-0.5> : tensor<f32>
  // expected-error@+1 {{'sqz.pack' op scale at flat index 0 must be positive and finite, got -0.5}}
  %0 = sqz.pack %c scales(%s : tensor<f32>) : tensor<4xi8> -> !sqz.tensor<4xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @pack_scale_negative_zero(%c: tensor<4xi8>) {
  %s = arith.constant dense<-0.0> : tensor<f16>
  // expected-error@+1 {{'sqz.pack' op scale at flat index 0 must be positive and finite, got -0}}
  %0 = sqz.pack %c scales(%s : tensor<f16>) : tensor<4xi8> -> !sqz.tensor<4xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @quantize_scale_infinite(%x: tensor<4xf32>) {
  %s = arith.constant dense<0x7F800000> : tensor<f32>
  // expected-error@+1 {{'sqz.quantize' op scale at flat index 0 must be positive and finite, got +Inf}}
  %0 = sqz.quantize %x scales(%s : tensor<f32>) : tensor<4xf32> -> !sqz.tensor<4xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @fake_quant_scale_nan(%x: tensor<4xf32>) {
  %s = arith.constant dense<0x7FC00000> : tensor<f32>
  // expected-error@+1 {{'sqz.fake_quant' op scale at flat index 0 must be positive and finite, got NaN}}
  %0 = sqz.fake_quant %x scales(%s : tensor<f32>) as <i8, per_tensor> : tensor<4xf32>
  return
}

// -----

func.func @pack_zero_points_with_symmetric(%c: tensor<4xi8>, %s: tensor<f32>, %z: tensor<i32>) {
  // expected-error@+1 {{'sqz.pack' op symmetric quantization takes no zero points}}
  %0 = sqz.pack %c scales(%s : tensor<f32>) zero_points(%z : tensor<i32>) : tensor<4xi8> -> !sqz.tensor<4xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @pack_zero_points_missing(%c: tensor<4xi8>, %s: tensor<f32>) {
  // expected-error@+1 {{'sqz.pack' op asymmetric quantization needs zero points}}
  %0 = sqz.pack %c scales(%s : tensor<f32>) : tensor<4xi8> -> !sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  return
}

// -----

func.func @quantize_zero_points_missing(%x: tensor<4xf32>, %s: tensor<f32>) {
  // expected-error@+1 {{'sqz.quantize' op asymmetric quantization needs zero points}}
  %0 = sqz.quantize %x scales(%s : tensor<f32>) : tensor<4xf32> -> !sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  return
}

// -----

func.func @pack_zero_points_shape(%c: tensor<4x8xi8>, %s: tensor<8xf32>, %z: tensor<4xi32>) {
  // expected-error@+1 {{'sqz.pack' op zero points have shape [4] but scales have shape [8]}}
  %0 = sqz.pack %c scales(%s : tensor<8xf32>) zero_points(%z : tensor<4xi32>) : tensor<4x8xi8> -> !sqz.tensor<4x8xf32, #sqz.quant<u8, per_channel(1), asymmetric>>
  return
}

// -----

func.func @pack_zero_point_above_range(%c: tensor<4xi8>, %s: tensor<4xf32>) {
  %z = arith.constant dense<[0, 255, 256, 3]> : tensor<4xi32>
  // expected-error@+1 {{'sqz.pack' op zero point 256 at flat index 2 is outside the storage range [0, 255]}}
  %0 = sqz.pack %c scales(%s : tensor<4xf32>) zero_points(%z : tensor<4xi32>) : tensor<4xi8> -> !sqz.tensor<4xf32, #sqz.quant<u8, per_channel(0), asymmetric>>
  return
}

// -----

func.func @pack_zero_point_below_range(%c: tensor<4xi8>, %s: tensor<f32>) {
  %z = arith.constant dense<-1> : tensor<i32>
  // expected-error@+1 {{'sqz.pack' op zero point -1 at flat index 0 is outside the storage range [0, 255]}}
  %0 = sqz.pack %c scales(%s : tensor<f32>) zero_points(%z : tensor<i32>) : tensor<4xi8> -> !sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  return
}

// -----

// narrow_range drops the lowest code: -8 is outside [-7, 7] for i4.
// A zero point as narrow as the codes is read with their signedness: the i4
// values 15 and -1 are both 15 for u4 (in range); 0 is below narrow_range's 1.
func.func @pack_zero_point_unsigned_storage(%c: tensor<4xi4>, %s: tensor<4xf32>) {
  %z = arith.constant dense<[15, -1, 0, 7]> : tensor<4xi4>
  // expected-error@+1 {{'sqz.pack' op zero point 0 at flat index 2 is outside the storage range [1, 15]}}
  %0 = sqz.pack %c scales(%s : tensor<4xf32>) zero_points(%z : tensor<4xi4>) : tensor<4xi4> -> !sqz.tensor<4xf32, #sqz.quant<u4, per_channel(0), asymmetric, narrow_range>>
  return
}

// -----

func.func @pack_zero_point_narrow_range(%c: tensor<4xi4>, %s: tensor<f32>) {
  %z = arith.constant dense<-8> : tensor<i8>
  // expected-error@+1 {{'sqz.pack' op zero point -8 at flat index 0 is outside the storage range [-7, 7]}}
  %0 = sqz.pack %c scales(%s : tensor<f32>) zero_points(%z : tensor<i8>) : tensor<4xi4> -> !sqz.tensor<4xf32, #sqz.quant<i4, per_tensor, asymmetric, narrow_range>>
  return
}

// -----

// Zero points wider than 64 bits are compared in full, not truncated.
func.func @pack_zero_point_wide(%c: tensor<4xi8>, %s: tensor<f32>) {
  %z = arith.constant dense<18446744073709551617> : tensor<i128>
  // expected-error@+1 {{'sqz.pack' op zero point 18446744073709551617 at flat index 0 is outside the storage range [0, 255]}}
  %0 = sqz.pack %c scales(%s : tensor<f32>) zero_points(%z : tensor<i128>) : tensor<4xi8> -> !sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  return
}

// -----

func.func @quantize_zero_point_out_of_range(%x: tensor<4xf32>, %s: tensor<f32>) {
  %z = arith.constant dense<2> : tensor<i32>
  // expected-error@+1 {{'sqz.quantize' op zero point 2 at flat index 0 is outside the storage range [-2, 1]}}
  %0 = sqz.quantize %x scales(%s : tensor<f32>) zero_points(%z : tensor<i32>) : tensor<4xf32> -> !sqz.tensor<4xf32, #sqz.quant<i2, per_tensor, asymmetric>>
  return
}

//===----------------------------------------------------------------------===//
// sqz.pack
//===----------------------------------------------------------------------===//

// -----

func.func @pack_values_element_type(%c: tensor<4xi4>, %s: tensor<f32>) {
  // expected-error@+1 {{'sqz.pack' op values must be 'tensor<4xi8>' for '!sqz.tensor<4xf32, #sqz.quant<i8, per_tensor, symmetric>>', got 'tensor<4xi4>'}}
  %0 = sqz.pack %c scales(%s : tensor<f32>) : tensor<4xi4> -> !sqz.tensor<4xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @pack_values_shape(%c: tensor<8x4xi8>, %s: tensor<f32>) {
  // expected-error@+1 {{'sqz.pack' op values must be 'tensor<4x8xi8>' for '!sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor, symmetric>>', got 'tensor<8x4xi8>'}}
  %0 = sqz.pack %c scales(%s : tensor<f32>) : tensor<8x4xi8> -> !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

// N:M values have the sparse axis shrunk by n/m.
func.func @pack_values_nm_shape(%v: tensor<8x8xf32>, %m: tensor<8x8xi8>) {
  // expected-error@+1 {{'sqz.pack' op values must be 'tensor<8x4xf32>' for '!sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 1)>>', got 'tensor<8x8xf32>'}}
  %0 = sqz.pack %v metadata(%m : tensor<8x8xi8>) : tensor<8x8xf32> -> !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
  return
}

// -----

// Sparse-only tensors store expressed values, not codes.
func.func @pack_values_sparse_codes(%v: tensor<8x4xi8>, %m: tensor<8x4xi8>) {
  // expected-error@+1 {{'sqz.pack' op values must be 'tensor<8x4xf32>' for '!sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 1)>>', got 'tensor<8x4xi8>'}}
  %0 = sqz.pack %v metadata(%m : tensor<8x4xi8>) : tensor<8x4xi8> -> !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
  return
}

// -----

func.func @pack_values_unstructured_rank(%v: tensor<4x4xf32>, %m: tensor<4x4xi1>) {
  // expected-error@+1 {{'sqz.pack' op values must be 'tensor<?xf32>' for '!sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>', got 'tensor<4x4xf32>'}}
  %0 = sqz.pack %v metadata(%m : tensor<4x4xi1>) : tensor<4x4xf32> -> !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
  return
}

// -----

func.func @pack_unstructured_too_many_values(%v: tensor<17xf32>, %m: tensor<4x4xi1>) {
  // expected-error@+1 {{'sqz.pack' op unstructured values hold 17 elements but the tensor has only 16}}
  %0 = sqz.pack %v metadata(%m : tensor<4x4xi1>) : tensor<17xf32> -> !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
  return
}

// -----

func.func @pack_unquantized_with_scales(%v: tensor<?xf32>, %s: tensor<f32>, %m: tensor<4x4xi1>) {
  // expected-error@+1 {{'sqz.pack' op an unquantized tensor takes no scales or zero points}}
  %0 = sqz.pack %v scales(%s : tensor<f32>) metadata(%m : tensor<4x4xi1>) : tensor<?xf32> -> !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
  return
}

// -----

func.func @pack_unquantized_with_zero_points(%v: tensor<?xf32>, %z: tensor<i32>, %m: tensor<4x4xi1>) {
  // expected-error@+1 {{'sqz.pack' op an unquantized tensor takes no scales or zero points}}
  %0 = sqz.pack %v zero_points(%z : tensor<i32>) metadata(%m : tensor<4x4xi1>) : tensor<?xf32> -> !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
  return
}

// -----

func.func @pack_metadata_missing(%v: tensor<8x4xi8>, %s: tensor<f32>) {
  // expected-error@+1 {{'sqz.pack' op a sparse tensor needs sparsity metadata}}
  %0 = sqz.pack %v scales(%s : tensor<f32>) : tensor<8x4xi8> -> !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<nm(2, 4, 1)>>
  return
}

// -----

func.func @pack_metadata_extra(%v: tensor<8x8xi8>, %s: tensor<f32>, %m: tensor<8x8xi8>) {
  // expected-error@+1 {{'sqz.pack' op a dense tensor takes no sparsity metadata}}
  %0 = sqz.pack %v scales(%s : tensor<f32>) metadata(%m : tensor<8x8xi8>) : tensor<8x8xi8> -> !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @pack_metadata_nm_shape(%v: tensor<8x4xi8>, %s: tensor<f32>, %m: tensor<8x8xi8>) {
  // expected-error@+1 {{'sqz.pack' op N:M metadata must have the values' shape [8, 4], got [8, 8]}}
  %0 = sqz.pack %v scales(%s : tensor<f32>) metadata(%m : tensor<8x8xi8>) : tensor<8x4xi8> -> !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<nm(2, 4, 1)>>
  return
}

// -----

func.func @pack_metadata_nm_too_narrow(%v: tensor<8x4xi8>, %s: tensor<f32>, %m: tensor<8x4xi1>) {
  // expected-error@+1 {{'sqz.pack' op N:M metadata needs at least 2 bits per index, got i1}}
  %0 = sqz.pack %v scales(%s : tensor<f32>) metadata(%m : tensor<8x4xi1>) : tensor<8x4xi8> -> !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<nm(2, 4, 1)>>
  return
}

// -----

func.func @pack_metadata_nm_too_narrow_1_8(%v: tensor<8x1xf32>, %m: tensor<8x1xi2>) {
  // expected-error@+1 {{'sqz.pack' op N:M metadata needs at least 3 bits per index, got i2}}
  %0 = sqz.pack %v metadata(%m : tensor<8x1xi2>) : tensor<8x1xf32> -> !sqz.tensor<8x8xf32, #sqz.sparsity<nm(1, 8, 1)>>
  return
}

// -----

func.func @pack_metadata_nm_out_of_range(%v: tensor<2x2xf32>) {
  %m = arith.constant dense<[[0, 3], [1, 4]]> : tensor<2x2xi8>
  // expected-error@+1 {{'sqz.pack' op N:M metadata at flat index 3: position 4 is outside [0, 4)}}
  %0 = sqz.pack %v metadata(%m : tensor<2x2xi8>) : tensor<2x2xf32> -> !sqz.tensor<2x4xf32, #sqz.sparsity<nm(2, 4, 1)>>
  return
}

// -----

// Positions are unsigned: an i8 -1 is 255.
func.func @pack_metadata_nm_negative(%v: tensor<2x2xf32>) {
  %m = arith.constant dense<[[0, -1], [1, 2]]> : tensor<2x2xi8>
  // expected-error@+1 {{'sqz.pack' op N:M metadata at flat index 1: position 255 is outside [0, 4)}}
  %0 = sqz.pack %v metadata(%m : tensor<2x2xi8>) : tensor<2x2xf32> -> !sqz.tensor<2x4xf32, #sqz.sparsity<nm(2, 4, 1)>>
  return
}

// -----

// Positions wider than 64 bits are refused, not truncated.
func.func @pack_metadata_nm_wide(%v: tensor<1x2xf32>) {
  %m = arith.constant dense<[[0, 18446744073709551617]]> : tensor<1x2xi128>
  // expected-error@+1 {{'sqz.pack' op N:M metadata takes at most 64 bits per index, got i128}}
  %0 = sqz.pack %v metadata(%m : tensor<1x2xi128>) : tensor<1x2xf32> -> !sqz.tensor<1x4xf32, #sqz.sparsity<nm(2, 4, 1)>>
  return
}

// -----

// Within a group, positions strictly increase: a repeated position would
// store two values at one place.
func.func @pack_metadata_nm_repeated(%v: tensor<2x4xf32>) {
  %m = arith.constant dense<[[0, 3, 1, 2], [2, 2, 0, 1]]> : tensor<2x4xi2>
  // expected-error@+1 {{'sqz.pack' op N:M metadata at flat index 5: position 2 does not follow the group's previous position 2 (positions must strictly increase)}}
  %0 = sqz.pack %v metadata(%m : tensor<2x4xi2>) : tensor<2x4xf32> -> !sqz.tensor<2x8xf32, #sqz.sparsity<nm(2, 4, 1)>>
  return
}

// -----

// Groups run along the sparse axis, here axis 0 of a [K, N] weight.
func.func @pack_metadata_nm_decreasing_axis0(%v: tensor<2x3xf32>) {
  %m = arith.constant dense<[[0, 1, 3], [2, 3, 1]]> : tensor<2x3xi2>
  // expected-error@+1 {{'sqz.pack' op N:M metadata at flat index 5: position 1 does not follow the group's previous position 3}}
  %0 = sqz.pack %v metadata(%m : tensor<2x3xi2>) : tensor<2x3xf32> -> !sqz.tensor<4x3xf32, #sqz.sparsity<nm(2, 4, 0)>>
  return
}

// -----

func.func @pack_unstructured_mask_more_bits(%v: tensor<2xf32>) {
  %m = arith.constant dense<[[true, false], [true, true]]> : tensor<2x2xi1>
  // expected-error@+1 {{'sqz.pack' op unstructured mask sets flat index 3 but only 2 values are stored}}
  %0 = sqz.pack %v metadata(%m : tensor<2x2xi1>) : tensor<2xf32> -> !sqz.tensor<2x2xf32, #sqz.sparsity<unstructured>>
  return
}

// -----

func.func @pack_unstructured_mask_fewer_bits(%v: tensor<3xf32>) {
  %m = arith.constant dense<[[true, false], [false, true]]> : tensor<2x2xi1>
  // expected-error@+1 {{'sqz.pack' op unstructured mask sets 2 elements but 3 values are stored}}
  %0 = sqz.pack %v metadata(%m : tensor<2x2xi1>) : tensor<3xf32> -> !sqz.tensor<2x2xf32, #sqz.sparsity<unstructured>>
  return
}

// -----

func.func @pack_unstructured_mask_element_type(%v: tensor<?xf32>, %m: tensor<4x4xi8>) {
  // expected-error@+1 {{'sqz.pack' op unstructured sparsity needs an i1 mask of shape [4, 4], got 'tensor<4x4xi8>'}}
  %0 = sqz.pack %v metadata(%m : tensor<4x4xi8>) : tensor<?xf32> -> !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
  return
}

// -----

func.func @pack_unstructured_mask_shape(%v: tensor<?xf32>, %m: tensor<16xi1>) {
  // expected-error@+1 {{'sqz.pack' op unstructured sparsity needs an i1 mask of shape [4, 4], got 'tensor<16xi1>'}}
  %0 = sqz.pack %v metadata(%m : tensor<16xi1>) : tensor<?xf32> -> !sqz.tensor<4x4xf32, #sqz.sparsity<unstructured>>
  return
}

// -----

func.func @pack_result_not_compressed(%v: tensor<4xf32>) {
  // expected-error@+1 {{'sqz.pack' op result #0 must be compressed tensor, but got 'tensor<4xf32>'}}
  %0 = sqz.pack %v : tensor<4xf32> -> tensor<4xf32>
  return
}

//===----------------------------------------------------------------------===//
// sqz.unpack
//===----------------------------------------------------------------------===//

// -----

func.func @unpack_too_few_results(%w: !sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>>) {
  // expected-error@+1 {{'sqz.unpack' op expected 3 results (values, scales, zero points) for '!sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>>', got 2}}
  %0:2 = sqz.unpack %w : !sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>> -> tensor<4xi8>, tensor<f32>
  return
}

// -----

func.func @unpack_too_many_results(%w: !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<nm(2, 4, 1)>>) {
  // expected-error@+1 {{'sqz.unpack' op expected 3 results (values, scales, metadata) for '!sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<nm(2, 4, 1)>>', got 4}}
  %0:4 = sqz.unpack %w : !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<nm(2, 4, 1)>> -> tensor<8x4xi8>, tensor<f32>, tensor<i32>, tensor<8x4xi8>
  return
}

// -----

func.func @unpack_values_type(%w: !sqz.tensor<4xf32, #sqz.quant<i4, per_tensor>>) {
  // expected-error@+1 {{'sqz.unpack' op values must be 'tensor<4xi4>', got 'tensor<4xi8>'}}
  %0:2 = sqz.unpack %w : !sqz.tensor<4xf32, #sqz.quant<i4, per_tensor>> -> tensor<4xi8>, tensor<f32>
  return
}

// -----

func.func @unpack_values_shape(%w: !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 0)>>) {
  // expected-error@+1 {{'sqz.unpack' op values must be 'tensor<4x8xf32>', got 'tensor<8x4xf32>'}}
  %0:2 = sqz.unpack %w : !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<8x4xf32>, tensor<8x4xi8>
  return
}

// -----

func.func @unpack_scales_shape(%w: !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(1)>>) {
  // expected-error@+1 {{'sqz.unpack' op scales must be a float tensor of shape [8], got 'tensor<4xf32>'}}
  %0:2 = sqz.unpack %w : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(1)>> -> tensor<4x8xi8>, tensor<4xf32>
  return
}

// -----

func.func @unpack_scales_element_type(%w: !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(1)>>) {
  // expected-error@+1 {{'sqz.unpack' op scales must be a float tensor of shape [8], got 'tensor<8xi32>'}}
  %0:2 = sqz.unpack %w : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_channel(1)>> -> tensor<4x8xi8>, tensor<8xi32>
  return
}

// -----

func.func @unpack_zero_points_type(%w: !sqz.tensor<4x8xf32, #sqz.quant<u8, per_channel(1), asymmetric>>) {
  // expected-error@+1 {{'sqz.unpack' op zero points must be an integer tensor of shape [8], got 'tensor<8xf32>'}}
  %0:3 = sqz.unpack %w : !sqz.tensor<4x8xf32, #sqz.quant<u8, per_channel(1), asymmetric>> -> tensor<4x8xi8>, tensor<8xf32>, tensor<8xf32>
  return
}

// -----

func.func @unpack_zero_points_shape(%w: !sqz.tensor<4x8xf32, #sqz.quant<u8, per_channel(1), asymmetric>>) {
  // expected-error@+1 {{'sqz.unpack' op zero points must be an integer tensor of shape [8], got 'tensor<4xi32>'}}
  %0:3 = sqz.unpack %w : !sqz.tensor<4x8xf32, #sqz.quant<u8, per_channel(1), asymmetric>> -> tensor<4x8xi8>, tensor<8xf32>, tensor<4xi32>
  return
}

// -----

func.func @unpack_metadata_element_type(%w: !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 0)>>) {
  // expected-error@+1 {{'sqz.unpack' op metadata must be an integer tensor, got 'tensor<4x8xf32>'}}
  %0:2 = sqz.unpack %w : !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<4x8xf32>, tensor<4x8xf32>
  return
}

// -----

func.func @unpack_metadata_nm_shape(%w: !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 0)>>) {
  // expected-error@+1 {{'sqz.unpack' op N:M metadata must have the values' shape [4, 8], got [8, 8]}}
  %0:2 = sqz.unpack %w : !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<4x8xf32>, tensor<8x8xi8>
  return
}

// -----

func.func @unpack_metadata_nm_too_narrow(%w: !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 0)>>) {
  // expected-error@+1 {{'sqz.unpack' op N:M metadata needs at least 2 bits per index, got i1}}
  %0:2 = sqz.unpack %w : !sqz.tensor<8x8xf32, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<4x8xf32>, tensor<4x8xi1>
  return
}

// -----

func.func @unpack_metadata_unstructured_mask(%w: !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<unstructured>>) {
  // expected-error@+1 {{'sqz.unpack' op unstructured sparsity needs an i1 mask of shape [4, 8], got 'tensor<4x8xi8>'}}
  %0:3 = sqz.unpack %w : !sqz.tensor<4x8xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<unstructured>> -> tensor<?xi8>, tensor<f32>, tensor<4x8xi8>
  return
}

//===----------------------------------------------------------------------===//
// sqz.quantize / sqz.dequantize / sqz.fake_quant
//===----------------------------------------------------------------------===//

// -----

func.func @quantize_to_sparse(%x: tensor<8x8xf32>) {
  // expected-error@+1 {{'sqz.quantize' op produces dense tensors; build sparse ones with sqz.pack, got '!sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<nm(2, 4, 1)>>'}}
  %0 = sqz.quantize %x : tensor<8x8xf32> -> !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>, #sqz.sparsity<nm(2, 4, 1)>>
  return
}

// -----

func.func @quantize_to_unquantized(%x: tensor<8x8xf32>) {
  // expected-error@+1 {{'sqz.quantize' op result must be quantized, got '!sqz.tensor<8x8xf32, #sqz.sparsity<unstructured>>'}}
  %0 = sqz.quantize %x : tensor<8x8xf32> -> !sqz.tensor<8x8xf32, #sqz.sparsity<unstructured>>
  return
}

// -----

func.func @quantize_input_shape(%x: tensor<8x4xf32>) {
  // expected-error@+1 {{'sqz.quantize' op input 'tensor<8x4xf32>' does not match the shape and expressed type of '!sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor, symmetric>>'}}
  %0 = sqz.quantize %x : tensor<8x4xf32> -> !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @quantize_input_element_type(%x: tensor<8x8xf16>) {
  // expected-error@+1 {{'sqz.quantize' op input 'tensor<8x8xf16>' does not match the shape and expressed type of '!sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor, symmetric>>'}}
  %0 = sqz.quantize %x : tensor<8x8xf16> -> !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @quantize_integer_input(%x: tensor<8x8xi8>) {
  // expected-error@+1 {{'sqz.quantize' op operand #0 must be ranked tensor of floating-point values, but got 'tensor<8x8xi8>'}}
  %0 = sqz.quantize %x : tensor<8x8xi8> -> !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>>
  return
}

// -----

func.func @dequantize_result_shape(%q: !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>>) {
  // expected-error@+1 {{'sqz.dequantize' op result 'tensor<8x4xf32>' does not match the shape and expressed type of '!sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor, symmetric>>'}}
  %0 = sqz.dequantize %q : !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>> -> tensor<8x4xf32>
  return
}

// -----

func.func @dequantize_result_element_type(%q: !sqz.tensor<8x8xf32, #sqz.sparsity<unstructured>>) {
  // expected-error@+1 {{'sqz.dequantize' op result 'tensor<8x8xbf16>' does not match the shape and expressed type of '!sqz.tensor<8x8xf32, #sqz.sparsity<unstructured>>'}}
  %0 = sqz.dequantize %q : !sqz.tensor<8x8xf32, #sqz.sparsity<unstructured>> -> tensor<8x8xbf16>
  return
}

// -----

func.func @dequantize_result_rank(%q: !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>>) {
  // expected-error@+1 {{'sqz.dequantize' op result 'tensor<64xf32>' does not match the shape and expressed type of '!sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor, symmetric>>'}}
  %0 = sqz.dequantize %q : !sqz.tensor<8x8xf32, #sqz.quant<i8, per_tensor>> -> tensor<64xf32>
  return
}

// -----

func.func @fake_quant_axis_out_of_range(%x: tensor<8x8xf32>) {
  // expected-error@+1 {{'sqz.fake_quant' op quantization axis 2 is out of range for a tensor of rank 2}}
  %0 = sqz.fake_quant %x as <i8, per_channel(2)> : tensor<8x8xf32>
  return
}

// -----

func.func @fake_quant_group_size_not_dividing(%x: tensor<8x8xf32>) {
  // expected-error@+1 {{'sqz.fake_quant' op group size 3 does not divide dimension 0 of size 8}}
  %0 = sqz.fake_quant %x as <i8, per_group(0, 3)> : tensor<8x8xf32>
  return
}

// -----

func.func @fake_quant_scales_shape(%x: tensor<8x4xf32>, %s: tensor<8xf32>) {
  // expected-error@+1 {{'sqz.fake_quant' op scales have shape [8] but #sqz.quant<i8, per_channel(1), symmetric> of a tensor of shape [8, 4] needs [4]}}
  %0 = sqz.fake_quant %x scales(%s : tensor<8xf32>) as <i8, per_channel(1)> : tensor<8x4xf32>
  return
}

// -----

func.func @fake_quant_zero_points_with_symmetric(%x: tensor<8x4xf32>, %s: tensor<4xf32>, %z: tensor<4xi32>) {
  // expected-error@+1 {{'sqz.fake_quant' op symmetric quantization takes no zero points}}
  %0 = sqz.fake_quant %x scales(%s : tensor<4xf32>) zero_points(%z : tensor<4xi32>) as <i8, per_channel(1)> : tensor<8x4xf32>
  return
}

// -----

func.func @fake_quant_zero_points_missing(%x: tensor<8x4xf32>, %s: tensor<4xf32>) {
  // expected-error@+1 {{'sqz.fake_quant' op asymmetric quantization needs zero points}}
  %0 = sqz.fake_quant %x scales(%s : tensor<4xf32>) as <u8, per_channel(1), asymmetric> : tensor<8x4xf32>
  return
}

// -----

func.func @fake_quant_zero_points_without_scales(%x: tensor<8x4xf32>, %z: tensor<4xi32>) {
  // expected-error@+1 {{'sqz.fake_quant' op zero points are given without scales}}
  %0 = sqz.fake_quant %x zero_points(%z : tensor<4xi32>) as <u8, per_channel(1), asymmetric> : tensor<8x4xf32>
  return
}

// -----

func.func @fake_quant_zero_points_shape(%x: tensor<8x4xf32>, %s: tensor<4xf32>, %z: tensor<8xi32>) {
  // expected-error@+1 {{'sqz.fake_quant' op zero points have shape [8] but scales have shape [4]}}
  %0 = sqz.fake_quant %x scales(%s : tensor<4xf32>) zero_points(%z : tensor<8xi32>) as <u8, per_channel(1), asymmetric> : tensor<8x4xf32>
  return
}

// -----

func.func @fake_quant_bad_scheme(%x: tensor<8x4xf32>) {
  // expected-error@+1 {{symmetric quantization needs a signed storage type, got u8 (use asymmetric)}}
  %0 = sqz.fake_quant %x as <u8, per_tensor> : tensor<8x4xf32>
  return
}

// -----

func.func @fake_quant_result_type(%x: tensor<8x4xf32>) {
  // expected-error@+1 {{'sqz.fake_quant' op failed to verify that all of {input, result} have same type}}
  %0 = "sqz.fake_quant"(%x) <{quant = #sqz.quant<i8, per_tensor>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (tensor<8x4xf32>) -> tensor<8x4xf16>
  return
}

//===----------------------------------------------------------------------===//
// sqz.matmul
//===----------------------------------------------------------------------===//

// -----

func.func @matmul_lhs_rank_1(%a: tensor<8xf32>, %b: tensor<8x4xf32>) {
  // expected-error@+1 {{'sqz.matmul' op lhs must be [M, K] or [B, M, K], got rank 1}}
  %0 = sqz.matmul %a, %b : tensor<8xf32>, tensor<8x4xf32> -> tensor<4xf32>
  return
}

// -----

func.func @matmul_lhs_rank_4(%a: tensor<2x2x8x8xf32>, %b: tensor<8x4xf32>) {
  // expected-error@+1 {{'sqz.matmul' op lhs must be [M, K] or [B, M, K], got rank 4}}
  %0 = sqz.matmul %a, %b : tensor<2x2x8x8xf32>, tensor<8x4xf32> -> tensor<2x2x8x4xf32>
  return
}

// -----

func.func @matmul_rhs_3d_with_2d_lhs(%a: tensor<8x8xf32>, %b: tensor<2x8x4xf32>) {
  // expected-error@+1 {{'sqz.matmul' op rhs must be 2-D, or 3-D with a 3-D lhs, got rank 3}}
  %0 = sqz.matmul %a, %b : tensor<8x8xf32>, tensor<2x8x4xf32> -> tensor<2x8x4xf32>
  return
}

// -----

func.func @matmul_rhs_rank_1(%a: tensor<8x8xf32>, %b: !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor>>) {
  // expected-error@+1 {{'sqz.matmul' op rhs must be 2-D, or 3-D with a 3-D lhs, got rank 1}}
  %0 = sqz.matmul %a, %b : tensor<8x8xf32>, !sqz.tensor<8xf32, #sqz.quant<i8, per_tensor>> -> tensor<8xf32>
  return
}

// -----

func.func @matmul_k_mismatch(%a: tensor<8x16xf32>, %b: tensor<32x4xf32>) {
  // expected-error@+1 {{'sqz.matmul' op reduction sizes differ: lhs has K = 16, rhs has K = 32 (rhs is [K, N])}}
  %0 = sqz.matmul %a, %b : tensor<8x16xf32>, tensor<32x4xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @matmul_k_mismatch_transposed(%a: tensor<8x16xf32>, %w: !sqz.tensor<16x4xf32, #sqz.quant<i8, per_channel(0)>>) {
  // expected-error@+1 {{'sqz.matmul' op reduction sizes differ: lhs has K = 16, rhs has K = 4 (rhs is [N, K])}}
  %0 = sqz.matmul %a, %w {rhs_transposed} : tensor<8x16xf32>, !sqz.tensor<16x4xf32, #sqz.quant<i8, per_channel(0)>> -> tensor<8x16xf32>
  return
}

// -----

func.func @matmul_batch_mismatch(%a: tensor<2x8x16xf32>, %b: tensor<3x16x4xf32>) {
  // expected-error@+1 {{'sqz.matmul' op batch sizes differ: lhs has 2, rhs has 3}}
  %0 = sqz.matmul %a, %b : tensor<2x8x16xf32>, tensor<3x16x4xf32> -> tensor<2x8x4xf32>
  return
}

// -----

func.func @matmul_result_shape(%a: tensor<8x16xf32>, %b: tensor<16x4xf32>) {
  // expected-error@+1 {{'sqz.matmul' op result shape [8, 16] does not match [8, 4]}}
  %0 = sqz.matmul %a, %b : tensor<8x16xf32>, tensor<16x4xf32> -> tensor<8x16xf32>
  return
}

// -----

func.func @matmul_result_rank_batched(%a: tensor<2x8x16xf32>, %b: tensor<16x4xf32>) {
  // expected-error@+1 {{'sqz.matmul' op result shape [8, 4] does not match [2, 8, 4]}}
  %0 = sqz.matmul %a, %b : tensor<2x8x16xf32>, tensor<16x4xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @matmul_element_type(%a: tensor<8x16xf16>, %b: tensor<16x4xf32>) {
  // expected-error@+1 {{'sqz.matmul' op operands must have the result's element type 'f32', got 'f16' and 'f32'}}
  %0 = sqz.matmul %a, %b : tensor<8x16xf16>, tensor<16x4xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @matmul_element_type_compressed(%a: tensor<8x16xf32>, %w: !sqz.tensor<16x4xbf16, #sqz.quant<i8, per_tensor>>) {
  // expected-error@+1 {{'sqz.matmul' op operands must have the result's element type 'f32', got 'f32' and 'bf16'}}
  %0 = sqz.matmul %a, %w : tensor<8x16xf32>, !sqz.tensor<16x4xbf16, #sqz.quant<i8, per_tensor>> -> tensor<8x4xf32>
  return
}

// -----

func.func @matmul_bias_shape(%a: tensor<8x16xf32>, %b: tensor<16x4xf32>, %bias: tensor<8xf32>) {
  // expected-error@+1 {{'sqz.matmul' op bias must be [N] = [4] of 'f32', got 'tensor<8xf32>'}}
  %0 = sqz.matmul %a, %b bias(%bias : tensor<8xf32>) : tensor<8x16xf32>, tensor<16x4xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @matmul_bias_element_type(%a: tensor<8x16xf32>, %b: tensor<16x4xf32>, %bias: tensor<4xf16>) {
  // expected-error@+1 {{'sqz.matmul' op bias must be [N] = [4] of 'f32', got 'tensor<4xf16>'}}
  %0 = sqz.matmul %a, %b bias(%bias : tensor<4xf16>) : tensor<8x16xf32>, tensor<16x4xf32> -> tensor<8x4xf32>
  return
}

// -----

func.func @matmul_integer_operand(%a: tensor<8x16xi8>, %b: tensor<16x4xf32>) {
  // expected-error@+1 {{'sqz.matmul' op operand #0 must be float tensor or compressed tensor, but got 'tensor<8x16xi8>'}}
  %0 = sqz.matmul %a, %b : tensor<8x16xi8>, tensor<16x4xf32> -> tensor<8x4xf32>
  return
}

//===----------------------------------------------------------------------===//
// sqz.observe
//===----------------------------------------------------------------------===//

// -----

func.func @observe_empty_id(%x: tensor<4xf32>) {
  // expected-error@+1 {{'sqz.observe' op needs a non-empty id}}
  %0 = sqz.observe %x {id = ""} : tensor<4xf32>
  return
}

// -----

func.func @observe_missing_id(%x: tensor<4xf32>) {
  // expected-error@+1 {{'sqz.observe' op requires attribute 'id'}}
  %0 = sqz.observe %x : tensor<4xf32>
  return
}
