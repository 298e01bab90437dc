#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (0, d1)>
module {
  func.func @forward(%arg0: tensor<2x68xf32>, %arg1: tensor<6xf32>) -> tensor<2x4x31xcomplex<f32>> {
    %c7_i64 = arith.constant 7 : i64
    %c2_i64 = arith.constant 2 : i64
    %c0 = arith.constant 0 : index
    %c31_i64 = arith.constant 31 : i64
    %c1 = arith.constant 1 : index
    %c-1 = arith.constant -1 : index
    %c68 = arith.constant 68 : index
    %c68_i64 = arith.constant 68 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<[[1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00, 1.000000e+00, -0.000000e+00], [1.000000e+00, -0.000000e+00, 0.623489797, -0.781831503, -0.222520933, -0.974927902, -0.900968849, -0.433883727], [1.000000e+00, -0.000000e+00, -0.222520933, -0.974927902, -0.900968849, 0.433883727, 0.623489797, 0.781831503], [1.000000e+00, -0.000000e+00, -0.900968849, -0.433883727, 0.623489797, 0.781831503, -0.222520933, -0.974927902], [1.000000e+00, -0.000000e+00, -0.900968849, 0.433883727, 0.623489797, -0.781831503, -0.222520933, 0.974927902], [1.000000e+00, -0.000000e+00, -0.222520933, 0.974927902, -0.900968849, -0.433883727, 0.623489797, -0.781831503], [1.000000e+00, -0.000000e+00, 0.623489797, 0.781831503, -0.222520933, 0.974927902, -0.900968849, 0.433883727]]> : tensor<7x8xf32>
    %c31 = arith.constant 31 : index
    %padded = tensor.pad %arg1 low[0] high[1] {
    ^bb0(%arg2: index):
      tensor.yield %cst : f32
    } : tensor<6xf32> to tensor<7xf32>
    %expanded = tensor.expand_shape %padded [[0, 1]] output_shape [1, 7] : tensor<7xf32> into tensor<1x7xf32>
    %0 = tensor.empty() : tensor<2x4x31xcomplex<f32>>
    %1 = scf.for %arg2 = %c0 to %c31 step %c1 iter_args(%arg3 = %0) -> (tensor<2x4x31xcomplex<f32>>) {
      %2 = arith.index_cast %arg2 : index to i64
      %3 = arith.muli %2, %c2_i64 : i64
      %4 = arith.addi %3, %c7_i64 : i64
      %5 = arith.minsi %4, %c68_i64 : i64
      %6 = arith.subi %5, %3 : i64
      %7 = arith.subi %c7_i64, %6 : i64
      %8 = arith.addi %3, %c68_i64 : i64
      %9 = arith.cmpi sge, %3, %c0_i64 : i64
      %10 = arith.select %9, %3, %8 : i64
      %11 = arith.maxsi %10, %c0_i64 : i64
      %12 = arith.minsi %11, %c68_i64 : i64
      %13 = arith.index_cast %12 : i64 to index
      %14 = arith.index_cast %5 : i64 to index
      %15 = arith.cmpi slt, %14, %c0 : index
      %16 = arith.addi %14, %c68 : index
      %17 = arith.select %15, %16, %14 : index
      %18 = arith.cmpi slt, %17, %c0 : index
      %19 = arith.select %18, %c-1, %17 : index
      %20 = arith.minsi %19, %c68 : index
      %21 = arith.subi %20, %13 : index
      %22 = arith.maxsi %21, %c0 : index
      %extracted_slice = tensor.extract_slice %arg0[0, %13] [2, %22] [1, 1] : tensor<2x68xf32> to tensor<2x?xf32>
      %23 = arith.index_cast %7 : i64 to index
      %padded_1 = tensor.pad %extracted_slice low[0, 0] high[0, %23] {
      ^bb0(%arg4: index, %arg5: index):
        tensor.yield %cst : f32
      } : tensor<2x?xf32> to tensor<2x7xf32>
      %24 = tensor.empty() : tensor<2x7xf32>
      %25 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%padded_1, %expanded : tensor<2x7xf32>, tensor<1x7xf32>) outs(%24 : tensor<2x7xf32>) {
      ^bb0(%in: f32, %in_4: f32, %out: f32):
        %37 = arith.mulf %in, %in_4 : f32
        linalg.yield %37 : f32
      } -> tensor<2x7xf32>
      %26 = tensor.empty() : tensor<2x8xf32>
      %27 = linalg.fill ins(%cst : f32) outs(%26 : tensor<2x8xf32>) -> tensor<2x8xf32>
      %28 = linalg.matmul ins(%25, %cst_0 : tensor<2x7xf32>, tensor<7x8xf32>) outs(%27 : tensor<2x8xf32>) -> tensor<2x8xf32>
      %expanded_2 = tensor.expand_shape %28 [[0], [1, 2]] output_shape [2, 4, 2] : tensor<2x8xf32> into tensor<2x4x2xf32>
      %29 = tensor.empty() : tensor<2x4xcomplex<f32>>
      %30 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%29 : tensor<2x4xcomplex<f32>>) {
      ^bb0(%out: complex<f32>):
        %37 = linalg.index 0 : index
        %38 = linalg.index 1 : index
        %extracted = tensor.extract %expanded_2[%37, %38, %c0] : tensor<2x4x2xf32>
        %extracted_4 = tensor.extract %expanded_2[%37, %38, %c1] : tensor<2x4x2xf32>
        %39 = complex.create %extracted, %extracted_4 : complex<f32>
        linalg.yield %39 : complex<f32>
      } -> tensor<2x4xcomplex<f32>>
      %expanded_3 = tensor.expand_shape %30 [[0], [1, 2]] output_shape [2, 4, 1] : tensor<2x4xcomplex<f32>> into tensor<2x4x1xcomplex<f32>>
      %31 = arith.addi %2, %c31_i64 : i64
      %32 = arith.cmpi sge, %2, %c0_i64 : i64
      %33 = arith.select %32, %2, %31 : i64
      %34 = arith.maxsi %33, %c0_i64 : i64
      %35 = arith.minsi %34, %c31_i64 : i64
      %36 = arith.index_cast %35 : i64 to index
      %inserted_slice = tensor.insert_slice %expanded_3 into %arg3[0, 0, %36] [2, 4, 1] [1, 1, 1] : tensor<2x4x1xcomplex<f32>> into tensor<2x4x31xcomplex<f32>>
      scf.yield %inserted_slice : tensor<2x4x31xcomplex<f32>>
    }
    return %1 : tensor<2x4x31xcomplex<f32>>
  }
}
