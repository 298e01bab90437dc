// Merging lossless requantizations: each function runs with and without
// sqz-fold-scales. A dequantize of a merged chain is bit-identical (compared
// exactly; the chain ends in a lossy link, which stays). A matmul that reads
// the original tensor forms its output multiplier from the original scale
// (0.3 x sw instead of 0.1 x sw times 3 in the codes), the same real number
// rounded differently: within 1e-6 relative.
// RUN: rm -rf %t && mkdir -p %t
// RUN: sqz-opt %s --sqz-fold-scales > %t/folded.mlir
// RUN: FileCheck %s --input-file %t/folded.mlir
// RUN: for f in chain matmul; do \
// RUN:   sqz-run %s --entry $f --output-dir %t/plain-$f && \
// RUN:   sqz-run %t/folded.mlir --entry $f --output-dir %t/folded-$f || exit 1; done
// RUN: %python %sqz_src_root/python/compare_npy.py --exact %t/folded-chain/out0.npy %t/plain-chain/out0.npy
// RUN: %python %sqz_src_root/python/compare_npy.py --exact %t/folded-chain/out1.npy %t/plain-chain/out1.npy
// RUN: %python %sqz_src_root/python/compare_npy.py --rtol 1e-6 %t/folded-matmul/out0.npy %t/plain-matmul/out0.npy

!a = !sqz.tensor<2x8xf32, #sqz.quant<u4, per_channel(1), asymmetric>>
!b = !sqz.tensor<2x8xf32, #sqz.quant<u8, per_tensor, asymmetric>>
!c = !sqz.tensor<2x8xf32, #sqz.quant<i8, per_tensor, symmetric>>
// CHECK-LABEL: func.func @chain
// CHECK-COUNT-1: sqz.quantize
// CHECK-NOT: sqz.quantize
func.func @chain() -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %codes = arith.constant dense<[[0, 1, 2, 3, 12, 13, 14, 15], [7, 8, 9, 4, 5, 6, 10, 11]]> : tensor<2x8xi4>
  %sa = arith.constant dense<[0.375, 0.75, 0.1875, 0.375, 0.75, 0.09375, 0.75, 0.375]> : tensor<8xf32>
  %za = arith.constant dense<[8, 3, 0, 15, 7, 9, 1, 8]> : tensor<8xi32>
  %sb = arith.constant dense<0.09375> : tensor<f32>
  %zb = arith.constant dense<128> : tensor<i32>
  %sc = arith.constant dense<0.1> : tensor<f32>
  %a = sqz.pack %codes scales(%sa : tensor<8xf32>) zero_points(%za : tensor<8xi32>) : tensor<2x8xi4> -> !a
  %da = sqz.dequantize %a : !a -> tensor<2x8xf32>
  %b = sqz.quantize %da scales(%sb : tensor<f32>) zero_points(%zb : tensor<i32>) : tensor<2x8xf32> -> !b
  %db = sqz.dequantize %b : !b -> tensor<2x8xf32>
  %c = sqz.quantize %db scales(%sc : tensor<f32>) : tensor<2x8xf32> -> !c
  %dc = sqz.dequantize %c : !c -> tensor<2x8xf32>
  return %db, %dc : tensor<2x8xf32>, tensor<2x8xf32>
}

!x4 = !sqz.tensor<3x8xf32, #sqz.quant<i4, per_tensor, symmetric>>
!x8 = !sqz.tensor<3x8xf32, #sqz.quant<i8, per_tensor, symmetric>>
!w = !sqz.tensor<8x2xf32, #sqz.quant<i8, per_channel(1), symmetric>>
// CHECK-LABEL: func.func @matmul
// CHECK-NOT: sqz.quantize
// CHECK: arith.extsi {{.*}} : i4 to i32
func.func @matmul() -> tensor<3x2xf32> {
  %codes = arith.constant dense<[[-8, -7, -1, 0, 1, 5, 6, 7], [3, 3, -3, -3, 2, -2, 7, -8], [0, 1, 0, 1, 0, 1, 0, 1]]> : tensor<3x8xi4>
  %sa = arith.constant dense<0.3> : tensor<f32>
  %sb = arith.constant dense<0.1> : tensor<f32>
  %a = sqz.pack %codes scales(%sa : tensor<f32>) : tensor<3x8xi4> -> !x4
  %da = sqz.dequantize %a : !x4 -> tensor<3x8xf32>
  %b = sqz.quantize %da scales(%sb : tensor<f32>) : tensor<3x8xf32> -> !x8
  %wc = arith.constant dense<[[1, -2], [3, -4], [5, -6], [7, -8], [9, -10], [11, -12], [13, -14], [15, -16]]> : tensor<8x2xi8>
  %ws = arith.constant dense<[0.02, 0.7]> : tensor<2xf32>
  %w = sqz.pack %wc scales(%ws : tensor<2xf32>) : tensor<8x2xi8> -> !w
  %y = sqz.matmul %b, %w : !x8, !w -> tensor<3x2xf32>
  return %y : tensor<3x2xf32>
}
