#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<40xf32>, %arg1: tensor<4xf32>) -> tensor<3x37xcomplex<f32>> {
    %c4_i64 = arith.constant 4 : i64
    %c37_i64 = arith.constant 37 : i64
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c-1 = arith.constant -1 : index
    %c40 = arith.constant 40 : index
    %c40_i64 = arith.constant 40 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<[[1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00], [1.000000e+00, -0.000000e+00, 6.12323426E-17, -1.000000e+00, -1.000000e+00, -1.22464685E-16], [1.000000e+00, -0.000000e+00, -1.000000e+00, -1.22464685E-16, 1.000000e+00, 2.44929371E-16], [1.000000e+00, -0.000000e+00, -1.83697015E-16, 1.000000e+00, -1.000000e+00, -3.67394029E-16]]> : tensor<4x6xf32>
    %c37 = arith.constant 37 : index
    %0 = tensor.empty() : tensor<3x37xcomplex<f32>>
    %1 = scf.for %arg2 = %c0 to %c37 step %c1 iter_args(%arg3 = %0) -> (tensor<3x37xcomplex<f32>>) {
      %2 = arith.index_cast %arg2 : index to i64
      %3 = arith.addi %2, %c4_i64 : i64
      %4 = arith.minsi %3, %c40_i64 : i64
      %5 = arith.subi %4, %2 : i64
      %6 = arith.subi %c4_i64, %5 : i64
      %7 = arith.addi %2, %c40_i64 : i64
      %8 = arith.cmpi sge, %2, %c0_i64 : i64
      %9 = arith.select %8, %2, %7 : i64
      %10 = arith.maxsi %9, %c0_i64 : i64
      %11 = arith.minsi %10, %c40_i64 : i64
      %12 = arith.index_cast %11 : i64 to index
      %13 = arith.index_cast %4 : i64 to index
      %14 = arith.cmpi slt, %13, %c0 : index
      %15 = arith.addi %13, %c40 : index
      %16 = arith.select %14, %15, %13 : index
      %17 = arith.cmpi slt, %16, %c0 : index
      %18 = arith.select %17, %c-1, %16 : index
      %19 = arith.minsi %18, %c40 : index
      %20 = arith.subi %19, %12 : index
      %21 = arith.maxsi %20, %c0 : index
      %extracted_slice = tensor.extract_slice %arg0[%12] [%21] [1] : tensor<40xf32> to tensor<?xf32>
      %22 = arith.index_cast %6 : i64 to index
      %padded = tensor.pad %extracted_slice low[0] high[%22] {
      ^bb0(%arg4: index):
        tensor.yield %cst : f32
      } : tensor<?xf32> to tensor<4xf32>
      %23 = tensor.empty() : tensor<4xf32>
      %24 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%padded, %arg1 : tensor<4xf32>, tensor<4xf32>) outs(%23 : tensor<4xf32>) {
      ^bb0(%in: f32, %in_2: f32, %out: f32):
        %35 = arith.mulf %in, %in_2 : f32
        linalg.yield %35 : f32
      } -> tensor<4xf32>
      %25 = tensor.empty() : tensor<6xf32>
      %26 = linalg.fill ins(%cst : f32) outs(%25 : tensor<6xf32>) -> tensor<6xf32>
      %27 = linalg.vecmat ins(%24, %cst_0 : tensor<4xf32>, tensor<4x6xf32>) outs(%26 : tensor<6xf32>) -> tensor<6xf32>
      %expanded = tensor.expand_shape %27 [[0, 1]] output_shape [3, 2] : tensor<6xf32> into tensor<3x2xf32>
      %28 = tensor.empty() : tensor<3xcomplex<f32>>
      %29 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%28 : tensor<3xcomplex<f32>>) {
      ^bb0(%out: complex<f32>):
        %35 = linalg.index 0 : index
        %extracted = tensor.extract %expanded[%35, %c0] : tensor<3x2xf32>
        %extracted_2 = tensor.extract %expanded[%35, %c1] : tensor<3x2xf32>
        %36 = complex.create %extracted, %extracted_2 : complex<f32>
        linalg.yield %36 : complex<f32>
      } -> tensor<3xcomplex<f32>>
      %expanded_1 = tensor.expand_shape %29 [[0, 1]] output_shape [3, 1] : tensor<3xcomplex<f32>> into tensor<3x1xcomplex<f32>>
      %30 = arith.addi %2, %c37_i64 : i64
      %31 = arith.select %8, %2, %30 : i64
      %32 = arith.maxsi %31, %c0_i64 : i64
      %33 = arith.minsi %32, %c37_i64 : i64
      %34 = arith.index_cast %33 : i64 to index
      %inserted_slice = tensor.insert_slice %expanded_1 into %arg3[0, %34] [3, 1] [1, 1] : tensor<3x1xcomplex<f32>> into tensor<3x37xcomplex<f32>>
      scf.yield %inserted_slice : tensor<3x37xcomplex<f32>>
    }
    return %1 : tensor<3x37xcomplex<f32>>
  }
}
