#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (0, d1)>
module {
  func.func @forward(%arg0: tensor<4x46xf32>, %arg1: tensor<7xf32>) -> tensor<4x4x40xcomplex<f32>> {
    %c7_i64 = arith.constant 7 : i64
    %c0 = arith.constant 0 : index
    %c40_i64 = arith.constant 40 : i64
    %c1 = arith.constant 1 : index
    %c-1 = arith.constant -1 : index
    %c46 = arith.constant 46 : index
    %c46_i64 = arith.constant 46 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<[[1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00], [1.000000e+00, -0.000000e+00, 0.623489797, -0.781831503, -0.222520933, -0.974927902, -0.900968849, -0.433883727], [1.000000e+00, -0.000000e+00, -0.222520933, -0.974927902, -0.900968849, 0.433883727, 0.623489797, 0.781831503], [1.000000e+00, -0.000000e+00, -0.900968849, -0.433883727, 0.623489797, 0.781831503, -0.222520933, -0.974927902], [1.000000e+00, -0.000000e+00, -0.900968849, 0.433883727, 0.623489797, -0.781831503, -0.222520933, 0.974927902], [1.000000e+00, -0.000000e+00, -0.222520933, 0.974927902, -0.900968849, -0.433883727, 0.623489797, -0.781831503], [1.000000e+00, -0.000000e+00, 0.623489797, 0.781831503, -0.222520933, 0.974927902, -0.900968849, 0.433883727]]> : tensor<7x8xf32>
    %c40 = arith.constant 40 : index
    %expanded = tensor.expand_shape %arg1 [[0, 1]] output_shape [1, 7] : tensor<7xf32> into tensor<1x7xf32>
    %0 = tensor.empty() : tensor<4x4x40xcomplex<f32>>
    %1 = scf.for %arg2 = %c0 to %c40 step %c1 iter_args(%arg3 = %0) -> (tensor<4x4x40xcomplex<f32>>) {
      %2 = arith.index_cast %arg2 : index to i64
      %3 = arith.addi %2, %c7_i64 : i64
      %4 = arith.minsi %3, %c46_i64 : i64
      %5 = arith.subi %4, %2 : i64
      %6 = arith.subi %c7_i64, %5 : i64
      %7 = arith.addi %2, %c46_i64 : i64
      %8 = arith.cmpi sge, %2, %c0_i64 : i64
      %9 = arith.select %8, %2, %7 : i64
      %10 = arith.maxsi %9, %c0_i64 : i64
      %11 = arith.minsi %10, %c46_i64 : i64
      %12 = arith.index_cast %11 : i64 to index
      %13 = arith.index_cast %4 : i64 to index
      %14 = arith.cmpi slt, %13, %c0 : index
      %15 = arith.addi %13, %c46 : index
      %16 = arith.select %14, %15, %13 : index
      %17 = arith.cmpi slt, %16, %c0 : index
      %18 = arith.select %17, %c-1, %16 : index
      %19 = arith.minsi %18, %c46 : index
      %20 = arith.subi %19, %12 : index
      %21 = arith.maxsi %20, %c0 : index
      %extracted_slice = tensor.extract_slice %arg0[0, %12] [4, %21] [1, 1] : tensor<4x46xf32> to tensor<4x?xf32>
      %22 = arith.index_cast %6 : i64 to index
      %padded = tensor.pad %extracted_slice low[0, 0] high[0, %22] {
      ^bb0(%arg4: index, %arg5: index):
        tensor.yield %cst : f32
      } : tensor<4x?xf32> to tensor<4x7xf32>
      %23 = tensor.empty() : tensor<4x7xf32>
      %24 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%padded, %expanded : tensor<4x7xf32>, tensor<1x7xf32>) outs(%23 : tensor<4x7xf32>) {
      ^bb0(%in: f32, %in_3: f32, %out: f32):
        %35 = arith.mulf %in, %in_3 : f32
        linalg.yield %35 : f32
      } -> tensor<4x7xf32>
      %25 = tensor.empty() : tensor<4x8xf32>
      %26 = linalg.fill ins(%cst : f32) outs(%25 : tensor<4x8xf32>) -> tensor<4x8xf32>
      %27 = linalg.matmul ins(%24, %cst_0 : tensor<4x7xf32>, tensor<7x8xf32>) outs(%26 : tensor<4x8xf32>) -> tensor<4x8xf32>
      %expanded_1 = tensor.expand_shape %27 [[0], [1, 2]] output_shape [4, 4, 2] : tensor<4x8xf32> into tensor<4x4x2xf32>
      %28 = tensor.empty() : tensor<4x4xcomplex<f32>>
      %29 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%28 : tensor<4x4xcomplex<f32>>) {
      ^bb0(%out: complex<f32>):
        %35 = linalg.index 0 : index
        %36 = linalg.index 1 : index
        %extracted = tensor.extract %expanded_1[%35, %36, %c0] : tensor<4x4x2xf32>
        %extracted_3 = tensor.extract %expanded_1[%35, %36, %c1] : tensor<4x4x2xf32>
        %37 = complex.create %extracted, %extracted_3 : complex<f32>
        linalg.yield %37 : complex<f32>
      } -> tensor<4x4xcomplex<f32>>
      %expanded_2 = tensor.expand_shape %29 [[0], [1, 2]] output_shape [4, 4, 1] : tensor<4x4xcomplex<f32>> into tensor<4x4x1xcomplex<f32>>
      %30 = arith.addi %2, %c40_i64 : i64
      %31 = arith.select %8, %2, %30 : i64
      %32 = arith.maxsi %31, %c0_i64 : i64
      %33 = arith.minsi %32, %c40_i64 : i64
      %34 = arith.index_cast %33 : i64 to index
      %inserted_slice = tensor.insert_slice %expanded_2 into %arg3[0, 0, %34] [4, 4, 1] [1, 1, 1] : tensor<4x4x1xcomplex<f32>> into tensor<4x4x40xcomplex<f32>>
      scf.yield %inserted_slice : tensor<4x4x40xcomplex<f32>>
    }
    return %1 : tensor<4x4x40xcomplex<f32>>
  }
}
