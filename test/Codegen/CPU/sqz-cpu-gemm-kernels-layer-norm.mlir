// Layer normalization over the innermost dimension, as torch-mlir
// decomposes aten.layer_norm (the f32 mean; the variance from the row
// converted to f64 and truncated, or computed in f32; rsqrt of the variance
// plus a constant epsilon; centring, scaling, weight and bias), runs on the
// runtime's layer norm kernel on AVX-512 targets, one row at a time: the
// tensor seen as rows of its innermost dimension, the weight and bias
// passed as they are, epsilon and the variance's precision as scalars, the
// generic ops gone. Anything else stays: a mean divided by another length
// than the row's, an epsilon that is not a constant, targets without
// AVX-512. (sqz-kernel-check checks the kernel against a double-precision
// layer norm.)
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver4 | FileCheck %s
// RUN: sqz-opt %s -split-input-file --sqz-cpu-gemm-kernels=target-cpu=znver3 | FileCheck %s --check-prefix=AVX2

#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#row = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
#col = affine_map<(d0, d1, d2) -> (d2)>

// CHECK-LABEL: func.func @torch_form(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x8xf32>, %[[G:[^:]*]]: tensor<8xf32>, %[[B:[^:]*]]: tensor<8xf32>)
// CHECK: %[[ROWS:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1], [2]] : tensor<2x3x8xf32> into tensor<6x8xf32>
// CHECK: %[[GB:.*]] = bufferization.to_buffer %[[G]] read_only
// CHECK: %[[BB:.*]] = bufferization.to_buffer %[[B]] read_only
// CHECK: call @sqz_cpu_layer_norm_rows_f32_avx512({{.*}}, {{.*}}, {{.*}}, {{.*}}, %[[EPS:.*]], %[[F64:.*]], {{.*}})
// CHECK: %[[OUT:.*]] = tensor.expand_shape {{.*}} {{\[\[}}0, 1], [2]] output_shape [2, 3, 8] : tensor<6x8xf32> into tensor<2x3x8xf32>
// CHECK-NOT: linalg.generic
// CHECK: return %[[OUT]]
// CHECK: func.func private @sqz_cpu_layer_norm_rows_f32_avx512(memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?x?xf32, strided<[?, ?], offset: ?>>, memref<?xf32, strided<[?], offset: ?>>, memref<?xf32, strided<[?], offset: ?>>, f32, i64, i64) attributes {llvm.emit_c_interface}
// AVX2-LABEL: func.func @torch_form(
// AVX2: math.rsqrt
// AVX2-NOT: call @sqz_cpu_layer_norm
func.func @torch_form(%x: tensor<2x3x8xf32>, %gamma: tensor<8xf32>, %beta: tensor<8xf32>) -> tensor<2x3x8xf32> {
  %zero = arith.constant 0.0 : f32
  %n = arith.constant 8.0 : f32
  %eps64 = arith.constant 1.0E-5 : f64
  %zero64 = arith.constant 0.0 : f64
  %n64 = arith.constant 8.0 : f64
  %full = tensor.empty() : tensor<2x3x8xf32>
  %rows = tensor.empty() : tensor<2x3x1xf32>
  %sum0 = linalg.fill ins(%zero : f32) outs(%rows : tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x : tensor<2x3x8xf32>) outs(%sum0 : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.addf %in0, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %mean = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sum : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.divf %in0, %n : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %fullw = tensor.empty() : tensor<2x3x8xf64>
  %rowsw = tensor.empty() : tensor<2x3x1xf64>
  %sumw0 = linalg.fill ins(%zero64 : f64) outs(%rowsw : tensor<2x3x1xf64>) -> tensor<2x3x1xf64>
  %xw = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<2x3x8xf32>) outs(%fullw : tensor<2x3x8xf64>) {
  ^bb0(%in0: f32, %out: f64):
    %v = arith.extf %in0 : f32 to f64
    linalg.yield %v : f64
  } -> tensor<2x3x8xf64>
  %vsum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%xw : tensor<2x3x8xf64>) outs(%sumw0 : tensor<2x3x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.addf %in0, %out : f64
    linalg.yield %v : f64
  } -> tensor<2x3x1xf64>
  %vmean = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%vsum : tensor<2x3x1xf64>) outs(%rowsw : tensor<2x3x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.divf %in0, %n64 : f64
    linalg.yield %v : f64
  } -> tensor<2x3x1xf64>
  %diff = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%xw, %vmean : tensor<2x3x8xf64>, tensor<2x3x1xf64>) outs(%fullw : tensor<2x3x8xf64>) {
  ^bb0(%in0: f64, %in1: f64, %out: f64):
    %v = arith.subf %in0, %in1 : f64
    linalg.yield %v : f64
  } -> tensor<2x3x8xf64>
  %sq = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%diff, %diff : tensor<2x3x8xf64>, tensor<2x3x8xf64>) outs(%fullw : tensor<2x3x8xf64>) {
  ^bb0(%in0: f64, %in1: f64, %out: f64):
    %v = arith.mulf %in0, %in1 : f64
    linalg.yield %v : f64
  } -> tensor<2x3x8xf64>
  %sqsum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%sq : tensor<2x3x8xf64>) outs(%sumw0 : tensor<2x3x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.addf %in0, %out : f64
    linalg.yield %v : f64
  } -> tensor<2x3x1xf64>
  %var = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sqsum : tensor<2x3x1xf64>) outs(%rowsw : tensor<2x3x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.divf %in0, %n64 : f64
    linalg.yield %v : f64
  } -> tensor<2x3x1xf64>
  %var32 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%var : tensor<2x3x1xf64>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f64, %out: f32):
    %v = arith.truncf %in0 : f64 to f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %veps = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%var32 : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %e = arith.truncf %eps64 : f64 to f32
    %v = arith.addf %in0, %e : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %rstd = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%veps : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = math.rsqrt %in0 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %centred = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x, %mean : tensor<2x3x8xf32>, tensor<2x3x1xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.subf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %scaled = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%centred, %rstd : tensor<2x3x8xf32>, tensor<2x3x1xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %weighted = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%scaled, %gamma : tensor<2x3x8xf32>, tensor<8xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %y = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%weighted, %beta : tensor<2x3x8xf32>, tensor<8xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.addf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  return %y : tensor<2x3x8xf32>
}

