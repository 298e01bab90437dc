// RUN: sqz-opt %s --split-input-file --convert-sqz-to-linalg -verify-diagnostics

// The verifier lets an unpack promise scales of another float type than the
// stored ones; the lowering has no value of that type to give.
!i8c = !sqz.tensor<4x4xf32, #sqz.quant<i8, per_channel(1), symmetric>>
func.func @negative_scales_type(%c: tensor<4x4xi8>, %s: tensor<4xf32>) -> tensor<4xf16> {
  %p = sqz.pack %c scales(%s : tensor<4xf32>) : tensor<4x4xi8> -> !i8c
  // expected-error@+1 {{'sqz.unpack' op result #1 is 'tensor<4xf16>', but the stored part is 'tensor<4xf32>'}}
  %v, %sc = sqz.unpack %p : !i8c -> tensor<4x4xi8>, tensor<4xf16>
  return %sc : tensor<4xf16>
}
