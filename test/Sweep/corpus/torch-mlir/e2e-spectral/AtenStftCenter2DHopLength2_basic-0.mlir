#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (0, d1)>
module {
  func.func @forward(%arg0: tensor<2x61xf32>, %arg1: tensor<8xf32>) -> tensor<2x5x27xcomplex<f32>> {
    %c8_i64 = arith.constant 8 : i64
    %c2_i64 = arith.constant 2 : i64
    %c0 = arith.constant 0 : index
    %c27_i64 = arith.constant 27 : i64
    %c1 = arith.constant 1 : index
    %c-1 = arith.constant -1 : index
    %c61 = arith.constant 61 : index
    %c61_i64 = arith.constant 61 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<[[1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00], [1.000000e+00, -0.000000e+00, 0.707106769, -0.707106769, 6.12323426E-17, -1.000000e+00, -0.707106769, -0.707106769, -1.000000e+00, -1.22464685E-16], [1.000000e+00, -0.000000e+00, 6.12323426E-17, -1.000000e+00, -1.000000e+00, -1.22464685E-16, -1.83697015E-16, 1.000000e+00, 1.000000e+00, 2.44929371E-16], [1.000000e+00, -0.000000e+00, -0.707106769, -0.707106769, -1.83697015E-16, 1.000000e+00, 0.707106769, -0.707106769, -1.000000e+00, -3.67394029E-16], [1.000000e+00, -0.000000e+00, -1.000000e+00, -1.22464685E-16, 1.000000e+00, 2.44929371E-16, -1.000000e+00, -3.67394029E-16, 1.000000e+00, 4.89858741E-16], [1.000000e+00, -0.000000e+00, -0.707106769, 0.707106769, 3.061617E-16, -1.000000e+00, 0.707106769, 0.707106769, -1.000000e+00, -6.123234E-16], [1.000000e+00, -0.000000e+00, -1.83697015E-16, 1.000000e+00, -1.000000e+00, -3.67394029E-16, 5.5109107E-16, -1.000000e+00, 1.000000e+00, 7.34788058E-16], [1.000000e+00, -0.000000e+00, 0.707106769, 0.707106769, -4.28626385E-16, 1.000000e+00, -0.707106769, 0.707106769, -1.000000e+00, -8.5725277E-16]]> : tensor<8x10xf32>
    %c27 = arith.constant 27 : index
    %expanded = tensor.expand_shape %arg1 [[0, 1]] output_shape [1, 8] : tensor<8xf32> into tensor<1x8xf32>
    %0 = tensor.empty() : tensor<2x5x27xcomplex<f32>>
    %1 = scf.for %arg2 = %c0 to %c27 step %c1 iter_args(%arg3 = %0) -> (tensor<2x5x27xcomplex<f32>>) {
      %2 = arith.index_cast %arg2 : index to i64
      %3 = arith.muli %2, %c2_i64 : i64
      %4 = arith.addi %3, %c8_i64 : i64
      %5 = arith.minsi %4, %c61_i64 : i64
      %6 = arith.subi %5, %3 : i64
      %7 = arith.subi %c8_i64, %6 : i64
      %8 = arith.addi %3, %c61_i64 : i64
      %9 = arith.cmpi sge, %3, %c0_i64 : i64
      %10 = arith.select %9, %3, %8 : i64
      %11 = arith.maxsi %10, %c0_i64 : i64
      %12 = arith.minsi %11, %c61_i64 : i64
      %13 = arith.index_cast %12 : i64 to index
      %14 = arith.index_cast %5 : i64 to index
      %15 = arith.cmpi slt, %14, %c0 : index
      %16 = arith.addi %14, %c61 : index
      %17 = arith.select %15, %16, %14 : index
      %18 = arith.cmpi slt, %17, %c0 : index
      %19 = arith.select %18, %c-1, %17 : index
      %20 = arith.minsi %19, %c61 : index
      %21 = arith.subi %20, %13 : index
      %22 = arith.maxsi %21, %c0 : index
      %extracted_slice = tensor.extract_slice %arg0[0, %13] [2, %22] [1, 1] : tensor<2x61xf32> to tensor<2x?xf32>
      %23 = arith.index_cast %7 : i64 to index
      %padded = tensor.pad %extracted_slice low[0, 0] high[0, %23] {
      ^bb0(%arg4: index, %arg5: index):
        tensor.yield %cst : f32
      } : tensor<2x?xf32> to tensor<2x8xf32>
      %24 = tensor.empty() : tensor<2x8xf32>
      %25 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%padded, %expanded : tensor<2x8xf32>, tensor<1x8xf32>) outs(%24 : tensor<2x8xf32>) {
      ^bb0(%in: f32, %in_3: f32, %out: f32):
        %37 = arith.mulf %in, %in_3 : f32
        linalg.yield %37 : f32
      } -> tensor<2x8xf32>
      %26 = tensor.empty() : tensor<2x10xf32>
      %27 = linalg.fill ins(%cst : f32) outs(%26 : tensor<2x10xf32>) -> tensor<2x10xf32>
      %28 = linalg.matmul ins(%25, %cst_0 : tensor<2x8xf32>, tensor<8x10xf32>) outs(%27 : tensor<2x10xf32>) -> tensor<2x10xf32>
      %expanded_1 = tensor.expand_shape %28 [[0], [1, 2]] output_shape [2, 5, 2] : tensor<2x10xf32> into tensor<2x5x2xf32>
      %29 = tensor.empty() : tensor<2x5xcomplex<f32>>
      %30 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%29 : tensor<2x5xcomplex<f32>>) {
      ^bb0(%out: complex<f32>):
        %37 = linalg.index 0 : index
        %38 = linalg.index 1 : index
        %extracted = tensor.extract %expanded_1[%37, %38, %c0] : tensor<2x5x2xf32>
        %extracted_3 = tensor.extract %expanded_1[%37, %38, %c1] : tensor<2x5x2xf32>
        %39 = complex.create %extracted, %extracted_3 : complex<f32>
        linalg.yield %39 : complex<f32>
      } -> tensor<2x5xcomplex<f32>>
      %expanded_2 = tensor.expand_shape %30 [[0], [1, 2]] output_shape [2, 5, 1] : tensor<2x5xcomplex<f32>> into tensor<2x5x1xcomplex<f32>>
      %31 = arith.addi %2, %c27_i64 : i64
      %32 = arith.cmpi sge, %2, %c0_i64 : i64
      %33 = arith.select %32, %2, %31 : i64
      %34 = arith.maxsi %33, %c0_i64 : i64
      %35 = arith.minsi %34, %c27_i64 : i64
      %36 = arith.index_cast %35 : i64 to index
      %inserted_slice = tensor.insert_slice %expanded_2 into %arg3[0, 0, %36] [2, 5, 1] [1, 1, 1] : tensor<2x5x1xcomplex<f32>> into tensor<2x5x27xcomplex<f32>>
      scf.yield %inserted_slice : tensor<2x5x27xcomplex<f32>>
    }
    return %1 : tensor<2x5x27xcomplex<f32>>
  }
}
