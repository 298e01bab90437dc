#map = affine_map<(d0, d1) -> (d0, d1)>
module {
  func.func @forward(%arg0: tensor<2x32xf32>) -> tensor<2x5x25xcomplex<f32>> {
    %c8_i64 = arith.constant 8 : i64
    %c25_i64 = arith.constant 25 : i64
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c-1 = arith.constant -1 : index
    %c32 = arith.constant 32 : index
    %c32_i64 = arith.constant 32 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<[[1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00], [1.000000e+00, -0.000000e+00, 0.707106769, -0.707106769, 6.12323426E-17, -1.000000e+00, -0.707106769, -0.707106769, -1.000000e+00, -1.22464685E-16], [1.000000e+00, -0.000000e+00, 6.12323426E-17, -1.000000e+00, -1.000000e+00, -1.22464685E-16, -1.83697015E-16, 1.000000e+00, 1.000000e+00, 2.44929371E-16], [1.000000e+00, -0.000000e+00, -0.707106769, -0.707106769, -1.83697015E-16, 1.000000e+00, 0.707106769, -0.707106769, -1.000000e+00, -3.67394029E-16], [1.000000e+00, -0.000000e+00, -1.000000e+00, -1.22464685E-16, 1.000000e+00, 2.44929371E-16, -1.000000e+00, -3.67394029E-16, 1.000000e+00, 4.89858741E-16], [1.000000e+00, -0.000000e+00, -0.707106769, 0.707106769, 3.061617E-16, -1.000000e+00, 0.707106769, 0.707106769, -1.000000e+00, -6.123234E-16], [1.000000e+00, -0.000000e+00, -1.83697015E-16, 1.000000e+00, -1.000000e+00, -3.67394029E-16, 5.5109107E-16, -1.000000e+00, 1.000000e+00, 7.34788058E-16], [1.000000e+00, -0.000000e+00, 0.707106769, 0.707106769, -4.28626385E-16, 1.000000e+00, -0.707106769, 0.707106769, -1.000000e+00, -8.5725277E-16]]> : tensor<8x10xf32>
    %c25 = arith.constant 25 : index
    %0 = tensor.empty() : tensor<2x5x25xcomplex<f32>>
    %1 = scf.for %arg1 = %c0 to %c25 step %c1 iter_args(%arg2 = %0) -> (tensor<2x5x25xcomplex<f32>>) {
      %2 = arith.index_cast %arg1 : index to i64
      %3 = arith.addi %2, %c8_i64 : i64
      %4 = arith.minsi %3, %c32_i64 : i64
      %5 = arith.subi %4, %2 : i64
      %6 = arith.subi %c8_i64, %5 : i64
      %7 = arith.addi %2, %c32_i64 : i64
      %8 = arith.cmpi sge, %2, %c0_i64 : i64
      %9 = arith.select %8, %2, %7 : i64
      %10 = arith.maxsi %9, %c0_i64 : i64
      %11 = arith.minsi %10, %c32_i64 : i64
      %12 = arith.index_cast %11 : i64 to index
      %13 = arith.index_cast %4 : i64 to index
      %14 = arith.cmpi slt, %13, %c0 : index
      %15 = arith.addi %13, %c32 : index
      %16 = arith.select %14, %15, %13 : index
      %17 = arith.cmpi slt, %16, %c0 : index
      %18 = arith.select %17, %c-1, %16 : index
      %19 = arith.minsi %18, %c32 : index
      %20 = arith.subi %19, %12 : index
      %21 = arith.maxsi %20, %c0 : index
      %extracted_slice = tensor.extract_slice %arg0[0, %12] [2, %21] [1, 1] : tensor<2x32xf32> to tensor<2x?xf32>
      %22 = arith.index_cast %6 : i64 to index
      %padded = tensor.pad %extracted_slice low[0, 0] high[0, %22] {
      ^bb0(%arg3: index, %arg4: index):
        tensor.yield %cst : f32
      } : tensor<2x?xf32> to tensor<2x8xf32>
      %23 = tensor.empty() : tensor<2x10xf32>
      %24 = linalg.fill ins(%cst : f32) outs(%23 : tensor<2x10xf32>) -> tensor<2x10xf32>
      %25 = linalg.matmul ins(%padded, %cst_0 : tensor<2x8xf32>, tensor<8x10xf32>) outs(%24 : tensor<2x10xf32>) -> tensor<2x10xf32>
      %expanded = tensor.expand_shape %25 [[0], [1, 2]] output_shape [2, 5, 2] : tensor<2x10xf32> into tensor<2x5x2xf32>
      %26 = tensor.empty() : tensor<2x5xcomplex<f32>>
      %27 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%26 : tensor<2x5xcomplex<f32>>) {
      ^bb0(%out: complex<f32>):
        %33 = linalg.index 0 : index
        %34 = linalg.index 1 : index
        %extracted = tensor.extract %expanded[%33, %34, %c0] : tensor<2x5x2xf32>
        %extracted_2 = tensor.extract %expanded[%33, %34, %c1] : tensor<2x5x2xf32>
        %35 = complex.create %extracted, %extracted_2 : complex<f32>
        linalg.yield %35 : complex<f32>
      } -> tensor<2x5xcomplex<f32>>
      %expanded_1 = tensor.expand_shape %27 [[0], [1, 2]] output_shape [2, 5, 1] : tensor<2x5xcomplex<f32>> into tensor<2x5x1xcomplex<f32>>
      %28 = arith.addi %2, %c25_i64 : i64
      %29 = arith.select %8, %2, %28 : i64
      %30 = arith.maxsi %29, %c0_i64 : i64
      %31 = arith.minsi %30, %c25_i64 : i64
      %32 = arith.index_cast %31 : i64 to index
      %inserted_slice = tensor.insert_slice %expanded_1 into %arg2[0, 0, %32] [2, 5, 1] [1, 1, 1] : tensor<2x5x1xcomplex<f32>> into tensor<2x5x25xcomplex<f32>>
      scf.yield %inserted_slice : tensor<2x5x25xcomplex<f32>>
    }
    return %1 : tensor<2x5x25xcomplex<f32>>
  }
}
