!qalias = !quant.uniform<i8:f32, 2.0:10>
func.func @dcast_per_layer_scalar(%arg0: !qalias) -> f32 {
  %0 = quant.dcast %arg0 : !qalias to f32
  return %0 : f32
}
