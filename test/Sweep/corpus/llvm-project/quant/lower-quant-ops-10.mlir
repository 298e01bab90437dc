!qalias = !quant.uniform<i8:f32, 2.0:10>
func.func @qcast_per_layer_0d(%arg0: tensor<f32>) -> tensor<!qalias> {
  %0 = quant.qcast %arg0 : tensor<f32> to tensor<!qalias>
  return %0 : tensor<!qalias>
}
