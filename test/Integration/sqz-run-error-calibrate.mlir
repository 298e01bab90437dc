// Errors of sqz-run --calibrate: one line each, exit status 1.

// RUN: rm -rf %t && mkdir -p %t/empty %t/samples %t/good %t/bins %t/hess
// RUN: %python -c "import numpy as np; np.save('%t/samples/a.npy', np.zeros((2, 4), np.float32)); np.save('%t/bad-shape.npy', np.zeros((3, 4), np.float32)); np.save('%t/bad-dtype.npy', np.zeros((2, 4), np.float64))"
// RUN: sqz-opt %s --sqz-instrument -o %t/inst.mlir

// RUN: not sqz-run %t/inst.mlir --entry two --calibrate %t/samples --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=TWO
// RUN: not sqz-run %t/inst.mlir --entry two --calibrate %t/samples --stats-out %t/s.json 2>&1 | count 1
// TWO: sqz-run: error: --calibrate '{{.*}}a.npy' is one .npy file, but @two takes 2 arguments: give a directory per sample holding in0.npy ... in1.npy

// A --stats-out that cannot be written fails before the model is compiled.
// RUN: touch %t/file
// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/samples --stats-out %t/file/s.json 2>&1 | FileCheck %s --check-prefix=UNWRITABLE
// UNWRITABLE: sqz-run: error: --stats-out: cannot write '{{.*}}file/{{[sm]}}.json': Not a directory
// RUN: not sqz-run --merge-stats %t/good/s.json --stats-out %t/file/m.json 2>&1 | FileCheck %s --check-prefix=UNWRITABLE

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/empty --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=EMPTY
// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/empty --stats-out %t/s.json 2>&1 | count 1
// EMPTY: sqz-run: error: --calibrate directory '{{.*}}empty' holds no .npy files and no sample directories (directories with in0.npy, in1.npy, ...)

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/bad-shape.npy --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=SHAPE
// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/bad-shape.npy --stats-out %t/s.json 2>&1 | count 1
// SHAPE: sqz-run: error: --calibrate '{{.*}}bad-shape.npy' for argument 0 of @one (tensor<2x4xf32>): expected float32 (2, 4), got float32 (3, 4)

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/samples/a.npy,%t/bad-dtype.npy --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=DTYPE
// DTYPE: sqz-run: error: --calibrate '{{.*}}bad-dtype.npy' for argument 0 of @one (tensor<2x4xf32>): expected float32 (2, 4), got float64 (2, 4)

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/missing.npy --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: sqz-run: error: --calibrate '{{.*}}missing.npy' does not exist

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/samples 2>&1 | FileCheck %s --check-prefix=NOOUT
// NOOUT: sqz-run: error: --calibrate needs --stats-out FILE

// RUN: not sqz-run %t/inst.mlir --entry one --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=NOCAL
// NOCAL: sqz-run: error: --stats-out and --hessian need --calibrate

// RUN: not sqz-run %s --entry one --calibrate %t/samples --stats-out %t/s.json 2>&1 | FileCheck %s --check-prefix=NOOBS
// NOOBS: sqz-run: error: '{{.*}}' has no sqz.observe to calibrate (run sqz-opt --sqz-instrument first)

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/samples --stats-out %t/s.json --random-inputs 2>&1 | FileCheck %s --check-prefix=EXCL
// EXCL: sqz-run: error: --calibrate excludes --input and --random-inputs

// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/samples --stats-out %t/s.json --histogram-bins=3 2>&1 | FileCheck %s --check-prefix=BINS
// BINS: sqz-run: error: --histogram-bins must be a power of two in [2, 65536], got 3
// RUN: not sqz-run %t/inst.mlir --entry one --calibrate %t/samples --stats-out %t/s.json --histogram-bins=2147483648 2>&1 | FileCheck %s --check-prefix=HUGEBINS
// HUGEBINS: sqz-run: error: --histogram-bins must be a power of two in [2, 65536], got 2147483648

// RUN: not sqz-run --entry one 2>&1 | FileCheck %s --check-prefix=NOMODEL
// NOMODEL: sqz-run: error: no model: sqz-run MODEL.mlir --entry NAME ...

