//===- WeightPacking.h - Packed weight layouts of the CPU kernels -*- C++
//-*-===//
//
// The layouts in which the compiler stores constant weights for the CPU
// kernels (CPUKernels.h). Packing runs at compile time; the kernels read the
// result. Both sides include this header, so each layout is defined once.
//
// A layout cuts B[K, N] into panels of `panelWidth` output columns (zeros
// past N) and K into groups of `kGroup` rows (zeros past K). Panel p holds,
// for each group q in order, its columns j, and for each column the group's
// rows r:
//
//   packed[((p * groups + q) * panelWidth + j) * kGroup + r]
//       = B[q * kGroup + r, p * panelWidth + j]
//
// so one vector load of `kGroup` rows of consecutive columns is the weight
// operand of one instruction: f32 FMA (kGroup 1), `vpmaddwd` on i16 pairs
// (kGroup 2, bytes widened on load), `vpdpbusd` on byte quads (kGroup 4).
//
//===----------------------------------------------------------------------===//

#ifndef SQZ_RUNTIME_WEIGHTPACKING_H
#define SQZ_RUNTIME_WEIGHTPACKING_H

#include <cstdint>

namespace sqzrt {

inline int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

/// The packed layout of one kernel's weight.
struct GemmLayout {
  int64_t panelWidth;
  int64_t kGroup;

  int64_t panels(int64_t n) const { return ceilDiv(n, panelWidth); }
  int64_t groups(int64_t k) const { return ceilDiv(k, kGroup); }
  /// Elements of the packed form of a K x N weight.
  int64_t packedSize(int64_t k, int64_t n) const {
    return panels(n) * groups(k) * panelWidth * kGroup;
  }
  /// Elements of one panel.
  int64_t panelSize(int64_t k) const { return groups(k) * panelWidth * kGroup; }
  /// N padded to whole panels.
  int64_t paddedColumns(int64_t n) const { return panels(n) * panelWidth; }
};

/// The layouts of the kernels.
inline constexpr GemmLayout kGemmF32Avx2Layout{16, 1};
inline constexpr GemmLayout kGemmF32Avx512Layout{32, 1};
inline constexpr GemmLayout kGemmS8Avx2Layout{16, 2};
inline constexpr GemmLayout kGemmS8Avx512VnniLayout{64, 4};

/// Layouts of the weight-only quantized kernels (codes of 8 or 4 bits
/// unpacked in registers, f32 arithmetic): per k, a panel's codes take
/// `panelWidth` bytes (8-bit) or `panelWidth / 2` (4-bit; byte j holds
/// column j in its low nibble and column j + panelWidth / 2 in its high one,
/// each as code + 8). Codes are signed: `c = q - bias`, bias 0 for signed
/// storage and 2^(bits - 1) for unsigned, and zero points shift with them.
inline constexpr GemmLayout kGemmQuantAvx2Layout{16, 1};
inline constexpr GemmLayout kGemmQuantAvx512Layout{32, 1};

/// Bytes of the packed codes of a K x N weight of `bits`-bit codes.
inline int64_t quantPackedBytes(GemmLayout layout, int64_t k, int64_t n,
                                int bits) {
  return layout.panels(n) * k * layout.panelWidth * bits / 8;
}

/// Packs the codes of a K x N weight (one stored code per byte, its low
/// `bits` bits significant, read as signed or unsigned; [K, N], or [N, K]
/// when `transposed`) into `packed` (`quantPackedBytes` bytes), as signed
/// codes `q - bias`.
void packGemmQuantCodes(const int8_t *codes, int64_t k, int64_t n,
                        bool transposed, int bits, bool isSigned,
                        GemmLayout layout, int8_t *packed);

/// The bias subtracted from unsigned codes: 2^(bits - 1), 0 when signed.
inline int32_t quantCodeBias(int bits, bool isSigned) {
  return isSigned ? 0 : 1 << (bits - 1);
}

/// Packs per-group parameters `values[g * n + j]` (groups of K rows x N
/// columns) as [panel][group][column] (`layout.paddedColumns(n) * groups`
/// floats, zero past N).
void packGemmGroupParams(const float *values, int64_t groups, int64_t n,
                         GemmLayout layout, float *packed);

/// Packs the K x N weight B, stored row-major as [K, N] or, when
/// `transposed`, as [N, K], into `packed` (`layout.packedSize(k, n)`
/// elements).
void packGemmWeight(const float *weight, int64_t k, int64_t n, bool transposed,
                    GemmLayout layout, float *packed);
void packGemmWeight(const int8_t *weight, int64_t k, int64_t n, bool transposed,
                    GemmLayout layout, int8_t *packed);

/// Writes `-128 * sum_k B[k, n]` into `correction`
/// (`layout.paddedColumns(n)` entries, zero past N): the accumulator start
/// of the VNNI kernel, whose activations are offset by 128.
void gemmS8OffsetCorrection(const int8_t *weight, int64_t k, int64_t n,
                            bool transposed, GemmLayout layout,
                            int32_t *correction);

} // namespace sqzrt

#endif // SQZ_RUNTIME_WEIGHTPACKING_H
