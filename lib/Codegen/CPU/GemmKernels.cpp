//===- GemmKernels.cpp - Linear layers on the CPU GEMM kernels ------------===//
//
// Finds linear layers with a constant weight, packs the weight for the
// kernel the target CPU runs best, and replaces the layer by a call of that
// kernel (runtime/include/sqz/Runtime/CPUKernels.h).
//
//===----------------------------------------------------------------------===//

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
                      /*offsetCorrection=*/true};
  if (cpu.hasAvx2Fma())
    return GemmKernel{"sqz_cpu_gemm_s8_avx2", sqzrt::kGemmS8Avx2Layout};
  return std::nullopt;
}

/// A layer `y[M, N] = x[M, K] W[K, N]` that a kernel can run.
struct GemmLayer {
  linalg::LinalgOp op;
  /// The operand that is the activation x (read at rewrite time: an earlier
  /// rewrite may have replaced its producer).
  unsigned inputIndex;
  /// The constant as stored: [K, N], or [N, K] when `transposed`.
  Value weight;
  bool transposed = false;
  /// i8 x i8 -> i32 rather than f32.
  bool integer = false;
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
  unsigned inputIndex = layer->input == op.getDpsInputs()[0] ? 0 : 1;
  return GemmLayer{op, inputIndex, layer->weight, layer->weightTransposed,
                   /*integer=*/false};
}

/// Whether `value` is `arith.extsi` of the block argument `arg` from i8.
bool isSignExtendedI8(Value value, BlockArgument arg) {
  auto ext = value.getDefiningOp<arith::ExtSIOp>();
  return ext && ext.getIn() == arg && ext.getIn().getType().isInteger(8);
}

/// Whether `body` is `yield(out + extsi(in0) * extsi(in1))` on i8 inputs and
/// an i32 accumulator (operands of either op in either order).
bool isInt8MultiplyAdd(Block &body) {
  if (body.getNumArguments() != 3 ||
      !body.getArgument(2).getType().isInteger(32))
    return false;
  Operation *yield = body.getTerminator();
  auto add = yield->getNumOperands() == 1
                 ? yield->getOperand(0).getDefiningOp<arith::AddIOp>()
                 : nullptr;
  if (!add)
    return false;
  Value acc = body.getArgument(2);
  Value product = add.getLhs() == acc   ? add.getRhs()
                  : add.getRhs() == acc ? add.getLhs()
                                        : Value();
  auto mul = product ? product.getDefiningOp<arith::MulIOp>() : nullptr;
  if (!mul)
    return false;
  BlockArgument a = body.getArgument(0), b = body.getArgument(1);
  return (isSignExtendedI8(mul.getLhs(), a) &&
          isSignExtendedI8(mul.getRhs(), b)) ||
         (isSignExtendedI8(mul.getLhs(), b) &&
          isSignExtendedI8(mul.getRhs(), a));
}

