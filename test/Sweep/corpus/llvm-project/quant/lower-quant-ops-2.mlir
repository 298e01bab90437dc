!qalias = !quant.uniform<i8:f32, 2.0:10>
func.func @dcast_per_layer_0d(%arg0: tensor<!qalias>) -> tensor<f32> {
  %0 = quant.dcast %arg0 : tensor<!qalias> to tensor<f32>
  return %0 : tensor<f32>
}
