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

/// Layout of the weight-only kernels on int8 dot products (AVX-512 VNNI,
/// activations quantized to int8 at run time): panels of 64 columns, K in
/// quads (zeros past K). Per panel and quad, the codes as unsigned bytes
/// `c + 2^(bits - 1)` (`vpdpbusd`'s unsigned operand), four vectors of 16
/// columns x 4 rows: 8-bit, byte `4 j + r` of the quad's 256 is column j,
/// row r; 4-bit, 128 bytes, block h of 64 (columns [32 h, 32 h + 32)) holds
/// at byte `4 L + r` column 32 h + L in its low nibble and column
/// 32 h + 16 + L in its high one: the kernel multiplies the bytes as they
/// are and their high nibbles (one AND) and separates the two sums at the
/// end of a group.
inline constexpr GemmLayout kGemmQuantVnniLayout{64, 4};

/// The largest group of K the int8-compute kernels take: a group's i32
/// sums of unsigned codes (at most 255, or 16 x 15 for the 4-bit kernel's
/// high nibbles in place) times int8 activations (at most 127 in magnitude)
/// stay below 2^31.
inline constexpr int64_t kQuantVnniMaxGroup = 65536;

/// Bytes of the VNNI-packed codes of a K x N weight of `bits`-bit codes.
inline int64_t quantVnniPackedBytes(int64_t k, int64_t n, int bits) {
  return kGemmQuantVnniLayout.packedSize(k, n) * bits / 8;
}

/// Packs the codes of a K x N weight (as packGemmQuantCodes takes them)
/// into `packed` (`quantVnniPackedBytes` bytes) in kGemmQuantVnniLayout.
void packGemmQuantCodesVnni(const int8_t *codes, int64_t k, int64_t n,
                            bool transposed, int bits, bool isSigned,
                            uint8_t *packed);

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

/// 2:4 sparse weights: two kept values in every group of four rows of K (K a
/// multiple of 4). Panels of `kSparse24Panel` columns (zeros past N); panel
/// p, group q (of K / 4) holds its columns' kept values in order,
///
///   values[((p * groups + q) * kSparse24Panel + j) * 2 + s]
///       = kept value s of column j of the panel in group q,
///
/// and one 32-bit metadata word `meta[p * groups + q]`. f32: bits
/// 2 * (2 j + s) hold the position (0..3) of kept value s of column j within
/// its group: one `vpermps` index per lane of [column][slot]. s8: bits 4 j
/// hold the index in `kSparse24Pairs` of column j's two positions: one
/// `vpermd` index into a table of byte shuffles, and the copy of the
/// activations' pair that the tile reads.
inline constexpr int64_t kSparse24Panel = 8;
inline constexpr int kSparse24Pairs[6][2] = {{0, 1}, {0, 2}, {0, 3},
                                             {1, 2}, {1, 3}, {2, 3}};
inline int64_t sparse24Groups(int64_t k) { return k / 4; }
/// Elements of the packed values, and of the metadata words.
inline int64_t sparse24ValuesSize(int64_t k, int64_t n) {
  return ceilDiv(n, kSparse24Panel) * sparse24Groups(k) * kSparse24Panel * 2;
}
inline int64_t sparse24MetaSize(int64_t k, int64_t n) {
  return ceilDiv(n, kSparse24Panel) * sparse24Groups(k);
}

/// Packs a 2:4 weight stored as `values` and `positions` (one position per
/// byte, strictly increasing within a group), both [K / 2, N], or [N, K / 2]
/// when `transposed`: kept value s of group q of column j at index 2 q + s
/// along K. Returns false when a group's positions are not two increasing
/// values in [0, 4).
bool packSparse24(const float *values, const uint8_t *positions, int64_t k,
                  int64_t n, bool transposed, float *packed, uint32_t *meta);
bool packSparse24(const int8_t *values, const uint8_t *positions, int64_t k,
                  int64_t n, bool transposed, int8_t *packed, uint32_t *meta);

} // namespace sqzrt

#endif // SQZ_RUNTIME_WEIGHTPACKING_H