// -----

#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#row = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
#col = affine_map<(d0, d1, d2) -> (d2)>

// The variance in f32, the difference squared by one op reading it once:
// the flag is 0.
// CHECK-LABEL: func.func @f32_variance(
// CHECK-DAG: %[[EPS:.*]] = arith.constant 9.99999974E-6 : f32
// CHECK-DAG: %[[F32:.*]] = arith.constant 0 : i64
// CHECK: call @sqz_cpu_layer_norm_rows_f32_avx512({{.*}}, {{.*}}, {{.*}}, {{.*}}, %[[EPS]], %[[F32]], {{.*}})
// CHECK-NOT: linalg.generic
func.func @f32_variance(%x: tensor<2x3x8xf32>, %gamma: tensor<8xf32>, %beta: tensor<8xf32>) -> tensor<2x3x8xf32> {
  %zero = arith.constant 0.0 : f32
  %n = arith.constant 8.0 : f32
  %eps64 = arith.constant 1.0E-5 : f64
  %full = tensor.empty() : tensor<2x3x8xf32>
  %rows = tensor.empty() : tensor<2x3x1xf32>
  %sum0 = linalg.fill ins(%zero : f32) outs(%rows : tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x : tensor<2x3x8xf32>) outs(%sum0 : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.addf %in0, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %mean = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sum : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.divf %in0, %n : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %vsum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x : tensor<2x3x8xf32>) outs(%sum0 : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.addf %in0, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %vmean = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%vsum : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.divf %in0, %n : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %diff = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x, %vmean : tensor<2x3x8xf32>, tensor<2x3x1xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.subf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %sq = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%diff : tensor<2x3x8xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.mulf %in0, %in0 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %sqsum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%sq : tensor<2x3x8xf32>) outs(%sum0 : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.addf %in0, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %var = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sqsum : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.divf %in0, %n : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %veps = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%var : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %e = arith.truncf %eps64 : f64 to f32
    %v = arith.addf %in0, %e : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %rstd = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%veps : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = math.rsqrt %in0 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %centred = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x, %mean : tensor<2x3x8xf32>, tensor<2x3x1xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.subf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %scaled = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%centred, %rstd : tensor<2x3x8xf32>, tensor<2x3x1xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %weighted = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%scaled, %gamma : tensor<2x3x8xf32>, tensor<8xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %y = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%weighted, %beta : tensor<2x3x8xf32>, tensor<8xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.addf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  return %y : tensor<2x3x8xf32>
}

// -----

#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#row = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
#col = affine_map<(d0, d1, d2) -> (d2)>

// The means divide by 4, not by the row's 8 elements.
// CHECK-LABEL: func.func @wrong_length(
// CHECK: math.rsqrt
// CHECK-NOT: call @sqz_cpu_layer_norm
func.func @wrong_length(%x: tensor<2x3x8xf32>, %gamma: tensor<8xf32>, %beta: tensor<8xf32>) -> tensor<2x3x8xf32> {
  %zero = arith.constant 0.0 : f32
  %n = arith.constant 4.0 : f32
  %eps64 = arith.constant 1.0E-5 : f64
  %full = tensor.empty() : tensor<2x3x8xf32>
  %rows = tensor.empty() : tensor<2x3x1xf32>
  %sum0 = linalg.fill ins(%zero : f32) outs(%rows : tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x : tensor<2x3x8xf32>) outs(%sum0 : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.addf %in0, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %mean = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sum : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.divf %in0, %n : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %vsum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x : tensor<2x3x8xf32>) outs(%sum0 : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.addf %in0, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %vmean = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%vsum : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.divf %in0, %n : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %diff = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x, %vmean : tensor<2x3x8xf32>, tensor<2x3x1xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.subf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %sq = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%diff, %diff : tensor<2x3x8xf32>, tensor<2x3x8xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %sqsum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%sq : tensor<2x3x8xf32>) outs(%sum0 : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.addf %in0, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %var = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sqsum : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.divf %in0, %n : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %veps = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%var : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %e = arith.truncf %eps64 : f64 to f32
    %v = arith.addf %in0, %e : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %rstd = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%veps : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = math.rsqrt %in0 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %centred = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x, %mean : tensor<2x3x8xf32>, tensor<2x3x1xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.subf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %scaled = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%centred, %rstd : tensor<2x3x8xf32>, tensor<2x3x1xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %weighted = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%scaled, %gamma : tensor<2x3x8xf32>, tensor<8xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %y = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%weighted, %beta : tensor<2x3x8xf32>, tensor<8xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.addf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  return %y : tensor<2x3x8xf32>
}

// -----

#id = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#row = affine_map<(d0, d1, d2) -> (d0, d1, 0)>
#col = affine_map<(d0, d1, d2) -> (d2)>

// An epsilon passed in.
// CHECK-LABEL: func.func @runtime_epsilon(
// CHECK: math.rsqrt
// CHECK-NOT: call @sqz_cpu_layer_norm
func.func @runtime_epsilon(%x: tensor<2x3x8xf32>, %gamma: tensor<8xf32>, %beta: tensor<8xf32>, %eps: f32) -> tensor<2x3x8xf32> {
  %zero = arith.constant 0.0 : f32
  %n = arith.constant 8.0 : f32
  %zero64 = arith.constant 0.0 : f64
  %n64 = arith.constant 8.0 : f64
  %full = tensor.empty() : tensor<2x3x8xf32>
  %rows = tensor.empty() : tensor<2x3x1xf32>
  %sum0 = linalg.fill ins(%zero : f32) outs(%rows : tensor<2x3x1xf32>) -> tensor<2x3x1xf32>
  %sum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%x : tensor<2x3x8xf32>) outs(%sum0 : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.addf %in0, %out : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %mean = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sum : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.divf %in0, %n : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %fullw = tensor.empty() : tensor<2x3x8xf64>
  %rowsw = tensor.empty() : tensor<2x3x1xf64>
  %sumw0 = linalg.fill ins(%zero64 : f64) outs(%rowsw : tensor<2x3x1xf64>) -> tensor<2x3x1xf64>
  %xw = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x : tensor<2x3x8xf32>) outs(%fullw : tensor<2x3x8xf64>) {
  ^bb0(%in0: f32, %out: f64):
    %v = arith.extf %in0 : f32 to f64
    linalg.yield %v : f64
  } -> tensor<2x3x8xf64>
  %vsum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%xw : tensor<2x3x8xf64>) outs(%sumw0 : tensor<2x3x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.addf %in0, %out : f64
    linalg.yield %v : f64
  } -> tensor<2x3x1xf64>
  %vmean = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%vsum : tensor<2x3x1xf64>) outs(%rowsw : tensor<2x3x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.divf %in0, %n64 : f64
    linalg.yield %v : f64
  } -> tensor<2x3x1xf64>
  %diff = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%xw, %vmean : tensor<2x3x8xf64>, tensor<2x3x1xf64>) outs(%fullw : tensor<2x3x8xf64>) {
  ^bb0(%in0: f64, %in1: f64, %out: f64):
    %v = arith.subf %in0, %in1 : f64
    linalg.yield %v : f64
  } -> tensor<2x3x8xf64>
  %sq = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%diff, %diff : tensor<2x3x8xf64>, tensor<2x3x8xf64>) outs(%fullw : tensor<2x3x8xf64>) {
  ^bb0(%in0: f64, %in1: f64, %out: f64):
    %v = arith.mulf %in0, %in1 : f64
    linalg.yield %v : f64
  } -> tensor<2x3x8xf64>
  %sqsum = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "parallel", "reduction"]} ins(%sq : tensor<2x3x8xf64>) outs(%sumw0 : tensor<2x3x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.addf %in0, %out : f64
    linalg.yield %v : f64
  } -> tensor<2x3x1xf64>
  %var = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%sqsum : tensor<2x3x1xf64>) outs(%rowsw : tensor<2x3x1xf64>) {
  ^bb0(%in0: f64, %out: f64):
    %v = arith.divf %in0, %n64 : f64
    linalg.yield %v : f64
  } -> tensor<2x3x1xf64>
  %var32 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%var : tensor<2x3x1xf64>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f64, %out: f32):
    %v = arith.truncf %in0 : f64 to f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %veps = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%var32 : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = arith.addf %in0, %eps : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %rstd = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%veps : tensor<2x3x1xf32>) outs(%rows : tensor<2x3x1xf32>) {
  ^bb0(%in0: f32, %out: f32):
    %v = math.rsqrt %in0 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x1xf32>
  %centred = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x, %mean : tensor<2x3x8xf32>, tensor<2x3x1xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.subf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %scaled = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%centred, %rstd : tensor<2x3x8xf32>, tensor<2x3x1xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %weighted = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%scaled, %gamma : tensor<2x3x8xf32>, tensor<8xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.mulf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  %y = linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel", "parallel"]} ins(%weighted, %beta : tensor<2x3x8xf32>, tensor<8xf32>) outs(%full : tensor<2x3x8xf32>) {
  ^bb0(%in0: f32, %in1: f32, %out: f32):
    %v = arith.addf %in0, %in1 : f32
    linalg.yield %v : f32
  } -> tensor<2x3x8xf32>
  return %y : tensor<2x3x8xf32>
}
