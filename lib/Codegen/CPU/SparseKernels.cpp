//===- SparseKernels.cpp - sqz.matmul on 2:4 sparse kernels ---------------===//

#include "SparseKernels.h"
#include "DequantizeEpilogue.h"
#include "QuantizeKernels.h"

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"
#include "sqz/Runtime/WeightPacking.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace mlir::sqz;

namespace {

/// An `sqz.matmul` `x[M, K] W[K, N] (+ b)` with a constant 2:4 W (sparse
/// along K), read into the kernels' terms.
struct Sparse24Layer {
  MatmulOp op;
  PackOp pack;
  int64_t k, n;
  bool transposed;
  /// int8 codes on both sides (the activation an `sqz.quantize`d or packed
  /// symmetric i8 tensor, the weight symmetric i8 codes) rather than f32.
  bool integer;
  /// The kept values' and positions' bytes, as stored.
  ConstantBytes values, positions;
};

/// Whether `quant` is a symmetric signed 8-bit scheme with one scale, or one
/// per index of `axis`.
bool isSymmetricInt8(QuantAttr quant, int64_t axis) {
  if (!quant || !quant.getSymmetric() || quant.getStorageWidth() != 8 ||
      !quant.getStorageSigned())
    return false;
  return quant.getGranularity() == GranularityKind::PerTensor ||
         (quant.getGranularity() == GranularityKind::PerChannel &&
          quant.getAxis() == axis);
}

/// The layer `op` is, or failure when the kernels do not take it.
FailureOr<Sparse24Layer> matchSparse24Layer(MatmulOp op) {
  auto rhsType = dyn_cast<SqzTensorType>(op.getRhs().getType());
  auto resultType = cast<RankedTensorType>(op.getType());
  if (!rhsType || rhsType.getRank() != 2 || !rhsType.hasStaticShape() ||
      !resultType.getElementType().isF32())
    return failure();
  Sparse24Layer layer;
  layer.op = op;
  layer.transposed = op.getRhsTransposed();
  int64_t channelAxis = layer.transposed ? 0 : 1;
  int64_t reductionAxis = 1 - channelAxis;
  SparsityAttr sparsity = rhsType.getSparsity();
  if (!sparsity || sparsity.getKind() != SparsityKind::NM ||
      sparsity.getN() != 2 || sparsity.getM() != 4 ||
      sparsity.getAxis() != reductionAxis)
    return failure();
  layer.k = rhsType.getShape()[reductionAxis];
  layer.n = rhsType.getShape()[channelAxis];
  if (layer.k % 4 || layer.k == 0)
    return failure();

  // The activation: f32 [M, K] or [B, M, K] for an f32 weight; symmetric
  // i8 [M, K] for i8 weight codes.
  QuantAttr weightQuant = rhsType.getQuant();
  if (!weightQuant) {
    auto lhsType = dyn_cast<RankedTensorType>(op.getLhs().getType());
    if (!lhsType || (lhsType.getRank() != 2 && lhsType.getRank() != 3) ||
        !lhsType.getElementType().isF32() || !rhsType.getElementType().isF32())
      return failure();
    layer.integer = false;
  } else {
    auto lhsType = dyn_cast<SqzTensorType>(op.getLhs().getType());
    if (!lhsType || lhsType.getRank() != 2 ||
        (lhsType.getSparsity() && !lhsType.getSparsity().isDense()) ||
        !isSymmetricInt8(lhsType.getQuant(), 0) ||
        !isSymmetricInt8(weightQuant, channelAxis))
      return failure();
    layer.integer = true;
  }

  layer.pack = op.getRhs().getDefiningOp<PackOp>();
  // Kept values with positions; scales exactly when the codes are int8.
  if (!layer.pack || !layer.pack.getMetadata() || layer.pack.getZeroPoints() ||
      static_cast<bool>(layer.pack.getScales()) != layer.integer)
    return failure();
  std::string why;
  std::optional<ConstantBytes> values =
      readConstantBytes(layer.pack.getValues(), why);
  std::optional<ConstantBytes> positions =
      readConstantBytes(layer.pack.getMetadata(), why);
  if (!values || !positions ||
      values->type.getElementTypeBitWidth() != (layer.integer ? 8 : 32) ||
      positions->type.getElementTypeBitWidth() > 8)
    return failure();
  layer.values = *values;
  layer.positions = *positions;
  return layer;
}

/// The stored bytes of `data` with a splat expanded to `count` elements of
/// `T`.
template <typename T>
std::vector<T> expandedCopy(const ConstantBytes &data, int64_t count) {
  std::vector<T> copy(count);
  if (data.splat) {
    T value;
    std::memcpy(&value, data.raw.data(), sizeof(T));
    std::fill(copy.begin(), copy.end(), value);
  } else {
    std::memcpy(copy.data(), data.raw.data(), count * sizeof(T));
  }
  return copy;
}

/// The dense [K, N] weight of a 2:4 layer's kept values (zeros elsewhere),
/// or nothing when a group's positions are not two increasing values in
/// [0, 4).
template <typename T>
std::optional<std::vector<T>>
decompressSparse24(const std::vector<T> &values,
                   const std::vector<uint8_t> &positions, int64_t k, int64_t n,
                   bool transposed) {
  int64_t half = k / 2;
  std::vector<T> dense(k * n, T(0));
  for (int64_t column = 0; column < n; ++column)
    for (int64_t q = 0; q < k / 4; ++q) {
      int64_t first = transposed ? column * half + 2 * q : 2 * q * n + column;
      int64_t second = transposed ? first + 1 : first + n;
      int p0 = positions[first], p1 = positions[second];
      if (p0 >= p1 || p1 > 3)
        return std::nullopt;
      dense[(4 * q + p0) * n + column] = values[first];
      dense[(4 * q + p1) * n + column] = values[second];
    }
  return dense;
}

/// The globals of the dense VNNI kernel (`sqz_cpu_gemm_s8_avx512vnni`) for
/// a 2:4 int8 layer: its packed dense weight and the correction of the
/// activations' offset by 128. Null globals when the positions are no 2:4
/// pattern.
std::pair<memref::GlobalOp, memref::GlobalOp>
denseVnniGlobals(KernelCallBuilder &builder, const Sparse24Layer &layer,
                 const std::vector<uint8_t> &positions) {
  int64_t k = layer.k, n = layer.n;
  std::optional<std::vector<int8_t>> dense =
      decompressSparse24(expandedCopy<int8_t>(layer.values, k / 2 * n),
                         positions, k, n, layer.transposed);
  if (!dense)
    return {};
  RewriterBase &rewriter = builder.getRewriter();
  sqzrt::GemmLayout layout = sqzrt::kGemmS8Avx512VnniLayout;
  memref::GlobalOp packed = builder.createGlobal(
      "__sqz_packed_weight", rewriter.getI8Type(), layout.packedSize(k, n),
      [&](char *data) {
        sqzrt::packGemmWeight(dense->data(), k, n, /*transposed=*/false, layout,
                              reinterpret_cast<int8_t *>(data));
      });
  memref::GlobalOp correction = builder.createGlobal(
      "__sqz_weight_correction", rewriter.getI32Type(), layout.paddedColumns(n),
      [&](char *data) {
        sqzrt::gemmS8OffsetCorrection(dense->data(), k, n,
                                      /*transposed=*/false, layout,
                                      reinterpret_cast<int32_t *>(data));
      });
  return {packed, correction};
}

/// `sitofp(acc) * (xScale * wScale)` per element of the i32 product `acc`
/// (as the reference lowering computes the scales of an integer matmul):
/// xScale per row or one, wScale per column or one.
Value applyScales(OpBuilder &b, Location loc, Value acc, Value xScales,
                  bool xPerTensor, Value wScales, bool wPerTensor,
                  RankedTensorType resultType) {
  MLIRContext *context = b.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(2, context);
  // One scale (a rank-0 or one-element tensor) or one per index of `dim`.
  auto scaleMap = [&](Value scales, bool perTensor, unsigned dim) {
    auto type = cast<RankedTensorType>(scales.getType());
    if (!perTensor)
      return AffineMap::get(2, 0, getAffineDimExpr(dim, context));
    SmallVector<AffineExpr> zeros(type.getRank(),
                                  getAffineConstantExpr(0, context));
    return AffineMap::get(2, 0, zeros, context);
  };
  SmallVector<Value> sizes;
  if (resultType.isDynamicDim(0))
    sizes.push_back(tensor::DimOp::create(b, loc, acc, 0));
  Value init = tensor::EmptyOp::create(b, loc, resultType, sizes);
  SmallVector<AffineMap> maps = {identity, scaleMap(xScales, xPerTensor, 0),
                                 scaleMap(wScales, wPerTensor, 1), identity};
  return linalg::GenericOp::create(
             b, loc, resultType, ValueRange{acc, xScales, wScales}, init, maps,
             ArrayRef<utils::IteratorType>{utils::IteratorType::parallel,
                                           utils::IteratorType::parallel},
             [](OpBuilder &nb, Location l, ValueRange args) {
               Type f32 = nb.getF32Type();
               Value value = arith::SIToFPOp::create(nb, l, f32, args[0]);
               Value scale = arith::MulFOp::create(nb, l, args[1], args[2]);
               Value scaled = arith::MulFOp::create(nb, l, value, scale);
               linalg::YieldOp::create(nb, l, scaled);
             })
      .getResult(0);
}

/// Rows of activation (M, or B x M) from which an f32 2:4 layer runs on the
/// dense AVX-512 f32 kernel, on its weight decompressed at compile time,
/// where the target has AVX-512. The sparse kernel (AVX2) skips half the
/// multiply-adds, but on half-width registers and with a broadcast per
/// kept value: on an Intel Xeon, 128x4096x4096 took 81.7 ms on it against
/// 39.5 ms dense; one row (a GEMV, bound by the weight's bytes) 2.2 ms
/// against 4.9 ms dense, so short and dynamic activations keep it.
constexpr int64_t kDenseF32Rows = 16;

/// Whether `layer`'s activation has statically at least kDenseF32Rows rows.
bool hasManyRows(Sparse24Layer &layer) {
  auto type = cast<ShapedType>(layer.op.getLhs().getType());
  int64_t rows = 1;
  for (int64_t size : type.getShape().drop_back()) {
    if (ShapedType::isDynamic(size))
      return false;
    rows *= size;
  }
  return rows >= kDenseF32Rows;
}

/// Replaces the f32 `layer` by the dense AVX-512 f32 kernel on its weight
/// decompressed and packed at compile time, then its bias. Fails when the
/// positions are no 2:4 pattern.
LogicalResult rewriteAsDenseF32(KernelCallBuilder &builder,
                                Sparse24Layer &layer,
                                const std::vector<uint8_t> &positions) {
  int64_t k = layer.k, n = layer.n;
  std::optional<std::vector<float>> dense =
      decompressSparse24(expandedCopy<float>(layer.values, k / 2 * n),
                         positions, k, n, layer.transposed);
  if (!dense)
    return failure();
  RewriterBase &rewriter = builder.getRewriter();
  sqzrt::GemmLayout layout = sqzrt::kGemmF32Avx512Layout;
  memref::GlobalOp packed = builder.createGlobal(
      "__sqz_packed_weight", rewriter.getF32Type(), layout.packedSize(k, n),
      [&](char *data) {
        sqzrt::packGemmWeight(dense->data(), k, n, /*transposed=*/false, layout,
                              reinterpret_cast<float *>(data));
      });
  MatmulOp op = layer.op;
  rewriter.setInsertionPoint(op);
  Value y = builder.emitRowsCall(
      op.getLoc(), "sqz_cpu_gemm_f32_avx512", op.getLhs(),
      cast<RankedTensorType>(op.getType()), {packed}, {}, op.getBias());
  rewriter.replaceOp(op, y);
  return success();
}

/// Replaces an int8 `layer` by `kernel` (taking the activation codes and
/// `globals`, giving the i32 product) and the reference's epilogue: the
/// scales, then the bias. With `scaledKernel` (its variant that applies
/// the epilogue to the sums in registers, `gemm_s8_scaled_*` on `layout`),
/// per-row activation scales and constant per-column weight scales (and
/// bias) are applied there instead, in the same order of operations; with
/// `quantizingKernel` too (`gemm_s8_quantized_*`), an activation quantized
/// dynamically per row is quantized by that kernel as it packs it.
void emitIntegerCall(KernelCallBuilder &builder, Sparse24Layer &layer,
                     StringRef kernel, ArrayRef<memref::GlobalOp> globals,
                     StringRef scaledKernel = {}, sqzrt::GemmLayout layout = {},
                     StringRef quantizingKernel = {}) {
  RewriterBase &rewriter = builder.getRewriter();
  MatmulOp op = layer.op;
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  auto resultType = cast<RankedTensorType>(op.getType());
  auto lhsType = cast<SqzTensorType>(op.getLhs().getType());
  auto unpack = UnpackOp::create(
      rewriter, loc, unpackPartTypes(op.getLhs(), lhsType), op.getLhs());
  auto perTensor = [](Type type) {
    return cast<SqzTensorType>(type).getQuant().getGranularity() ==
           GranularityKind::PerTensor;
  };
  bool rowAndColumnScales =
      !perTensor(lhsType) && !perTensor(op.getRhs().getType());
  if (!scaledKernel.empty() && rowAndColumnScales &&
      resultType.getRank() == 2) {
    std::optional<std::vector<float>> columns =
        constantColumnValues(layer.pack.getScales(), layer.n);
    std::optional<std::vector<float>> bias =
        op.getBias() ? constantColumnValues(op.getBias(), layer.n)
                     : std::vector<float>();
    if (columns && bias) {
      QuantizeOp quantize =
          quantizingKernel.empty()
              ? nullptr
              : quantizationOf(unpack.getResult(0), unpack.getResult(1));
      // The scaled kernel is the VNNI one: it applies a GELU or residual
      // add that follows too; the call goes at that op, where its residual
      // is defined.
      std::optional<EpilogueTail> tail =
          matchEpilogueTail(op.getResult(), /*withGelu=*/true);
      if (tail)
        rewriter.setInsertionPoint(tail->op);
      const EpilogueTail *applied = tail ? &*tail : nullptr;
      Value y =
          quantize
              ? emitDequantizedCall(
                    builder, loc, quantizingKernel, layout, quantize.getInput(),
                    quantizationBounds(rewriter, loc, quantize), *columns,
                    *bias, resultType, SmallVector<memref::GlobalOp>(globals),
                    applied, /*withActivation=*/true)
              : emitDequantizedCall(
                    builder, loc, scaledKernel, layout, unpack.getResult(0),
                    builder.readOnlyBuffer(loc, unpack.getResult(1)), *columns,
                    *bias, resultType, SmallVector<memref::GlobalOp>(globals),
                    applied, /*withActivation=*/true);
      if (tail) {
        replaceTail(rewriter, *tail, y);
        rewriter.eraseOp(op);
      } else {
        rewriter.replaceOp(op, y);
      }
      if (quantize)
        rewriter.eraseOp(unpack);
      return;
    }
  }
  auto accType =
      RankedTensorType::get(resultType.getShape(), rewriter.getI32Type());
  Value acc =
      builder.emitCall(loc, kernel, unpack.getResult(0), accType, globals, {});
  Value y = applyScales(rewriter, loc, acc, unpack.getResult(1),
                        perTensor(lhsType), layer.pack.getScales(),
                        perTensor(op.getRhs().getType()), resultType);
  if (Value bias = op.getBias())
    y = addColumnBias(rewriter, loc, y, bias);
  rewriter.replaceOp(op, y);
}

/// Replaces `layer` by a call of its kernel on the packed weight. Fails
/// (changing nothing) when the stored positions are not a 2:4 pattern.
/// With `denseVnni`, an int8 layer runs on the dense VNNI kernel instead, on
/// its weight decompressed at compile time (see rewriteSparse24Layers); with
/// `avx512`, an f32 layer with many rows runs on the dense AVX-512 kernel and
/// one with few on the sparse kernel's 512-bit rows.
LogicalResult rewriteLayer(KernelCallBuilder &builder, Sparse24Layer &layer,
                           bool denseVnni, bool avx512) {
  RewriterBase &rewriter = builder.getRewriter();
  int64_t k = layer.k, n = layer.n, kept = k / 2 * n;
  std::vector<uint8_t> positions = expandedCopy<uint8_t>(layer.positions, kept);
  for (uint8_t &position : positions)
    position &= 3; // Stored i2, one to a byte, possibly sign-extended.

  if (layer.integer && denseVnni) {
    auto [packed, correction] = denseVnniGlobals(builder, layer, positions);
    if (!packed)
      return failure();
    emitIntegerCall(builder, layer, "sqz_cpu_gemm_s8_avx512vnni",
                    {packed, correction}, "sqz_cpu_gemm_s8_scaled_avx512vnni",
                    sqzrt::kGemmS8Avx512VnniLayout,
                    "sqz_cpu_gemm_s8_quantized_avx512vnni");
    return success();
  }
  if (!layer.integer && avx512 && hasManyRows(layer))
    return rewriteAsDenseF32(builder, layer, positions);

  // ---- Packed values and metadata -----------------------------------------
  int64_t valueCount = sqzrt::sparse24ValuesSize(k, n);
  std::vector<uint32_t> meta(sqzrt::sparse24MetaSize(k, n));
  auto packValues = [&](auto element, Type type) -> memref::GlobalOp {
    using T = decltype(element);
    std::vector<T> stored = expandedCopy<T>(layer.values, kept);
    std::vector<T> data(valueCount);
    if (!sqzrt::packSparse24(stored.data(), positions.data(), k, n,
                             layer.transposed, data.data(), meta.data()))
      return {};
    return builder.createGlobal(
        "__sqz_sparse_values", type, valueCount, [&](char *out) {
          std::memcpy(out, data.data(), data.size() * sizeof(T));
        });
  };
  memref::GlobalOp values = layer.integer
                                ? packValues(int8_t(), rewriter.getI8Type())
                                : packValues(float(), rewriter.getF32Type());
  if (!values)
    return failure();
  memref::GlobalOp metadata = builder.createGlobal(
      "__sqz_sparse_meta", rewriter.getI32Type(), meta.size(), [&](char *out) {
        std::memcpy(out, meta.data(), meta.size() * sizeof(uint32_t));
      });

  // ---- The call and its epilogue ------------------------------------------
  if (layer.integer) {
    emitIntegerCall(builder, layer, "sqz_cpu_gemm_sp24_s8_avx2",
                    {values, metadata});
    return success();
  }
  MatmulOp op = layer.op;
  rewriter.setInsertionPoint(op);
  Value y = builder.emitRowsCall(
      op.getLoc(),
      avx512 ? "sqz_cpu_gemm_sp24_f32_avx512" : "sqz_cpu_gemm_sp24_f32_avx2",
      op.getLhs(), cast<RankedTensorType>(op.getType()), {values, metadata}, {},
      op.getBias());
  rewriter.replaceOp(op, y);
  return success();
}

} // namespace

