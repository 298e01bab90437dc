//===- KernelCalls.cpp - Calls of runtime kernels from tensor IR ----------===//

#include "sqz/Codegen/CPU/KernelCalls.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/DialectResourceBlobManager.h"

using namespace mlir;
using namespace mlir::sqz;

/// A memref of `shape` with any strides and offset:
/// `memref<?x?xT, strided<[?, ?], offset: ?>>` for a dynamic 2-D shape, what
/// a kernel takes for an operand.
static MemRefType anyStrided(Type elementType, ArrayRef<int64_t> shape) {
  MLIRContext *context = elementType.getContext();
  int64_t dynamic = ShapedType::kDynamic;
  SmallVector<int64_t> strides(shape.size(), dynamic);
  return MemRefType::get(shape, elementType,
                         StridedLayoutAttr::get(context, dynamic, strides));
}

/// `anyStrided` of rank 2, dynamic sizes unless given.
static MemRefType anyStrided2D(Type elementType, ArrayRef<int64_t> shape = {
                                                     ShapedType::kDynamic,
                                                     ShapedType::kDynamic}) {
  return anyStrided(elementType, shape);
}

/// The dynamic sizes of `rank` dims.
static SmallVector<int64_t> dynamicShape(int64_t rank) {
  return SmallVector<int64_t>(rank, ShapedType::kDynamic);
}

