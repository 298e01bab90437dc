#map = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d5, d6)>
#map1 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
#map2 = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d2, d3)>
#map3 = affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>
#map4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
module {
  func.func @forward(%arg0: tensor<512x10x16x17xf32>) -> tensor<512x7x13x15xf32> {
    %c1 = arith.constant 1 : index
    %c10 = arith.constant 10 : index
    %c16 = arith.constant 16 : index
    %c17 = arith.constant 17 : index
    %c7 = arith.constant 7 : index
    %c13 = arith.constant 13 : index
    %c15 = arith.constant 15 : index
    %cst = arith.constant 0.000000e+00 : f32
    %0 = tensor.empty() : tensor<3x3x3xi1>
    %1 = tensor.empty() : tensor<7x13x15xf32>
    %2 = tensor.empty() : tensor<512x7x13x15xf32>
    %3 = linalg.fill ins(%cst : f32) outs(%2 : tensor<512x7x13x15xf32>) -> tensor<512x7x13x15xf32>
    %padded = tensor.pad %arg0 low[0, 0, 0, 0] high[0, 1, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index):
      tensor.yield %cst : f32
    } : tensor<512x10x16x17xf32> to tensor<512x11x17x18xf32>
    %4:2 = linalg.generic {indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%0 : tensor<3x3x3xi1>) outs(%3, %1 : tensor<512x7x13x15xf32>, tensor<7x13x15xf32>) {
    ^bb0(%in: i1, %out: f32, %out_0: f32):
      %6 = linalg.index 0 : index
      %7 = linalg.index 1 : index
      %8 = linalg.index 2 : index
      %9 = linalg.index 3 : index
      %10 = linalg.index 4 : index
      %11 = linalg.index 5 : index
      %12 = linalg.index 6 : index
      %13 = arith.muli %7, %c10 : index
      %14 = arith.floordivsi %13, %c7 : index
      %15 = arith.addi %7, %c1 : index
      %16 = arith.muli %15, %c10 : index
      %17 = arith.subi %16, %c1 : index
      %18 = arith.floordivsi %17, %c7 : index
      %19 = arith.addi %18, %c1 : index
      %20 = arith.muli %8, %c16 : index
      %21 = arith.floordivsi %20, %c13 : index
      %22 = arith.addi %8, %c1 : index
      %23 = arith.muli %22, %c16 : index
      %24 = arith.subi %23, %c1 : index
      %25 = arith.floordivsi %24, %c13 : index
      %26 = arith.addi %25, %c1 : index
      %27 = arith.muli %9, %c17 : index
      %28 = arith.floordivsi %27, %c15 : index
      %29 = arith.addi %9, %c1 : index
      %30 = arith.muli %29, %c17 : index
      %31 = arith.subi %30, %c1 : index
      %32 = arith.floordivsi %31, %c15 : index
      %33 = arith.addi %32, %c1 : index
      %34 = arith.addi %14, %10 : index
      %35 = arith.addi %21, %11 : index
      %36 = arith.addi %28, %12 : index
      %extracted = tensor.extract %padded[%6, %34, %35, %36] : tensor<512x11x17x18xf32>
      %37 = arith.cmpi ult, %34, %19 : index
      %38 = arith.select %37, %extracted, %cst : f32
      %39 = arith.cmpi ult, %35, %26 : index
      %40 = arith.select %39, %38, %cst : f32
      %41 = arith.cmpi ult, %36, %33 : index
      %42 = arith.select %41, %40, %cst : f32
      %43 = arith.addf %42, %out : f32
      %44 = arith.subi %19, %14 : index
      %45 = arith.subi %26, %21 : index
      %46 = arith.muli %44, %45 : index
      %47 = arith.subi %33, %28 : index
      %48 = arith.muli %46, %47 : index
      %49 = arith.index_cast %48 : index to i64
      %50 = arith.sitofp %49 : i64 to f32
      linalg.yield %43, %50 : f32, f32
    } -> (tensor<512x7x13x15xf32>, tensor<7x13x15xf32>)
    %5 = linalg.generic {indexing_maps = [#map3, #map4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%4#1 : tensor<7x13x15xf32>) outs(%4#0 : tensor<512x7x13x15xf32>) {
    ^bb0(%in: f32, %out: f32):
      %6 = arith.divf %out, %in : f32
      linalg.yield %6 : f32
    } -> tensor<512x7x13x15xf32>
    return %5 : tensor<512x7x13x15xf32>
  }
}
