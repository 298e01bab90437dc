// Every diagnostic of sqz-quantize-weights method=gptq.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import numpy as np; np.save('%t/bad_dtype.linear0.hessian.npy', np.eye(2, dtype=np.int32)); np.save('%t/bad_shape.linear0.hessian.npy', np.eye(3)); h = np.eye(2); h[1, 0] = np.nan; np.save('%t/non_finite.linear0.hessian.npy', h); np.save('%t/indefinite.linear0.hessian.npy', np.array([[1.0, 2.0], [2.0, 1.0]])); open('%t/not_npy.linear0.hessian.npy', 'w').write('hello'); np.save('%t/pruned.hessian.npy', np.eye(4))"
// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights="method=gptq hessian=%t" --verify-diagnostics
// RUN: not sqz-opt %s --sqz-quantize-weights="method=obq" 2>&1 | FileCheck %s --check-prefix=METHOD
// RUN: not sqz-opt %s --sqz-quantize-weights="method=gptq" 2>&1 | FileCheck %s --check-prefix=HESSIAN
// RUN: not sqz-opt %s --sqz-quantize-weights="method=gptq hessian=%t damp=-1" 2>&1 | FileCheck %s --check-prefix=DAMP
// RUN: not sqz-opt %s --sqz-quantize-weights="damp=nan" 2>&1 | FileCheck %s --check-prefix=DAMPNAN
// RUN: not sqz-opt %s --sqz-quantize-weights="hessian=%t" 2>&1 | FileCheck %s --check-prefix=RTN
// RUN: not sqz-opt %s --sqz-quantize-weights="method=rtn act-order=1" 2>&1 | FileCheck %s --check-prefix=RTN
// The layer whose Hessian is not positive definite is quantized by round to
// nearest: codes 127 and 64 of [[2, 1], [1, 2]] per channel.
// RUN: not sqz-opt %s --split-input-file --sqz-quantize-weights="method=gptq hessian=%t" 2>&1 | FileCheck %s --check-prefix=FALLBACK

// METHOD: sqz-opt: for the --method option: 'obq' is not one of: rtn, gptq
// HESSIAN: error: sqz-quantize-weights: method=gptq needs hessian=DIR
// DAMP: error: sqz-quantize-weights: damp must be a finite number >= 0, got -1
// DAMPNAN: error: sqz-quantize-weights: damp must be a finite number >= 0, got nan
// RTN: error: sqz-quantize-weights: hessian= and act-order= apply to method=gptq only

func.func @missing(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error-re@+1 {{layer 'missing.linear0': cannot read its Hessian: '{{.*}}missing.linear0.hessian.npy': No such file or directory}}
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @not_npy(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error-re@+1 {{layer 'not_npy.linear0': cannot read its Hessian: '{{.*}}not_npy.linear0.hessian.npy': not a .npy file}}
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @bad_dtype(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error-re@+1 {{layer 'bad_dtype.linear0': Hessian '{{.*}}bad_dtype.linear0.hessian.npy' has dtype int32, expected float32 or float64}}
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @bad_shape(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error-re@+1 {{layer 'bad_shape.linear0': Hessian '{{.*}}bad_shape.linear0.hessian.npy' has shape (3, 3), expected (2, 2)}}
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

func.func @non_finite(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-error-re@+1 {{layer 'non_finite.linear0': Hessian '{{.*}}non_finite.linear0.hessian.npy' has a non-finite value at flat index 2}}
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// FALLBACK-LABEL: func.func @indefinite
// FALLBACK: arith.constant dense<{{\[}}[127, 64], [64, 127]]> : tensor<2x2xi8>
func.func @indefinite(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = arith.constant dense<[[2.0, 1.0], [1.0, 2.0]]> : tensor<2x2xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x2xf32>) -> tensor<2x2xf32>
  // expected-warning@+1 {{layer 'indefinite.linear0': the dampened Hessian is not positive definite (Cholesky failed); quantized by round to nearest}}
  %y = linalg.matmul ins(%x, %w : tensor<2x2xf32>, tensor<2x2xf32>) outs(%acc : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// A pruned weight without a name is the layer the shared numbering names:
// its Hessian is looked up by that name.
!u = !sqz.tensor<4x2xf32, #sqz.sparsity<unstructured>>
func.func @unnamed_sparse(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %v = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %m = arith.constant dense<[[true, false], [true, false], [false, true], [false, true]]> : tensor<4x2xi1>
  %w = sqz.pack %v metadata(%m : tensor<4x2xi1>) : tensor<4xf32> -> !u
  // expected-error@+1 {{layer 'unnamed_sparse.linear0': cannot read its Hessian}}
  %y = sqz.matmul %x, %w : tensor<2x4xf32>, !u -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// A named pruned weight is quantized by GPTQ (H = I: no compensation).
!p = !sqz.tensor<4x2xf32, #sqz.sparsity<unstructured>>
func.func @pruned(%x: tensor<2x4xf32>) -> tensor<2x2xf32> {
  %v = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %m = arith.constant dense<[[true, false], [true, false], [false, true], [false, true]]> : tensor<4x2xi1>
  %w = sqz.pack %v metadata(%m : tensor<4x2xi1>) : tensor<4xf32> -> !p
  %y = sqz.matmul %x, %w {sqz.layer = "pruned"} : tensor<2x4xf32>, !p -> tensor<2x2xf32>
  return %y : tensor<2x2xf32>
}

// -----

// Layers are numbered per function: a pruned weight's sqz.matmul at module
// level has no name to find its Hessian by.
%x = arith.constant dense<1.0> : tensor<2x4xf32>
%v = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
%m = arith.constant dense<[[true, false], [true, false], [false, true], [false, true]]> : tensor<4x2xi1>
%w = sqz.pack %v metadata(%m : tensor<4x2xi1>) : tensor<4xf32> -> !sqz.tensor<4x2xf32, #sqz.sparsity<unstructured>>
// expected-error@+1 {{method=gptq: an sqz.matmul outside a function is no named layer to find its Hessian by}}
%y = sqz.matmul %x, %w : tensor<2x4xf32>, !sqz.tensor<4x2xf32, #sqz.sparsity<unstructured>> -> tensor<2x2xf32>
