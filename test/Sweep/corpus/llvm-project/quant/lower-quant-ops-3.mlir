!qalias = !quant.uniform<i8:f32, 2.0:10>
func.func @dcast_per_layer_ranked(%arg0: tensor<3x?x5x!qalias>) -> tensor<3x?x5xf32> {
  %0 = quant.dcast %arg0 : tensor<3x?x5x!qalias> to tensor<3x?x5xf32>
  return %0 : tensor<3x?x5xf32>
}
