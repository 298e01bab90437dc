// A bias that is an exact multiple of the output multiplier moves into the
// i32 accumulator: the result is the same real number, rounded once instead
// of twice, so it matches the unfolded model to within an ulp or two.
// RUN: rm -rf %t && mkdir -p %t
// RUN: sqz-run %s --entry layer --random-inputs --seed 1 --output-dir %t/ref
// RUN: sqz-opt %s --sqz-fold-scales -o %t/folded.mlir
// RUN: FileCheck %s --input-file %t/folded.mlir
// RUN: sqz-run %t/folded.mlir --entry layer --random-inputs --seed 1 --output-dir %t/fold
// RUN: %python %sqz_src_root/python/compare_npy.py %t/fold/out0.npy %t/ref/out0.npy --atol 1e-6 --rtol 1e-6

// CHECK: arith.constant dense<[8, -8, 40]> : tensor<3xi32>
// CHECK-NOT: sqz.matmul
func.func @layer(%x: tensor<16x32xf32>) -> tensor<16x3xf32> {
  %sa = arith.constant dense<0.015625> : tensor<f32>
  %q = sqz.quantize %x scales(%sa : tensor<f32>) : tensor<16x32xf32> -> !sqz.tensor<16x32xf32, #sqz.quant<i8, per_tensor, symmetric>>
  %c = arith.constant dense<[[1, -2, 3], [4, 5, -6], [7, -8, 9], [10, 11, -12], [1, -2, 3], [4, 5, -6], [7, -8, 9], [10, 11, -12], [1, -2, 3], [4, 5, -6], [7, -8, 9], [10, 11, -12], [1, -2, 3], [4, 5, -6], [7, -8, 9], [10, 11, -12], [1, -2, 3], [4, 5, -6], [7, -8, 9], [10, 11, -12], [1, -2, 3], [4, 5, -6], [7, -8, 9], [10, 11, -12], [1, -2, 3], [4, 5, -6], [7, -8, 9], [10, 11, -12], [1, -2, 3], [4, 5, -6], [7, -8, 9], [10, 11, -12]]> : tensor<32x3xi8>
  %sw = arith.constant dense<[8.0, 4.0, 0.5]> : tensor<3xf32>
  %w = sqz.pack %c scales(%sw : tensor<3xf32>) : tensor<32x3xi8> -> !sqz.tensor<32x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %b = arith.constant dense<[1.0, -0.5, 0.3125]> : tensor<3xf32>
  %y = sqz.matmul %q, %w bias(%b : tensor<3xf32>) : !sqz.tensor<16x32xf32, #sqz.quant<i8, per_tensor, symmetric>>, !sqz.tensor<32x3xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<16x3xf32>
  return %y : tensor<16x3xf32>
}
