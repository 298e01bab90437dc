// The report goes to stderr by default, to stdout with output=-, to a file
// otherwise; all three carry the same table.
// RUN: sqz-opt %s --split-input-file --sqz-report -o /dev/null 2>&1 | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-report="output=-" -o /dev/null | FileCheck %s
// RUN: sqz-opt %s --split-input-file --sqz-report -o /dev/null 2>&1 | FileCheck %s --strict-whitespace --check-prefix=ALIGN
// RUN: sqz-opt %s --split-input-file --sqz-report="format=json" -o /dev/null 2>&1 | FileCheck %s --check-prefix=JSON
// Every chunk overwrites the file: it holds the report of the last one.
// RUN: sqz-opt %s --split-input-file --sqz-report="format=json output=%t.json" -o /dev/null
// RUN: FileCheck %s --input-file=%t.json --check-prefix=FILE
// The IR is left as it is.
// RUN: sqz-opt %s --split-input-file > %t.plain.mlir
// RUN: sqz-opt %s --split-input-file --sqz-report 2>/dev/null > %t.reported.mlir
// RUN: diff %t.plain.mlir %t.reported.mlir
// A float model quantized by sqz-quantize-weights, then reported by a second
// sqz-opt: the quantization error travels on the sqz.pack.
// RUN: sqz-opt %s --split-input-file --sqz-quantize-weights="bits=4 granularity=group group-size=2" \
// RUN:   | sqz-opt --split-input-file --sqz-report -o /dev/null 2>&1 | FileCheck %s --check-prefix=QUANT

// Columns: layer, shape, params, scheme, bits/w, pruned (%), zeros (%),
// bytes before, bytes after, mse, sqnr (dB). f32 weights take 4 bytes per parameter before.
//
// fc1: i8 per_channel(1), 4x3 codes and 3 f32 scales:
//   bits/w (12*8 + 3*32) / 12 = 16; after 12 + 12 = 24 B; the 4 zero codes
//   of column 2 are 4/12 = 33.3%; mse and sqnr from sqz.quant_error.
// model.linear1: u4 per_group(0, 2) asymmetric, 2x3 f32 scales and i32 zero points:
//   bits/w (12*4 + 6*32 + 6*32) / 12 = 36; after 6 + 24 + 24 = 54 B.
//   Codes equal to the zero point of their group (rows 0-1 zp [0, 5, 0],
//   rows 2-3 zp [5, 0, 0]; code -1 is 15): row 0 two, row 1 one, row 2
//   three, row 3 one: 7/12 = 58.3% (counting codes equal to 0 would give 5).
// model.linear2: 8x2 i8 per_tensor with 2:4 along rows: 8 kept codes, one f32
//   scale, 2 bits of position per kept code:
//   bits/w (8*8 + 32 + 8*2) / 16 = 7; after 8 + 4 + 2 = 14 B;
//   8 of 16 pruned (50%) and 1 zero code of 16 (6.25%, printed 6.2).
// model.linear3: f32 linalg.matmul, 3 of 16 weights are +0 or -0: 18.75%.
// The matmul of two activations is not a layer.
// Totals: 12 + 12 + 16 + 16 = 56 params, 224 B before, 24 + 54 + 14 + 64 =
// 156 B after; ratio 224 / 156 = 1.44.

//      CHECK: layer    shape  params  scheme                               bits/w  pruned (%)  zeros (%)  before (B)  after (B)        mse  sqnr (dB)
// CHECK-NEXT: fc1      4x3        12  i8 per_channel(1) symmetric           16.00     0.0  33.3          48         24  1.500e-05      42.25
// CHECK-NEXT: model.linear1  4x3        12  u4 per_group(0, 2) asymmetric         36.00     0.0  58.3          48         54          -          -
// CHECK-NEXT: model.linear2  8x2        16  i8 per_tensor symmetric nm(2, 4, 0)    7.00     50.0  6.2          64         14          -          -
// CHECK-NEXT: model.linear3  4x4        16  f32                                   32.00     0.0  18.8          64         64          -          -
// CHECK-NEXT: total               56                                                                224        156
// CHECK-NEXT: compression ratio 1.44

