!qalias = !quant.uniform<i8<-5:10>:f32, 2.0>
func.func @qcast_per_layer_scalar_bounds(%arg0: f32) -> !qalias {
  %0 = quant.qcast %arg0 : f32 to !qalias
  return %0 : !qalias
}
