// One naming of layers everywhere: layers with a weight are
// <function>.linear<i>, contractions of two activations <function>.matmul<j>,
// counted apart; the report uses the same names before and after
// sqz-fold-scales.

// RUN: sqz-opt %s --sqz-instrument | FileCheck %s --check-prefix=INST
// INST-LABEL: func.func @attention
// INST: linalg.matmul {sqz.layer = "attention.linear0"}
// INST: linalg.matmul {sqz.layer = "attention.matmul0"}
// INST: linalg.matmul {sqz.layer = "attention.linear1"}

// RUN: sqz-opt %s --sqz-report -o /dev/null 2>&1 | FileCheck %s --check-prefix=FLOAT
// FLOAT: attention.linear0  4x4  16  f32
// FLOAT-NEXT: attention.linear1  4x2  8  f32
// FLOAT-NEXT: total

// The report of a W8A8 model is the same before and after sqz-fold-scales,
// which moves the name, the weight type and the error to the integer
// contraction.
// RUN: sqz-opt %s --sqz-quantize-weights="bits=8 granularity=channel" \
// RUN:   --sqz-quantize-activations="mode=dynamic granularity=token" \
// RUN:   --sqz-report -o /dev/null 2>&1 | FileCheck %s --check-prefix=W8A8
// RUN: sqz-opt %s --sqz-quantize-weights="bits=8 granularity=channel" \
// RUN:   --sqz-quantize-activations="mode=dynamic granularity=token" \
// RUN:   --sqz-fold-scales --sqz-report -o /dev/null 2>&1 | FileCheck %s --check-prefix=W8A8
// W8A8: attention.linear0  4x4  16  i8 per_channel(1) symmetric  16.00  0.0  0.0  64  32  {{[0-9.e+-]+}}  {{[0-9.]+}}
// W8A8-NEXT: attention.linear1  4x2  8  i8 per_channel(1) symmetric  16.00  0.0  12.5  32  16  {{[0-9.e+-]+}}  {{[0-9.]+}}
// W8A8-NEXT: total  24  96  48

// RUN: sqz-opt %s --sqz-quantize-weights="bits=8 granularity=channel" \
// RUN:   --sqz-quantize-activations="mode=dynamic granularity=token" \
// RUN:   --sqz-fold-scales | FileCheck %s --check-prefix=FOLDED
// FOLDED: linalg.generic
// FOLDED-SAME: sqz.folded_weight = !sqz.tensor<4x4xf32, #sqz.quant<i8, per_channel(1), symmetric>>
// FOLDED-SAME: sqz.layer = "attention.linear0"
// FOLDED-SAME: sqz.quant_error = {mse =

// layers= may name only layers with a weight.
// RUN: not sqz-opt %s --sqz-prune="layers=attention.matmul0" -o /dev/null 2>&1 | FileCheck %s --check-prefix=PRUNE
// PRUNE: error: sqz-prune: layer 'attention.matmul0' in layers= has no weight to prune: weight is not a constant

func.func @attention(%x: tensor<4x4xf32>) -> tensor<4x2xf32> {
  %w0 = arith.constant dense<[[1.0, 2.0, 0.5, -1.0], [0.25, -3.0, 1.5, 2.0],
                              [4.0, 1.0, -2.0, 0.75], [-1.5, 0.5, 3.0, 1.0]]> : tensor<4x4xf32>
  %w1 = arith.constant dense<[[1.0, -2.0], [0.5, 0.0], [-1.0, 3.0], [2.0, 0.25]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %q = linalg.matmul ins(%x, %w0 : tensor<4x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<4x4xf32>) -> tensor<4x4xf32>
  %s = linalg.matmul ins(%q, %x : tensor<4x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<4x4xf32>) -> tensor<4x4xf32>
  %e2 = tensor.empty() : tensor<4x2xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<4x2xf32>) -> tensor<4x2xf32>
  %y = linalg.matmul ins(%s, %w1 : tensor<4x4xf32>, tensor<4x2xf32>) outs(%acc2 : tensor<4x2xf32>) -> tensor<4x2xf32>
  return %y : tensor<4x2xf32>
}
