// RUN: sqz-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(sqz-gpu-matmul-kernels))' | FileCheck %s

// The W8A8 integer matmul (signed codes, i32 accumulator, weight [N, K]
// read through a transposing map): one warp per 16x8 tile, blocks over N
// and M, mma.sync m16n8k32 along K from the output's values (four bytes
// packed per register, wrapping like the reference's addition), edges
// guarded.

// CHECK-LABEL: func.func @w8a8(
// CHECK: %[[C12:.*]] = arith.constant 12 : index
// CHECK: %[[C8:.*]] = arith.constant 8 : index
// CHECK: %[[GX:.*]] = arith.ceildivui %[[C12]], %[[C8]] : index
// CHECK: %[[C16:.*]] = arith.constant 16 : index
// CHECK: %[[GY:.*]] = arith.ceildivui %{{.*}}, %[[C16]] : index
// CHECK: %[[C32:.*]] = arith.constant 32 : index
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[GX]], {{.*}} = %[[GY]], {{.*}}) threads({{.*}}) in ({{.*}} = %[[C32]],
// CHECK: memref.load %arg2
// CHECK: scf.for {{.*}} step %{{.*}} iter_args({{.*}}) -> (i32, i32, i32, i32)
// CHECK-COUNT-6: vector.bitcast {{.*}} : vector<4xi8> to vector<1xi32>
// CHECK: nvvm.mma.sync A[{{.*}}, {{.*}}, {{.*}}, {{.*}}] B[{{.*}}, {{.*}}] C[{{.*}}, {{.*}}, {{.*}}, {{.*}}] {intOverflowBehavior = #nvvm.mma_int_overflow<wrapped>, layoutA = #nvvm.mma_layout<row>, layoutB = #nvvm.mma_layout<col>, multiplicandAPtxType = #nvvm.mma_type<s8>, multiplicandBPtxType = #nvvm.mma_type<s8>, shape = #nvvm.shape<m = 16, n = 8, k = 32>}
// CHECK: scf.if
// CHECK:   memref.store {{.*}}, %arg2
// CHECK: gpu.terminator
// CHECK-NOT: linalg.generic
func.func @w8a8(%x: memref<17x40xi8>, %w: memref<12x40xi8>, %acc: memref<17x12xi32>) {
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                   affine_map<(m, n, k) -> (n, k)>,
                                   affine_map<(m, n, k) -> (m, n)>],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<17x40xi8>, memref<12x40xi8>) outs(%acc : memref<17x12xi32>) {
  ^bb0(%a: i8, %b: i8, %c: i32):
    %a32 = arith.extsi %a : i8 to i32
    %b32 = arith.extsi %b : i8 to i32
    %p = arith.muli %a32, %b32 : i32
    %s = arith.addi %c, %p : i32
    linalg.yield %s : i32
  }
  return
}

// -----

// Unsigned activation codes (extui, asymmetric activations): u8 x s8 on
// the tensor cores.

// CHECK-LABEL: func.func @unsigned(
// CHECK: gpu.launch
// CHECK: nvvm.mma.sync {{.*}} multiplicandAPtxType = #nvvm.mma_type<u8>, multiplicandBPtxType = #nvvm.mma_type<s8>
// CHECK-NOT: linalg.generic
func.func @unsigned(%x: memref<4x8xi8>, %w: memref<8x4xi8>, %acc: memref<4x4xi32>) {
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                   affine_map<(m, n, k) -> (k, n)>,
                                   affine_map<(m, n, k) -> (m, n)>],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<4x8xi8>, memref<8x4xi8>) outs(%acc : memref<4x4xi32>) {
  ^bb0(%a: i8, %b: i8, %c: i32):
    %a32 = arith.extui %a : i8 to i32
    %b32 = arith.extsi %b : i8 to i32
    %p = arith.muli %a32, %b32 : i32
    %s = arith.addi %c, %p : i32
    linalg.yield %s : i32
  }
  return
}

