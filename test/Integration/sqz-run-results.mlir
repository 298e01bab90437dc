// Several results through the C interface: two memrefs and a scalar come back
// in one struct behind the wrapper's first argument; a scalar argument is
// passed by value; a rank-0 reduction is extracted to an f32. A dense layer
// with bias and leaky ReLU (fused into the matmul consumer), checked against
// numpy within 1e-4 + 1e-5 |ref|.

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; r = np.random.default_rng(3); np.save('%t/x.npy', r.uniform(-1, 1, (8, 32)).astype(np.float32)); np.save('%t/w.npy', r.uniform(-1, 1, (32, 16)).astype(np.float32)); np.save('%t/b.npy', r.uniform(-1, 1, (16,)).astype(np.float32)); np.save('%t/alpha.npy', np.array(0.125, dtype=np.float32))"
// RUN: %python -c "import numpy as np; l = lambda n: np.load('%t/' + n + '.npy').astype(np.float64); y = l('x') @ l('w') + l('b'); z = np.where(y > 0, y, l('alpha') * y); np.save('%t/ref0.npy', y.astype(np.float32)); np.save('%t/ref1.npy', z.astype(np.float32)); np.save('%t/ref2.npy', np.array(z.sum(), dtype=np.float32))"
// RUN: sqz-run %s --entry dense --input %t/x.npy,%t/w.npy,%t/b.npy,%t/alpha.npy --output-dir %t/out
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out0.npy %t/ref0.npy --atol 1e-4 --rtol 1e-5 | FileCheck %s --check-prefix=OUT0
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out1.npy %t/ref1.npy --atol 1e-4 --rtol 1e-5 | FileCheck %s --check-prefix=OUT1
// RUN: %python %sqz_src_root/python/compare_npy.py %t/out/out2.npy %t/ref2.npy --atol 1e-4 --rtol 1e-5 | FileCheck %s --check-prefix=OUT2

// OUT0: compare_npy: ok: {{.*}}out0.npy: float32 (8, 16)
// OUT1: compare_npy: ok: {{.*}}out1.npy: float32 (8, 16)
// OUT2: compare_npy: ok: {{.*}}out2.npy: float32 ()

// Without --output-dir, a summary of each result is printed.
// RUN: sqz-run %s --entry dense --input %t/x.npy,%t/w.npy,%t/b.npy,%t/alpha.npy | FileCheck %s --check-prefix=SUMMARY
// SUMMARY: out0: float32 (8, 16) [
// SUMMARY: out1: float32 (8, 16) [
// SUMMARY: out2: float32 () [

#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (j)>
#all = affine_map<(i, j) -> ()>

func.func @dense(%x: tensor<8x32xf32>, %w: tensor<32x16xf32>, %b: tensor<16xf32>,
                 %alpha: f32) -> (tensor<8x16xf32>, tensor<8x16xf32>, f32) {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<8x16xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<8x16xf32>) -> tensor<8x16xf32>
  %mm = linalg.matmul ins(%x, %w : tensor<8x32xf32>, tensor<32x16xf32>)
                      outs(%acc : tensor<8x16xf32>) -> tensor<8x16xf32>
  %y = linalg.generic {indexing_maps = [#id, #row, #id],
                       iterator_types = ["parallel", "parallel"]}
      ins(%mm, %b : tensor<8x16xf32>, tensor<16xf32>) outs(%empty : tensor<8x16xf32>) {
  ^bb0(%v: f32, %bias: f32, %out: f32):
    %s = arith.addf %v, %bias : f32
    linalg.yield %s : f32
  } -> tensor<8x16xf32>
  %z = linalg.generic {indexing_maps = [#id, #id],
                       iterator_types = ["parallel", "parallel"]}
      ins(%y : tensor<8x16xf32>) outs(%empty : tensor<8x16xf32>) {
  ^bb0(%v: f32, %out: f32):
    %positive = arith.cmpf ogt, %v, %zero : f32
    %scaled = arith.mulf %v, %alpha : f32
    %r = arith.select %positive, %v, %scaled : f32
    linalg.yield %r : f32
  } -> tensor<8x16xf32>
  %init = tensor.empty() : tensor<f32>
  %sum0 = linalg.fill ins(%zero : f32) outs(%init : tensor<f32>) -> tensor<f32>
  %sum = linalg.generic {indexing_maps = [#id, #all],
                         iterator_types = ["reduction", "reduction"]}
      ins(%z : tensor<8x16xf32>) outs(%sum0 : tensor<f32>) {
  ^bb0(%v: f32, %out: f32):
    %s = arith.addf %out, %v : f32
    linalg.yield %s : f32
  } -> tensor<f32>
  %total = tensor.extract %sum[] : tensor<f32>
  return %y, %z, %total : tensor<8x16xf32>, tensor<8x16xf32>, f32
}
