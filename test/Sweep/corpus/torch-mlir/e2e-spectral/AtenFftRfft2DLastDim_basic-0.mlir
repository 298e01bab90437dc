#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<16x9xf32>) -> tensor<16x5xcomplex<f32>> {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<[[1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00], [1.000000e+00, -0.000000e+00, 0.766044437, -0.642787635, 0.173648179, -0.984807729, -5.000000e-01, -0.866025388, -0.939692616, -0.342020154], [1.000000e+00, -0.000000e+00, 0.173648179, -0.984807729, -0.939692616, -0.342020154, -5.000000e-01, 0.866025388, 0.766044437, 0.642787635], [1.000000e+00, -0.000000e+00, -5.000000e-01, -0.866025388, -5.000000e-01, 0.866025388, 1.000000e+00, 2.44929371E-16, -5.000000e-01, -0.866025388], [1.000000e+00, -0.000000e+00, -0.939692616, -0.342020154, 0.766044437, 0.642787635, -5.000000e-01, -0.866025388, 0.173648179, 0.984807729], [1.000000e+00, -0.000000e+00, -0.939692616, 0.342020154, 0.766044437, -0.642787635, -5.000000e-01, 0.866025388, 0.173648179, -0.984807729], [1.000000e+00, -0.000000e+00, -5.000000e-01, 0.866025388, -5.000000e-01, -0.866025388, 1.000000e+00, 4.89858741E-16, -5.000000e-01, 0.866025388], [1.000000e+00, -0.000000e+00, 0.173648179, 0.984807729, -0.939692616, 0.342020154, -5.000000e-01, -0.866025388, 0.766044437, -0.642787635], [1.000000e+00, -0.000000e+00, 0.766044437, 0.642787635, 0.173648179, 0.984807729, -5.000000e-01, 0.866025388, -0.939692616, 0.342020154]]> : tensor<9x10xf32>
    %0 = tensor.empty() : tensor<16x10xf32>
    %1 = linalg.fill ins(%cst : f32) outs(%0 : tensor<16x10xf32>) -> tensor<16x10xf32>
    %2 = linalg.matmul ins(%arg0, %cst_0 : tensor<16x9xf32>, tensor<9x10xf32>) outs(%1 : tensor<16x10xf32>) -> tensor<16x10xf32>
    %expanded = tensor.expand_shape %2 [[0], [1, 2]] output_shape [16, 5, 2] : tensor<16x10xf32> into tensor<16x5x2xf32>
    %3 = tensor.empty() : tensor<16x5xcomplex<f32>>
    %4 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%3 : tensor<16x5xcomplex<f32>>) {
    ^bb0(%out: complex<f32>):
      %5 = linalg.index 0 : index
      %6 = linalg.index 1 : index
      %extracted = tensor.extract %expanded[%5, %6, %c0] : tensor<16x5x2xf32>
      %extracted_1 = tensor.extract %expanded[%5, %6, %c1] : tensor<16x5x2xf32>
      %7 = complex.create %extracted, %extracted_1 : complex<f32>
      linalg.yield %7 : complex<f32>
    } -> tensor<16x5xcomplex<f32>>
    return %4 : tensor<16x5xcomplex<f32>>
  }
}
