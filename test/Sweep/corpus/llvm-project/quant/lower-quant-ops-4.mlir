!qalias = !quant.uniform<i8:f32, 2.0:10>
func.func @dcast_per_layer_unranked(%arg0: tensor<*x!qalias>) -> tensor<*xf32> {
  %0 = quant.dcast %arg0 : tensor<*x!qalias> to tensor<*xf32>
  return %0 : tensor<*xf32>
}
