// A rank-0 sub-byte constant has no axis to pack along: its code keeps a
// byte of its own, and every path that lowers it (the reference lowering,
// the CPU pipeline, sqz-run) gives the dequantized value.

// RUN: sqz-opt %s --convert-sqz-to-linalg | FileCheck %s
// CHECK-LABEL: func.func @i4_scalar
//   CHECK-NOT:   sqz.
// RUN: sqz-run %s --entry i4_scalar | FileCheck %s --check-prefix=I4
// I4: out0: float32 () [-1.75]
// RUN: sqz-run %s --entry u2_scalar | FileCheck %s --check-prefix=U2
// U2: out0: float32 () [0.5]

func.func @i4_scalar() -> tensor<f32> {
  %c = arith.constant dense<-7> : tensor<i4>
  %s = arith.constant dense<0.25> : tensor<f32>
  %p = sqz.pack %c scales(%s : tensor<f32>) : tensor<i4> -> !sqz.tensor<f32, #sqz.quant<i4, per_tensor, symmetric>>
  %d = sqz.dequantize %p : !sqz.tensor<f32, #sqz.quant<i4, per_tensor, symmetric>> -> tensor<f32>
  return %d : tensor<f32>
}

func.func @u2_scalar() -> tensor<f32> {
  %c = arith.constant dense<3> : tensor<i2>
  %s = arith.constant dense<0.25> : tensor<f32>
  %z = arith.constant dense<1> : tensor<i32>
  %p = sqz.pack %c scales(%s : tensor<f32>) zero_points(%z : tensor<i32>) : tensor<i2> -> !sqz.tensor<f32, #sqz.quant<u2, per_tensor, asymmetric>>
  %d = sqz.dequantize %p : !sqz.tensor<f32, #sqz.quant<u2, per_tensor, asymmetric>> -> tensor<f32>
  return %d : tensor<f32>
}