// --merge-stats: files that --calibrate wrote merge; anything else is an
// error naming the file, the layer and the field.
// RUN: sqz-run %t/inst.mlir --entry one --calibrate %t/samples --stats-out %t/good/s.json
// RUN: sqz-run %t/inst.mlir --entry one --calibrate %t/samples --stats-out %t/bins/s.json --histogram-bins=64
// RUN: sqz-run %t/inst.mlir --entry one --calibrate %t/samples --stats-out %t/hess/s.json --hessian
// RUN: %python -c "import json, sqz_stats; s = sqz_stats.load('%t/good/s.json'); s['version'] = 1; l = s['layers']['one.linear0']; l['channels'] = 2; [l.update({k: l[k][:2]}) for k in ('min', 'max', 'absmax', 'sumsq', 'l2')]; h = l['histogram']; h['lo'], h['hi'], h['counts'] = h['lo'][:2], h['hi'][:2], h['counts'][:2]; json.dump(s, open('%t/channels.json', 'w'))"
// RUN: %python -c "import json, sqz_stats; s = sqz_stats.load('%t/good/s.json'); s['version'] = 1; s['layers']['one.linear0']['histogram']['hi'][1] = 3.0; json.dump(s, open('%t/range.json', 'w'))"
// RUN: %python -c "import json, sqz_stats; s = sqz_stats.load('%t/good/s.json'); s['version'] = 1; del s['layers']['one.linear0']['co' 'unt']; json.dump(s, open('%t/nocount.json', 'w'))"
// RUN: echo '{"format": "sqz-stats",' > %t/broken.json

// RUN: sqz-run --merge-stats %t/good/s.json,%t/good/s.json --stats-out %t/merged.json
// RUN: %python -c "import sqz_stats; s = sqz_stats.load('%t/merged.json')['layers']['one.linear0']; assert s['co' 'unt'] == 4 and sum(s['histogram']['counts'][0]) == 4, s"

// RUN: not sqz-run --merge-stats %t/good/s.json 2>&1 | FileCheck %s --check-prefix=MNOOUT
// MNOOUT: sqz-run: error: --merge-stats needs --stats-out FILE
// RUN: not sqz-run %t/inst.mlir --merge-stats %t/good/s.json --stats-out %t/m.json 2>&1 | FileCheck %s --check-prefix=MMODEL
// MMODEL: sqz-run: error: --merge-stats takes no model and excludes --calibrate
// RUN: not sqz-run --merge-stats %t/good/s.json,%t/bins/s.json --stats-out %t/m.json 2>&1 | FileCheck %s --check-prefix=MBINS
// MBINS: sqz-run: error: --merge-stats '{{.*}}bins/s.json': layer 'one.linear0': field 'histogram.bins' is 64, 1024 in '{{.*}}good/s.json'
// RUN: not sqz-run --merge-stats %t/good/s.json,%t/hess/s.json --stats-out %t/m.json 2>&1 | FileCheck %s --check-prefix=MHESS
// MHESS: sqz-run: error: --merge-stats '{{.*}}hess/s.json': layer 'one.linear0' has a Hessian, but has none in '{{.*}}good/s.json'
// RUN: not sqz-run --merge-stats %t/good/s.json,%t/channels.json --stats-out %t/m.json 2>&1 | FileCheck %s --check-prefix=MCHAN
// MCHAN: sqz-run: error: --merge-stats '{{.*}}channels.json': layer 'one.linear0': field 'channels' is 2, 4 in '{{.*}}good/s.json'
// RUN: not sqz-run --merge-stats %t/range.json --stats-out %t/m.json 2>&1 | FileCheck %s --check-prefix=MRANGE
// MRANGE: sqz-run: error: --merge-stats '{{.*}}range.json': layer 'one.linear0': channel 1: field 'histogram' does not span [-2^e, 2^e] above absmax; only files that --calibrate wrote merge
// RUN: not sqz-run --merge-stats %t/nocount.json --stats-out %t/m.json 2>&1 | FileCheck %s --check-prefix=MCOUNT
// MCOUNT: sqz-run: error: --merge-stats '{{.*}}nocount.json': layer 'one.linear0': has no field 'count'; only files that --calibrate wrote merge
// RUN: not sqz-run --merge-stats %t/broken.json --stats-out %t/m.json 2>&1 | FileCheck %s --check-prefix=MJSON
// RUN: not sqz-run --merge-stats %t/broken.json --stats-out %t/m.json 2>&1 | count 1
// MJSON: sqz-run: error: --merge-stats: statistics file '{{.*}}broken.json' is not JSON

func.func @one(%x: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %w = arith.constant dense<1.0> : tensor<4x3xf32>
  %c0 = arith.constant 0.0 : f32
  %z = tensor.empty() : tensor<2x3xf32>
  %f = linalg.fill ins(%c0 : f32) outs(%z : tensor<2x3xf32>) -> tensor<2x3xf32>
  %y = linalg.matmul ins(%x, %w : tensor<2x4xf32>, tensor<4x3xf32>) outs(%f : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

func.func @two(%x: tensor<2x4xf32>, %w: tensor<4x3xf32>) -> tensor<2x4xf32> {
  return %x : tensor<2x4xf32>
}
