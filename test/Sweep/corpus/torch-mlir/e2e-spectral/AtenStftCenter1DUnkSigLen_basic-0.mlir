#map = affine_map<(d0) -> (d0)>
module {
  func.func @forward(%arg0: tensor<68xf32>, %arg1: tensor<10xf32>) -> tensor<6x59xcomplex<f32>> {
    %c10_i64 = arith.constant 10 : i64
    %c59_i64 = arith.constant 59 : i64
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c-1 = arith.constant -1 : index
    %c68 = arith.constant 68 : index
    %c68_i64 = arith.constant 68 : i64
    %c0_i64 = arith.constant 0 : i64
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant dense<"0x0000803F000000800000803F000000800000803F000000800000803F000000800000803F000000800000803F000000800000803F00000080BD1B4F3F187916BF7A379E3E717873BF7A379EBE717873BFBD1B4FBF187916BF000080BF32310DA50000803F000000807A379E3E717873BFBD1B4FBF187916BFBD1B4FBF1879163F7A379E3E7178733F0000803F32318D250000803F000000807A379EBE717873BFBD1B4FBF1879163FBD1B4F3F1879163F7A379E3E717873BF000080BFCAC9D3A50000803F00000080BD1B4FBF187916BF7A379E3E7178733F7A379E3E717873BFBD1B4FBF1879163F0000803F32310D260000803F00000080000080BF32310DA50000803F32318D25000080BFCAC9D3A50000803F32310D26000080BF7E7D30A60000803F00000080BD1B4FBF1879163F7A379E3E717873BF7A379E3E7178733FBD1B4FBF187916BF0000803FCAC953260000803F000000807A379EBE7178733FBD1B4FBF187916BFBD1B4F3F187916BF7A379E3E7178733F000080BF171677A60000803F000000807A379E3E7178733FBD1B4FBF1879163FBD1B4FBF187916BF7A379E3E717873BF0000803F32318D260000803F00000080BD1B4F3F1879163F7A379E3E7178733F7A379EBE7178733FBD1B4FBF1879163F000080BF58D79EA6"> : tensor<10x12xf32>
    %c59 = arith.constant 59 : index
    %0 = tensor.empty() : tensor<6x59xcomplex<f32>>
    %1 = scf.for %arg2 = %c0 to %c59 step %c1 iter_args(%arg3 = %0) -> (tensor<6x59xcomplex<f32>>) {
      %2 = arith.index_cast %arg2 : index to i64
      %3 = arith.addi %2, %c10_i64 : i64
      %4 = arith.minsi %3, %c68_i64 : i64
      %5 = arith.subi %4, %2 : i64
      %6 = arith.subi %c10_i64, %5 : i64
      %7 = arith.addi %2, %c68_i64 : i64
      %8 = arith.cmpi sge, %2, %c0_i64 : i64
      %9 = arith.select %8, %2, %7 : i64
      %10 = arith.maxsi %9, %c0_i64 : i64
      %11 = arith.minsi %10, %c68_i64 : i64
      %12 = arith.index_cast %11 : i64 to index
      %13 = arith.index_cast %4 : i64 to index
      %14 = arith.cmpi slt, %13, %c0 : index
      %15 = arith.addi %13, %c68 : index
      %16 = arith.select %14, %15, %13 : index
      %17 = arith.cmpi slt, %16, %c0 : index
      %18 = arith.select %17, %c-1, %16 : index
      %19 = arith.minsi %18, %c68 : index
      %20 = arith.subi %19, %12 : index
      %21 = arith.maxsi %20, %c0 : index
      %extracted_slice = tensor.extract_slice %arg0[%12] [%21] [1] : tensor<68xf32> to tensor<?xf32>
      %22 = arith.index_cast %6 : i64 to index
      %padded = tensor.pad %extracted_slice low[0] high[%22] {
      ^bb0(%arg4: index):
        tensor.yield %cst : f32
      } : tensor<?xf32> to tensor<10xf32>
      %23 = tensor.empty() : tensor<10xf32>
      %24 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel"]} ins(%padded, %arg1 : tensor<10xf32>, tensor<10xf32>) outs(%23 : tensor<10xf32>) {
      ^bb0(%in: f32, %in_2: f32, %out: f32):
        %35 = arith.mulf %in, %in_2 : f32
        linalg.yield %35 : f32
      } -> tensor<10xf32>
      %25 = tensor.empty() : tensor<12xf32>
      %26 = linalg.fill ins(%cst : f32) outs(%25 : tensor<12xf32>) -> tensor<12xf32>
      %27 = linalg.vecmat ins(%24, %cst_0 : tensor<10xf32>, tensor<10x12xf32>) outs(%26 : tensor<12xf32>) -> tensor<12xf32>
      %expanded = tensor.expand_shape %27 [[0, 1]] output_shape [6, 2] : tensor<12xf32> into tensor<6x2xf32>
      %28 = tensor.empty() : tensor<6xcomplex<f32>>
      %29 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel"]} outs(%28 : tensor<6xcomplex<f32>>) {
      ^bb0(%out: complex<f32>):
        %35 = linalg.index 0 : index
        %extracted = tensor.extract %expanded[%35, %c0] : tensor<6x2xf32>
        %extracted_2 = tensor.extract %expanded[%35, %c1] : tensor<6x2xf32>
        %36 = complex.create %extracted, %extracted_2 : complex<f32>
        linalg.yield %36 : complex<f32>
      } -> tensor<6xcomplex<f32>>
      %expanded_1 = tensor.expand_shape %29 [[0, 1]] output_shape [6, 1] : tensor<6xcomplex<f32>> into tensor<6x1xcomplex<f32>>
      %30 = arith.addi %2, %c59_i64 : i64
      %31 = arith.select %8, %2, %30 : i64
      %32 = arith.maxsi %31, %c0_i64 : i64
      %33 = arith.minsi %32, %c59_i64 : i64
      %34 = arith.index_cast %33 : i64 to index
      %inserted_slice = tensor.insert_slice %expanded_1 into %arg3[0, %34] [6, 1] [1, 1] : tensor<6x1xcomplex<f32>> into tensor<6x59xcomplex<f32>>
      scf.yield %inserted_slice : tensor<6x59xcomplex<f32>>
    }
    return %1 : tensor<6x59xcomplex<f32>>
  }
}
