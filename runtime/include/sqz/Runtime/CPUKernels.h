//===- CPUKernels.h - The CPU kernels that compiled models call -*- C++ -*-===//
//
// Matrix kernels on weights packed at compile time, called from the code
// that `sqz-lower-to-cpu` generates. Each kernel is a C function
// `_mlir_ciface_<name>` whose arguments are pointers to MLIR's strided memref
// descriptors (the `llvm.emit_c_interface` convention of a bodiless
// `func.func`), so the compiled code passes the buffers it owns and keeps
// them alive across the call. Every kernel exists per instruction set; the
// compiler picks one from the target CPU's features and packs the weight in
// that kernel's layout (WeightPacking.h).
//
// This header has no LLVM or MLIR dependency: the runtime library is linked
// into `sqz-run` and into compiled models alike.
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_CPUKERNELS_H
#define SQZ_RUNTIME_CPUKERNELS_H

#include <cstdint>

namespace sqzrt {

/// MLIR's descriptor of a strided memref of rank `Rank`: the element at
/// (i, j) of a 2-D one is `aligned[offset + i * strides[0] + j * strides[1]]`.
template <typename T, int Rank> struct MemRef {
  T *allocated;
  T *aligned;
  int64_t offset;
  int64_t sizes[Rank];
  int64_t strides[Rank];

  T *data() const { return aligned + offset; }
};

/// The activation a scaled int8 kernel applies after its dequantization
/// (the `activation` operand of `gemm_s8_scaled_avx512vnni` and
/// `gemm_s8_quantized_avx512vnni`).
enum class EpilogueActivation : int64_t {
  None = 0,
  /// x * ((erf(x / sqrt 2) + 1) * 0.5), torch's exact GELU.
  GeluErf = 1,
};

/// One kernel's C symbol and address, for a JIT to resolve.
struct KernelSymbol {
  const char *name;
  void *address;
};

/// Every kernel of the library, with its `_mlir_ciface_` symbol name.
/// `count` receives the number of entries.
const KernelSymbol *cpuKernelSymbols(int &count);

} // namespace sqzrt