// -----

// f32: 16x16 threads per 64x64 tile, two 16x64 slices in shared memory,
// barriers around the inner product, 16 accumulators per thread carried
// along K; a batch dimension on the grid's z.

// CHECK-LABEL: func.func @float(
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}}, {{.*}} = %[[BATCH:.*]]) threads({{.*}}) in ({{.*}}) workgroup(%[[SA:.*]] : memref<16x64xf32, #gpu.address_space<workgroup>>, %[[SB:.*]] : memref<16x64xf32, #gpu.address_space<workgroup>>)
// CHECK: scf.for
// CHECK: memref.store {{.*}}, %[[SA]]
// CHECK: memref.store {{.*}}, %[[SB]]
// CHECK: gpu.barrier
// CHECK: scf.for
// CHECK-COUNT-16: arith.mulf
// CHECK: gpu.barrier
// CHECK-COUNT-16: memref.store {{.*}}, %arg2
// CHECK-NOT: linalg.batch_matmul
func.func @float(%x: memref<3x4x8xf32>, %w: memref<3x8x5xf32>, %acc: memref<3x4x5xf32>) {
  linalg.batch_matmul ins(%x, %w : memref<3x4x8xf32>, memref<3x8x5xf32>) outs(%acc : memref<3x4x5xf32>)
  return
}

// -----

// W4 weight-only: the dequantization (int4 codes, two to a byte, scaled per
// group of K) is computed in the kernel from the codes and scales as the
// slice is staged; its op and its float buffer are gone.

// CHECK-LABEL: func.func @w4(
// CHECK-NOT: memref.alloc
// CHECK-NOT: linalg.generic
// CHECK: gpu.launch
// CHECK: scf.for
// CHECK: memref.load %[[CODES:.*]][{{.*}}] : memref<8x2xi8>
// CHECK: arith.shrui
// CHECK: arith.trunci {{.*}} : i8 to i4
// CHECK: arith.mulf
// CHECK: memref.store {{.*}} : memref<16x64xf32, #gpu.address_space<workgroup>>
// CHECK: gpu.barrier
// CHECK-NOT: memref.dealloc
memref.global "private" constant @codes : memref<8x2xi8> = dense<17>
memref.global "private" constant @scales : memref<1x4xf32> = dense<0.5>
func.func @w4(%x: memref<2x8xf32>, %acc: memref<2x4xf32>) {
  %c4_i8 = arith.constant 4 : i8
  %c2 = arith.constant 2 : index
  %codes = memref.get_global @codes : memref<8x2xi8>
  %scales = memref.get_global @scales : memref<1x4xf32>
  %w = memref.alloc() : memref<8x4xf32>
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1 floordiv 2)>, affine_map<(d0, d1) -> (d0 floordiv 8, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%codes, %scales : memref<8x2xi8>, memref<1x4xf32>) outs(%w : memref<8x4xf32>) {
  ^bb0(%in: i8, %s: f32, %out: f32):
    %i = linalg.index 1 : index
    %r = arith.remui %i, %c2 : index
    %r8 = arith.index_cast %r : index to i8
    %shift = arith.muli %r8, %c4_i8 : i8
    %sh = arith.shrui %in, %shift : i8
    %t = arith.trunci %sh : i8 to i4
    %e = arith.extsi %t : i4 to i32
    %f = arith.sitofp %e : i32 to f32
    %v = arith.mulf %f, %s : f32
    linalg.yield %v : f32
  }
  linalg.matmul ins(%x, %w : memref<2x8xf32>, memref<8x4xf32>) outs(%acc : memref<2x4xf32>)
  memref.dealloc %w : memref<8x4xf32>
  return
}

// -----

// A body that is more than acc + a * b (here exp(a) * b) would see the zero
// padding of K: it stays for the loop kernels.

