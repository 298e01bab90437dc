// linalg.softmax on seeded random inputs (on the softmax row kernel where
// the host has AVX-512, else decomposed by sqz-lower-to-cpu), against numpy
// in float64: |out - ref| <= 1e-6 + 1e-5 |ref|.

// RUN: rm -rf %t && mkdir -p %t
// RUN: sqz-run %s --entry softmax --random-inputs --seed 5 --save-inputs --output-dir %t
// RUN: %python -c "import numpy as np; x = np.load('%t/in0.npy').astype(np.float64) * 8; e = np.exp(x - x.max(1, keepdims=True)); np.save('%t/ref.npy', (e / e.sum(1, keepdims=True)).astype(np.float32))"
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out0.npy %t/ref.npy --atol 1e-6 --rtol 1e-5 | FileCheck %s

// CHECK: compare_npy: ok: {{.*}}out0.npy: float32 (8, 64)

func.func @softmax(%x: tensor<8x64xf32>) -> tensor<8x64xf32> {
  // Logits in [-8, 8): exp spans 7 orders of magnitude.
  %eight = arith.constant dense<8.0> : tensor<8x64xf32>
  %logits = arith.mulf %x, %eight : tensor<8x64xf32>
  %e = tensor.empty() : tensor<8x64xf32>
  %r = linalg.softmax dimension(1) ins(%logits : tensor<8x64xf32>)
                                   outs(%e : tensor<8x64xf32>) -> tensor<8x64xf32>
  return %r : tensor<8x64xf32>
}

// torch-mlir's decomposed softmax (max with an unused argmax, subtraction,
// exponential, sum, division) over the innermost dimension of a 3-D tensor,
// the last 16 columns masked with the lowest float as attention masks are:
// they give exactly 0.
// RUN: sqz-run %s --entry masked --random-inputs --seed 6 --save-inputs --output-dir %t/masked
// RUN: %python -c "import numpy as np; x = np.load('%t/masked/in0.npy').astype(np.float32) * np.float32(8); x[..., 48:] = np.finfo(np.float32).min; x = x.astype(np.float64); e = np.exp(x - x.max(-1, keepdims=True)); np.save('%t/masked/ref.npy', (e / e.sum(-1, keepdims=True)).astype(np.float32))"
// RUN: %python %sqz_src_root/python/compare_npy.py %t/masked/out0.npy %t/masked/ref.npy --atol 1e-6 --rtol 1e-5 | FileCheck %s --check-prefix=MASKED
// RUN: %python -c "import numpy as np; y = np.load('%t/masked/out0.npy'); assert (y[..., 48:] == 0).all(), 'masked columns not 0'; print('masked: zero')" | FileCheck %s --check-prefix=ZERO

// MASKED: compare_npy: ok: {{.*}}out0.npy: float32 (2, 4, 64)
// ZERO: masked: zero

#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#row = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
#dropped = affine_map<(d0, d1, d2) -> (d0, d1)>
func.func @masked(%x: tensor<2x4x64xf32>) -> tensor<2x4x64xf32> {
  %eight = arith.constant 8.0 : f32
  %lowest = arith.constant -3.40282347E+38 : f32
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : i64
  %e2 = tensor.empty() : tensor<2x4x64xf32>
  %logits = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<2x4x64xf32>) outs(%e2 : tensor<2x4x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    %j = linalg.index 2 : index
    %c48 = arith.constant 48 : index
    %masked = arith.cmpi uge, %j, %c48 : index
    %v = arith.mulf %in, %eight : f32
    %s = arith.select %masked, %lowest, %v : f32
    linalg.yield %s : f32
  } -> tensor<2x4x64xf32>
  %e0 = tensor.empty() : tensor<2x4xi64>
  %i0 = linalg.fill ins(%c0 : i64) outs(%e0 : tensor<2x4xi64>) -> tensor<2x4xi64>
  %e1 = tensor.empty() : tensor<2x4xf32>
  %m0 = linalg.fill ins(%lowest : f32) outs(%e1 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %max:2 = linalg.generic {indexing_maps = [#id, #dropped, #dropped], iterator_types = ["parallel", "parallel", "reduction"]} ins(%logits : tensor<2x4x64xf32>) outs(%m0, %i0 : tensor<2x4xf32>, tensor<2x4xi64>) {
  ^bb0(%in: f32, %out: f32, %arg: i64):
    %j = linalg.index 2 : index
    %ji = arith.index_cast %j : index to i64
    %m = arith.maximumf %in, %out : f32
    %gt = arith.cmpf ogt, %in, %out : f32
    %a = arith.select %gt, %ji, %arg : i64
    linalg.yield %m, %a : f32, i64
  } -> (tensor<2x4xf32>, tensor<2x4xi64>)
  %keep = tensor.expand_shape %max#0 [[0], [1, 2]] output_shape [2, 4, 1] : tensor<2x4xf32> into tensor<2x4x1xf32>
  %sub = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%logits, %keep : tensor<2x4x64xf32>, tensor<2x4x1xf32>) outs(%e2 : tensor<2x4x64xf32>) {
  ^bb0(%in: f32, %in_1: f32, %out: f32):
    %d = arith.subf %in, %in_1 : f32
    linalg.yield %d : f32
  } -> tensor<2x4x64xf32>
  %exp = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sub : tensor<2x4x64xf32>) outs(%e2 : tensor<2x4x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = math.exp %in : f32
    linalg.yield %v : f32
  } -> tensor<2x4x64xf32>
  %e3 = tensor.empty() : tensor<2x4x1xf32>
  %s0 = linalg.fill ins(%zero : f32) outs(%e3 : tensor<2x4x1xf32>) -> tensor<2x4x1xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%exp : tensor<2x4x64xf32>) outs(%s0 : tensor<2x4x1xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = arith.addf %in, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x4x1xf32>
  %y = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%exp, %sum : tensor<2x4x64xf32>, tensor<2x4x1xf32>) outs(%e2 : tensor<2x4x64xf32>) {
  ^bb0(%in: f32, %in_1: f32, %out: f32):
    %v = arith.divf %in, %in_1 : f32
    linalg.yield %v : f32
  } -> tensor<2x4x64xf32>
  return %y : tensor<2x4x64xf32>
}

