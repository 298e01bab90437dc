// Every form of a linear layer that sqz-quantize-weights recognises computes
// exactly what the same layer written as a plain linalg.matmul computes once
// both are quantized: same codes and scales, same sums in the same order.
// @forms_2d and @forms_3d each return the plain form first, then the other
// forms of the same layer; sqz-run runs them on the same input and numpy
// compares the outputs bit for bit with the plain [K, N] form (the bias forms
// with the plain output plus the bias in float32), except the per-batch
// weight [W, -W]: within 1e-5 of the plain output, batch 1 negated, as it
// runs on the generic lowering while the layers of one 2-D weight run on the
// CPU GEMM kernel, which sums in another order. Two symmetric schemes:
// 8-bit per channel and 4-bit groups of 4 along K.

// The comparison: argv = 2-D outputs, 3-D outputs, this file (for the float
// weight, to check the plain form against x @ W in float64), x.npy, tolerance.
// (Words that name lit tools are avoided in it: lit would substitute them.)
// DEFINE: %{compare} = import re, sys, numpy as np; \
// DEFINE:   d2, d3, src, xpath, tol = sys.argv[1:]; \
// DEFINE:   out = lambda d, i: np.load(f'{d}/out{i}.npy'); \
// DEFINE:   b = np.array([0.5, -1.25, 2.0, 0.0, -0.75, 3.5], np.float32); \
// DEFINE:   p2, p3 = out(d2, 0), out(d3, 0); \
// DEFINE:   forms = [('2d plain [N, K]', out(d2, 1), p2), ('2d generic [K, N]', out(d2, 2), p2), ('2d generic [N, K]', out(d2, 3), p2), ('2d global', out(d2, 4), p2), ('2d bias generic', out(d2, 5), p2 + b), ('2d bias arith.addf', out(d2, 6), p2 + b), \
// DEFINE:            ('3d plain [N, K]', out(d3, 1), p3), ('3d generic [N, K]', out(d3, 2), p3), ('3d batch_matmul broadcast', out(d3, 3), p3), ('3d batch_matmul broadcast of transpose', out(d3, 4), p3), ('3d bias linalg.add', out(d3, 5), p3 + b), ('3d weight per batch', out(d3, 6), np.stack([p3[0], -p3[1]]))]; \
// DEFINE:   differ = lambda a, e: a.dtype != e.dtype or a.shape != e.shape or a.tobytes() != e.tobytes(); \
// DEFINE:   far = lambda a, e: a.shape != e.shape or float(np.abs(a - e).max()) > 1e-5 * float(np.abs(e).max()) + 1e-6; \
// DEFINE:   bad = [name for name, a, e in forms if (far(a, e) if name == '3d weight per batch' else differ(a, e))]; \
// DEFINE:   w = np.array(eval(re.search(r'^  %w = arith.constant dense<(.*)> : tensor<8x6xf32>$', open(src).read(), re.M).group(1)), np.float64); \
// DEFINE:   err = float(np.abs(p2 - np.load(xpath).astype(np.float64) @ w).max()); \
// DEFINE:   print('MISMATCH: ' + ', '.join(bad) if bad else 'identical: ' + ', '.join(name for name, a, e in forms)); \
// DEFINE:   print(f'plain form within {tol} of float: {err < float(tol) and err > 0}, max error {err:.3g}')

// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; r = np.random.default_rng(5); np.save('%t/x.npy', r.uniform(-1, 1, (4, 8)).astype(np.float32)); np.save('%t/x3.npy', r.uniform(-1, 1, (2, 4, 8)).astype(np.float32))"

// RUN: sqz-opt %s --sqz-quantize-weights -o %t/channel.mlir
// RUN: FileCheck %s --input-file %t/channel.mlir --check-prefix=QUANT --implicit-check-not=linalg. --implicit-check-not=ml_program
// RUN: sqz-run %t/channel.mlir --entry forms_2d --input %t/x.npy --output-dir %t/channel-2d
// RUN: sqz-run %t/channel.mlir --entry forms_3d --input %t/x3.npy --output-dir %t/channel-3d
// RUN: %python -c "%{compare}" %t/channel-2d %t/channel-3d %s %t/x.npy 0.05 | FileCheck %s