// CHECK-LABEL: func.func @not_multiply_add(
// CHECK-NOT: gpu.launch
// CHECK: linalg.generic
func.func @not_multiply_add(%x: memref<4x8xf32>, %w: memref<8x4xf32>, %acc: memref<4x4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                   affine_map<(m, n, k) -> (k, n)>,
                                   affine_map<(m, n, k) -> (m, n)>],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<4x8xf32>, memref<8x4xf32>) outs(%acc : memref<4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %e = math.exp %a : f32
    %p = arith.mulf %e, %b : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// f16 x f16 -> f16 (linalg.matmul as an importer emits it): the warp tile on
// the half-precision tensor cores, mma.sync m16n8k16 with two f16 per
// register (A 4, B 2) and an f32 accumulator that starts from the output
// widened, rounded back to f16 once, at the store.

// CHECK-LABEL: func.func @half(
// CHECK: %[[C32:.*]] = arith.constant 32 : index
// CHECK: gpu.launch {{.*}} threads({{.*}}) in ({{.*}} = %[[C32]],
// CHECK: memref.load %arg2{{.*}} : memref<5x12xf16>
// CHECK: arith.extf {{.*}} : f16 to f32
// CHECK: %[[C16:.*]] = arith.constant 16 : index
// CHECK: scf.for {{.*}} step %[[C16]] iter_args({{.*}}) -> (f32, f32, f32, f32)
// CHECK-COUNT-6: vector.from_elements {{.*}} : vector<2xf16>
// CHECK-NOT: vector.bitcast
// CHECK: nvvm.mma.sync A[{{.*}}, {{.*}}, {{.*}}, {{.*}}] B[{{.*}}, {{.*}}] C[{{.*}}, {{.*}}, {{.*}}, {{.*}}] {layoutA = #nvvm.mma_layout<row>, layoutB = #nvvm.mma_layout<col>, shape = #nvvm.shape<m = 16, n = 8, k = 16>} : (vector<2xf16>, vector<2xf16>, f32) -> !llvm.struct<(f32, f32, f32, f32)>
// CHECK: arith.truncf {{.*}} : f32 to f16
// CHECK: scf.if
// CHECK:   memref.store {{.*}}, %arg2
// CHECK-NOT: linalg.matmul
func.func @half(%x: memref<5x24xf16>, %w: memref<24x12xf16>, %acc: memref<5x12xf16>) {
  linalg.matmul ins(%x, %w : memref<5x24xf16>, memref<24x12xf16>) outs(%acc : memref<5x12xf16>)
  return
}

// -----

// bf16 x bf16 -> f32 through widened operands (acc + extf(a) * extf(b)), the
// weight [N, K]: two bf16 bits per i32 register, the f32 output read and
// written as it is.

// CHECK-LABEL: func.func @bf16_into_f32(
// CHECK: gpu.launch
// CHECK-NOT: arith.extf
// CHECK: scf.for {{.*}} -> (f32, f32, f32, f32)
// CHECK-COUNT-6: vector.bitcast {{.*}} : vector<2xbf16> to vector<1xi32>
// CHECK: nvvm.mma.sync {{.*}} multiplicandAPtxType = #nvvm.mma_type<bf16>, multiplicandBPtxType = #nvvm.mma_type<bf16>, shape = #nvvm.shape<m = 16, n = 8, k = 16>} : (i32, i32, f32) -> !llvm.struct<(f32, f32, f32, f32)>
// CHECK-NOT: arith.truncf
// CHECK: memref.store {{.*}}, %arg2{{.*}} : memref<4x8xf32>
// CHECK-NOT: linalg.generic
func.func @bf16_into_f32(%x: memref<4x32xbf16>, %w: memref<8x32xbf16>, %acc: memref<4x8xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                   affine_map<(m, n, k) -> (n, k)>,
                                   affine_map<(m, n, k) -> (m, n)>],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<4x32xbf16>, memref<8x32xbf16>) outs(%acc : memref<4x8xf32>) {
  ^bb0(%a: bf16, %b: bf16, %c: f32):
    %a32 = arith.extf %a : bf16 to f32
    %b32 = arith.extf %b : bf16 to f32
    %p = arith.mulf %a32, %b32 : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Mixed half types (f16 by bf16) have no tensor-core instruction: they stay
// for the loop kernels.

// CHECK-LABEL: func.func @mixed_half(
// CHECK-NOT: gpu.launch
// CHECK: linalg.generic
func.func @mixed_half(%x: memref<4x16xf16>, %w: memref<16x8xbf16>, %acc: memref<4x8xf32>) {
  linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>,
                                   affine_map<(m, n, k) -> (k, n)>,
                                   affine_map<(m, n, k) -> (m, n)>],
                  iterator_types = ["parallel", "parallel", "reduction"]}
      ins(%x, %w : memref<4x16xf16>, memref<16x8xbf16>) outs(%acc : memref<4x8xf32>) {
  ^bb0(%a: f16, %b: bf16, %c: f32):
    %a32 = arith.extf %a : f16 to f32
    %b32 = arith.extf %b : bf16 to f32
    %p = arith.mulf %a32, %b32 : f32
    %s = arith.addf %c, %p : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// The direct 2:4 contraction of int8 codes (convert-sqz-to-linalg's
// sqz.nm_contraction with int8_operands): one warp per 16 output columns x
// 8 output rows on the sparse tensor cores, the weight's channels as
// mma.sp's sparse A (its kept values as stored, the packed positions as
// metadata, a nibble per group of four), the lhs rows as B (i32 codes
// narrowed to i8), 32 along K per step, edges guarded.

// CHECK-LABEL: func.func @sparse_w8a8(
// CHECK: %[[C16:.*]] = arith.constant 16 : index
// CHECK: %[[GX:.*]] = arith.ceildivui %{{.*}}, %[[C16]] : index
// CHECK: %[[C8:.*]] = arith.constant 8 : index
// CHECK: %[[GY:.*]] = arith.ceildivui %{{.*}}, %[[C8]] : index
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[GX]], {{.*}} = %[[GY]], {{.*}}) threads({{.*}}) in ({{.*}} = %c32{{.*}},
// CHECK: scf.for {{.*}} -> (i32, i32, i32, i32)
// CHECK: memref.load %[[KEPT:.*]][{{.*}}] : memref<2x2x20xi8>
// CHECK: memref.load %arg0[{{.*}}] : memref<3x8xi32>
// CHECK: arith.trunci {{.*}} : i32 to i8
// The metadata: lane t = 0 of each group of four holds the step's eight
// nibbles of the first channel, t = 1 those of the second (selector 0).
// CHECK: %[[FIRST:.*]] = arith.cmpi ult, %{{.*}}, %c1{{.*}} : index
// CHECK: %[[CHANNEL:.*]] = arith.select %[[FIRST]], %{{.*}}, %{{.*}} : index
// CHECK: arith.cmpi ult, %[[CHANNEL]],
// CHECK: memref.load %{{.*}}[{{.*}}] : memref<1x20xi8>
// CHECK: arith.shrui
// CHECK-COUNT-7: arith.constant {{4|8|12|16|20|24|28}} : i32
// CHECK: nvvm.mma.sp.sync A[{{.*}}, {{.*}}] B[{{.*}}, {{.*}}] C[{{.*}}, {{.*}}, {{.*}}, {{.*}}] sparseMetadata[{{.*}}] selector[{{.*}}] {intOverflowBehavior = #nvvm.mma_int_overflow<wrapped>, multiplicandAPtxType = #nvvm.mma_type<s8>, multiplicandBPtxType = #nvvm.mma_type<s8>, shape = #nvvm.shape<m = 16, n = 8, k = 32>}
// CHECK: scf.if
// CHECK:   memref.store {{.*}}, %arg1
// CHECK-NOT: linalg.generic
memref.global "private" constant @kept : memref<2x2x20xi8> = dense<3>
memref.global "private" constant @positions : memref<1x20xi8> = dense<4>
func.func @sparse_w8a8(%x: memref<3x8xi32>, %acc: memref<3x20xi32>) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c2_i8 = arith.constant 2 : i8
  %kept = memref.get_global @kept : memref<2x2x20xi8>
  %positions = memref.get_global @positions : memref<1x20xi8>
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3, d1)>,
                                   affine_map<(d0, d1, d2, d3) -> ((d2 * 2 + d3) floordiv 4, d1)>,
                                   affine_map<(d0, d1, d2, d3) -> (d0, d1)>],
                  iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
      ins(%kept, %positions : memref<2x2x20xi8>, memref<1x20xi8>) outs(%acc : memref<3x20xi32>)
      attrs = {sqz.nm_contraction = {int8_operands, m = 4 : i64, n = 2 : i64, positions_per_byte = 4 : i64}} {
  ^bb0(%in: i8, %pos: i8, %out: i32):
    %g = linalg.index 2 : index
    %g2 = arith.muli %g, %c2 : index
    %s = linalg.index 3 : index
    %slot = arith.addi %g2, %s : index
    %field = arith.remui %slot, %c4 : index
    %field8 = arith.index_cast %field : index to i8
    %shift = arith.muli %field8, %c2_i8 : i8
    %bits = arith.shrui %pos, %shift : i8
    %p2 = arith.trunci %bits : i8 to i2
    %base = arith.muli %g, %c4 : index
    %p = arith.index_castui %p2 : i2 to index
    %k = arith.addi %base, %p : index
    %row = linalg.index 0 : index
    %xv = memref.load %x[%row, %k] : memref<3x8xi32>
    %w = arith.extsi %in : i8 to i32
    %prod = arith.muli %xv, %w : i32
    %sum = arith.addi %out, %prod : i32
    linalg.yield %sum : i32
  }
  return
}

