// RUN: sqz-opt %s --split-input-file --verify-diagnostics --convert-sqz-to-linalg
// RUN: not sqz-opt %s --convert-sqz-to-linalg=sparse-matmul=fast 2>&1 | FileCheck %s --check-prefix=OPTION

// OPTION: sqz-opt: for the --sparse-matmul option: 'fast' is not one of: decompress, direct

func.func @negative_dynamic_shape(%v: tensor<?xf32>, %mask: tensor<?x8xi1>) -> tensor<?x8xf32> {
  // expected-error@+1 {{'sqz.pack' op sparse tensor '!sqz.tensor<?x8xf32, #sqz.sparsity<unstructured>>' needs a static shape to be decompressed by convert-sqz-to-linalg}}
  %w = sqz.pack %v metadata(%mask : tensor<?x8xi1>) : tensor<?xf32> -> !sqz.tensor<?x8xf32, #sqz.sparsity<unstructured>>
  %d = sqz.dequantize %w : !sqz.tensor<?x8xf32, #sqz.sparsity<unstructured>> -> tensor<?x8xf32>
  return %d : tensor<?x8xf32>
}
