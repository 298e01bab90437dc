// RUN: sqz-opt %s --sqz-report -o /dev/null --verify-diagnostics
// RUN: sqz-opt %s --sqz-report -o /dev/null 2>&1 | FileCheck %s --check-prefix=ROW
// RUN: not sqz-opt %s --sqz-report="format=xml" 2>&1 | FileCheck %s --check-prefix=FORMAT
// RUN: rm -rf %t.new %t.file && touch %t.file
// RUN: not sqz-opt %s --sqz-report="output=%t.file/report.txt" -o /dev/null 2>&1 | FileCheck %s --check-prefix=OUTPUT
// Missing parent directories of the report are created.
// RUN: sqz-opt %s --sqz-report="output=%t.new/sub/report.txt" -o /dev/null 2>/dev/null
// RUN: FileCheck %s --check-prefix=ROW < %t.new/sub/report.txt

// FORMAT: sqz-opt: for the --format option: 'xml' is not one of: text, json
// OUTPUT: error: sqz-report: cannot write '{{.*}}.file/report.txt': Not a directory

// Malformed discardable attributes are ignored with a warning: the layer
// keeps its FUNC.linearN name and has no error columns.
// ROW: negative_malformed_attributes.linear0  4x3  12  i8 per_channel(1) symmetric  16.00  0.0  -  48  24  -  -
!i8c = !sqz.tensor<4x3xf32, #sqz.quant<i8, per_channel(1), symmetric>>
func.func @negative_malformed_attributes(%x: tensor<2x4xf32>, %codes: tensor<4x3xi8>) -> tensor<2x3xf32> {
  %s = arith.constant dense<[0.5, 0.25, 1.0]> : tensor<3xf32>
  // expected-warning@+1 {{sqz-report: ignoring sqz.quant_error, which is not {mse = <float>, sqnr_db = <float>}: {mse = 1.000000e+00 : f64}}}
  %w = sqz.pack %codes scales(%s : tensor<3xf32>) {sqz.quant_error = {mse = 1.0 : f64}} : tensor<4x3xi8> -> !i8c
  // expected-warning@+1 {{sqz-report: ignoring sqz.layer, which is not a string: 3 : i32}}
  %y = sqz.matmul %x, %w {sqz.layer = 3 : i32} : tensor<2x4xf32>, !i8c -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
