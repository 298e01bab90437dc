// A zero point no wider than its storage type is read with the storage's
// signedness, by the verifier and by the lowering alike: a u8 zero point of
// 200 held in an i8 constant (as -56). Codes [200, 210, 0, 255] with scale
// 0.5 dequantize to [0, 5, -100, 27.5]; the activation quantized with the same
// parameters comes back to its codes.
// RUN: rm -rf %t && mkdir -p %t
// RUN: sqz-run %s --entry dequant --output-dir %t
// RUN: %python -c "import numpy as np; a = np.load('%t/out0.npy'); b = np.load('%t/out1.npy'); print(a.tolist(), b.view(np.uint8).tolist())" | FileCheck %s
// RUN: sqz-opt %s --sqz-fold-scales | FileCheck %s --check-prefix=FOLD

// CHECK: [0.0, 5.0, -100.0, 27.5] [200, 210, 0, 255]
func.func @dequant() -> (tensor<4xf32>, tensor<4xi8>) {
  %c = arith.constant dense<[-56, -46, 0, -1]> : tensor<4xi8>
  %s = arith.constant dense<0.5> : tensor<f32>
  %z = arith.constant dense<-56> : tensor<i8>
  %p = sqz.pack %c scales(%s : tensor<f32>) zero_points(%z : tensor<i8>) : tensor<4xi8> -> !sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  %d = sqz.dequantize %p : !sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>> -> tensor<4xf32>
  %q = sqz.quantize %d scales(%s : tensor<f32>) zero_points(%z : tensor<i8>) : tensor<4xf32> -> !sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  %codes, %scales, %zps = sqz.unpack %q : !sqz.tensor<4xf32, #sqz.quant<u8, per_tensor, asymmetric>> -> tensor<4xi8>, tensor<f32>, tensor<i8>
  return %d, %codes : tensor<4xf32>, tensor<4xi8>
}

// The constant activation zero point folds into the accumulator as 200, not
// -56: the correction is -200 * sum_k w = -200 * 6 = -1200.
// FOLD-LABEL: func.func @fold
//       FOLD:   arith.constant dense<-1200> : tensor<1xi32>
func.func @fold(%x: tensor<2x3xf32>) -> tensor<2x1xf32> {
  %sa = arith.constant dense<0.5> : tensor<f32>
  %za = arith.constant dense<-56> : tensor<i8>
  %q = sqz.quantize %x scales(%sa : tensor<f32>) zero_points(%za : tensor<i8>) : tensor<2x3xf32> -> !sqz.tensor<2x3xf32, #sqz.quant<u8, per_tensor, asymmetric>>
  %c = arith.constant dense<[[1], [2], [3]]> : tensor<3x1xi8>
  %sw = arith.constant dense<0.25> : tensor<1xf32>
  %w = sqz.pack %c scales(%sw : tensor<1xf32>) : tensor<3x1xi8> -> !sqz.tensor<3x1xf32, #sqz.quant<i8, per_channel(1), symmetric>>
  %y = sqz.matmul %q, %w : !sqz.tensor<2x3xf32, #sqz.quant<u8, per_tensor, asymmetric>>, !sqz.tensor<3x1xf32, #sqz.quant<i8, per_channel(1), symmetric>> -> tensor<2x1xf32>
  return %y : tensor<2x1xf32>
}
