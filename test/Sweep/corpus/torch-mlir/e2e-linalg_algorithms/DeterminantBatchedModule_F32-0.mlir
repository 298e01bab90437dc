#map = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
#map1 = affine_map<(d0, d1, d2) -> (d0, 0, 0)>
#map2 = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map3 = affine_map<(d0, d1, d2) -> (d0, d1)>
#map4 = affine_map<(d0, d1) -> (d0, d1)>
#map5 = affine_map<(d0, d1) -> (d0)>
module {
  func.func @forward(%arg0: tensor<3x4x4xf32>) -> tensor<3xf32> {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %cst = arith.constant 0.000000e+00 : f32
    %cst_0 = arith.constant 1.000000e+00 : f32
    %c3 = arith.constant 3 : index
    %0 = tensor.empty() : tensor<3x4xf32>
    %1:2 = scf.for %arg1 = %c0 to %c3 step %c1 iter_args(%arg2 = %arg0, %arg3 = %0) -> (tensor<3x4x4xf32>, tensor<3x4xf32>) {
      %extracted_slice_1 = tensor.extract_slice %arg2[0, %arg1, 0] [3, 1, 4] [1, 1, 1] : tensor<3x4x4xf32> to tensor<3x1x4xf32>
      %extracted_slice_2 = tensor.extract_slice %arg2[0, %arg1, %arg1] [3, 1, 1] [1, 1, 1] : tensor<3x4x4xf32> to tensor<3x1x1xf32>
      %collapsed_3 = tensor.collapse_shape %extracted_slice_2 [[0], [1, 2]] : tensor<3x1x1xf32> into tensor<3x1xf32>
      %inserted_slice_4 = tensor.insert_slice %collapsed_3 into %arg3[0, %arg1] [3, 1] [1, 1] : tensor<3x1xf32> into tensor<3x4xf32>
      %5 = arith.addi %arg1, %c1 : index
      %6 = arith.subi %c3, %arg1 : index
      %extracted_slice_5 = tensor.extract_slice %arg2[0, %5, %arg1] [3, %6, 1] [1, 1, 1] : tensor<3x4x4xf32> to tensor<3x?xf32>
      %extracted_slice_6 = tensor.extract_slice %arg2[0, %5, 0] [3, %6, 4] [1, 1, 1] : tensor<3x4x4xf32> to tensor<3x?x4xf32>
      %7 = tensor.empty(%6) : tensor<3x?x4xf32>
      %8 = linalg.generic {indexing_maps = [#map, #map1, #map2, #map3, #map2], iterator_types = ["parallel", "parallel", "parallel"]} ins(%extracted_slice_1, %extracted_slice_2, %extracted_slice_6, %extracted_slice_5 : tensor<3x1x4xf32>, tensor<3x1x1xf32>, tensor<3x?x4xf32>, tensor<3x?xf32>) outs(%7 : tensor<3x?x4xf32>) {
      ^bb0(%in: f32, %in_8: f32, %in_9: f32, %in_10: f32, %out: f32):
        %9 = arith.divf %in_10, %in_8 : f32
        %10 = arith.cmpf one, %in_8, %cst : f32
        cf.assert %10, "unimplemented: determinants requiring permutations and singular matrices"
        %11 = arith.mulf %9, %in : f32
        %12 = arith.subf %in_9, %11 : f32
        linalg.yield %12 : f32
      } -> tensor<3x?x4xf32>
      %inserted_slice_7 = tensor.insert_slice %8 into %arg2[0, %5, 0] [3, %6, 4] [1, 1, 1] : tensor<3x?x4xf32> into tensor<3x4x4xf32>
      scf.yield %inserted_slice_7, %inserted_slice_4 : tensor<3x4x4xf32>, tensor<3x4xf32>
    }
    %extracted_slice = tensor.extract_slice %1#0[0, 3, 3] [3, 1, 1] [1, 1, 1] : tensor<3x4x4xf32> to tensor<3x1x1xf32>
    %collapsed = tensor.collapse_shape %extracted_slice [[0], [1, 2]] : tensor<3x1x1xf32> into tensor<3x1xf32>
    %inserted_slice = tensor.insert_slice %collapsed into %1#1[0, 3] [3, 1] [1, 1] : tensor<3x1xf32> into tensor<3x4xf32>
    %2 = tensor.empty() : tensor<3xf32>
    %3 = linalg.fill ins(%cst_0 : f32) outs(%2 : tensor<3xf32>) -> tensor<3xf32>
    %4 = linalg.generic {indexing_maps = [#map4, #map5], iterator_types = ["parallel", "reduction"]} ins(%inserted_slice : tensor<3x4xf32>) outs(%3 : tensor<3xf32>) {
    ^bb0(%in: f32, %out: f32):
      %5 = arith.mulf %in, %out : f32
      linalg.yield %5 : f32
    } -> tensor<3xf32>
    return %4 : tensor<3xf32>
  }
}
