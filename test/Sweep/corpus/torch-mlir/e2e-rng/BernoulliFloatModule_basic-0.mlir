#map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
#map1 = affine_map<(d0, d1, d2) -> ()>
#map2 = affine_map<() -> ()>
#map3 = affine_map<(d0, d1, d2) -> (0, 0, 0)>
module {
  ml_program.global private mutable @global_seed(dense<0> : tensor<i64>) : tensor<i64>
  func.func @forward(%arg0: tensor<512x512x16xf64>, %arg1: tensor<512x512x16xf64>) -> (tensor<512x512x16xf64>, tensor<512x512x16xf64>, tensor<2xf64>, tensor<2xf64>) {
    %c1442695040888963407_i64 = arith.constant 1442695040888963407 : i64
    %c6364136223846793005_i64 = arith.constant 6364136223846793005 : i64
    %cst = arith.constant 0x4150000000000000 : f64
    %cst_0 = arith.constant 5.4210107999999998E-20 : f64
    %cst_1 = arith.constant 0.000000e+00 : f64
    %c32_i64 = arith.constant 32 : i64
    %c16_i64 = arith.constant 16 : i64
    %c512_i64 = arith.constant 512 : i64
    %cst_2 = arith.constant 0x414FFFFF80000000 : f64
    %cst_3 = arith.constant dense<0.69999999999999996> : tensor<f64>
    %cst_4 = arith.constant dense<4.000000e-01> : tensor<f64>
    %global_seed = ml_program.global_load @global_seed : tensor<i64>
    %extracted = tensor.extract %global_seed[] : tensor<i64>
    %0 = arith.muli %extracted, %c6364136223846793005_i64 : i64
    %1 = arith.addi %0, %c1442695040888963407_i64 : i64
    %inserted = tensor.insert %1 into %global_seed[] : tensor<i64>
    ml_program.global_store @global_seed = %inserted : tensor<i64>
    %2 = tensor.empty() : tensor<512x512x16xf64>
    %3 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel", "parallel"]} outs(%2 : tensor<512x512x16xf64>) {
    ^bb0(%out: f64):
      %34 = linalg.index 0 : index
      %35 = arith.index_cast %34 : index to i64
      %36 = linalg.index 1 : index
      %37 = arith.index_cast %36 : index to i64
      %38 = linalg.index 2 : index
      %39 = arith.index_cast %38 : index to i64
      %40 = arith.muli %35, %c512_i64 : i64
      %41 = arith.addi %40, %37 : i64
      %42 = arith.muli %41, %c16_i64 : i64
      %43 = arith.addi %42, %39 : i64
      %44 = arith.muli %43, %1 : i64
      %45 = arith.addi %44, %1 : i64
      %46 = arith.muli %44, %44 : i64
      %47 = arith.addi %46, %44 : i64
      %48 = arith.shli %47, %c32_i64 : i64
      %49 = arith.shrui %47, %c32_i64 : i64
      %50 = arith.ori %48, %49 : i64
      %51 = arith.muli %50, %50 : i64
      %52 = arith.addi %51, %45 : i64
      %53 = arith.shli %52, %c32_i64 : i64
      %54 = arith.shrui %52, %c32_i64 : i64
      %55 = arith.ori %53, %54 : i64
      %56 = arith.muli %55, %55 : i64
      %57 = arith.addi %56, %44 : i64
      %58 = arith.shli %57, %c32_i64 : i64
      %59 = arith.shrui %57, %c32_i64 : i64
      %60 = arith.ori %58, %59 : i64
      %61 = arith.muli %60, %60 : i64
      %62 = arith.addi %61, %45 : i64
      %63 = arith.shli %62, %c32_i64 : i64
      %64 = arith.shrui %62, %c32_i64 : i64
      %65 = arith.ori %63, %64 : i64
      %66 = arith.muli %65, %65 : i64
      %67 = arith.addi %66, %44 : i64
      %68 = arith.shrui %67, %c32_i64 : i64
      %69 = arith.xori %62, %68 : i64
      %70 = arith.uitofp %69 : i64 to f64
      %71 = arith.mulf %70, %cst_0 : f64
      %72 = arith.addf %71, %cst_1 : f64
      linalg.yield %72 : f64
    } -> tensor<512x512x16xf64>
    %4 = tensor.empty() : tensor<512x512x16xi1>
    %5 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%3, %cst_4 : tensor<512x512x16xf64>, tensor<f64>) outs(%4 : tensor<512x512x16xi1>) {
    ^bb0(%in: f64, %in_12: f64, %out: i1):
      %34 = arith.cmpf olt, %in, %in_12 : f64
      linalg.yield %34 : i1
    } -> tensor<512x512x16xi1>
    %6 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%5 : tensor<512x512x16xi1>) outs(%2 : tensor<512x512x16xf64>) {
    ^bb0(%in: i1, %out: f64):
      %34 = arith.uitofp %in : i1 to f64
      linalg.yield %34 : f64
    } -> tensor<512x512x16xf64>
    %global_seed_5 = ml_program.global_load @global_seed : tensor<i64>
    %extracted_6 = tensor.extract %global_seed_5[] : tensor<i64>
    %7 = arith.muli %extracted_6, %c6364136223846793005_i64 : i64
    %8 = arith.addi %7, %c1442695040888963407_i64 : i64
    %inserted_7 = tensor.insert %8 into %global_seed_5[] : tensor<i64>
    ml_program.global_store @global_seed = %inserted_7 : tensor<i64>
    %9 = linalg.generic {indexing_maps = [#map], iterator_types = ["parallel", "parallel", "parallel"]} outs(%2 : tensor<512x512x16xf64>) {
    ^bb0(%out: f64):
      %34 = linalg.index 0 : index
      %35 = arith.index_cast %34 : index to i64
      %36 = linalg.index 1 : index
      %37 = arith.index_cast %36 : index to i64
      %38 = linalg.index 2 : index
      %39 = arith.index_cast %38 : index to i64
      %40 = arith.muli %35, %c512_i64 : i64
      %41 = arith.addi %40, %37 : i64
      %42 = arith.muli %41, %c16_i64 : i64
      %43 = arith.addi %42, %39 : i64
      %44 = arith.muli %43, %8 : i64
      %45 = arith.addi %44, %8 : i64
      %46 = arith.muli %44, %44 : i64
      %47 = arith.addi %46, %44 : i64
      %48 = arith.shli %47, %c32_i64 : i64
      %49 = arith.shrui %47, %c32_i64 : i64
      %50 = arith.ori %48, %49 : i64
      %51 = arith.muli %50, %50 : i64
      %52 = arith.addi %51, %45 : i64
      %53 = arith.shli %52, %c32_i64 : i64
      %54 = arith.shrui %52, %c32_i64 : i64
      %55 = arith.ori %53, %54 : i64
      %56 = arith.muli %55, %55 : i64
      %57 = arith.addi %56, %44 : i64
      %58 = arith.shli %57, %c32_i64 : i64
      %59 = arith.shrui %57, %c32_i64 : i64
      %60 = arith.ori %58, %59 : i64
      %61 = arith.muli %60, %60 : i64
      %62 = arith.addi %61, %45 : i64
      %63 = arith.shli %62, %c32_i64 : i64
      %64 = arith.shrui %62, %c32_i64 : i64
      %65 = arith.ori %63, %64 : i64
      %66 = arith.muli %65, %65 : i64
      %67 = arith.addi %66, %44 : i64
      %68 = arith.shrui %67, %c32_i64 : i64
      %69 = arith.xori %62, %68 : i64
      %70 = arith.uitofp %69 : i64 to f64
      %71 = arith.mulf %70, %cst_0 : f64
      %72 = arith.addf %71, %cst_1 : f64
      linalg.yield %72 : f64
    } -> tensor<512x512x16xf64>
    %10 = linalg.generic {indexing_maps = [#map, #map1, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%9, %cst_3 : tensor<512x512x16xf64>, tensor<f64>) outs(%4 : tensor<512x512x16xi1>) {
    ^bb0(%in: f64, %in_12: f64, %out: i1):
      %34 = arith.cmpf olt, %in, %in_12 : f64
      linalg.yield %34 : i1
    } -> tensor<512x512x16xi1>
    %11 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%10 : tensor<512x512x16xi1>) outs(%2 : tensor<512x512x16xf64>) {
    ^bb0(%in: i1, %out: f64):
      %34 = arith.uitofp %in : i1 to f64
      linalg.yield %34 : f64
    } -> tensor<512x512x16xf64>
    %12 = tensor.empty() : tensor<f64>
    %13 = linalg.fill ins(%cst_1 : f64) outs(%12 : tensor<f64>) -> tensor<f64>
    %14 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction", "reduction"]} ins(%6 : tensor<512x512x16xf64>) outs(%13 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.addf %in, %out : f64
      linalg.yield %34 : f64
    } -> tensor<f64>
    %15 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%14 : tensor<f64>) outs(%12 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.divf %in, %cst : f64
      linalg.yield %34 : f64
    } -> tensor<f64>
    %expanded = tensor.expand_shape %15 [] output_shape [1] : tensor<f64> into tensor<1xf64>
    %16 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction", "reduction"]} ins(%11 : tensor<512x512x16xf64>) outs(%13 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.addf %in, %out : f64
      linalg.yield %34 : f64
    } -> tensor<f64>
    %17 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%16 : tensor<f64>) outs(%12 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.divf %in, %cst : f64
      linalg.yield %34 : f64
    } -> tensor<f64>
    %expanded_8 = tensor.expand_shape %17 [] output_shape [1] : tensor<f64> into tensor<1xf64>
    %concat = tensor.concat dim(0) %expanded, %expanded_8 : (tensor<1xf64>, tensor<1xf64>) -> tensor<2xf64>
    %18 = tensor.empty() : tensor<1x1x1xf64>
    %19 = linalg.fill ins(%cst_1 : f64) outs(%18 : tensor<1x1x1xf64>) -> tensor<1x1x1xf64>
    %20 = linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["reduction", "reduction", "reduction"]} ins(%6 : tensor<512x512x16xf64>) outs(%19 : tensor<1x1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.addf %in, %out : f64
      linalg.yield %34 : f64
    } -> tensor<1x1x1xf64>
    %21 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%20 : tensor<1x1x1xf64>) outs(%18 : tensor<1x1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.divf %in, %cst : f64
      linalg.yield %34 : f64
    } -> tensor<1x1x1xf64>
    %22 = linalg.generic {indexing_maps = [#map, #map3, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%6, %21 : tensor<512x512x16xf64>, tensor<1x1x1xf64>) outs(%2 : tensor<512x512x16xf64>) {
    ^bb0(%in: f64, %in_12: f64, %out: f64):
      %34 = arith.subf %in, %in_12 : f64
      linalg.yield %34 : f64
    } -> tensor<512x512x16xf64>
    %23 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%22, %22 : tensor<512x512x16xf64>, tensor<512x512x16xf64>) outs(%2 : tensor<512x512x16xf64>) {
    ^bb0(%in: f64, %in_12: f64, %out: f64):
      %34 = arith.mulf %in, %in_12 : f64
      linalg.yield %34 : f64
    } -> tensor<512x512x16xf64>
    %24 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction", "reduction"]} ins(%23 : tensor<512x512x16xf64>) outs(%13 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.addf %in, %out : f64
      linalg.yield %34 : f64
    } -> tensor<f64>
    %25 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%24 : tensor<f64>) outs(%12 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.divf %in, %cst_2 : f64
      linalg.yield %34 : f64
    } -> tensor<f64>
    %26 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%25 : tensor<f64>) outs(%12 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = math.sqrt %in : f64
      linalg.yield %34 : f64
    } -> tensor<f64>
    %expanded_9 = tensor.expand_shape %26 [] output_shape [1] : tensor<f64> into tensor<1xf64>
    %27 = linalg.generic {indexing_maps = [#map, #map3], iterator_types = ["reduction", "reduction", "reduction"]} ins(%11 : tensor<512x512x16xf64>) outs(%19 : tensor<1x1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.addf %in, %out : f64
      linalg.yield %34 : f64
    } -> tensor<1x1x1xf64>
    %28 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%27 : tensor<1x1x1xf64>) outs(%18 : tensor<1x1x1xf64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.divf %in, %cst : f64
      linalg.yield %34 : f64
    } -> tensor<1x1x1xf64>
    %29 = linalg.generic {indexing_maps = [#map, #map3, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%11, %28 : tensor<512x512x16xf64>, tensor<1x1x1xf64>) outs(%2 : tensor<512x512x16xf64>) {
    ^bb0(%in: f64, %in_12: f64, %out: f64):
      %34 = arith.subf %in, %in_12 : f64
      linalg.yield %34 : f64
    } -> tensor<512x512x16xf64>
    %30 = linalg.generic {indexing_maps = [#map, #map, #map], iterator_types = ["parallel", "parallel", "parallel"]} ins(%29, %29 : tensor<512x512x16xf64>, tensor<512x512x16xf64>) outs(%2 : tensor<512x512x16xf64>) {
    ^bb0(%in: f64, %in_12: f64, %out: f64):
      %34 = arith.mulf %in, %in_12 : f64
      linalg.yield %34 : f64
    } -> tensor<512x512x16xf64>
    %31 = linalg.generic {indexing_maps = [#map, #map1], iterator_types = ["reduction", "reduction", "reduction"]} ins(%30 : tensor<512x512x16xf64>) outs(%13 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.addf %in, %out : f64
      linalg.yield %34 : f64
    } -> tensor<f64>
    %32 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%31 : tensor<f64>) outs(%12 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = arith.divf %in, %cst_2 : f64
      linalg.yield %34 : f64
    } -> tensor<f64>
    %33 = linalg.generic {indexing_maps = [#map2, #map2], iterator_types = []} ins(%32 : tensor<f64>) outs(%12 : tensor<f64>) {
    ^bb0(%in: f64, %out: f64):
      %34 = math.sqrt %in : f64
      linalg.yield %34 : f64
    } -> tensor<f64>
    %expanded_10 = tensor.expand_shape %33 [] output_shape [1] : tensor<f64> into tensor<1xf64>
    %concat_11 = tensor.concat dim(0) %expanded_9, %expanded_10 : (tensor<1xf64>, tensor<1xf64>) -> tensor<2xf64>
    return %6, %11, %concat, %concat_11 : tensor<512x512x16xf64>, tensor<512x512x16xf64>, tensor<2xf64>, tensor<2xf64>
  }
}
