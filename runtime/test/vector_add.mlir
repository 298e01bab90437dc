// /usr/lib/llvm-22/bin/mlir-opt runtime/test/vector_add.mlir --pass-pipeline='builtin.module(nvvm-attach-target{chip=sm_90 features=+ptx80},gpu.module(convert-gpu-to-nvvm,reconcile-unrealized-casts),gpu-module-to-binary{format=bin toolkit=/usr/local/cuda})' -o vector_add.cubin.mlir
//
// The kernel of `sqz-cuda-check --run-cubin vector_add.cubin.mlir`: the
// command above embeds its sm_90 cubin (made by ptxas) in a `gpu.binary`,
// which sqz-cuda-check reads. With `format=isa` instead of `format=bin` it
// embeds PTX, which sqz-cuda-check loads through the driver's JIT.
//
// c[i] = a[i] + b[i] for i < size(c), one element per thread. The kernel uses
// the default calling convention: each memref<?xf32> argument arrives as the
// five parameters of its expanded descriptor (allocated pointer, aligned
// pointer, offset, size, stride), 15 parameters in all.

module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @vector_add(%a: memref<?xf32>, %b: memref<?xf32>,
                         %c: memref<?xf32>) kernel {
      %c0 = arith.constant 0 : index
      %block = gpu.block_id x
      %width = gpu.block_dim x
      %thread = gpu.thread_id x
      %first = arith.muli %block, %width : index
      %i = arith.addi %first, %thread : index
      %n = memref.dim %c, %c0 : memref<?xf32>
      %inside = arith.cmpi ult, %i, %n : index
      cf.cond_br %inside, ^add, ^done
    ^add:
      %x = memref.load %a[%i] : memref<?xf32>
      %y = memref.load %b[%i] : memref<?xf32>
      %sum = arith.addf %x, %y : f32
      memref.store %sum, %c[%i] : memref<?xf32>
      cf.br ^done
    ^done:
      gpu.return
    }
  }
}
