//===- WeightOnlyKernels.cpp - sqz.matmul on quantized-weight kernels -----===//

#include "WeightOnlyKernels.h"

#include "sqz/Dialect/Sqz/IR/SqzOps.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"
#include "sqz/Runtime/WeightPacking.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <cstring>

using namespace mlir;
using namespace mlir::sqz;

namespace {

/// An `sqz.matmul` `x[M, K] W[K, N] (+ b)` with f32 activations and a
/// constant weight-only quantized W, read into the kernels' terms.
struct WeightOnlyLayer {
  MatmulOp op;
  PackOp pack;
  int64_t k, n;
  bool transposed;
  int bits;
  bool isSigned;
  /// Groups of K rows with one scale per column: K / group size, or 1.
  int64_t groups;
  /// The stored codes, one per byte.
  ConstantBytes codes;
  /// scales[g * n + j] and, when asymmetric, zero points minus the code
  /// bias, as f32.
  std::vector<float> scales, zeros;
};

/// Reads the `[groups, N]` parameter `value[g][j]` of a weight whose
/// parameters have the shape `quant.getParamShape(weight)` into `out`.
template <typename T>
void readGroupParams(const T *values, bool splat, QuantAttr quant,
                     bool transposed, int64_t groups, int64_t n,
                     std::vector<float> &out, float offset) {
  out.resize(groups * n);
  for (int64_t g = 0; g < groups; ++g)
    for (int64_t j = 0; j < n; ++j) {
      int64_t index = 0;
      if (splat || quant.getGranularity() == GranularityKind::PerTensor)
        index = 0;
      else if (quant.getGranularity() == GranularityKind::PerChannel)
        index = j;
      else // Per group along K: [K / G, N], or [N, K / G] when transposed.
        index = transposed ? j * groups + g : g * n + j;
      out[g * n + j] = static_cast<float>(values[index]) - offset;
    }
}

/// The layer `op` is, or failure when the kernels do not take it.
FailureOr<WeightOnlyLayer> matchWeightOnlyLayer(MatmulOp op) {
  auto lhsType = dyn_cast<RankedTensorType>(op.getLhs().getType());
  auto rhsType = dyn_cast<SqzTensorType>(op.getRhs().getType());
  auto resultType = cast<RankedTensorType>(op.getType());
  // Activations [M, K] or [B, M, K] (all rows against one weight).
  if (!lhsType || (lhsType.getRank() != 2 && lhsType.getRank() != 3) ||
      !lhsType.getElementType().isF32() || !rhsType || rhsType.getRank() != 2 ||
      !resultType.getElementType().isF32() || !rhsType.hasStaticShape())
    return failure();
  QuantAttr quant = rhsType.getQuant();
  SparsityAttr sparsity = rhsType.getSparsity();
  if (!quant || (sparsity && sparsity.getKind() != SparsityKind::Dense))
    return failure();
  WeightOnlyLayer layer;
  layer.op = op;
  layer.bits = quant.getStorageWidth();
  layer.isSigned = quant.getStorageSigned();
  if (layer.bits != 8 && layer.bits != 4)
    return failure();
  layer.transposed = op.getRhsTransposed();
  ArrayRef<int64_t> shape = rhsType.getShape();
  int64_t channelAxis = layer.transposed ? 0 : 1;
  int64_t reductionAxis = 1 - channelAxis;
  layer.k = shape[reductionAxis];
  layer.n = shape[channelAxis];
  switch (quant.getGranularity()) {
  case GranularityKind::PerTensor:
    layer.groups = 1;
    break;
  case GranularityKind::PerChannel:
    if (quant.getAxis() != channelAxis)
      return failure();
    layer.groups = 1;
    break;
  case GranularityKind::PerGroup:
    if (quant.getAxis() != reductionAxis || layer.k % quant.getGroupSize())
      return failure();
    layer.groups = layer.k / quant.getGroupSize();
    break;
  }

  layer.pack = op.getRhs().getDefiningOp<PackOp>();
  if (!layer.pack || layer.pack.getMetadata() || !layer.pack.getScales())
    return failure();
  std::string why;
  std::optional<ConstantBytes> codes =
      readConstantBytes(layer.pack.getValues(), why);
  std::optional<WeightData> scales =
      readConstantWeight(layer.pack.getScales(), why);
  if (!codes || codes->type.getElementTypeBitWidth() > 8 || !scales)
    return failure();
  layer.codes = *codes;
  readGroupParams(scales->values.data(), /*splat=*/false, quant,
                  layer.transposed, layer.groups, layer.n, layer.scales, 0.0f);
  if (Value zeroPoints = layer.pack.getZeroPoints()) {
    std::optional<ConstantBytes> zeros = readConstantBytes(zeroPoints, why);
    if (!zeros || !zeros->type.getElementType().isInteger(32))
      return failure();
    std::vector<int32_t> values(zeros->raw.size() / sizeof(int32_t));
    std::memcpy(values.data(), zeros->raw.data(), zeros->raw.size());
    readGroupParams(values.data(), zeros->splat, quant, layer.transposed,
                    layer.groups, layer.n, layer.zeros,
                    sqzrt::quantCodeBias(layer.bits, layer.isSigned));
  }
  return layer;
}

/// The kernel a layer runs on and the layout of its codes.
struct WeightOnlyKernel {
  std::string name;
  sqzrt::GemmLayout layout;
  /// Codes as unsigned bytes for `vpdpbusd` (packGemmQuantCodesVnni), not
  /// signed ones for conversion to f32 (packGemmQuantCodes).
  bool vnni;
};

/// The kernel for `layer` on `cpu` under `compute`. The int8 kernels take
/// groups of whole quads of K only (a group's quads are its dot products),
/// and of at most kQuantVnniMaxGroup (their i32 sums).
WeightOnlyKernel chooseKernel(const WeightOnlyLayer &layer,
                              const TargetCPU &cpu, WeightOnlyCompute compute) {
  std::string bits = std::to_string(layer.bits);
  int64_t groupSize = layer.k / layer.groups;
  if (compute == WeightOnlyCompute::Int8 && cpu.hasAvx512Vnni() &&
      (layer.groups == 1 || groupSize % 4 == 0) &&
      groupSize <= sqzrt::kQuantVnniMaxGroup)
    return {"sqz_cpu_gemm_q" + bits + "a8_avx512vnni",
            sqzrt::kGemmQuantVnniLayout, /*vnni=*/true};
  if (cpu.hasAvx512())
    return {"sqz_cpu_gemm_q" + bits + "_avx512", sqzrt::kGemmQuantAvx512Layout,
            /*vnni=*/false};
  return {"sqz_cpu_gemm_q" + bits + "_avx2", sqzrt::kGemmQuantAvx2Layout,
          /*vnni=*/false};
}

/// Replaces `layer` by a call of `kernel` on its packed codes and
/// parameters.
void rewriteLayer(KernelCallBuilder &builder, WeightOnlyLayer &layer,
                  const WeightOnlyKernel &kernel) {
  RewriterBase &rewriter = builder.getRewriter();
  sqzrt::GemmLayout layout = kernel.layout;
  int64_t k = layer.k, n = layer.n;
  std::vector<int8_t> expanded;
  const int8_t *codes =
      reinterpret_cast<const int8_t *>(layer.codes.raw.data());
  if (layer.codes.splat) {
    expanded.assign(k * n, codes[0]);
    codes = expanded.data();
  }
  SmallVector<memref::GlobalOp> globals;
  int64_t codeBytes = kernel.vnni
                          ? sqzrt::quantVnniPackedBytes(k, n, layer.bits)
                          : sqzrt::quantPackedBytes(layout, k, n, layer.bits);
  globals.push_back(builder.createGlobal(
      "__sqz_packed_codes", rewriter.getI8Type(), codeBytes, [&](char *data) {
        if (kernel.vnni)
          sqzrt::packGemmQuantCodesVnni(codes, k, n, layer.transposed,
                                        layer.bits, layer.isSigned,
                                        reinterpret_cast<uint8_t *>(data));
        else
          sqzrt::packGemmQuantCodes(codes, k, n, layer.transposed, layer.bits,
                                    layer.isSigned, layout,
                                    reinterpret_cast<int8_t *>(data));
      }));
  int64_t params = layout.paddedColumns(n) * layer.groups;
  auto packParams = [&](StringRef name, const std::vector<float> &values) {
    return builder.createGlobal(
        name, rewriter.getF32Type(), params, [&](char *data) {
          sqzrt::packGemmGroupParams(values.data(), layer.groups, n, layout,
                                     reinterpret_cast<float *>(data));
        });
  };
  globals.push_back(packParams("__sqz_packed_scales", layer.scales));

  Location loc = layer.op.getLoc();
  rewriter.setInsertionPoint(layer.op);
  // Symmetric: an empty memref says there are no zero points.
  Value zeros =
      layer.zeros.empty()
          ? builder.emptyBuffer(loc, rewriter.getF32Type())
          : builder.globalAsDynamic(
                loc, packParams("__sqz_packed_zero_points", layer.zeros));
  Value y = builder.emitRowsCall(loc, kernel.name, layer.op.getLhs(),
                                 cast<RankedTensorType>(layer.op.getType()),
                                 globals, zeros, layer.op.getBias());
  rewriter.replaceOp(layer.op, y);
}

} // namespace

void mlir::sqz::rewriteWeightOnlyLayers(
    ModuleOp module, KernelCallBuilder &builder, const TargetCPU &cpu,
    WeightOnlyCompute compute, SmallVectorImpl<Operation *> &producers) {
  if (!cpu.hasAvx512() && !cpu.hasAvx2Fma())
    return;
  SmallVector<WeightOnlyLayer> layers;
  module.walk([&](MatmulOp op) {
    if (FailureOr<WeightOnlyLayer> layer = matchWeightOnlyLayer(op);
        succeeded(layer))
      layers.push_back(std::move(*layer));
  });
  for (WeightOnlyLayer &layer : layers) {
    PackOp pack = layer.pack;
    rewriteLayer(builder, layer, chooseKernel(layer, cpu, compute));
    producers.push_back(pack);
  }
}
