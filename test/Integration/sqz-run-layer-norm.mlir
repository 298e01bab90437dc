// torch-mlir's decomposed layer norm (f32 mean, f64 variance, rsqrt of
// the variance plus epsilon, weight and bias) over the innermost dimension
// of a 3-D tensor, on seeded random inputs (on the layer norm row kernel
// where the host has AVX-512, else as the generic ops), against numpy in
// float64: |out - ref| <= 1e-5 + 1e-5 |ref|. The rows are offset by 3 so
// that the mean matters.

// RUN: rm -rf %t && mkdir -p %t
// RUN: sqz-run %s --entry layer_norm --random-inputs --seed 11 --save-inputs --output-dir %t
// RUN: %python -c "import numpy as np; x = (np.load('%t/in0.npy').astype(np.float32) + np.float32(3)).astype(np.float64); g = np.load('%t/in1.npy').astype(np.float64); b = np.load('%t/in2.npy').astype(np.float64); m = x.mean(-1, keepdims=True); v = ((x - m) ** 2).mean(-1, keepdims=True); np.save('%t/ref.npy', ((x - m) / np.sqrt(v + np.float64(np.float32(1e-5))) * g + b).astype(np.float32))"
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out0.npy %t/ref.npy --atol 1e-5 --rtol 1e-5 | FileCheck %s

// CHECK: compare_npy: ok: {{.*}}out0.npy: float32 (2, 16, 100)

#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#row = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
#col = affine_map<(d0, d1, d2) -> (d2)>

func.func @layer_norm(%input: tensor<2x16x100xf32>, %gamma: tensor<100xf32>, %beta: tensor<100xf32>) -> tensor<2x16x100xf32> {
  %three = arith.constant 3.0 : f32
  %shifted = tensor.empty() : tensor<2x16x100xf32>
  %x = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%input : tensor<2x16x100xf32>) outs(%shifted : tensor<2x16x100xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = arith.addf %in, %three : f32
    linalg.yield %v : f32
  } -> tensor<2x16x100xf32>
  %zero = arith.constant 0.0 : f32
  %n = arith.constant 100.0 : f32
  %eps64 = arith.constant 1.0E-5 : f64
  %zero64 = arith.constant 0.0 : f64
  %n64 = arith.constant 100.0 : f64
  %full = tensor.empty() : tensor<2x16x100xf32>
  %rows = tensor.empty() : tensor<2x16x1xf32>
  %sum0 = linalg.fill ins(%zero : f32) outs(%rows : tensor<2x16x1xf32>) -> tensor<2x16x1xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x : tensor<2x16x100xf32>) outs(%sum0 : tensor<2x16x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.addf %in0, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x16x1xf32>
  %mean = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sum : tensor<2x16x1xf32>) outs(%rows : tensor<2x16x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.divf %in0, %n : f32
    linalg.yield %v : f32
  } -> tensor<2x16x1xf32>
  %fullw = tensor.empty() : tensor<2x16x100xf64>
  %rowsw = tensor.empty() : tensor<2x16x1xf64>
  %sumw0 = linalg.fill ins(%zero64 : f64) outs(%rowsw : tensor<2x16x1xf64>) -> tensor<2x16x1xf64>
  %xw = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<2x16x100xf32>) outs(%fullw : tensor<2x16x100xf64>) {
  ^bb0(%in0: f32, %out: f64):
    %v = arith.extf %in0 : f32 to f64
    linalg.yield %v : f64
  } -> tensor<2x16x100xf64>
  %vsum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%xw : tensor<2x16x100xf64>) outs(%sumw0 : tensor<2x16x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.addf %in0, %out : f64
    linalg.yield %v : f64
  } -> tensor<2x16x1xf64>
  %vmean = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%vsum : tensor<2x16x1xf64>) outs(%rowsw : tensor<2x16x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.divf %in0, %n64 : f64
    linalg.yield %v : f64
  } -> tensor<2x16x1xf64>
  %diff = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%xw, %vmean : tensor<2x16x100xf64>, tensor<2x16x1xf64>) outs(%fullw : tensor<2x16x100xf64>) {
  ^bb0(%in0: f64, %in1: f64, %out: f64):
    %v = arith.subf %in0, %in1 : f64
    linalg.yield %v : f64
  } -> tensor<2x16x100xf64>
  %sq = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%diff, %diff : tensor<2x16x100xf64>, tensor<2x16x100xf64>) outs(%fullw : tensor<2x16x100xf64>) {
  ^bb0(%in0: f64, %in1: f64, %out: f64):
    %v = arith.mulf %in0, %in1 : f64
    linalg.yield %v : f64
  } -> tensor<2x16x100xf64>
  %sqsum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%sq : tensor<2x16x100xf64>) outs(%sumw0 : tensor<2x16x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.addf %in0, %out : f64
    linalg.yield %v : f64
  } -> tensor<2x16x1xf64>
  %var = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sqsum : tensor<2x16x1xf64>) outs(%rowsw : tensor<2x16x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.divf %in0, %n64 : f64
    linalg.yield %v : f64
  } -> tensor<2x16x1xf64>
  %var32 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%var : tensor<2x16x1xf64>) outs(%rows : tensor<2x16x1xf32>) {
  ^bb0(%in0: f64, %out: f32):
    %v = arith.truncf %in0 : f64 to f32
    linalg.yield %v : f32
  } -> tensor<2x16x1xf32>
  %veps = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%var32 : tensor<2x16x1xf32>) outs(%rows : tensor<2x16x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %e = arith.truncf %eps64 : f64 to f32
    %v = arith.addf %in0, %e : f32
    linalg.yield %v : f32
  } -> tensor<2x16x1xf32>
  %rstd = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%veps : tensor<2x16x1xf32>) outs(%rows : tensor<2x16x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = math.rsqrt %in0 : f32
    linalg.yield %v : f32
  } -> tensor<2x16x1xf32>
  %centred = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x, %mean : tensor<2x16x100xf32>, tensor<2x16x1xf32>) outs(%full : tensor<2x16x100xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.subf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x16x100xf32>
  %scaled = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%centred, %rstd : tensor<2x16x100xf32>, tensor<2x16x1xf32>) outs(%full : tensor<2x16x100xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x16x100xf32>
  %weighted = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%scaled, %gamma : tensor<2x16x100xf32>, tensor<100xf32>) outs(%full : tensor<2x16x100xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x16x100xf32>
  %y = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%weighted, %beta : tensor<2x16x100xf32>, tensor<100xf32>) outs(%full : tensor<2x16x100xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.addf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x16x100xf32>
  return %y : tensor<2x16x100xf32>
}