memref::GlobalOp
KernelCallBuilder::createGlobal(StringRef name, Type elementType, int64_t count,
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

func::FuncOp KernelCallBuilder::declareKernel(StringRef name, TypeRange types) {
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

Value KernelCallBuilder::globalAsDynamic(Location loc,
                                         memref::GlobalOp global) {
  Value value = memref::GetGlobalOp::create(rewriter, loc, global.getType(),
                                            global.getSymName());
  auto dynamic = MemRefType::get({ShapedType::kDynamic},
                                 global.getType().getElementType());
  return memref::CastOp::create(rewriter, loc, dynamic, value);
}

Value KernelCallBuilder::readOnlyBuffer(Location loc, Value tensor) {
  auto type = cast<RankedTensorType>(tensor.getType());
  Value buffer = bufferization::ToBufferOp::create(
      rewriter, loc, anyStrided(type.getElementType(), type.getShape()), tensor,
      /*read_only=*/true);
  return memref::CastOp::create(
      rewriter, loc,
      anyStrided(type.getElementType(), dynamicShape(type.getRank())), buffer);
}

Value KernelCallBuilder::emptyBuffer(Location loc, Type elementType) {
  Value none = memref::AllocaOp::create(rewriter, loc,
                                        MemRefType::get({0}, elementType));
  return memref::CastOp::create(
      rewriter, loc, MemRefType::get({ShapedType::kDynamic}, elementType),
      none);
}

Value KernelCallBuilder::replaceWithCall(Operation *op, StringRef kernel,
                                         Value activation,
                                         ArrayRef<memref::GlobalOp> globals,
                                         ArrayRef<Value> extra) {
  rewriter.setInsertionPoint(op);
  Value tensor = emitCall(op->getLoc(), kernel, activation,
                          cast<RankedTensorType>(op->getResult(0).getType()),
                          globals, extra);
  rewriter.replaceOp(op, tensor);
  return tensor;
}

Value KernelCallBuilder::emitCall(Location loc, StringRef kernel,
                                  Value activation, RankedTensorType resultType,
                                  ArrayRef<memref::GlobalOp> globals,
                                  ArrayRef<Value> extra) {
  auto activationType = cast<RankedTensorType>(activation.getType());
  Type inputElement = activationType.getElementType();
  Value input = bufferization::ToBufferOp::create(
      rewriter, loc, anyStrided2D(inputElement, activationType.getShape()),
      activation, /*read_only=*/true);
  input =
      memref::CastOp::create(rewriter, loc, anyStrided2D(inputElement), input);
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
      memref::CastOp::create(rewriter, loc,
                             anyStrided2D(resultType.getElementType()), result),
      input};
  for (memref::GlobalOp global : globals)
    operands.push_back(globalAsDynamic(loc, global));
  operands.append(extra.begin(), extra.end());
  operands.push_back(arith::ConstantOp::create(
      rewriter, loc, rewriter.getI64IntegerAttr(threads)));
  func::FuncOp callee = declareKernel(kernel, ValueRange(operands).getTypes());
  func::CallOp::create(rewriter, loc, callee, operands);
  Value tensor = bufferization::ToTensorOp::create(rewriter, loc, resultType,
                                                   result, /*restrict=*/true,
                                                   /*writable=*/true);
  return tensor;
}

Value KernelCallBuilder::emitOperandsCall(Location loc, StringRef kernel,
                                          ValueRange operands,
                                          RankedTensorType resultType,
                                          ValueRange dynamicSizes,
                                          ValueRange scalars) {
  SmallVector<Value> args;
  Type element = resultType.getElementType();
  Value result = memref::AllocOp::create(
      rewriter, loc, MemRefType::get(resultType.getShape(), element),
      dynamicSizes, rewriter.getI64IntegerAttr(64));
  args.push_back(memref::CastOp::create(
      rewriter, loc, anyStrided(element, dynamicShape(resultType.getRank())),
      result));
  for (Value operand : operands)
    args.push_back(readOnlyBuffer(loc, operand));
  args.append(scalars.begin(), scalars.end());
  args.push_back(arith::ConstantOp::create(
      rewriter, loc, rewriter.getI64IntegerAttr(threads)));
  func::FuncOp callee = declareKernel(kernel, ValueRange(args).getTypes());
  func::CallOp::create(rewriter, loc, callee, args);
  return bufferization::ToTensorOp::create(rewriter, loc, resultType, result,
                                           /*restrict=*/true,
                                           /*writable=*/true);
}

Value KernelCallBuilder::emitRowsCall(Location loc, StringRef kernel,
                                      Value activation,
                                      RankedTensorType resultType,
                                      ArrayRef<memref::GlobalOp> globals,
                                      ArrayRef<Value> extra, Value bias) {
  if (resultType.getRank() == 2) {
    Value y = emitCall(loc, kernel, activation, resultType, globals, extra);
    return bias ? addColumnBias(rewriter, loc, y, bias) : y;
  }
  SmallVector<ReassociationIndices> rows = {{0, 1}, {2}};
  Value x = tensor::CollapseShapeOp::create(rewriter, loc, activation, rows);
  auto flatType =
      RankedTensorType::get({cast<RankedTensorType>(x.getType()).getDimSize(0),
                             resultType.getDimSize(2)},
                            resultType.getElementType());
  Value y = emitCall(loc, kernel, x, flatType, globals, extra);
  if (bias)
    y = addColumnBias(rewriter, loc, y, bias);
  return tensor::ExpandShapeOp::create(rewriter, loc, resultType, y, rows);
}

Value mlir::sqz::addColumnBias(OpBuilder &b, Location loc, Value y,
                               Value bias) {
  MLIRContext *context = b.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(2, context);
  AffineMap column = AffineMap::get(2, 0, getAffineDimExpr(1, context));
  auto type = cast<RankedTensorType>(y.getType());
  SmallVector<Value> sizes;
  if (type.isDynamicDim(0))
    sizes.push_back(tensor::DimOp::create(b, loc, y, 0));
  Value init = tensor::EmptyOp::create(b, loc, type, sizes);
  return linalg::GenericOp::create(
             b, loc, type, ValueRange{y, bias}, init,
             ArrayRef<AffineMap>{identity, column, identity},
             ArrayRef<utils::IteratorType>{utils::IteratorType::parallel,
                                           utils::IteratorType::parallel},
             [](OpBuilder &nb, Location l, ValueRange args) {
               Value sum = isa<FloatType>(args[0].getType())
                               ? arith::AddFOp::create(nb, l, args[0], args[1])
                                     .getResult()
                               : arith::AddIOp::create(nb, l, args[0], args[1])
                                     .getResult();
               linalg::YieldOp::create(nb, l, sum);
             })
      .getResult(0);
}
