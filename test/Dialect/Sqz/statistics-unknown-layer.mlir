// A statistics file made for another model (here: one that also has a layer
// 'decoder.fc9') is an error in every pass that reads statistics, unless the
// module is knowingly one part of the calibrated model.

// RUN: not sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/unknown-layer-stats.json" 2>&1 | FileCheck %s --check-prefix=PRUNE
// RUN: not sqz-opt %s --sqz-smoothquant="stats=%S/Inputs/unknown-layer-stats.json" 2>&1 | FileCheck %s --check-prefix=SMOOTH
// RUN: not sqz-opt %s --sqz-quantize-activations="mode=static stats=%S/Inputs/unknown-layer-stats.json" 2>&1 | FileCheck %s --check-prefix=STATIC
// RUN: not sqz-opt %s --sqz-outlier-split="stats=%S/Inputs/unknown-layer-stats.json" 2>&1 | FileCheck %s --check-prefix=SPLIT

// PRUNE: error: sqz-prune: statistics file '{{.*}}unknown-layer-stats.json' names layer 'decoder.fc9', which is not a linear layer of this module
// SMOOTH: error: sqz-smoothquant: statistics file '{{.*}}unknown-layer-stats.json' names layer 'decoder.fc9', which is not a linear layer of this module
// STATIC: error: sqz-quantize-activations: statistics file '{{.*}}unknown-layer-stats.json' names layer 'decoder.fc9', which is not a linear layer of this module
// SPLIT: error: sqz-outlier-split: statistics file '{{.*}}unknown-layer-stats.json' names layer 'decoder.fc9', which is not a linear layer of this module

// With allow-unknown-layers=1 the same file serves this module: its one
// layer is pruned with its own entry: score |w| * l2 keeps row 1 (3 * 2 > 1 * 1,
// 4 * 2 > 2 * 1) in both output columns.
// RUN: sqz-opt %s --sqz-prune="method=wanda stats=%S/Inputs/unknown-layer-stats.json allow-unknown-layers=1" | FileCheck %s --check-prefix=ALLOW
// ALLOW: arith.constant dense<[3.000000e+00, 4.000000e+00]> : tensor<2xf32>
// ALLOW: arith.constant dense<{{\[}}[false, false], [true, true]]> : tensor<2x2xi1>
// ALLOW: sqz.matmul {{.*}}sqz.tensor<2x2xf32, #sqz.sparsity<unstructured>>

func.func @model(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
