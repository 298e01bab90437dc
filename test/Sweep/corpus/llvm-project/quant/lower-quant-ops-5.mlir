!qalias = !quant.uniform<i8:f32:1, {2.0:10, 3.0:20}>
func.func @dcast_per_channel_ranked(%arg0: tensor<4x?x?x5x!qalias>) -> tensor<4x?x?x5xf32> {
  %0 = quant.dcast %arg0 : tensor<4x?x?x5x!qalias> to tensor<4x?x?x5xf32>
  return %0 : tensor<4x?x?x5xf32>
}
