// Layers that read the same activation (Q, K and V of attention) share one
// quantization of it: one sqz.quantize in dynamic mode, and in static mode
// when their statistics give the same parameters. A layer whose parameters
// differ gets its own.

// RUN: sqz-opt %s --sqz-quantize-weights --sqz-quantize-activations="mode=dynamic granularity=token" | FileCheck %s --check-prefix=DYN
// DYN-LABEL: func.func @qkv
// DYN-COUNT-1: sqz.quantize %arg0
// DYN-NOT: sqz.quantize
// DYN: sqz.matmul
// DYN: sqz.matmul
// DYN: sqz.matmul

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import json; l = lambda a: {'channels': 2, 'absmax': [a, 1.0], 'min': [-a, -1.0], 'max': [a, 1.0]}; json.dump({'format': 'sqz-stats', 'version': 1, 'layers': {'qkv.linear0': l(2.0), 'qkv.linear1': l(2.0), 'qkv.linear2': l(4.0)}}, open('%t/stats.json', 'w'))"
// RUN: sqz-opt %s --sqz-quantize-weights --sqz-quantize-activations="mode=static stats=%t/stats.json" | FileCheck %s --check-prefix=STATIC
// STATIC-LABEL: func.func @qkv
// STATIC-COUNT-2: sqz.quantize %arg0
// STATIC-NOT: sqz.quantize

func.func @qkv(%x: tensor<3x2xf32>) -> (tensor<3x2xf32>, tensor<3x2xf32>, tensor<3x2xf32>) {
  %wq = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %wk = arith.constant dense<[[0.5, -1.0], [2.0, 0.25]]> : tensor<2x2xf32>
  %wv = arith.constant dense<[[-2.0, 1.0], [1.5, 3.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<3x2xf32>) -> tensor<3x2xf32>
  %q = linalg.matmul ins(%x, %wq : tensor<3x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<3x2xf32>) -> tensor<3x2xf32>
  %k = linalg.matmul ins(%x, %wk : tensor<3x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<3x2xf32>) -> tensor<3x2xf32>
  %v = linalg.matmul ins(%x, %wv : tensor<3x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<3x2xf32>) -> tensor<3x2xf32>
  return %q, %k, %v : tensor<3x2xf32>, tensor<3x2xf32>, tensor<3x2xf32>
}