// Text columns are left-aligned, numbers right-aligned, no trailing blanks.
//      ALIGN: {{^}}layer          shape  params  scheme                               bits/w  pruned (%)  zeros (%)  before (B)  after (B)        mse  sqnr (dB){{$}}
// ALIGN-NEXT: {{^}}fc1            4x3        12  i8 per_channel(1) symmetric           16.00         0.0       33.3          48         24  1.500e-05      42.25{{$}}
// ALIGN-NEXT: {{^}}model.linear1  4x3        12  u4 per_group(0, 2) asymmetric         36.00         0.0       58.3          48         54          -          -{{$}}
// ALIGN-NEXT: {{^}}model.linear2  8x2        16  i8 per_tensor symmetric nm(2, 4, 0)    7.00        50.0        6.2          64         14          -          -{{$}}
// ALIGN-NEXT: {{^}}model.linear3  4x4        16  f32                                   32.00         0.0       18.8          64         64          -          -{{$}}
// ALIGN-NEXT: {{^}}total                     56                                                                             224        156{{$}}
// ALIGN-NEXT: {{^}}compression ratio 1.44{{$}}

//      JSON: {
// JSON-NEXT:   "layers": [
// JSON-NEXT:     {
// JSON-NEXT:       "name": "fc1",
// JSON-NEXT:       "shape": [
// JSON-NEXT:         4,
// JSON-NEXT:         3
// JSON-NEXT:       ],
// JSON-NEXT:       "params": 12,
// JSON-NEXT:       "scheme": "i8 per_channel(1) symmetric",
// JSON-NEXT:       "bits_per_weight": 16,
// JSON-NEXT:       "pruned": 0,
// JSON-NEXT:       "zeros": 0.33333333333333331,
// JSON-NEXT:       "bytes_before": 48,
// JSON-NEXT:       "bytes_after": 24,
// JSON-NEXT:       "mse": 1.5e-05,
// JSON-NEXT:       "sqnr_db": 42.25
// JSON-NEXT:     },
// JSON-NEXT:     {
// JSON-NEXT:       "name": "model.linear1",
//      JSON:       "bits_per_weight": 36,
// JSON-NEXT:       "pruned": 0,
// JSON-NEXT:       "zeros": 0.58333333333333337,
// JSON-NEXT:       "bytes_before": 48,
// JSON-NEXT:       "bytes_after": 54,
// JSON-NEXT:       "mse": null,
// JSON-NEXT:       "sqnr_db": null
//      JSON:       "name": "model.linear2",
//      JSON:       "scheme": "i8 per_tensor symmetric nm(2, 4, 0)",
// JSON-NEXT:       "bits_per_weight": 7,
// JSON-NEXT:       "pruned": 0.5,
// JSON-NEXT:       "zeros": 0.0625,
//      JSON:       "name": "model.linear3",
//      JSON:       "scheme": "f32",
// JSON-NEXT:       "bits_per_weight": 32,
// JSON-NEXT:       "pruned": 0,
// JSON-NEXT:       "zeros": 0.1875,
//      JSON:   "totals": {
// JSON-NEXT:     "params": 56,
// JSON-NEXT:     "bytes_before": 224,
// JSON-NEXT:     "bytes_after": 156,
// JSON-NEXT:     "compression_ratio": 1.4358974358974359
// JSON-NEXT:   }
// JSON-NEXT: }