// Attention's scores as torch computes them, x * scale (an f64 constant
// truncated in the op) plus a mask shared by the batch elements, under the
// decomposed softmax: on AVX-512 hosts the scaling and the mask run inside
// the masked softmax kernel. Against numpy: the scores in float32, the
// softmax in float64.
// RUN: sqz-run %s --entry attention --random-inputs --seed 7 --save-inputs --output-dir %t/attention
// RUN: %python -c "import numpy as np; d = '%t/attention/'; x = np.load(d + 'in0.npy'); m = np.load(d + 'in1.npy'); s = ((x * np.float32(0.125)).astype(np.float32) + m).astype(np.float64); e = np.exp(s - s.max(-1, keepdims=True)); np.save(d + 'ref.npy', (e / e.sum(-1, keepdims=True)).astype(np.float32))"
// RUN: %python %sqz_src_root/python/compare_npy.py %t/attention/out0.npy %t/attention/ref.npy --atol 1e-6 --rtol 1e-5 | FileCheck %s --check-prefix=ATTENTION

// ATTENTION: compare_npy: ok: {{.*}}out0.npy: float32 (2, 4, 64)

#shared = affine_map<(d0, d1, d2) -> (0, d1, d2)>
func.func @attention(%x: tensor<2x4x64xf32>, %mask: tensor<1x4x64xf32>) -> tensor<2x4x64xf32> {
  %scale = arith.constant 0.125 : f64
  %lowest = arith.constant -3.40282347E+38 : f32
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : i64
  %e2 = tensor.empty() : tensor<2x4x64xf32>
  %scaled = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<2x4x64xf32>) outs(%e2 : tensor<2x4x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.truncf %scale : f64 to f32
    %v = arith.mulf %in, %s : f32
    linalg.yield %v : f32
  } -> tensor<2x4x64xf32>
  %scores = linalg.generic {indexing_maps = [#id, #shared, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%scaled, %mask : tensor<2x4x64xf32>, tensor<1x4x64xf32>) outs(%e2 : tensor<2x4x64xf32>) {
  ^bb0(%in: f32, %in_1: f32, %out: f32):
    %v = arith.addf %in, %in_1 : f32
    linalg.yield %v : f32
  } -> tensor<2x4x64xf32>
  %e0 = tensor.empty() : tensor<2x4xi64>
  %i0 = linalg.fill ins(%c0 : i64) outs(%e0 : tensor<2x4xi64>) -> tensor<2x4xi64>
  %e1 = tensor.empty() : tensor<2x4xf32>
  %m0 = linalg.fill ins(%lowest : f32) outs(%e1 : tensor<2x4xf32>) -> tensor<2x4xf32>
  %max:2 = linalg.generic {indexing_maps = [#id, #dropped, #dropped], iterator_types = ["parallel", "parallel", "reduction"]} ins(%scores : tensor<2x4x64xf32>) outs(%m0, %i0 : tensor<2x4xf32>, tensor<2x4xi64>) {
  ^bb0(%in: f32, %out: f32, %arg: i64):
    %j = linalg.index 2 : index
    %ji = arith.index_cast %j : index to i64
    %m = arith.maximumf %in, %out : f32
    %gt = arith.cmpf ogt, %in, %out : f32
    %a = arith.select %gt, %ji, %arg : i64
    linalg.yield %m, %a : f32, i64
  } -> (tensor<2x4xf32>, tensor<2x4xi64>)
  %keep = tensor.expand_shape %max#0 [[0], [1, 2]] output_shape [2, 4, 1] : tensor<2x4xf32> into tensor<2x4x1xf32>
  %sub = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%scores, %keep : tensor<2x4x64xf32>, tensor<2x4x1xf32>) outs(%e2 : tensor<2x4x64xf32>) {
  ^bb0(%in: f32, %in_1: f32, %out: f32):
    %d = arith.subf %in, %in_1 : f32
    linalg.yield %d : f32
  } -> tensor<2x4x64xf32>
  %exp = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sub : tensor<2x4x64xf32>) outs(%e2 : tensor<2x4x64xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = math.exp %in : f32
    linalg.yield %v : f32
  } -> tensor<2x4x64xf32>
  %e3 = tensor.empty() : tensor<2x4x1xf32>
  %s0 = linalg.fill ins(%zero : f32) outs(%e3 : tensor<2x4x1xf32>) -> tensor<2x4x1xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%exp : tensor<2x4x64xf32>) outs(%s0 : tensor<2x4x1xf32>) {
  ^bb0(%in: f32, %out: f32):
    %v = arith.addf %in, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x4x1xf32>
  %y = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%exp, %sum : tensor<2x4x64xf32>, tensor<2x4x1xf32>) outs(%e2 : tensor<2x4x64xf32>) {
  ^bb0(%in: f32, %in_1: f32, %out: f32):
    %v = arith.divf %in, %in_1 : f32
    linalg.yield %v : f32
  } -> tensor<2x4x64xf32>
  return %y : tensor<2x4x64xf32>
}
