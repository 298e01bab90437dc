// Upstream mlir-opt (the one LLVM 22 ships) loads SqueezePlugin.so and runs
// Squeeze's passes and pipelines on IR with sqz ops; its output is the same
// as sqz-opt's. Passes that a plugin registers are named in --pass-pipeline:
// mlir-opt makes its --PASS flags before it loads plugins.
// UNSUPPORTED: sanitizer

// RUN: mlir-opt %s --load-dialect-plugin=%sqz_lib_dir/SqueezePlugin.so \
// RUN:   --load-pass-plugin=%sqz_lib_dir/SqueezePlugin.so \
// RUN:   --pass-pipeline="builtin.module(sqz-quantize-weights{bits=8 granularity=channel})" \
// RUN:   -o %t.plugin.mlir
// RUN: FileCheck %s < %t.plugin.mlir
// RUN: sqz-opt %s --sqz-quantize-weights="bits=8 granularity=channel" -o %t.sqz-opt.mlir
// RUN: diff %t.plugin.mlir %t.sqz-opt.mlir

// The dialect plugin alone reads and prints sqz IR; the passes' pipeline
// lowers it.
// RUN: mlir-opt %t.plugin.mlir --load-dialect-plugin=%sqz_lib_dir/SqueezePlugin.so \
// RUN:   | FileCheck %s
// RUN: mlir-opt %t.plugin.mlir --load-dialect-plugin=%sqz_lib_dir/SqueezePlugin.so \
// RUN:   --load-pass-plugin=%sqz_lib_dir/SqueezePlugin.so \
// RUN:   --pass-pipeline="builtin.module(sqz-lower-to-cpu)" \
// RUN:   | FileCheck %s --check-prefix=LLVM

// Without the dialect, upstream's parser rejects the sqz ops.
// RUN: not mlir-opt %t.plugin.mlir 2>&1 | FileCheck %s --check-prefix=NO-DIALECT

// CHECK-LABEL: func.func @linear
//       CHECK:   sqz.pack {{.*}} -> !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
//       CHECK:   sqz.matmul

// LLVM: llvm.mlir.global private constant @__sqz_packed_codes
// LLVM: llvm.func @linear
// LLVM-NOT: sqz.pack
// LLVM-NOT: sqz.matmul

// NO-DIALECT: error: {{.*}}'sqz.pack'{{.*}}
func.func @linear(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