// RUN: sqz-opt %s --sqz-quantize-weights="bits=4 granularity=group group-size=4" -o %t/group.mlir
// RUN: FileCheck %s --input-file %t/group.mlir --check-prefix=QUANT --implicit-check-not=linalg. --implicit-check-not=ml_program
// RUN: sqz-run %t/group.mlir --entry forms_2d --input %t/x.npy --output-dir %t/group-2d
// RUN: sqz-run %t/group.mlir --entry forms_3d --input %t/x3.npy --output-dir %t/group-3d
// RUN: %python -c "%{compare}" %t/group-2d %t/group-3d %s %t/x.npy 0.5 | FileCheck %s

// CHECK: identical: 2d plain [N, K], 2d generic [K, N], 2d generic [N, K], 2d global, 2d bias generic, 2d bias arith.addf, 3d plain [N, K], 3d generic [N, K], 3d batch_matmul broadcast, 3d batch_matmul broadcast of transpose, 3d bias linalg.add, 3d weight per batch
// CHECK: plain form within {{.*}} of float: True

// QUANT-LABEL: func.func @forms_2d
// QUANT-COUNT-5: sqz.matmul %arg0, %{{.*}} {{.*}}: tensor<4x8xf32>
// QUANT-COUNT-2: sqz.matmul %arg0, %{{.*}} bias(%{{.*}} {{.*}}: tensor<6xf32>) {{.*}}: tensor<4x8xf32>
// QUANT-LABEL: func.func @forms_3d
// QUANT-COUNT-2: sqz.matmul {{.*}} {{.*}}: tensor<8x8xf32>
// QUANT-COUNT-3: sqz.matmul %arg0, %{{[0-9]+}} {{.*}}: tensor<2x4x8xf32>, !sqz.tensor<{{6x8|8x6}}xf32,
// QUANT:         sqz.matmul {{.*}} bias(%{{.*}} {{.*}}: tensor<6xf32>) {rhs_transposed{{.*}}} : tensor<2x4x8xf32>, !sqz.tensor<6x8xf32,
// QUANT:         sqz.matmul {{.*}} {{.*}}: tensor<2x4x8xf32>, !sqz.tensor<2x8x6xf32,

#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#nk = affine_map<(m, n, k) -> (n, k)>
#mn = affine_map<(m, n, k) -> (m, n)>
#id = affine_map<(m, n) -> (m, n)>
#row = affine_map<(m, n) -> (n)>
#b_mk = affine_map<(b, m, n, k) -> (b, m, k)>
#b_nk = affine_map<(b, m, n, k) -> (n, k)>
#b_mn = affine_map<(b, m, n, k) -> (b, m, n)>
#bc_kn = affine_map<(b, k, n) -> (k, n)>
#bc_bkn = affine_map<(b, k, n) -> (b, k, n)>

ml_program.global private @w_global(dense<[[-1.66, -1.05, 1.21, 0.33, -0.0162, -0.27], [-0.08, -1.36, 0.94, -1.55, -0.0044, 0.07], [-0.28, 0.35, 0.95, 1.83, -0.0086, 0.59], [0.78, -0.83, -1.99, 1.89, -0.0081, -0.74], [1.57, 0.34, -0.11, 1.09, -0.0188, 0.83], [-0.5, -1.64, 0.64, 1.73, -0.0117, 0.52], [-0.81, 0.97, 0.89, -1.13, 0.0132, 0.63], [0.73, 1.28, -0.29, 1.03, 0.0151, -1.59]]> : tensor<8x6xf32>) : tensor<8x6xf32>