/// The kernels. `gemm_f32_*`: C[M, N] = A[M, K] x B[K, N] in f32.
/// `gemm_s8_*`: the same in i32 on signed 8-bit codes, exact (wrapping like
/// the i32 reference). B is packed by `packGemmWeight` in the layout of the
/// kernel's `GemmLayout` (WeightPacking.h); A and C may have any strides.
/// `threads` is the number of threads to use, all hardware threads when 0.
/// `correction` (VNNI only) holds `-128 * sum_k B[k, n]` per padded column:
/// `vpdpbusd` multiplies unsigned by signed bytes, so A is offset by 128.
extern "C" {
void _mlir_ciface_sqz_cpu_gemm_f32_avx2(sqzrt::MemRef<float, 2> *c,
                                        sqzrt::MemRef<float, 2> *a,
                                        sqzrt::MemRef<float, 1> *packed,
                                        int64_t threads);
void _mlir_ciface_sqz_cpu_gemm_f32_avx512(sqzrt::MemRef<float, 2> *c,
                                          sqzrt::MemRef<float, 2> *a,
                                          sqzrt::MemRef<float, 1> *packed,
                                          int64_t threads);
/// `batch_matmul_f32_*`: C[i] = A[i] x B[i] in f32 for each i of the
/// batch, both operands run-time values of any strides (B is packed on the
/// fly); C is the caller's buffer, of unit column stride.
void _mlir_ciface_sqz_cpu_batch_matmul_f32_avx2(sqzrt::MemRef<float, 3> *c,
                                                sqzrt::MemRef<float, 3> *a,
                                                sqzrt::MemRef<float, 3> *b,
                                                int64_t threads);
void _mlir_ciface_sqz_cpu_batch_matmul_f32_avx512(sqzrt::MemRef<float, 3> *c,
                                                  sqzrt::MemRef<float, 3> *a,
                                                  sqzrt::MemRef<float, 3> *b,
                                                  int64_t threads);
/// `gemm_q{8,4}_*`: C = A x dequantize(B) in f32, B's codes packed by
/// `packGemmQuantCodes`, its scales (and zero points `z - bias`, or an empty
/// memref when symmetric) by `packGemmGroupParams`, one per group of K rows
/// and column; the number of groups is the scales' size over the padded
/// columns.
void _mlir_ciface_sqz_cpu_gemm_q8_avx2(sqzrt::MemRef<float, 2> *c,
                                       sqzrt::MemRef<float, 2> *a,
                                       sqzrt::MemRef<int8_t, 1> *codes,
                                       sqzrt::MemRef<float, 1> *scales,
                                       sqzrt::MemRef<float, 1> *zeros,
                                       int64_t threads);
void _mlir_ciface_sqz_cpu_gemm_q8_avx512(sqzrt::MemRef<float, 2> *c,
                                         sqzrt::MemRef<float, 2> *a,
                                         sqzrt::MemRef<int8_t, 1> *codes,
                                         sqzrt::MemRef<float, 1> *scales,
                                         sqzrt::MemRef<float, 1> *zeros,
                                         int64_t threads);
void _mlir_ciface_sqz_cpu_gemm_q4_avx2(sqzrt::MemRef<float, 2> *c,
                                       sqzrt::MemRef<float, 2> *a,
                                       sqzrt::MemRef<int8_t, 1> *codes,
                                       sqzrt::MemRef<float, 1> *scales,
                                       sqzrt::MemRef<float, 1> *zeros,
                                       int64_t threads);
void _mlir_ciface_sqz_cpu_gemm_q4_avx512(sqzrt::MemRef<float, 2> *c,
                                         sqzrt::MemRef<float, 2> *a,
                                         sqzrt::MemRef<int8_t, 1> *codes,
                                         sqzrt::MemRef<float, 1> *scales,
                                         sqzrt::MemRef<float, 1> *zeros,
                                         int64_t threads);
/// `gemm_q{8,4}a8_avx512vnni`: the same operands (codes packed by
/// `packGemmQuantCodesVnni`, parameters in 64-column panels), but A is
/// quantized at run time to symmetric int8 per row and group of K and the
/// codes multiplied on `vpdpbusd`: within the activations' rounding of the
/// reference, not float rounding (`weight-only-compute=int8`). A group of
/// more than one must be a whole number of quads of K, and no group longer
/// than kQuantVnniMaxGroup.
void _mlir_ciface_sqz_cpu_gemm_q8a8_avx512vnni(sqzrt::MemRef<float, 2> *c,
                                               sqzrt::MemRef<float, 2> *a,
                                               sqzrt::MemRef<int8_t, 1> *codes,
                                               sqzrt::MemRef<float, 1> *scales,
                                               sqzrt::MemRef<float, 1> *zeros,
                                               int64_t threads);
void _mlir_ciface_sqz_cpu_gemm_q4a8_avx512vnni(sqzrt::MemRef<float, 2> *c,
                                               sqzrt::MemRef<float, 2> *a,
                                               sqzrt::MemRef<int8_t, 1> *codes,
                                               sqzrt::MemRef<float, 1> *scales,
                                               sqzrt::MemRef<float, 1> *zeros,
                                               int64_t threads);
void _mlir_ciface_sqz_cpu_gemm_s8_avx2(sqzrt::MemRef<int32_t, 2> *c,
                                       sqzrt::MemRef<int8_t, 2> *a,
                                       sqzrt::MemRef<int8_t, 1> *packed,
                                       int64_t threads);
void _mlir_ciface_sqz_cpu_gemm_s8_avx512vnni(
    sqzrt::MemRef<int32_t, 2> *c, sqzrt::MemRef<int8_t, 2> *a,
    sqzrt::MemRef<int8_t, 1> *packed, sqzrt::MemRef<int32_t, 1> *correction,
    int64_t threads);
/// `gemm_s8_scaled_*`: the int8 kernels with the W8A8 layer's
/// dequantization applied to each sum in registers: C[m, n] (f32) =
/// `float(acc) * (rowScales[m] * columnScales[n]) + bias[n]`, in that order
/// of operations (bit-identical to the reference's epilogue); `columnScales`
/// and `bias` padded to whole panels, `bias` empty when there is none,
/// `rowScales` of any stride. Then, what the layer's next elementwise op
/// does, before the one store: on AVX-512, GELU in its erf form when
/// `activation` is `EpilogueActivation::GeluErf` (x * ((erf(x / sqrt 2) +
/// 1) * 0.5), erf within 2 ulp), and `+ addend[m, n]` (a residual, any
/// strides) when `addend` has rows.
void _mlir_ciface_sqz_cpu_gemm_s8_scaled_avx2(
    sqzrt::MemRef<float, 2> *c, sqzrt::MemRef<int8_t, 2> *a,
    sqzrt::MemRef<int8_t, 1> *packed, sqzrt::MemRef<float, 1> *columnScales,
    sqzrt::MemRef<float, 1> *bias, sqzrt::MemRef<float, 1> *rowScales,
    sqzrt::MemRef<float, 2> *addend, int64_t threads);
void _mlir_ciface_sqz_cpu_gemm_s8_scaled_avx512vnni(
    sqzrt::MemRef<float, 2> *c, sqzrt::MemRef<int8_t, 2> *a,
    sqzrt::MemRef<int8_t, 1> *packed, sqzrt::MemRef<int32_t, 1> *correction,
    sqzrt::MemRef<float, 1> *columnScales, sqzrt::MemRef<float, 1> *bias,
    sqzrt::MemRef<float, 1> *rowScales, sqzrt::MemRef<float, 2> *addend,
    int64_t activation, int64_t threads);
/// `quantize_*`: the dynamic symmetric quantization of activations, one
/// scale per row, bit-identical to the reference lowering's (a NaN in a row
/// gives it a NaN scale, and a NaN quotient the code 0). `row_scales`:
/// `scales[i] = max_j |x[i, j]| / qmax`, 1 where that is 0; `rows_s8`:
/// `codes[i, j] = clamp(roundeven(x[i, j] / scales[i]), qmin, qmax)`, into
/// `codes` of unit column stride.
void _mlir_ciface_sqz_cpu_quantize_row_scales_avx512(
    sqzrt::MemRef<float, 1> *scales, sqzrt::MemRef<float, 2> *x, float qmax,
    int64_t threads);
void _mlir_ciface_sqz_cpu_quantize_rows_s8_avx512(
    sqzrt::MemRef<int8_t, 2> *codes, sqzrt::MemRef<float, 2> *x,
    sqzrt::MemRef<float, 1> *scales, float qmin, float qmax, int64_t threads);
/// `layer_norm_rows_f32_avx512`: y[i, :] = ((x[i, :] - mean) * rstd) *
/// gamma + beta with mean = sum_j x[i, j] / K in f32, rstd = 1 / sqrt(var +
/// epsilon), var the mean squared difference from the mean, computed in f64
/// from the row converted to f64 and rounded to f32 when `varianceF64`
/// (torch-mlir's decomposition), else in f32; each operation rounded as on
/// its own, the sums in another order than an in-order loop's. `y` of unit
/// column stride.
void _mlir_ciface_sqz_cpu_layer_norm_rows_f32_avx512(
    sqzrt::MemRef<float, 2> *y, sqzrt::MemRef<float, 2> *x,
    sqzrt::MemRef<float, 1> *gamma, sqzrt::MemRef<float, 1> *beta,
    float epsilon, int64_t varianceF64, int64_t threads);
/// `softmax_rows_f32_avx512`: y[i, :] = exp(x[i, :] - m) / sum_j exp(x[i, j]
/// - m) with m = max_j x[i, j] (NaN if one is NaN), row by row; `y` of unit
/// column stride. exp within 2 ulp, the sum in another order than an
/// in-order loop's.
void _mlir_ciface_sqz_cpu_softmax_rows_f32_avx512(sqzrt::MemRef<float, 2> *y,
                                                  sqzrt::MemRef<float, 2> *x,
                                                  int64_t threads);
/// `softmax_rows_masked_f32_avx512`: the same softmax of the rows of
/// `x * scale + mask[r(i), :]` (`x / scale` when `divides`), each operation
/// rounded as on its own; rows of x seen as [outer, broadcastRows,
/// innerRows] read the mask's row r(i) = outer * innerRows + inner (a mask
/// shared by the broadcastRows rows between). A mask of 0 rows adds nothing.
void _mlir_ciface_sqz_cpu_softmax_rows_masked_f32_avx512(
    sqzrt::MemRef<float, 2> *y, sqzrt::MemRef<float, 2> *x,
    sqzrt::MemRef<float, 2> *mask, float scale, int64_t divides,
    int64_t broadcastRows, int64_t innerRows, int64_t threads);
/// `gemm_s8_quantized_avx512vnni`: `gemm_s8_scaled_avx512vnni` on f32
/// activations X that it quantizes itself as the W8A8 layer's dynamic
/// per-token quantization does (the `quantize_*` kernels' scales and codes,
/// bit for bit), as it packs their rows: A = codes(X), rowScales = their
/// scales, in one call and on its threads.
void _mlir_ciface_sqz_cpu_gemm_s8_quantized_avx512vnni(
    sqzrt::MemRef<float, 2> *c, sqzrt::MemRef<float, 2> *x,
    sqzrt::MemRef<int8_t, 1> *packed, sqzrt::MemRef<int32_t, 1> *correction,
    sqzrt::MemRef<float, 1> *columnScales, sqzrt::MemRef<float, 1> *bias,
    float qmin, float qmax, sqzrt::MemRef<float, 2> *addend, int64_t activation,
    int64_t threads);
/// `gemm_sp24_*`: C = A x B with B 2:4 sparse along K (K a multiple of 4),
/// its kept values and metadata packed by `packSparse24`; f32, or i32 on
/// signed 8-bit codes (exact, wrapping like the i32 reference).
void _mlir_ciface_sqz_cpu_gemm_sp24_f32_avx2(sqzrt::MemRef<float, 2> *c,
                                             sqzrt::MemRef<float, 2> *a,
                                             sqzrt::MemRef<float, 1> *values,
                                             sqzrt::MemRef<int32_t, 1> *meta,
                                             int64_t threads);
/// `gemm_sp24_f32_avx512`: `gemm_sp24_f32_avx2` with its one-row products
/// on 512-bit vectors (the same sums, in another order).
void _mlir_ciface_sqz_cpu_gemm_sp24_f32_avx512(sqzrt::MemRef<float, 2> *c,
                                               sqzrt::MemRef<float, 2> *a,
                                               sqzrt::MemRef<float, 1> *values,
                                               sqzrt::MemRef<int32_t, 1> *meta,
                                               int64_t threads);
void _mlir_ciface_sqz_cpu_gemm_sp24_s8_avx2(sqzrt::MemRef<int32_t, 2> *c,
                                            sqzrt::MemRef<int8_t, 2> *a,
                                            sqzrt::MemRef<int8_t, 1> *values,
                                            sqzrt::MemRef<int32_t, 1> *meta,
                                            int64_t threads);
}

#endif // SQZ_RUNTIME_CPUKERNELS_H