!i8c = !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
!u4g = !sqz.tensor<4x3xf32, #sqz.quant<u4, per_group(0, 2), asymmetric>>
!nm = !sqz.tensor<8x2xf32, #sqz.quant<i8, per_tensor, symmetric>, #sqz.sparsity<nm(2, 4, 0)>>
func.func @model(%x: tensor<2x4xf32>, %x8: tensor<2x8xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x2xf32>, tensor<2x4xf32>, tensor<2x2xf32>) {
  %c1 = arith.constant dense<[[64, -64, 0], [32, 127, 0], [-64, 32, 0], [127, 8, 0]]> : tensor<4x3xi8>
  %s1 = arith.constant dense<[0.0157480314, 0.0314960629, 1.0]> : tensor<3xf32>
  %w1 = sqz.pack %c1 scales(%s1 : tensor<3xf32>) {sqz.quant_error = {mse = 1.5e-05 : f64, sqnr_db = 42.25 : f64}} : tensor<4x3xi8> -> !i8c
  %y1 = sqz.matmul %x, %w1 {sqz.layer = "fc1"} : tensor<2x4xf32>, !i8c -> tensor<2x3xf32>

  %c2 = arith.constant dense<[[-1, 5, 0], [7, -1, 0], [5, 0, 0], [-1, 3, 0]]> : tensor<4x3xi4>
  %s2 = arith.constant dense<0.1> : tensor<2x3xf32>
  %z2 = arith.constant dense<[[0, 5, 0], [5, 0, 0]]> : tensor<2x3xi32>
  %w2 = sqz.pack %c2 scales(%s2 : tensor<2x3xf32>) zero_points(%z2 : tensor<2x3xi32>) : tensor<4x3xi4> -> !u4g
  %y2 = sqz.matmul %x, %w2 : tensor<2x4xf32>, !u4g -> tensor<2x3xf32>

  %c3 = arith.constant dense<[[1, 2], [0, 3], [4, 5], [6, 7]]> : tensor<4x2xi8>
  %s3 = arith.constant dense<0.5> : tensor<f32>
  %m3 = arith.constant dense<[[0, 1], [2, 3], [0, 2], [1, 3]]> : tensor<4x2xi8>
  %w3 = sqz.pack %c3 scales(%s3 : tensor<f32>) metadata(%m3 : tensor<4x2xi8>) : tensor<4x2xi8> -> !nm
  %y3 = sqz.matmul %x8, %w3 : tensor<2x8xf32>, !nm -> tensor<2x2xf32>

  %w4 = arith.constant dense<[[1.0, 0.0, -2.0, 0.5], [-0.0, 3.0, 1.0, 2.0], [0.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0]]> : tensor<4x4xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x4xf32>) -> tensor<2x4xf32>
  %y4 = linalg.matmul ins(%x, %w4 : tensor<2x4xf32>, tensor<4x4xf32>) outs(%acc : tensor<2x4xf32>) -> tensor<2x4xf32>

  %xt = tensor.empty() : tensor<4x2xf32>
  %t = linalg.transpose ins(%x : tensor<2x4xf32>) outs(%xt : tensor<4x2xf32>) permutation = [1, 0]
  %e5 = tensor.empty() : tensor<2x2xf32>
  %y5 = linalg.matmul ins(%x, %t : tensor<2x4xf32>, tensor<4x2xf32>) outs(%e5 : tensor<2x2xf32>) -> tensor<2x2xf32>
  return %y1, %y2, %y3, %y4, %y5 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x2xf32>, tensor<2x4xf32>, tensor<2x2xf32>
}

// -----