void mlir::sqz::rewriteSparse24Layers(ModuleOp module,
                                      KernelCallBuilder &builder,
                                      const TargetCPU &cpu,
                                      SmallVectorImpl<Operation *> &producers) {
  // The kernels are written for AVX2 with FMA; AVX-512 machines run them too.
  // With AVX-512 VNNI, the dense `vpdpbusd` kernel on the decompressed int8
  // weight does four multiply-adds per byte lane where the AVX2 sparse tile
  // does one per i16 pair lane and skips half: on MiniLM's 1024-row layers
  // it is about 7x faster, so int8 layers take it until a VNNI sparse
  // kernel exists. Results are the same (exact integer sums).
  if (!cpu.hasAvx2Fma())
    return;
  bool denseVnni = cpu.hasAvx512Vnni(), avx512 = cpu.hasAvx512();
  SmallVector<Sparse24Layer> layers;
  module.walk([&](MatmulOp op) {
    if (FailureOr<Sparse24Layer> layer = matchSparse24Layer(op);
        succeeded(layer))
      layers.push_back(std::move(*layer));
  });
  for (Sparse24Layer &layer : layers) {
    PackOp pack = layer.pack;
    Operation *activation = layer.op.getLhs().getDefiningOp();
    if (failed(rewriteLayer(builder, layer, denseVnni, avx512)))
      continue;
    producers.push_back(pack);
    if (activation)
      producers.push_back(activation);
  }
}
