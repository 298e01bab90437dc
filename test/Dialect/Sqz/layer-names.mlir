// One numbering of layers for every pass, the statistics files and the
// report: layers with a weight (linalg contractions and sqz.matmul ops) are
// counted together in program order, per function. A layer is the same
// `<function>.linear<i>` whichever tool names it (layer-names-attention.mlir:
// contractions of two activations are counted apart).

// RUN: sqz-opt %s --sqz-instrument | FileCheck %s --check-prefix=INST
// INST-LABEL: func.func @mixed
//       INST:   sqz.matmul {{.*}} {sqz.layer = "mixed.linear0"}
//       INST:   linalg.matmul {sqz.layer = "mixed.linear1"}

// sqz-quantize-weights names the layer it rewrites as sqz-instrument does,
// and the report lists both layers under those names.
// RUN: sqz-opt %s --sqz-quantize-weights --sqz-report -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// REPORT: mixed.linear0  4x2
// REPORT: mixed.linear1  2x2
// REPORT: total

// A statistics file naming both layers, as calibrating the instrumented
// module writes it, is accepted by the passes that read one.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import json; l = lambda k: {'channels': k, 'count': 2, 'min': [-1.0] * k, 'max': [1.0] * k, 'absmax': [1.0] * k, 'l2': [1.0] * k}; json.dump({'format': 'sqz-stats', 'version': 1, 'layers': {'mixed.linear0': l(4), 'mixed.linear1': l(2)}}, open('%t/stats.json', 'w'))"
// RUN: sqz-opt %s --sqz-quantize-activations="mode=static stats=%t/stats.json" -o /dev/null
// RUN: sqz-opt %s --sqz-smoothquant="stats=%t/stats.json" -o /dev/null
// RUN: sqz-opt %s --sqz-prune="method=wanda stats=%t/stats.json" -o /dev/null

!i8c = !sqz.tensor<4x2xf32, #sqz.quant<i8, per_channel(1), symmetric>>
func.func @mixed(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %c = arith.constant dense<1> : tensor<4x2xi8>
  %s = arith.constant dense<0.5> : tensor<2xf32>
  %w0 = sqz.pack %c scales(%s : tensor<2xf32>) : tensor<4x2xi8> -> !i8c
  %y0 = sqz.matmul %x, %w0 : tensor<2x4xf32>, !i8c -> tensor<2x2xf32>
  %w1 = arith.constant dense<[[1.0, -2.0], [0.5, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y1 = linalg.matmul ins(%y0, %w1 : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y1 : tensor<2x2xf32>
}
