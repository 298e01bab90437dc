#map = affine_map<(d0, d1) -> (d0, d1)>
#map1 = affine_map<(d0, d1) -> (0, d1)>
module {
  func.func @forward(%arg0: tensor<3x90xf32>, %arg1: tensor<8xf32>) -> tensor<3x6x27xcomplex<f32>> {
    %c10_i64 = arith.constant 10 : i64
    %c3_i64 = arith.constant 3 : i64
    %c0 = arith.constant 0 : index
    %c27_i64 = arith.constant 27 : i64
    %c1 = arith.constant 1 : index
    %c-1 = arith.constant -1 : index
    %c90 = arith.constant 90 : index
    %c90_i64 = arith.constant 90 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<"0x0000803F000000800000803F000000800000803F000000800000803F000000800000803F000000800000803F000000800000803F00000080BD1B4F3F187916BF7A379E3E717873BF7A379EBE717873BFBD1B4FBF187916BF000080BF32310DA50000803F000000807A379E3E717873BFBD1B4FBF187916BFBD1B4FBF1879163F7A379E3E7178733F0000803F32318D250000803F000000807A379EBE717873BFBD1B4FBF1879163FBD1B4F3F1879163F7A379E3E717873BF000080BFCAC9D3A50000803F00000080BD1B4FBF187916BF7A379E3E7178733F7A379E3E717873BFBD1B4FBF1879163F0000803F32310D260000803F00000080000080BF32310DA50000803F32318D25000080BFCAC9D3A50000803F32310D26000080BF7E7D30A60000803F00000080BD1B4FBF1879163F7A379E3E717873BF7A379E3E7178733FBD1B4FBF187916BF0000803FCAC953260000803F000000807A379EBE7178733FBD1B4FBF187916BFBD1B4F3F187916BF7A379E3E7178733F000080BF171677A60000803F000000807A379E3E7178733FBD1B4FBF1879163FBD1B4FBF187916BF7A379E3E717873BF0000803F32318D260000803F00000080BD1B4F3F1879163F7A379E3E7178733F7A379EBE7178733FBD1B4FBF1879163F000080BF58D79EA6"> : tensor<10x12xf32>
    %c27 = arith.constant 27 : index
    %padded = tensor.pad %arg1 low[1] high[1] {
    ^bb0(%arg2: index):
      tensor.yield %cst : f32
    } : tensor<8xf32> to tensor<10xf32>
    %expanded = tensor.expand_shape %padded [[0, 1]] output_shape [1, 10] : tensor<10xf32> into tensor<1x10xf32>
    %0 = tensor.empty() : tensor<3x6x27xcomplex<f32>>
    %1 = scf.for %arg2 = %c0 to %c27 step %c1 iter_args(%arg3 = %0) -> (tensor<3x6x27xcomplex<f32>>) {
      %2 = arith.index_cast %arg2 : index to i64
      %3 = arith.muli %2, %c3_i64 : i64
      %4 = arith.addi %3, %c10_i64 : i64
      %5 = arith.minsi %4, %c90_i64 : i64
      %6 = arith.subi %5, %3 : i64
      %7 = arith.subi %c10_i64, %6 : i64
      %8 = arith.addi %3, %c90_i64 : i64
      %9 = arith.cmpi sge, %3, %c0_i64 : i64
      %10 = arith.select %9, %3, %8 : i64
      %11 = arith.maxsi %10, %c0_i64 : i64
      %12 = arith.minsi %11, %c90_i64 : i64
      %13 = arith.index_cast %12 : i64 to index
      %14 = arith.index_cast %5 : i64 to index
      %15 = arith.cmpi slt, %14, %c0 : index
      %16 = arith.addi %14, %c90 : index
      %17 = arith.select %15, %16, %14 : index
      %18 = arith.cmpi slt, %17, %c0 : index
      %19 = arith.select %18, %c-1, %17 : index
      %20 = arith.minsi %19, %c90 : index
      %21 = arith.subi %20, %13 : index
      %22 = arith.maxsi %21, %c0 : index
      %extracted_slice = tensor.extract_slice %arg0[0, %13] [3, %22] [1, 1] : tensor<3x90xf32> to tensor<3x?xf32>
      %23 = arith.index_cast %7 : i64 to index
      %padded_1 = tensor.pad %extracted_slice low[0, 0] high[0, %23] {
      ^bb0(%arg4: index, %arg5: index):
        tensor.yield %cst : f32
      } : tensor<3x?xf32> to tensor<3x10xf32>
      %24 = tensor.empty() : tensor<3x10xf32>
      %25 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel"]} ins(%padded_1, %expanded : tensor<3x10xf32>, tensor<1x10xf32>) outs(%24 : tensor<3x10xf32>) {
      ^bb0(%in: f32, %in_4: f32, %out: f32):
        %37 = arith.mulf %in, %in_4 : f32
        linalg.yield %37 : f32
      } -> tensor<3x10xf32>
      %26 = tensor.empty() : tensor<3x12xf32>
      %27 = linalg.fill ins(%cst : f32) outs(%26 : tensor<3x12xf32>) -> tensor<3x12xf32>
      %28 = linalg.matmul ins(%25, %cst_0 : tensor<3x10xf32>, tensor<10x12xf32>) outs(%27 : tensor<3x12xf32>) -> tensor<3x12xf32>
      %expanded_2 = tensor.expand_shape %28 [[0], [1, 2]] output_shape [3, 6, 2] : tensor<3x12xf32> into tensor<3x6x2xf32>
      %29 = tensor.empty() : tensor<3x6xcomplex<f32>>
      %30 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel"]} outs(%29 : tensor<3x6xcomplex<f32>>) {
      ^bb0(%out: complex<f32>):
        %37 = linalg.index 0 : index
        %38 = linalg.index 1 : index
        %extracted = tensor.extract %expanded_2[%37, %38, %c0] : tensor<3x6x2xf32>
        %extracted_4 = tensor.extract %expanded_2[%37, %38, %c1] : tensor<3x6x2xf32>
        %39 = complex.create %extracted, %extracted_4 : complex<f32>
        linalg.yield %39 : complex<f32>
      } -> tensor<3x6xcomplex<f32>>
      %expanded_3 = tensor.expand_shape %30 [[0], [1, 2]] output_shape [3, 6, 1] : tensor<3x6xcomplex<f32>> into tensor<3x6x1xcomplex<f32>>
      %31 = arith.addi %2, %c27_i64 : i64
      %32 = arith.cmpi sge, %2, %c0_i64 : i64
      %33 = arith.select %32, %2, %31 : i64
      %34 = arith.maxsi %33, %c0_i64 : i64
      %35 = arith.minsi %34, %c27_i64 : i64
      %36 = arith.index_cast %35 : i64 to index
      %inserted_slice = tensor.insert_slice %expanded_3 into %arg3[0, 0, %36] [3, 6, 1] [1, 1, 1] : tensor<3x6x1xcomplex<f32>> into tensor<3x6x27xcomplex<f32>>
      scf.yield %inserted_slice : tensor<3x6x27xcomplex<f32>>
    }
    return %1 : tensor<3x6x27xcomplex<f32>>
  }
}
