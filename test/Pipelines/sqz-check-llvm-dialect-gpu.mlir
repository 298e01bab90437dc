// RUN: sqz-opt %s --sqz-check-llvm-dialect="allow-gpu-binaries=true pipeline=sqz-lower-to-nvvm" | FileCheck %s
// RUN: not sqz-opt %s --sqz-check-llvm-dialect 2>&1 | FileCheck %s --check-prefix=CPU

// The end of sqz-lower-to-nvvm: LLVM dialect host code, the kernels'
// binary and its launch are the contract; for sqz-lower-to-cpu the launch
// and the binary are leftovers.

// CHECK: gpu.binary @kernels
// CHECK: gpu.launch_func
// CPU: error: sqz-lower-to-cpu: 'gpu.binary' op was not lowered to the LLVM dialect (the output may hold only builtin.module and llvm.* ops)
module attributes {gpu.container_module} {
  gpu.binary @kernels [#gpu.object<#nvvm.target, "">]
  llvm.func @host(%n: i64) {
    gpu.launch_func @kernels::@k blocks in (%n, %n, %n) threads in (%n, %n, %n) : i64
    llvm.return
  }
}
