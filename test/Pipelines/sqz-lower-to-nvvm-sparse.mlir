// A 2:4 sparse W8A8 layer (symmetric int8 codes on both sides) on the GPU:
// by default (and with sparse-tensor-cores=1) its matmul reads the kept
// codes and their positions as stored and runs on the sparse tensor cores
// (mma.sp m16n8k32 s8, wrapping); with sparse-tensor-cores=0 the weight is
// decompressed and no sparse instruction remains.

// REQUIRES: ptxas
// RUN: sqz-opt %s --sqz-lower-to-nvvm="format=isa sparse-tensor-cores=1" | FileCheck %s
// RUN: sqz-opt %s --sqz-lower-to-nvvm="format=isa" | FileCheck %s
// RUN: sqz-opt %s --sqz-lower-to-nvvm="format=isa sparse-tensor-cores=0" | FileCheck %s --check-prefix=DENSE

// CHECK: gpu.binary @layer_kernel
// CHECK: mma.sp.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32
// DENSE: gpu.binary
// DENSE-NOT: mma.sp
func.func @layer(%x: tensor<2x8xf32>) -> tensor<2x4xf32> {
  %v = arith.constant dense<[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]> : tensor<4x4xi8>
  %p = arith.constant dense<[[0, 1, 2, 0], [3, 2, 3, 1], [1, 0, 0, 2], [2, 3, 1, 3]]> : tensor<4x4xi2>
  %s = arith.constant dense<[0.5, 0.25, 1.0, 2.0]> : tensor<4xf32>
  %w = sqz.pack %v scales(%s : tensor<4xf32>) metadata(%p : tensor<4x4xi2>) : tensor<4x4xi8> -> !sqz.tensor<8x4xf32, #sqz.quant<i8, per_channel(1), symmetric>, #sqz.sparsity<nm(2, 4, 0)>>
  %q = sqz.quantize %x : tensor<2x8xf32> -> !sqz.tensor<2x8xf32, #sqz.quant<i8, per_channel(0), symmetric>>
  %y = sqz.matmul %q, %w : !sqz.tensor<2x8xf32, #sqz.quant<i8, per_channel(0), symmetric>>, !sqz.tensor<8x4xf32, #sqz.quant<i8, per_channel(1), symmetric>, #sqz.sparsity<nm(2, 4, 0)>> -> tensor<2x4xf32>
  return %y : tensor<2x4xf32>
}
