!qalias = !quant.uniform<i8:f32:2, {2.0:10, 3.0:20, 4.0:30}>
func.func @dcast_per_channel_unranked(%arg0: tensor<*x!qalias>) -> tensor<*xf32> {
  %0 = quant.dcast %arg0 : tensor<*x!qalias> to tensor<*xf32>
  return %0 : tensor<*xf32>
}
