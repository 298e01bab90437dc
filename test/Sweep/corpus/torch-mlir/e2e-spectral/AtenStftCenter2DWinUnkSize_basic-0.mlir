#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (0, d1)>
module {
  func.func @forward(%arg0: tensor<3x38xf32>, %arg1: tensor<6xf32>) -> tensor<3x4x32xcomplex<f32>> {
    %c7_i64 = arith.constant 7 : i64
    %c0 = arith.constant 0 : index
    %c32_i64 = arith.constant 32 : i64
    %c1 = arith.constant 1 : index
    %c-1 = arith.constant -1 : index
    %c38 = arith.constant 38 : index
    %c38_i64 = arith.constant 38 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<[[1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00], [1.000000e+00, -0.000000e+00, 0.623489797, -0.781831503, -0.222520933, -0.974927902, -0.900968849, -0.433883727], [1.000000e+00, -0.000000e+00, -0.222520933, -0.974927902, -0.900968849, 0.433883727, 0.623489797, 0.781831503], [1.000000e+00, -0.000000e+00, -0.900968849, -0.433883727, 0.623489797, 0.781831503, -0.222520933, -0.974927902], [1.000000e+00, -0.000000e+00, -0.900968849, 0.433883727, 0.623489797, -0.781831503, -0.222520933, 0.974927902], [1.000000e+00, -0.000000e+00, -0.222520933, 0.974927902, -0.900968849, -0.433883727, 0.623489797, -0.781831503], [1.000000e+00, -0.000000e+00, 0.623489797, 0.781831503, -0.222520933, 0.974927902, -0.900968849, 0.433883727]]> : tensor<7x8xf32>
    %c32 = arith.constant 32 : index
    %padded = tensor.pad %arg1 low[0] high[1] {
    ^bb0(%arg2: index):
      tensor.yield %cst : f32
    } : tensor<6xf32> to tensor<7xf32>
    %expanded = tensor.expand_shape %padded [[0, 1]] output_shape [1, 7] : tensor<7xf32> into tensor<1x7xf32>
    %0 = tensor.empty() : tensor<3x4x32xcomplex<f32>>
    %1 = scf.for %arg2 = %c0 to %c32 step %c1 iter_args(%arg3 = %0) -> (tensor<3x4x32xcomplex<f32>>) {
      %2 = arith.index_cast %arg2 : index to i64
      %3 = arith.addi %2, %c7_i64 : i64
      %4 = arith.minsi %3, %c38_i64 : i64
      %5 = arith.subi %4, %2 : i64
      %6 = arith.subi %c7_i64, %5 : i64
      %7 = arith.addi %2, %c38_i64 : i64
      %8 = arith.cmpi sge, %2, %c0_i64 : i64
      %9 = arith.select %8, %2, %7 : i64
      %10 = arith.maxsi %9, %c0_i64 : i64
      %11 = arith.minsi %10, %c38_i64 : i64
      %12 = arith.index_cast %11 : i64 to index
      %13 = arith.index_cast %4 : i64 to index
      %14 = arith.cmpi slt, %13, %c0 : index
      %15 = arith.addi %13, %c38 : index
      %16 = arith.select %14, %15, %13 : index
      %17 = arith.cmpi slt, %16, %c0 : index
      %18 = arith.select %17, %c-1, %16 : index
      %19 = arith.minsi %18, %c38 : index
      %20 = arith.subi %19, %12 : index
      %21 = arith.maxsi %20, %c0 : index
      %extracted_slice = tensor.extract_slice %arg0[0, %12] [3, %21] [1, 1] : tensor<3x38xf32> to tensor<3x?xf32>
      %22 = arith.index_cast %6 : i64 to index
      %padded_1 = tensor.pad %extracted_slice low[0, 0] high[0, %22] {
      ^bb0(%arg4: index, %arg5: index):
        tensor.yield %cst : f32
      } : tensor<3x?xf32> to tensor<3x7xf32>
      %23 = tensor.empty() : tensor<3x7xf32>
      %24 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%padded_1, %expanded : tensor<3x7xf32>, tensor<1x7xf32>) outs(%23 : tensor<3x7xf32>) {
      ^bb0(%in: f32, %in_4: f32, %out: f32):
        %35 = arith.mulf %in, %in_4 : f32
        linalg.yield %35 : f32
      } -> tensor<3x7xf32>
      %25 = tensor.empty() : tensor<3x8xf32>
      %26 = linalg.fill ins(%cst : f32) outs(%25 : tensor<3x8xf32>) -> tensor<3x8xf32>
      %27 = linalg.matmul ins(%24, %cst_0 : tensor<3x7xf32>, tensor<7x8xf32>) outs(%26 : tensor<3x8xf32>) -> tensor<3x8xf32>
      %expanded_2 = tensor.expand_shape %27 [[0], [1, 2]] output_shape [3, 4, 2] : tensor<3x8xf32> into tensor<3x4x2xf32>
      %28 = tensor.empty() : tensor<3x4xcomplex<f32>>
      %29 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%28 : tensor<3x4xcomplex<f32>>) {
      ^bb0(%out: complex<f32>):
        %35 = linalg.index 0 : index
        %36 = linalg.index 1 : index
        %extracted = tensor.extract %expanded_2[%35, %36, %c0] : tensor<3x4x2xf32>
        %extracted_4 = tensor.extract %expanded_2[%35, %36, %c1] : tensor<3x4x2xf32>
        %37 = complex.create %extracted, %extracted_4 : complex<f32>
        linalg.yield %37 : complex<f32>
      } -> tensor<3x4xcomplex<f32>>
      %expanded_3 = tensor.expand_shape %29 [[0], [1, 2]] output_shape [3, 4, 1] : tensor<3x4xcomplex<f32>> into tensor<3x4x1xcomplex<f32>>
      %30 = arith.addi %2, %c32_i64 : i64
      %31 = arith.select %8, %2, %30 : i64
      %32 = arith.maxsi %31, %c0_i64 : i64
      %33 = arith.minsi %32, %c32_i64 : i64
      %34 = arith.index_cast %33 : i64 to index
      %inserted_slice = tensor.insert_slice %expanded_3 into %arg3[0, 0, %34] [3, 4, 1] [1, 1, 1] : tensor<3x4x1xcomplex<f32>> into tensor<3x4x32xcomplex<f32>>
      scf.yield %inserted_slice : tensor<3x4x32xcomplex<f32>>
    }
    return %1 : tensor<3x4x32xcomplex<f32>>
  }
}