/// A 2-D i8 x i8 -> i32 contraction `x W` with a zero accumulator, W read
/// (through transposes) as [K, N] or [N, K].
FailureOr<GemmLayer> matchInt8Layer(linalg::LinalgOp op) {
  if (op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      !op.hasPureTensorSemantics() || op.getNumLoops() != 3 ||
      !isInt8MultiplyAdd(*op.getBlock()))
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
  if (!(fill && matchPattern(fill.getInputs()[0], m_Zero())) &&
      !matchPattern(init, m_Zero()))
    return failure();

  GemmLayer layer{op, static_cast<unsigned>(inputIndex), Value(), false, true};
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

/// A 2-D memref of `shape` with any strides and offset:
/// `memref<?x?xT, strided<[?, ?], offset: ?>>` for a dynamic shape, what a
/// kernel takes for a 2-D operand.
MemRefType anyStrided2D(Type elementType,
                        ArrayRef<int64_t> shape = {ShapedType::kDynamic,
                                                   ShapedType::kDynamic}) {
  MLIRContext *context = elementType.getContext();
  int64_t dynamic = ShapedType::kDynamic;
  return MemRefType::get(
      shape, elementType,
      StridedLayoutAttr::get(context, dynamic, {dynamic, dynamic}));
}

/// Rewrites layers into kernel calls in one module.
class GemmKernelRewriter {
public:
  GemmKernelRewriter(ModuleOp module)
      : module(module), symbols(module), rewriter(module.getContext()) {}

  /// Replaces `layer` by a call of `kernel`. Fails (changing nothing) when
  /// the weight's data cannot be read.
  LogicalResult rewrite(GemmLayer &layer, const GemmKernel &kernel);

private:
  /// A private constant global of `bytes` with `count` elements of
  /// `elementType`, 64-byte aligned, filled by `fill`.
  memref::GlobalOp createGlobal(StringRef name, Type elementType, int64_t count,
                                function_ref<void(char *)> fill);
  /// The declaration of `kernel` with the argument `types`.
  func::FuncOp declareKernel(StringRef name, TypeRange types);
  /// The global's memref, cast to a dynamic size, at the rewriter's point.
  Value globalAsDynamic(Location loc, memref::GlobalOp global);

  ModuleOp module;
  SymbolTable symbols;
  IRRewriter rewriter;
};

memref::GlobalOp
GemmKernelRewriter::createGlobal(StringRef name, Type elementType,
                                 int64_t count,
                                 function_ref<void(char *)> fill) {
  size_t bytes = count * (elementType.getIntOrFloatBitWidth() / 8);
  AsmResourceBlob blob = HeapAsmResourceBlob::allocate(bytes, /*align=*/64);
  fill(blob.getMutableData().data());
  auto tensorType = RankedTensorType::get({count}, elementType);
  auto value =
      DenseResourceElementsAttr::get(tensorType, name, std::move(blob));
  OpBuilder builder = OpBuilder::atBlockBegin(module.getBody());
  auto global = memref::GlobalOp::create(
      builder, module.getLoc(), name, builder.getStringAttr("private"),
      MemRefType::get({count}, elementType), value, /*constant=*/true,
      builder.getI64IntegerAttr(64));
  symbols.insert(global);
  return global;
}

func::FuncOp GemmKernelRewriter::declareKernel(StringRef name,
                                               TypeRange types) {
  if (auto existing = symbols.lookup<func::FuncOp>(name))
    return existing;
  OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
  auto function =
      func::FuncOp::create(builder, module.getLoc(), name,
                           builder.getFunctionType(types, /*results=*/{}));
  function.setPrivate();
  function->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                    builder.getUnitAttr());
  symbols.insert(function);
  return function;
}

Value GemmKernelRewriter::globalAsDynamic(Location loc,
                                          memref::GlobalOp global) {
  Value value = memref::GetGlobalOp::create(rewriter, loc, global.getType(),
                                            global.getSymName());
  auto dynamic = MemRefType::get({ShapedType::kDynamic},
                                 global.getType().getElementType());
  return memref::CastOp::create(rewriter, loc, dynamic, value);
}

