//===- GemmKernels.cpp - Linear layers on the CPU GEMM kernels ------------===//
//
// Finds linear layers with a constant weight, packs the weight for the
// kernel the target CPU runs best, and replaces the layer by a call of that
// kernel (runtime/include/sqz/Runtime/CPUKernels.h).
//
//===----------------------------------------------------------------------===//

#include "BatchMatmulKernels.h"
#include "DequantizeEpilogue.h"
#include "LayerNormKernels.h"
#include "QuantizeKernels.h"
#include "SoftmaxKernels.h"
#include "SparseKernels.h"
#include "WeightOnlyKernels.h"
#include "sqz/Codegen/CPU/KernelCalls.h"
#include "sqz/Codegen/CPU/Passes.h"
#include "sqz/Codegen/CPU/TargetCPU.h"
#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"
#include "sqz/Runtime/WeightPacking.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"

#include <cstring>

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZCPUGEMMKERNELS
#include "sqz/Codegen/CPU/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;
using namespace mlir::sqz;
using sqzrt::GemmLayout;

namespace {

/// A kernel of the runtime: its name (the C symbol is `_mlir_ciface_` and
/// this), the layout of its packed weight, and whether it takes the
/// correction of activations offset by 128 after the weight.
struct GemmKernel {
  StringRef name;
  GemmLayout layout;
  bool offsetCorrection = false;
  /// int8: the variant that applies a W8A8 dequantization epilogue to its
  /// sums (`gemm_s8_scaled_*`).
  StringRef scaledName = {};
  /// int8: the scaled variant that also quantizes its f32 activations per
  /// row itself (`gemm_s8_quantized_*`), if there is one.
  StringRef quantizedName = {};
  /// int8: the scaled variants apply an activation (GELU) too.
  bool activationEpilogue = false;
};

/// The f32 kernel for `cpu`, if it has one.
std::optional<GemmKernel> f32KernelFor(const TargetCPU &cpu) {
  if (cpu.hasAvx512())
    return GemmKernel{"sqz_cpu_gemm_f32_avx512", sqzrt::kGemmF32Avx512Layout};
  if (cpu.hasAvx2Fma())
    return GemmKernel{"sqz_cpu_gemm_f32_avx2", sqzrt::kGemmF32Avx2Layout};
  return std::nullopt;
}

/// The i8 x i8 -> i32 kernel for `cpu`, if it has one.
std::optional<GemmKernel> s8KernelFor(const TargetCPU &cpu) {
  if (cpu.hasAvx512Vnni())
    return GemmKernel{"sqz_cpu_gemm_s8_avx512vnni",
                      sqzrt::kGemmS8Avx512VnniLayout,
                      /*offsetCorrection=*/true,
                      "sqz_cpu_gemm_s8_scaled_avx512vnni",
                      "sqz_cpu_gemm_s8_quantized_avx512vnni",
                      /*activationEpilogue=*/true};
  if (cpu.hasAvx2Fma())
    return GemmKernel{"sqz_cpu_gemm_s8_avx2", sqzrt::kGemmS8Avx2Layout,
                      /*offsetCorrection=*/false,
                      "sqz_cpu_gemm_s8_scaled_avx2"};
  return std::nullopt;
}

/// A layer `y[M, N] = x[M, K] W[K, N]` that a kernel can run.
struct GemmLayer {
  linalg::LinalgOp op;
  /// The operand that is the activation x (read at rewrite time: an earlier
  /// rewrite may have replaced its producer).
  unsigned inputIndex = 0;
  /// The constant as stored: [K, N], or [N, K] when `transposed`.
  Value weight;
  bool transposed = false;
  /// i8 x i8 -> i32 rather than f32.
  bool integer = false;
  /// The i8 activation holds unsigned codes (asymmetric activations with a
  /// zero point): the kernel, which takes signed ones, gets `x - 128` and
  /// the product gets `128 * sum_k W[k, n]` back.
  bool unsignedInput = false;
  /// The i32 accumulator starts at these constants of the columns (the
  /// activation zero point's correction that sqz-fold-scales folds there)
  /// instead of 0: they are added to the kernel's product.
  DenseIntElementsAttr columnInit;
};

/// A 2-D f32 linear layer that `matchLinearLayer` accepts.
FailureOr<GemmLayer> matchF32Layer(linalg::LinalgOp op) {
  std::string why;
  FailureOr<LinearLayer> layer = matchLinearLayer(op, why);
  if (failed(layer))
    return failure();
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  if (resultType.getRank() != 2 || !resultType.getElementType().isF32() ||
      cast<RankedTensorType>(layer->weight.getType()).getRank() != 2)
    return failure();
  GemmLayer gemm;
  gemm.op = op;
  gemm.inputIndex = layer->input == op.getDpsInputs()[0] ? 0 : 1;
  gemm.weight = layer->weight;
  gemm.transposed = layer->weightTransposed;
  return gemm;
}

/// The constant `[N]` i32 vector that `init` broadcasts along the rows (a
/// linalg.generic that yields its input read as `(m, n) -> (n)`), or null.
DenseIntElementsAttr matchColumnBroadcast(Value init) {
  auto broadcast = init.getDefiningOp<linalg::GenericOp>();
  if (!broadcast || broadcast.getNumDpsInputs() != 1 ||
      broadcast.getNumDpsInits() != 1 || broadcast.getNumLoops() != 2 ||
      broadcast.getNumParallelLoops() != 2)
    return nullptr;
  Block &body = *broadcast.getBlock();
  Operation *yield = body.getTerminator();
  if (!body.without_terminator().empty() || yield->getNumOperands() != 1 ||
      yield->getOperand(0) != body.getArgument(0))
    return nullptr;
  MLIRContext *context = init.getContext();
  SmallVector<AffineMap> maps = broadcast.getIndexingMapsArray();
  if (maps[0] != AffineMap::get(2, 0, getAffineDimExpr(1, context)) ||
      !maps[1].isIdentity())
    return nullptr;
  DenseIntElementsAttr column;
  if (!matchPattern(broadcast.getDpsInputs()[0], m_Constant(&column)) ||
      !column.getElementType().isInteger(32))
    return nullptr;
  return column;
}

/// A 2-D i8 x i8 -> i32 contraction `x W`, x signed or unsigned codes, W
/// signed and read (through transposes) as [K, N] or [N, K], the accumulator
/// zero or a constant broadcast along the rows.
FailureOr<GemmLayer> matchInt8Layer(linalg::LinalgOp op) {
  if (op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      !op.hasPureTensorSemantics() || op.getNumLoops() != 3)
    return failure();
  FailureOr<linalg::ContractionDimensions> dims =
      linalg::inferContractionDims(op);
  if (failed(dims) || !dims->batch.empty() || dims->m.size() != 1 ||
      dims->n.size() != 1 || dims->k.size() != 1)
    return failure();
  MLIRContext *context = op.getContext();
  AffineExpr m = getAffineDimExpr(dims->m.front(), context);
  AffineExpr n = getAffineDimExpr(dims->n.front(), context);
  AffineExpr k = getAffineDimExpr(dims->k.front(), context);
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  auto reads = [](AffineMap map, ArrayRef<AffineExpr> exprs) {
    return map.getResults() == exprs;
  };
  if (!reads(maps[2], {m, n}))
    return failure();
  int inputIndex = reads(maps[0], {m, k}) ? 0 : reads(maps[1], {m, k}) ? 1 : -1;
  if (inputIndex < 0)
    return failure();
  Value init = op.getDpsInits()[0];
  auto fill = init.getDefiningOp<linalg::FillOp>();
  DenseIntElementsAttr columnInit;
  if (!(fill && matchPattern(fill.getInputs()[0], m_Zero())) &&
      !matchPattern(init, m_Zero())) {
    columnInit = matchColumnBroadcast(init);
    if (!columnInit)
      return failure();
  }

  std::optional<bool> unsignedInput =
      int8InputIsUnsigned(*op.getBlock(), inputIndex);
  if (!unsignedInput)
    return failure();

  GemmLayer layer;
  layer.op = op;
  layer.inputIndex = static_cast<unsigned>(inputIndex);
  layer.integer = true;
  layer.unsignedInput = *unsignedInput;
  layer.columnInit = columnInit;
  AffineMap weightMap = maps[1 - inputIndex];
  layer.weight =
      lookThroughDataMovement(op.getDpsInputs()[1 - inputIndex], weightMap);
  if (reads(weightMap, {n, k}))
    layer.transposed = true;
  else if (!reads(weightMap, {k, n}))
    return failure();
  if (cast<RankedTensorType>(layer.weight.getType()).getRank() != 2)
    return failure();
  return layer;
}

/// `x - 128` of the unsigned i8 codes `x`, as signed i8: their top bit
/// flipped, elementwise.
Value flipSignBits(OpBuilder &b, Location loc, Value x) {
  auto type = cast<RankedTensorType>(x.getType());
  SmallVector<Value> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      sizes.push_back(tensor::DimOp::create(b, loc, x, d));
  Value init = tensor::EmptyOp::create(b, loc, type, sizes);
  AffineMap identity =
      AffineMap::getMultiDimIdentityMap(type.getRank(), b.getContext());
  SmallVector<utils::IteratorType> iterators(type.getRank(),
                                             utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, type, ValueRange{x}, init,
             ArrayRef<AffineMap>{identity, identity}, iterators,
             [](OpBuilder &nb, Location l, ValueRange args) {
               Value top = arith::ConstantOp::create(
                   nb, l, nb.getIntegerAttr(nb.getI8Type(), -128));
               Value flipped = arith::XOrIOp::create(nb, l, args[0], top);
               linalg::YieldOp::create(nb, l, flipped);
             })
      .getResult(0);
}

/// Replaces the int8 `product` and its dequantization `epilogue` by one
/// call of `kernel`'s scaled variant, which applies the epilogue to the
/// sums in registers (bit-identical: the same operations in the same
/// order). `globals` are the packed weight (and correction). When the
/// epilogue's result feeds a GELU or a residual add that the kernel applies
/// too (EpilogueTail.h), the call replaces that op as well.
///
/// When `input` and the epilogue's row scales are the codes and scales of
/// a dynamic per-row quantization and the kernel has a quantizing variant,
/// that variant takes the quantization's f32 input instead and quantizes it
/// as it packs it (the same codes and scales, bit for bit): the codes are
/// never stored, and the quantization runs on the kernel's threads.
void replaceWithScaledCall(KernelCallBuilder &builder, linalg::LinalgOp product,
                           const GemmKernel &kernel, Value input,
                           const DequantizeEpilogue &epilogue,
                           ArrayRef<memref::GlobalOp> globals) {
  RewriterBase &rewriter = builder.getRewriter();
  linalg::GenericOp op = epilogue.op;
  std::optional<EpilogueTail> tail =
      matchEpilogueTail(op.getResult(0), kernel.activationEpilogue);
  // At the tail, its residual is defined.
  rewriter.setInsertionPoint(tail ? tail->op.getOperation() : op);
  Location loc = op.getLoc();
  StringRef name = kernel.scaledName;
  SmallVector<Value> rowOperands;
  QuantizeOp quantize = kernel.quantizedName.empty()
                            ? nullptr
                            : quantizationOf(input, epilogue.rowScales);
  if (quantize) {
    name = kernel.quantizedName;
    input = quantize.getInput();
    rowOperands = quantizationBounds(rewriter, loc, quantize);
  } else {
    rowOperands.push_back(builder.readOnlyBuffer(loc, epilogue.rowScales));
  }
  Value y =
      emitDequantizedCall(builder, loc, name, kernel.layout, input, rowOperands,
                          epilogue.columnScales, epilogue.bias,
                          cast<RankedTensorType>(op.getResult(0).getType()),
                          SmallVector<memref::GlobalOp>(globals),
                          tail ? &*tail : nullptr, kernel.activationEpilogue);
  if (tail) {
    replaceTail(rewriter, *tail, y);
    rewriter.eraseOp(op);
  } else {
    rewriter.replaceOp(op, y);
  }
  rewriter.eraseOp(product);
}

/// Replaces `layer` by a call of `kernel` on its packed weight. Fails
/// (changing nothing) when the weight's data cannot be read.
LogicalResult rewriteLayer(KernelCallBuilder &builder, GemmLayer &layer,
                           const GemmKernel &kernel) {
  auto weightType = cast<RankedTensorType>(layer.weight.getType());
  int64_t k = weightType.getDimSize(layer.transposed ? 1 : 0);
  int64_t n = weightType.getDimSize(layer.transposed ? 0 : 1);
  GemmLayout layout = kernel.layout;
  std::string why;

  // ---- The packed weight (and correction) ---------------------------------
  SmallVector<memref::GlobalOp> globals;
  std::optional<ConstantBytes> bytes;
  if (layer.integer) {
    bytes = readConstantBytes(layer.weight, why);
    if (!bytes)
      return failure();
    std::vector<int8_t> expanded;
    const int8_t *weight = reinterpret_cast<const int8_t *>(bytes->raw.data());
    if (bytes->splat) {
      expanded.assign(k * n, weight[0]);
      weight = expanded.data();
    }
    Type i8 = builder.getRewriter().getI8Type();
    globals.push_back(builder.createGlobal(
        "__sqz_packed_weight", i8, layout.packedSize(k, n), [&](char *data) {
          sqzrt::packGemmWeight(weight, k, n, layer.transposed, layout,
                                reinterpret_cast<int8_t *>(data));
        }));
    if (kernel.offsetCorrection)
      globals.push_back(builder.createGlobal(
          "__sqz_weight_correction", builder.getRewriter().getI32Type(),
          layout.paddedColumns(n), [&](char *data) {
            sqzrt::gemmS8OffsetCorrection(weight, k, n, layer.transposed,
                                          layout,
                                          reinterpret_cast<int32_t *>(data));
          }));
  } else {
    std::optional<WeightData> weight = readConstantWeight(layer.weight, why);
    if (!weight)
      return failure();
    globals.push_back(builder.createGlobal(
        "__sqz_packed_weight", builder.getRewriter().getF32Type(),
        layout.packedSize(k, n), [&](char *data) {
          sqzrt::packGemmWeight(weight->values.data(), k, n, layer.transposed,
                                layout, reinterpret_cast<float *>(data));
        }));
  }

  Value input = layer.op.getDpsInputs()[layer.inputIndex];
  if (!layer.unsignedInput && !layer.columnInit) {
    if (std::optional<DequantizeEpilogue> epilogue =
            matchDequantizeEpilogue(layer.op->getResult(0))) {
      replaceWithScaledCall(builder, layer.op, kernel, input, *epilogue,
                            globals);
      return success();
    }
    builder.replaceWithCall(layer.op, kernel.name, input, globals);
    return success();
  }
  // What the kernel's product lacks, per column: the accumulator's initial
  // values, and 128 sum_k W[k, n] for unsigned codes given as `x - 128`.
  SmallVector<int32_t> correction(n, 0);
  if (layer.columnInit)
    for (auto [index, value] :
         llvm::enumerate(layer.columnInit.getValues<int32_t>()))
      correction[index] = value;
  RewriterBase &rewriter = builder.getRewriter();
  Location loc = layer.op.getLoc();
  rewriter.setInsertionPoint(layer.op);
  if (layer.unsignedInput) {
    input = flipSignBits(rewriter, loc, input);
    const int8_t *codes = reinterpret_cast<const int8_t *>(bytes->raw.data());
    for (int64_t kk = 0; kk < k; ++kk)
      for (int64_t nn = 0; nn < n; ++nn) {
        int64_t index = layer.transposed ? nn * k + kk : kk * n + nn;
        correction[nn] += 128 * codes[bytes->splat ? 0 : index];
      }
  }
  Value product =
      builder.replaceWithCall(layer.op, kernel.name, input, globals);
  rewriter.setInsertionPointAfterValue(product);
  auto correctionType = RankedTensorType::get({n}, rewriter.getI32Type());
  Value correctionConst = arith::ConstantOp::create(
      rewriter, loc,
      DenseElementsAttr::get(correctionType, ArrayRef<int32_t>(correction)));
  Value corrected = addColumnBias(rewriter, loc, product, correctionConst);
  rewriter.replaceAllUsesExcept(product, corrected, corrected.getDefiningOp());
  return success();
}

/// Keeps `ops`, the producers the pass erases at the end if dead, free of
/// ops that a rewrite erased meanwhile.
struct ErasedOpsTracker : public RewriterBase::Listener {
  explicit ErasedOpsTracker(SmallVectorImpl<Operation *> &ops) : ops(ops) {}
  void notifyOperationErased(Operation *op) override { llvm::erase(ops, op); }
  SmallVectorImpl<Operation *> &ops;
};

struct SqzCPUGemmKernelsPass
    : public sqz::impl::SqzCPUGemmKernelsBase<SqzCPUGemmKernelsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (threads < 0) {
      module.emitError() << "sqz-cpu-gemm-kernels: threads must be 0 (all "
                            "cores) or more, not "
                         << static_cast<int64_t>(threads);
      return signalPassFailure();
    }
    std::optional<TargetCPU> cpu = TargetCPU::get(targetCPU);
    if (!cpu) {
      module.emitError() << "sqz-cpu-gemm-kernels: unknown target-cpu '"
                         << targetCPU
                         << "' (host, generic, or an LLVM x86 CPU name such "
                            "as znver4)";
      return signalPassFailure();
    }
    std::optional<GemmKernel> f32Kernel = f32KernelFor(*cpu);
    std::optional<GemmKernel> s8Kernel = s8KernelFor(*cpu);