// Results: plain [K, N], plain [N, K] (transposing maps), generic [K, N],
// generic [N, K] listed first, global [K, N], bias generic, bias arith.addf.
func.func @forms_2d(%x: tensor<4x8xf32>) -> (tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x6xf32>) {
  %w = arith.constant dense<[[-1.66, -1.05, 1.21, 0.33, -0.0162, -0.27], [-0.08, -1.36, 0.94, -1.55, -0.0044, 0.07], [-0.28, 0.35, 0.95, 1.83, -0.0086, 0.59], [0.78, -0.83, -1.99, 1.89, -0.0081, -0.74], [1.57, 0.34, -0.11, 1.09, -0.0188, 0.83], [-0.5, -1.64, 0.64, 1.73, -0.0117, 0.52], [-0.81, 0.97, 0.89, -1.13, 0.0132, 0.63], [0.73, 1.28, -0.29, 1.03, 0.0151, -1.59]]> : tensor<8x6xf32>
  %wt = arith.constant dense<[[-1.66, -0.08, -0.28, 0.78, 1.57, -0.5, -0.81, 0.73], [-1.05, -1.36, 0.35, -0.83, 0.34, -1.64, 0.97, 1.28], [1.21, 0.94, 0.95, -1.99, -0.11, 0.64, 0.89, -0.29], [0.33, -1.55, 1.83, 1.89, 1.09, 1.73, -1.13, 1.03], [-0.0162, -0.0044, -0.0086, -0.0081, -0.0188, -0.0117, 0.0132, 0.0151], [-0.27, 0.07, 0.59, -0.74, 0.83, 0.52, 0.63, -1.59]]> : tensor<6x8xf32>
  %b = arith.constant dense<[0.5, -1.25, 2.0, 0.0, -0.75, 3.5]> : tensor<6xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x6xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<4x6xf32>) -> tensor<4x6xf32>

  %plain = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x6xf32>) outs(%acc : tensor<4x6xf32>) -> tensor<4x6xf32>
  %plain_nk = linalg.matmul indexing_maps = [#mk, #nk, #mn] ins(%x, %wt : tensor<4x8xf32>, tensor<6x8xf32>) outs(%acc : tensor<4x6xf32>) -> tensor<4x6xf32>
  %generic = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<4x8xf32>, tensor<8x6xf32>) outs(%acc : tensor<4x6xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %p = arith.mulf %a, %c : f32
    %s = arith.addf %o, %p : f32
    linalg.yield %s : f32
  } -> tensor<4x6xf32>
  %generic_nk = linalg.generic {indexing_maps = [#nk, #mk, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%wt, %x : tensor<6x8xf32>, tensor<4x8xf32>) outs(%acc : tensor<4x6xf32>) {
  ^bb0(%c: f32, %a: f32, %o: f32):
    %p = arith.mulf %c, %a : f32
    %s = arith.addf %p, %o : f32
    linalg.yield %s : f32
  } -> tensor<4x6xf32>
  %wg = ml_program.global_load_const @w_global : tensor<8x6xf32>
  %global = linalg.matmul ins(%x, %wg : tensor<4x8xf32>, tensor<8x6xf32>) outs(%acc : tensor<4x6xf32>) -> tensor<4x6xf32>

  %y1 = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x6xf32>) outs(%acc : tensor<4x6xf32>) -> tensor<4x6xf32>
  %bias_generic = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]}
      ins(%y1, %b : tensor<4x6xf32>, tensor<6xf32>) outs(%e : tensor<4x6xf32>) {
  ^bb0(%v: f32, %c: f32, %o: f32):
    %s = arith.addf %v, %c : f32
    linalg.yield %s : f32
  } -> tensor<4x6xf32>
  %y2 = linalg.matmul ins(%x, %w : tensor<4x8xf32>, tensor<8x6xf32>) outs(%acc : tensor<4x6xf32>) -> tensor<4x6xf32>
  %bb = linalg.broadcast ins(%b : tensor<6xf32>) outs(%e : tensor<4x6xf32>) dimensions = [0]
  %bias_addf = arith.addf %bb, %y2 : tensor<4x6xf32>
  return %plain, %plain_nk, %generic, %generic_nk, %global, %bias_generic, %bias_addf
      : tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x6xf32>, tensor<4x6xf32>
}

