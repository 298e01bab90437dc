//===- CPUKernels.cpp - The table of CPU kernel symbols -------------------===//

#include "sqz/Runtime/CPUKernels.h"
#include "sqz/Runtime/BufferCache.h"

#include <iterator>

using namespace sqzrt;

#define SQZ_KERNEL(name) {#name, reinterpret_cast<void *>(&name)}

static const KernelSymbol kSymbols[] = {
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_f32_avx2),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_f32_avx512),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_batch_matmul_f32_avx2),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_batch_matmul_f32_avx512),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_q8_avx2),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_q8_avx512),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_q4_avx2),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_q4_avx512),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_q8a8_avx512vnni),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_q4a8_avx512vnni),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_s8_avx2),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_s8_avx512vnni),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_s8_scaled_avx2),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_s8_scaled_avx512vnni),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_s8_quantized_avx512vnni),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_sp24_f32_avx2),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_sp24_f32_avx512),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_gemm_sp24_s8_avx2),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_quantize_row_scales_avx512),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_quantize_rows_s8_avx512),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_layer_norm_rows_f32_avx512),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_softmax_rows_f32_avx512),
    SQZ_KERNEL(_mlir_ciface_sqz_cpu_softmax_rows_masked_f32_avx512),
    // The buffers of the compiled code (BufferCache.h).
    SQZ_KERNEL(_mlir_memref_to_llvm_alloc),
    SQZ_KERNEL(_mlir_memref_to_llvm_aligned_alloc),
    SQZ_KERNEL(_mlir_memref_to_llvm_free),
};

#undef SQZ_KERNEL

const KernelSymbol *sqzrt::cpuKernelSymbols(int &count) {
  count = static_cast<int>(std::size(kSymbols));
  return kSymbols;
}