LogicalResult GemmKernelRewriter::rewrite(GemmLayer &layer,
                                          const GemmKernel &kernel) {
  auto weightType = cast<RankedTensorType>(layer.weight.getType());
  int64_t k = weightType.getDimSize(layer.transposed ? 1 : 0);
  int64_t n = weightType.getDimSize(layer.transposed ? 0 : 1);
  GemmLayout layout = kernel.layout;
  std::string why;
  Operation *op = layer.op;
  Location loc = op->getLoc();

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
    Type i8 = rewriter.getI8Type();
    globals.push_back(createGlobal(
        "__sqz_packed_weight", i8, layout.packedSize(k, n), [&](char *data) {
          sqzrt::packGemmWeight(weight, k, n, layer.transposed, layout,
                                reinterpret_cast<int8_t *>(data));
        }));
    if (kernel.offsetCorrection)
      globals.push_back(createGlobal(
          "__sqz_weight_correction", rewriter.getI32Type(),
          layout.paddedColumns(n), [&](char *data) {
            sqzrt::gemmS8OffsetCorrection(weight, k, n, layer.transposed,
                                          layout,
                                          reinterpret_cast<int32_t *>(data));
          }));
  } else {
    std::optional<WeightData> weight = readConstantWeight(layer.weight, why);
    if (!weight)
      return failure();
    globals.push_back(createGlobal(
        "__sqz_packed_weight", rewriter.getF32Type(), layout.packedSize(k, n),
        [&](char *data) {
          sqzrt::packGemmWeight(weight->values.data(), k, n, layer.transposed,
                                layout, reinterpret_cast<float *>(data));
        }));
  }

  // ---- The call -------------------------------------------------------------
  rewriter.setInsertionPoint(op);
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  Value activation = layer.op.getDpsInputs()[layer.inputIndex];
  Type inputElement = getElementTypeOrSelf(activation.getType());
  MemRefType inputBufferType = anyStrided2D(inputElement);
  MemRefType resultBufferType = anyStrided2D(resultType.getElementType());
  Value input = bufferization::ToBufferOp::create(
      rewriter, loc,
      anyStrided2D(inputElement,
                   cast<RankedTensorType>(activation.getType()).getShape()),
      activation, /*read_only=*/true);
  input = memref::CastOp::create(rewriter, loc, inputBufferType, input);
  SmallVector<Value> dynamicSizes;
  if (resultType.isDynamicDim(0))
    dynamicSizes.push_back(
        tensor::DimOp::create(rewriter, loc, activation, 0).getResult());
  auto resultMemRefType =
      MemRefType::get(resultType.getShape(), resultType.getElementType());
  Value result =
      memref::AllocOp::create(rewriter, loc, resultMemRefType, dynamicSizes,
                              rewriter.getI64IntegerAttr(64));
  SmallVector<Value> operands = {
      memref::CastOp::create(rewriter, loc, resultBufferType, result), input};
  for (memref::GlobalOp global : globals)
    operands.push_back(globalAsDynamic(loc, global));
  func::FuncOp callee =
      declareKernel(kernel.name, ValueRange(operands).getTypes());
  func::CallOp::create(rewriter, loc, callee, operands);
  Value tensor = bufferization::ToTensorOp::create(rewriter, loc, resultType,
                                                   result, /*restrict=*/true,
                                                   /*writable=*/true);
  rewriter.replaceOp(op, tensor);
  return success();
}

struct SqzCPUGemmKernelsPass
    : public sqz::impl::SqzCPUGemmKernelsBase<SqzCPUGemmKernelsPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
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
    if (!f32Kernel && !s8Kernel)
      return;

    SmallVector<GemmLayer> layers;
    module.walk([&](linalg::LinalgOp op) {
      if (f32Kernel)
        if (FailureOr<GemmLayer> layer = matchF32Layer(op); succeeded(layer))
          return layers.push_back(*layer);
      if (s8Kernel)
        if (FailureOr<GemmLayer> layer = matchInt8Layer(op); succeeded(layer))
          layers.push_back(*layer);
    });

    GemmKernelRewriter rewriter(module);
    SmallVector<Operation *> replacedWeights;
    for (GemmLayer &layer : layers) {
      Operation *weightProducer = layer.op.getDpsInputs()[0].getDefiningOp();
      Operation *otherProducer = layer.op.getDpsInputs()[1].getDefiningOp();
      Operation *fill = layer.op.getDpsInits()[0].getDefiningOp();
      if (failed(
              rewriter.rewrite(layer, layer.integer ? *s8Kernel : *f32Kernel)))
        continue;
      for (Operation *producer : {weightProducer, otherProducer, fill})
        if (producer)
          replacedWeights.push_back(producer);
    }
    IRRewriter eraser(module.getContext());
    eraseDeadProducers(eraser, std::move(replacedWeights));
  }
};

} // namespace