// Results: plain [K, N] on the activation collapsed to 2-D, the same with
// [N, K], generic with a shared [N, K] weight (torch-mlir's x @ W.T),
// batch_matmul of a linalg.broadcast, batch_matmul of a generic broadcast of
// a linalg.transpose, generic [N, K] + linalg.add of the broadcast bias, and
// batch_matmul with the per-batch weight [W, -W].
func.func @forms_3d(%x: tensor<2x4x8xf32>) -> (tensor<2x4x6xf32>, tensor<2x4x6xf32>, tensor<2x4x6xf32>, tensor<2x4x6xf32>, tensor<2x4x6xf32>, tensor<2x4x6xf32>, tensor<2x4x6xf32>) {
  %w = arith.constant dense<[[-1.66, -1.05, 1.21, 0.33, -0.0162, -0.27], [-0.08, -1.36, 0.94, -1.55, -0.0044, 0.07], [-0.28, 0.35, 0.95, 1.83, -0.0086, 0.59], [0.78, -0.83, -1.99, 1.89, -0.0081, -0.74], [1.57, 0.34, -0.11, 1.09, -0.0188, 0.83], [-0.5, -1.64, 0.64, 1.73, -0.0117, 0.52], [-0.81, 0.97, 0.89, -1.13, 0.0132, 0.63], [0.73, 1.28, -0.29, 1.03, 0.0151, -1.59]]> : tensor<8x6xf32>
  %wt = arith.constant dense<[[-1.66, -0.08, -0.28, 0.78, 1.57, -0.5, -0.81, 0.73], [-1.05, -1.36, 0.35, -0.83, 0.34, -1.64, 0.97, 1.28], [1.21, 0.94, 0.95, -1.99, -0.11, 0.64, 0.89, -0.29], [0.33, -1.55, 1.83, 1.89, 1.09, 1.73, -1.13, 1.03], [-0.0162, -0.0044, -0.0086, -0.0081, -0.0188, -0.0117, 0.0132, 0.0151], [-0.27, 0.07, 0.59, -0.74, 0.83, 0.52, 0.63, -1.59]]> : tensor<6x8xf32>
  %w3 = arith.constant dense<[[[-1.66, -1.05, 1.21, 0.33, -0.0162, -0.27], [-0.08, -1.36, 0.94, -1.55, -0.0044, 0.07], [-0.28, 0.35, 0.95, 1.83, -0.0086, 0.59], [0.78, -0.83, -1.99, 1.89, -0.0081, -0.74], [1.57, 0.34, -0.11, 1.09, -0.0188, 0.83], [-0.5, -1.64, 0.64, 1.73, -0.0117, 0.52], [-0.81, 0.97, 0.89, -1.13, 0.0132, 0.63], [0.73, 1.28, -0.29, 1.03, 0.0151, -1.59]],
                              [[1.66, 1.05, -1.21, -0.33, 0.0162, 0.27], [0.08, 1.36, -0.94, 1.55, 0.0044, -0.07], [0.28, -0.35, -0.95, -1.83, 0.0086, -0.59], [-0.78, 0.83, 1.99, -1.89, 0.0081, 0.74], [-1.57, -0.34, 0.11, -1.09, 0.0188, -0.83], [0.5, 1.64, -0.64, -1.73, 0.0117, -0.52], [0.81, -0.97, -0.89, 1.13, -0.0132, -0.63], [-0.73, -1.28, 0.29, -1.03, -0.0151, 1.59]]]> : tensor<2x8x6xf32>
  %b = arith.constant dense<[0.5, -1.25, 2.0, 0.0, -0.75, 3.5]> : tensor<6xf32>
  %zero = arith.constant 0.0 : f32
  %e2 = tensor.empty() : tensor<8x6xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<8x6xf32>) -> tensor<8x6xf32>
  %e = tensor.empty() : tensor<2x4x6xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4x6xf32>) -> tensor<2x4x6xf32>
  %ew = tensor.empty() : tensor<2x8x6xf32>

  %x2 = tensor.collapse_shape %x [[0, 1], [2]] : tensor<2x4x8xf32> into tensor<8x8xf32>
  %p2 = linalg.matmul ins(%x2, %w : tensor<8x8xf32>, tensor<8x6xf32>) outs(%acc2 : tensor<8x6xf32>) -> tensor<8x6xf32>
  %plain = tensor.expand_shape %p2 [[0, 1], [2]] output_shape [2, 4, 6] : tensor<8x6xf32> into tensor<2x4x6xf32>
  %p2nk = linalg.matmul indexing_maps = [#mk, #nk, #mn] ins(%x2, %wt : tensor<8x8xf32>, tensor<6x8xf32>) outs(%acc2 : tensor<8x6xf32>) -> tensor<8x6xf32>
  %plain_nk = tensor.expand_shape %p2nk [[0, 1], [2]] output_shape [2, 4, 6] : tensor<8x6xf32> into tensor<2x4x6xf32>

  %generic = linalg.generic {indexing_maps = [#b_mk, #b_nk, #b_mn], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%x, %wt : tensor<2x4x8xf32>, tensor<6x8xf32>) outs(%acc : tensor<2x4x6xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %p = arith.mulf %a, %c : f32
    %s = arith.addf %o, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x6xf32>

  %wb = linalg.broadcast ins(%w : tensor<8x6xf32>) outs(%ew : tensor<2x8x6xf32>) dimensions = [0]
  %bmm = linalg.batch_matmul ins(%x, %wb : tensor<2x4x8xf32>, tensor<2x8x6xf32>) outs(%acc : tensor<2x4x6xf32>) -> tensor<2x4x6xf32>

  %wtt = linalg.transpose ins(%wt : tensor<6x8xf32>) outs(%e2 : tensor<8x6xf32>) permutation = [1, 0]
  %wtb = linalg.generic {indexing_maps = [#bc_kn, #bc_bkn], iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%wtt : tensor<8x6xf32>) outs(%ew : tensor<2x8x6xf32>) {
  ^bb0(%in: f32, %o: f32):
    linalg.yield %in : f32
  } -> tensor<2x8x6xf32>
  %bmm_t = linalg.batch_matmul ins(%x, %wtb : tensor<2x4x8xf32>, tensor<2x8x6xf32>) outs(%acc : tensor<2x4x6xf32>) -> tensor<2x4x6xf32>

  %y = linalg.generic {indexing_maps = [#b_mk, #b_nk, #b_mn], iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%x, %wt : tensor<2x4x8xf32>, tensor<6x8xf32>) outs(%acc : tensor<2x4x6xf32>) {
  ^bb0(%a: f32, %c: f32, %o: f32):
    %p = arith.mulf %a, %c : f32
    %s = arith.addf %o, %p : f32
    linalg.yield %s : f32
  } -> tensor<2x4x6xf32>
  %bb = linalg.broadcast ins(%b : tensor<6xf32>) outs(%e : tensor<2x4x6xf32>) dimensions = [0, 1]
  %bias = linalg.add ins(%y, %bb : tensor<2x4x6xf32>, tensor<2x4x6xf32>) outs(%e : tensor<2x4x6xf32>) -> tensor<2x4x6xf32>

  %per_batch = linalg.batch_matmul ins(%x, %w3 : tensor<2x4x8xf32>, tensor<2x8x6xf32>) outs(%acc : tensor<2x4x6xf32>) -> tensor<2x4x6xf32>
  return %plain, %plain_nk, %generic, %bmm, %bmm_t, %bias, %per_batch
      : tensor<2x4x6xf32>, tensor<2x4x6xf32>, tensor<2x4x6xf32>, tensor<2x4x6xf32>, tensor<2x4x6xf32>, tensor<2x4x6xf32>, tensor<2x4x6xf32>
}
