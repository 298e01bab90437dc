// search-alpha leaves a group unsmoothed when no alpha beats s = 1 by the
// estimated W8A8 error (python/sqz_smooth_ref.py: 3.41e-4 unsmoothed, 3.87e-4
// at the best alpha for this layer), so the search is never worse than no
// smoothing by its estimate. alpha=0.5 without the search smooths it.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import json; json.dump({'format': 'sqz-stats', 'version': 1, 'layers': {'fc.linear0': {'channels': 4, 'absmax': [0.55, 1.91, 1.19, 1.56]}}}, open('%t/stats.json', 'w'))"
// RUN: sqz-opt %s --sqz-smoothquant="stats=%t/stats.json search-alpha=true explain=true" --verify-diagnostics | FileCheck %s --check-prefix=SEARCH
// RUN: sqz-opt %s --sqz-smoothquant="stats=%t/stats.json" | FileCheck %s --check-prefix=FIXED
// SEARCH-NOT: sqz.smoothing
// FIXED: sqz.smoothing = dense<

func.func @fc(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[0.39, -1.34], [1.98, 1.15], [0.69, -0.92], [-1.23, -1.64]]> : tensor<4x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-remark @below {{layer 'fc.linear0' not smoothed: in its group of 1, no smoothing has the lowest estimated W8A8 error}}
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}