// Asymmetric sparse weights: each kept code is compared with the zero point
// of the unit it sits in, found through the sparsity metadata.
//
// sparse.linear0: 2x4 u8 per_channel(0), unstructured, mask rows 1001 / 0010: kept
//   (0,0)=10, (0,3)=20, (1,2)=20 against row zero points [10, 20]: 2 zeros,
//   plus 5 pruned: 7/8 = 87.5% (reading the mask backwards gives 8/8).
//   bits/w (3*8 + 2*32 + 2*32 + 8 mask bits) / 8 = 20; after 3 + 8 + 8 + 1 = 20 B.
// sparse.linear1: 2x4 u8 per_group(1, 2), 2:4 along columns: kept codes row 0 at
//   columns 0, 3 (groups 0, 1), row 1 at columns 1, 2 (groups 0, 1); codes
//   [7, 9], [11, 0] against zero points [7, 9], [11, 13]: 3 zeros + 4 pruned
//   = 7/8 = 87.5% (ignoring the positions gives 6/8).
//   bits/w (4*8 + 4*32 + 4*32 + 4*2) / 8 = 37; after 4 + 16 + 16 + 1 = 37 B.
// sparse.linear2: dense 2x3 u8 per_channel(0), zero points [3, 4]: codes [3, 4, 3]
//   and [4, 4, 0] hold 2 + 2 zeros: 4/6 = 66.7%.
//   bits/w (6*8 + 2*32 + 2*32) / 6 = 29.33; after 6 + 8 + 8 = 22 B.
// sparse.linear3: 4x3 f32 values of an unstructured pattern, no quantization: 5
//   stored values, 2 of them 0, plus 7 pruned: 9/12 = 75%.
//   bits/w (5*32 + 12 mask bits) / 12 = 14.33; after 20 + 2 = 22 B.
// Totals: 34 params, 32 + 32 + 24 + 48 = 136 B before, 20 + 37 + 22 + 22 =
// 101 B after, ratio 1.35.

//      CHECK: sparse.linear0  2x4         8  u8 per_channel(0) asymmetric unstructured   20.00     62.5  25.0          32         20    -          -
// CHECK-NEXT: sparse.linear1  2x4         8  u8 per_group(1, 2) asymmetric nm(2, 4, 1)   37.00     50.0  37.5          32         37    -          -
// CHECK-NEXT: sparse.linear2  2x3         6  u8 per_channel(0) asymmetric                29.33     0.0  66.7          24         22    -          -
// CHECK-NEXT: sparse.linear3  4x3        12  f32 unstructured                            14.33     58.3  16.7          48         22    -          -
// CHECK-NEXT: total                34                                                                     136        101
// CHECK-NEXT: compression ratio 1.35

// JSON: "name": "sparse.linear2",
// JSON: "bits_per_weight": 29.333333333333332,
// JSON-NEXT: "pruned": 0,
// JSON-NEXT: "zeros": 0.66666666666666663,