// -----

// Without int8_operands (an asymmetric side: centered codes need more than
// 8 bits) the direct sparse contraction stays for the loop kernels.

// CHECK-LABEL: func.func @sparse_wide_codes(
// CHECK-NOT: gpu.launch
// CHECK: linalg.generic
memref.global "private" constant @kept2 : memref<1x2x4xi8> = dense<3>
memref.global "private" constant @positions2 : memref<1x4xi8> = dense<4>
func.func @sparse_wide_codes(%x: memref<2x4xi32>, %acc: memref<2x4xi32>) {
  %c4 = arith.constant 4 : index
  %kept = memref.get_global @kept2 : memref<1x2x4xi8>
  %positions = memref.get_global @positions2 : memref<1x4xi8>
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3, d1)>,
                                   affine_map<(d0, d1, d2, d3) -> ((d2 * 2 + d3) floordiv 4, d1)>,
                                   affine_map<(d0, d1, d2, d3) -> (d0, d1)>],
                  iterator_types = ["parallel", "parallel", "reduction", "reduction"]}
      ins(%kept, %positions : memref<1x2x4xi8>, memref<1x4xi8>) outs(%acc : memref<2x4xi32>)
      attrs = {sqz.nm_contraction = {m = 4 : i64, n = 2 : i64, positions_per_byte = 4 : i64}} {
  ^bb0(%in: i8, %pos: i8, %out: i32):
    %g = linalg.index 2 : index
    %base = arith.muli %g, %c4 : index
    %row = linalg.index 0 : index
    %xv = memref.load %x[%row, %base] : memref<2x4xi32>
    %w = arith.extsi %in : i8 to i32
    %prod = arith.muli %xv, %w : i32
    %sum = arith.addi %out, %prod : i32
    linalg.yield %sum : i32
  }
  return
}