    SmallVector<GemmLayer> layers;
    module.walk([&](linalg::LinalgOp op) {
      if (f32Kernel)
        if (FailureOr<GemmLayer> layer = matchF32Layer(op); succeeded(layer))
          return layers.push_back(*layer);
      if (s8Kernel)
        if (FailureOr<GemmLayer> layer = matchInt8Layer(op); succeeded(layer))
          layers.push_back(*layer);
    });

    KernelCallBuilder builder(module, threads);
    SmallVector<Operation *> replacedWeights;
    // A later rewrite may erase an op that an earlier one recorded (an
    // epilogue tail that a dense layer read): the list forgets it.
    ErasedOpsTracker tracker(replacedWeights);
    builder.getRewriter().setListener(&tracker);
    for (GemmLayer &layer : layers) {
      Operation *weightProducer = layer.op.getDpsInputs()[0].getDefiningOp();
      Operation *otherProducer = layer.op.getDpsInputs()[1].getDefiningOp();
      Operation *fill = layer.op.getDpsInits()[0].getDefiningOp();
      if (failed(rewriteLayer(builder, layer,
                              layer.integer ? *s8Kernel : *f32Kernel)))
        continue;
      for (Operation *producer : {weightProducer, otherProducer, fill})
        if (producer)
          replacedWeights.push_back(producer);
    }
    rewriteWeightOnlyLayers(module, builder, *cpu, weightOnlyCompute,
                            replacedWeights);
    rewriteSparse24Layers(module, builder, *cpu, replacedWeights);
    rewriteBatchMatmuls(module, builder, *cpu, replacedWeights);
    rewriteSoftmaxes(module, builder, *cpu, replacedWeights);
    rewriteLayerNorms(module, builder, *cpu, replacedWeights);
    builder.getRewriter().setListener(nullptr);
    IRRewriter eraser(module.getContext());
    eraseDeadProducers(eraser, std::move(replacedWeights));
    // After the dead producers are gone: a quantization that only fed
    // quantizing int8 kernels went with them.
    rewriteDynamicQuantizations(module, builder, *cpu);
  }
};

} // namespace
