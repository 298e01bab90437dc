#map = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d5, d6, d7)>
#map1 = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3, d4)>
module {
  func.func @forward(%arg0: tensor<1x512x10x16x17xf32>) -> (tensor<1x512x7x13x15xf32>, tensor<1x512x7x13x15xi64>) {
    %c10 = arith.constant 10 : index
    %c16 = arith.constant 16 : index
    %c17 = arith.constant 17 : index
    %c7 = arith.constant 7 : index
    %c13 = arith.constant 13 : index
    %c15 = arith.constant 15 : index
    %c1 = arith.constant 1 : index
    %cst = arith.constant 0xFF800000 : f32
    %c0 = arith.constant 0 : index
    %0 = tensor.empty() : tensor<3x3x3xi1>
    %1 = tensor.empty() : tensor<1x512x7x13x15xi64>
    %2 = tensor.empty() : tensor<1x512x7x13x15xf32>
    %3 = linalg.fill ins(%cst : f32) outs(%2 : tensor<1x512x7x13x15xf32>) -> tensor<1x512x7x13x15xf32>
    %padded = tensor.pad %arg0 low[0, 0, 0, 0, 0] high[0, 0, 1, 1, 1] {
    ^bb0(%arg1: index, %arg2: index, %arg3: index, %arg4: index, %arg5: index):
      tensor.yield %cst : f32
    } : tensor<1x512x10x16x17xf32> to tensor<1x512x11x17x18xf32>
    %4:2 = linalg.generic {indexing_maps = [#map, #map1, #map1], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%0 : tensor<3x3x3xi1>) outs(%3, %1 : tensor<1x512x7x13x15xf32>, tensor<1x512x7x13x15xi64>) {
    ^bb0(%in: i1, %out: f32, %out_0: i64):
      %5 = linalg.index 1 : index
      %6 = linalg.index 2 : index
      %7 = linalg.index 3 : index
      %8 = linalg.index 4 : index
      %9 = linalg.index 5 : index
      %10 = linalg.index 6 : index
      %11 = linalg.index 7 : index
      %12 = arith.muli %6, %c10 : index
      %13 = arith.floordivsi %12, %c7 : index
      %14 = arith.addi %6, %c1 : index
      %15 = arith.muli %14, %c10 : index
      %16 = arith.subi %15, %c1 : index
      %17 = arith.floordivsi %16, %c7 : index
      %18 = arith.addi %17, %c1 : index
      %19 = arith.muli %7, %c16 : index
      %20 = arith.floordivsi %19, %c13 : index
      %21 = arith.addi %7, %c1 : index
      %22 = arith.muli %21, %c16 : index
      %23 = arith.subi %22, %c1 : index
      %24 = arith.floordivsi %23, %c13 : index
      %25 = arith.addi %24, %c1 : index
      %26 = arith.muli %8, %c17 : index
      %27 = arith.floordivsi %26, %c15 : index
      %28 = arith.addi %8, %c1 : index
      %29 = arith.muli %28, %c17 : index
      %30 = arith.subi %29, %c1 : index
      %31 = arith.floordivsi %30, %c15 : index
      %32 = arith.addi %31, %c1 : index
      %33 = arith.addi %13, %9 : index
      %34 = arith.addi %20, %10 : index
      %35 = arith.addi %27, %11 : index
      %extracted = tensor.extract %padded[%c0, %5, %33, %34, %35] : tensor<1x512x11x17x18xf32>
      %36 = arith.cmpi ult, %33, %18 : index
      %37 = arith.select %36, %extracted, %cst : f32
      %38 = arith.cmpi ult, %34, %25 : index
      %39 = arith.select %38, %37, %cst : f32
      %40 = arith.cmpi ult, %35, %32 : index
      %41 = arith.select %40, %39, %cst : f32
      %42 = arith.cmpf ogt, %41, %out : f32
      %43 = arith.select %42, %41, %out : f32
      %44 = arith.muli %33, %c16 : index
      %45 = arith.addi %44, %34 : index
      %46 = arith.muli %45, %c17 : index
      %47 = arith.addi %46, %35 : index
      %48 = arith.index_cast %47 : index to i64
      %49 = arith.select %42, %48, %out_0 : i64
      linalg.yield %43, %49 : f32, i64
    } -> (tensor<1x512x7x13x15xf32>, tensor<1x512x7x13x15xi64>)
    return %4#0, %4#1 : tensor<1x512x7x13x15xf32>, tensor<1x512x7x13x15xi64>
  }
}
