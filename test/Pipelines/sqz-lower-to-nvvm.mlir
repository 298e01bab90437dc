// sqz-lower-to-nvvm: tensor-level IR in, an LLVM dialect host module with
// the kernels compiled for the GPU out. Here with format=isa (PTX text,
// which needs no CUDA toolkit): every linalg op is a kernel; the host copies
// the argument to the device, reads the weight through its device copy,
// launches, copies the result back and frees what it allocated.

// RUN: sqz-opt %s --sqz-lower-to-nvvm="format=isa" | FileCheck %s

// CHECK: llvm.func @layer(
// CHECK-DAG: llvm.call @mgpuStreamCreate()
// CHECK-DAG: llvm.call @mgpuMemAlloc(
// CHECK: llvm.call @mgpuMemcpy(
// CHECK: llvm.call @sqzrtCudaDeviceConstant(
// CHECK: gpu.launch_func <%{{.*}} : !llvm.ptr> @layer_kernel::@layer_kernel blocks in
// CHECK: gpu.launch_func <%{{.*}} : !llvm.ptr> @layer_kernel_0::@layer_kernel blocks in
// CHECK: gpu.launch_func <%{{.*}} : !llvm.ptr> @layer_kernel_1::@layer_kernel blocks in
// CHECK: llvm.call @mgpuStreamSynchronize(
// CHECK: llvm.call @malloc(
// CHECK: llvm.call @mgpuMemcpy(
// CHECK: llvm.call @mgpuMemFree(
// CHECK: llvm.call @mgpuMemFree(
// CHECK: llvm.call @mgpuStreamSynchronize(
// CHECK: llvm.func @_mlir_ciface_layer(
// CHECK-SAME: sqz.signature = (tensor<4x2xf32>) -> tensor<4x16xf32>
// CHECK: gpu.binary @layer_kernel  [#gpu.object<#nvvm.target<chip = "sm_90", features = "+ptx80">, {{.*}}.target sm_90{{.*}}.visible .entry layer_kernel(
// CHECK: gpu.binary @layer_kernel_0
// CHECK: gpu.binary @layer_kernel_1

// The chip and features are options.
// RUN: sqz-opt %s --sqz-lower-to-nvvm="format=isa chip=sm_80 features=+ptx75" | FileCheck %s --check-prefix=SM80
// SM80: #nvvm.target<chip = "sm_80", features = "+ptx75">, {{.*}}.target sm_80

func.func @layer(%x: tensor<4x2xf32>) -> tensor<4x16xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0], [-1.0, -2.0, -3.0, -4.0, -5.0, -6.0, -7.0, -8.0, -9.0, -10.0, -11.0, -12.0, -13.0, -14.0, -15.0, -16.0]]> : tensor<2x16xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %y = linalg.matmul ins(%x, %w : tensor<4x2xf32>, tensor<2x16xf32>) outs(%acc : tensor<4x16xf32>) -> tensor<4x16xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%y : tensor<4x16xf32>) outs(%e : tensor<4x16xf32>) {
  ^bb0(%a: f32, %o: f32):
    %m = arith.maximumf %a, %zero : f32
    linalg.yield %m : f32
  } -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}