!uns = !sqz.tensor<2x4xf32, #sqz.quant<u8, per_channel(0), asymmetric>, #sqz.sparsity<unstructured>>
!nmg = !sqz.tensor<2x4xf32, #sqz.quant<u8, per_group(1, 2), asymmetric>, #sqz.sparsity<nm(2, 4, 1)>>
!u8c = !sqz.tensor<2x3xf32, #sqz.quant<u8, per_channel(0), asymmetric>>
!f32u = !sqz.tensor<4x3xf32, #sqz.sparsity<unstructured>>
func.func @sparse(%x: tensor<2x2xf32>, %x4: tensor<2x4xf32>, %x2: tensor<2x2xf32>) -> (tensor<2x4xf32>, tensor<2x2xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %c = arith.constant dense<[10, 20, 20]> : tensor<3xi8>
  %s = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %z = arith.constant dense<[10, 20]> : tensor<2xi32>
  %m = arith.constant dense<[[true, false, false, true], [false, false, true, false]]> : tensor<2x4xi1>
  %w = sqz.pack %c scales(%s : tensor<2xf32>) zero_points(%z : tensor<2xi32>) metadata(%m : tensor<2x4xi1>) : tensor<3xi8> -> !uns
  %y = sqz.matmul %x, %w : tensor<2x2xf32>, !uns -> tensor<2x4xf32>

  %c2 = arith.constant dense<[[7, 9], [11, 0]]> : tensor<2x2xi8>
  %s2 = arith.constant dense<1.0> : tensor<2x2xf32>
  %z2 = arith.constant dense<[[7, 9], [11, 13]]> : tensor<2x2xi32>
  %m2 = arith.constant dense<[[0, 3], [1, 2]]> : tensor<2x2xi8>
  %w2 = sqz.pack %c2 scales(%s2 : tensor<2x2xf32>) zero_points(%z2 : tensor<2x2xi32>) metadata(%m2 : tensor<2x2xi8>) : tensor<2x2xi8> -> !nmg
  %y2 = sqz.matmul %x4, %w2 {rhs_transposed} : tensor<2x4xf32>, !nmg -> tensor<2x2xf32>

  %c3 = arith.constant dense<[[3, 4, 3], [4, 4, 0]]> : tensor<2x3xi8>
  %z3 = arith.constant dense<[3, 4]> : tensor<2xi32>
  %w3 = sqz.pack %c3 scales(%s : tensor<2xf32>) zero_points(%z3 : tensor<2xi32>) : tensor<2x3xi8> -> !u8c
  %y3 = sqz.matmul %x2, %w3 : tensor<2x2xf32>, !u8c -> tensor<2x3xf32>

  %v4 = arith.constant dense<[1.0, 0.0, 2.0, 3.0, -0.0]> : tensor<5xf32>
  %m4 = arith.constant dense<[[true, false, true], [false, true, false], [true, false, false], [false, false, true]]> : tensor<4x3xi1>
  %w4 = sqz.pack %v4 metadata(%m4 : tensor<4x3xi1>) : tensor<5xf32> -> !f32u
  %y4 = sqz.matmul %x4, %w4 : tensor<2x4xf32>, !f32u -> tensor<2x3xf32>
  return %y, %y2, %y3, %y4 : tensor<2x4xf32>, tensor<2x2xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// Weights that are not all constants: what the types tell.
//
// args.linear0: an i4 per_group(0, 32) argument, 64x32: 2x32 scales, taken as f32:
//   bits/w (2048*4 + 64*32) / 2048 = 5; before 8192 B, after 1024 + 256 =
//   1280 B; nothing pruned (no sparsity pattern), zeros unknown (no data).
// args.linear1: of dynamic shape: nothing that needs its size, not in the totals.
// args.linear2: unstructured without a pack: the number of stored values is
//   unknown, so are the bits and bytes after; not in the totals either.
// codes: a pack of argument codes: sizes from the types, nothing pruned,
//   zeros unknown.
// dequantized: a float linalg.matmul on the sqz.dequantize of a pack of
//   constants is reported as the packed weight: all codes are 0, zeros 100%.
// The float linalg.matmul on an argument weight is not a layer.
// Totals: 2048 + 12 + 12 = 2072 params, 8192 + 48 + 48 = 8288 B before,
// 1280 + 24 + 24 = 1328 B after; ratio 6.24.

//      CHECK: args.linear0       64x32    2048  i4 per_group(0, 32) symmetric    5.00         0.0          -        8192       1280    -          -
// CHECK-NEXT: args.linear1       ?x32        ?  i8 per_channel(1) symmetric         -           -          -           ?          ?    -          -
// CHECK-NEXT: args.linear2       4x3        12  f32 unstructured                    -           -          -          48          ?    -          -
// CHECK-NEXT: codes        4x3        12  i8 per_channel(1) symmetric     16.00         0.0          -          48         24    -          -
// CHECK-NEXT: dequantized  4x3        12  i8 per_channel(1) symmetric     16.00    0.0  100.0          48         24    -          -
// CHECK-NEXT: total                 2072                                                         8288       1328
// CHECK-NEXT: compression ratio 6.24 (2 layers of unknown size not counted)

//      JSON: "name": "args.linear1",
// JSON-NEXT: "shape": [
// JSON-NEXT:   null,
// JSON-NEXT:   32
// JSON-NEXT: ],
// JSON-NEXT: "params": null,
// JSON-NEXT: "scheme": "i8 per_channel(1) symmetric",
// JSON-NEXT: "bits_per_weight": null,
// JSON-NEXT: "pruned": null,
// JSON-NEXT: "zeros": null,
// JSON-NEXT: "bytes_before": null,
// JSON-NEXT: "bytes_after": null,
//      JSON: "totals": {
// JSON-NEXT:   "params": 2072,
// JSON-NEXT:   "bytes_before": 8288,
// JSON-NEXT:   "bytes_after": 1328,

!i4g = !sqz.tensor<64x32xf32, #sqz.quant<i4, per_group(0, 32), symmetric>>
!dyn = !sqz.tensor<?x32xf32, #sqz.quant<i8, per_channel(1), symmetric>>
!i8c = !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
!f32u = !sqz.tensor<4x3xf32, #sqz.sparsity<unstructured>>
func.func @args(%x: tensor<2x64xf32>, %w: !i4g, %xd: tensor<2x?xf32>, %wd: !dyn, %x4: tensor<2x4xf32>, %codes: tensor<4x3xi8>, %wf: tensor<64x32xf32>, %wu: !f32u) -> (tensor<2x32xf32>, tensor<2x32xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x32xf32>, tensor<2x3xf32>) {
  %y = sqz.matmul %x, %w : tensor<2x64xf32>, !i4g -> tensor<2x32xf32>
  %y2 = sqz.matmul %xd, %wd : tensor<2x?xf32>, !dyn -> tensor<2x32xf32>
  %y2u = sqz.matmul %x4, %wu : tensor<2x4xf32>, !f32u -> tensor<2x3xf32>

  %s = arith.constant dense<[0.5, 0.25, 1.0]> : tensor<3xf32>
  %w3 = sqz.pack %codes scales(%s : tensor<3xf32>) : tensor<4x3xi8> -> !i8c
  %y3 = sqz.matmul %x4, %w3 {sqz.layer = "codes"} : tensor<2x4xf32>, !i8c -> tensor<2x3xf32>

  %c4 = arith.constant dense<0> : tensor<4x3xi8>
  %w4 = sqz.pack %c4 scales(%s : tensor<3xf32>) : tensor<4x3xi8> -> !i8c
  %d4 = sqz.dequantize %w4 : !i8c -> tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y4 = linalg.matmul {sqz.layer = "dequantized"} ins(%x4, %d4 : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>

  %e5 = tensor.empty() : tensor<2x32xf32>
  %acc5 = linalg.fill ins(%zero : f32) outs(%e5 : tensor<2x32xf32>) -> tensor<2x32xf32>
  %y5 = linalg.matmul ins(%x, %wf : tensor<2x64xf32>, tensor<64x32xf32>) outs(%acc5 : tensor<2x32xf32>) -> tensor<2x32xf32>
  return %y, %y2, %y3, %y4, %y5, %y2u : tensor<2x32xf32>, tensor<2x32xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x32xf32>, tensor<2x3xf32>
}

// -----

// No layers: zero totals and no ratio.
//      CHECK: layer  shape  params  scheme  bits/w  pruned (%)  zeros (%)  before (B)  after (B)  mse  sqnr (dB)
// CHECK-NEXT: total              0                                     0          0
// CHECK-NEXT: compression ratio -

//      JSON: "layers": [],
// JSON-NEXT: "totals": {
// JSON-NEXT:   "params": 0,
// JSON-NEXT:   "bytes_before": 0,
// JSON-NEXT:   "bytes_after": 0,
// JSON-NEXT:   "compression_ratio": null

func.func @no_layers(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  return %x : tensor<2x4xf32>
}

// -----

// A float-only model: every float contraction with a constant weight.
//
// float.linear0: a [N, K] weight read through transposing maps, kept [N, K]:
//   6 of 12 zeros, 50%.
// float.linear1: a dense_resource blob [0, 1, 0, 2, -4, 0.5, -0, 0]: 4/8 = 50%.
// float.linear2: a linalg.batch_matmul on a splat zero weight: 100%.
// float.linear3: a linalg.transpose of a constant [N, K] weight, reported [N, K]:
//   1 of 8 zeros, 12.5%.
// float.other0: an f16 weight, 2 bytes per parameter: 3/8 zeros = 37.5%. Its
//   accumulator is not zero-filled, so it is no layer that the passes name
//   and rewrite: it is counted, under a name of its own.
// Totals: 12 + 8 + 24 + 8 + 8 = 60 params, 48 + 32 + 96 + 32 + 16 = 224 B
// before and after: ratio 1.00.

//      CHECK: float.linear0  3x4        12  f32      32.00     0.0  50.0          48         48    -          -
// CHECK-NEXT: float.linear1  4x2         8  f32      32.00     0.0  50.0          32         32    -          -
// CHECK-NEXT: float.linear2  3x4x2      24  f32      32.00    0.0  100.0          96         96    -          -
// CHECK-NEXT: float.linear3  2x4         8  f32      32.00     0.0  12.5          32         32    -          -
// CHECK-NEXT: float.other0   4x2         8  f16      16.00     0.0  37.5          16         16    -          -
// CHECK-NEXT: total               60                                   224        224
// CHECK-NEXT: compression ratio 1.00

func.func @float(%x: tensor<2x4xf32>, %xb: tensor<3x2x4xf32>) -> (tensor<2x3xf32>, tensor<2x2xf32>, tensor<3x2x2xf32>, tensor<2x2xf32>, tensor<2x2xf16>) {
  %zero = arith.constant 0.0 : f32
  %w0 = arith.constant dense<[[1.0, 0.0, 2.0, 0.0], [1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]]> : tensor<3x4xf32>
  %e0 = tensor.empty() : tensor<2x3xf32>
  %acc0 = linalg.fill ins(%zero : f32) outs(%e0 : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y0 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
                      ins(%x, %w0 : tensor<2x4xf32>, tensor<3x4xf32>) outs(%acc0 : tensor<2x3xf32>) -> tensor<2x3xf32>

  %w1 = arith.constant dense_resource<weight> : tensor<4x2xf32>
  %e1 = tensor.empty() : tensor<2x2xf32>
  %acc1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<2x2xf32>) -> tensor<2x2xf32>
  %y1 = linalg.matmul ins(%x, %w1 : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc1 : tensor<2x2xf32>) -> tensor<2x2xf32>

  %w2 = arith.constant dense<0.0> : tensor<3x4x2xf32>
  %e2 = tensor.empty() : tensor<3x2x2xf32>
  %acc2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<3x2x2xf32>) -> tensor<3x2x2xf32>
  %y2 = linalg.batch_matmul ins(%xb, %w2 : tensor<3x2x4xf32>, tensor<3x4x2xf32>) outs(%acc2 : tensor<3x2x2xf32>) -> tensor<3x2x2xf32>

  %w3 = arith.constant dense<[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0]]> : tensor<2x4xf32>
  %e3t = tensor.empty() : tensor<4x2xf32>
  %w3t = linalg.transpose ins(%w3 : tensor<2x4xf32>) outs(%e3t : tensor<4x2xf32>) permutation = [1, 0]
  %y3 = linalg.matmul ins(%x, %w3t : tensor<2x4xf32>, tensor<4x2xf32>) outs(%acc1 : tensor<2x2xf32>) -> tensor<2x2xf32>

  %w4 = arith.constant dense<[[1.0, 0.0], [0.0, -0.0], [2.0, 3.0], [4.0, 5.0]]> : tensor<4x2xf16>
  %x4 = arith.truncf %x : tensor<2x4xf32> to tensor<2x4xf16>
  %e4 = tensor.empty() : tensor<2x2xf16>
  %y4 = linalg.matmul ins(%x4, %w4 : tensor<2x4xf16>, tensor<4x2xf16>) outs(%e4 : tensor<2x2xf16>) -> tensor<2x2xf16>
  return %y0, %y1, %y2, %y3, %y4 : tensor<2x3xf32>, tensor<2x2xf32>, tensor<3x2x2xf32>, tensor<2x2xf32>, tensor<2x2xf16>
}
{-#
  dialect_resources: {
    builtin: {
      weight: "0x04000000000000000000803F0000000000000040000080C00000003F0000008000000000"
    }
  }
#-}

// -----

// A float model, reported as it is and after sqz-quantize-weights with
// bits=4 granularity=group group-size=2, which quantizes the first layer
// only (the second accumulates into an argument, not a zero fill).
//
// As it is: linear.linear0 has the 4 zeros of column 2 (33.3%), the second
// (linear.other0: it accumulates into an argument, so no pass takes it as a
// layer and it is not in the numbering of layers) 6 of 12 (50%); 24 params,
// 96 B before and after, ratio 1.00.
//
// Quantized, linear.linear0 is i4 per_group(0, 2) symmetric with 2x3 f32 scales:
// bits/w (12*4 + 6*32) / 12 = 20, after 6 + 24 = 30 B. Its codes are
// [7, -3, 0], [3, 7, 0], [-3, 7, 0], [7, 2, 0] (scale absmax / 7 per pair of
// rows, f32 round half to even), so the zeros are still the 4 of column 2.
// Dequantized back, the errors are 1/14 (0.5 -> 3/7), 2/7 (-2 -> -12/7),
// 1/7 (-1 -> -6/7) and 1/28 (0.25 -> 2/7), the rest ~0: their squares add up
// to 85/784, so mse = 85/784/12 = 9.035e-03 and, against a signal of
// 27.3125, sqnr = 10 log10(27.3125 * 784/85) = 24.01 dB. Totals 24 params, 96 B before,
// 30 + 48 = 78 B after: ratio 1.23.

//      CHECK: linear.linear0  4x3        12  f32      32.00     0.0  33.3          48         48    -          -
// CHECK-NEXT: linear.other0   4x3        12  f32      32.00     0.0  50.0          48         48    -          -
// CHECK-NEXT: total                24                                    96         96
// CHECK-NEXT: compression ratio 1.00

// QUANT-LABEL: linear.linear0  4x3        12  i4 per_group(0, 2) symmetric   20.00     0.0  33.3          48         30  9.035e-03      24.01
//  QUANT-NEXT: linear.other0   4x3        12  f32                            32.00     0.0  50.0          48         48          -          -
//  QUANT-NEXT: total                24                                                          96         78
//  QUANT-NEXT: compression ratio 1.23

// The file holds this last report only.
//      FILE: {
// FILE-NEXT:   "layers": [
// FILE-NEXT:     {
// FILE-NEXT:       "name": "linear.linear0",
//      FILE:       "name": "linear.other0",
//      FILE:   "totals": {
// FILE-NEXT:     "params": 24,
// FILE-NEXT:     "bytes_before": 96,
// FILE-NEXT:     "bytes_after": 96,
// FILE-NEXT:     "compression_ratio": 1
// FILE-NEXT:   }
// FILE-NEXT: }
//  FILE-NOT: {{.}}

func.func @linear(%x: tensor<2x4xf32>, %acc1: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %w = arith.constant dense<[[1.0, -2.0, 0.0], [0.5, 4.0, 0.0], [-1.0, 1.0, 0.0], [2.0, 0.25, 0.0]]> : tensor<4x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x3xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc : tensor<2x3xf32>) -> tensor<2x3xf32>
  %w1 = arith.constant dense<[[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [1.0, 1.0, 1.0]]> : tensor<4x3xf32>
  %y1 = linalg.matmul ins(%x, %w1 : tensor<2x4xf32>, tensor<4x3xf32>) outs(%acc1 : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y, %y1 : tensor<2x3xf32>, tensor<2x3xf32>
}
