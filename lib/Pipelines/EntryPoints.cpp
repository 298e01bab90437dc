//===- EntryPoints.cpp - The C view of lowered entry points ---------------===//

#include "sqz/Pipelines/EntryPoints.h"
#include "sqz/Pipelines/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Support/DebugStringHelper.h"

using namespace mlir;
namespace npy = mlir::sqz::npy;

/// The numpy dtype that holds `type`, if any.
static std::optional<npy::DType> dtypeFor(Type type) {
  if (type.isF16())
    return npy::DType{npy::DTypeKind::Float, 2};
  if (type.isF32())
    return npy::DType{npy::DTypeKind::Float, 4};
  if (type.isF64())
    return npy::DType{npy::DTypeKind::Float, 8};
  if (type.isIndex())
    return npy::DType{npy::DTypeKind::Int, 8};
  if (auto intType = dyn_cast<IntegerType>(type)) {
    unsigned width = intType.getWidth();
    if (width == 1)
      return npy::DType{npy::DTypeKind::Bool, 1};
    if (width != 8 && width != 16 && width != 32 && width != 64)
      return std::nullopt;
    return npy::DType{intType.isUnsigned() ? npy::DTypeKind::UInt
                                           : npy::DTypeKind::Int,
                      width / 8};
  }
  return std::nullopt;
}

std::optional<sqz::manifest::Value>
sqz::describeEntryValue(Type type, std::string &error) {
  manifest::Value value;
  value.typeText = debugString(type);
  Type elementType = type;
  if (auto shapedType = dyn_cast<ShapedType>(type)) {
    if (!isa<RankedTensorType, MemRefType>(type) || !shapedType.hasRank()) {
      error = "has type " + value.typeText +
              "; only ranked tensors, memrefs and scalars are supported";
      return std::nullopt;
    }
    if (auto memref = dyn_cast<MemRefType>(type);
        memref && !memref.getLayout().isIdentity()) {
      error = "has type " + value.typeText +
              "; only the identity layout is supported";
      return std::nullopt;
    }
    value.shaped = true;
    elementType = shapedType.getElementType();
    static_assert(entry::kDynamic == ShapedType::kDynamic);
    value.shape.assign(shapedType.getShape().begin(),
                       shapedType.getShape().end());
  }
  std::optional<npy::DType> dtype = dtypeFor(elementType);
  if (!dtype) {
    error = "has type " + value.typeText +
            ", whose element type has no .npy equivalent here (supported: "
            "f16, f32, f64, i1, i8, i16, i32, i64, index)";
    return std::nullopt;
  }
  value.dtype = *dtype;
  return value;
}

std::optional<sqz::manifest::Entry>
sqz::describeEntryPoint(ModuleOp module, StringRef name, std::string &error) {
  auto function = module.lookupSymbol<LLVM::LLVMFuncOp>(name);
  auto signatureAttr =
      function ? function->getAttrOfType<TypeAttr>(kSignatureAttrName)
               : TypeAttr();
  auto signature = signatureAttr
                       ? dyn_cast<FunctionType>(signatureAttr.getValue())
                       : FunctionType();
  if (!signature) {
    error = "@" + name.str() + " has no '" + kSignatureAttrName +
            "' function type attribute, so its argument shapes are unknown "
            "(give tensor-level IR, or LLVM IR made by sqz-opt "
            "--sqz-lower-to-cpu)";
    return std::nullopt;
  }
  std::string cifaceName = "_mlir_ciface_" + name.str();
  if (!module.lookupSymbol<LLVM::LLVMFuncOp>(cifaceName)) {
    error = "no C interface wrapper @" + cifaceName +
            " (the function needs the llvm.emit_c_interface attribute)";
    return std::nullopt;
  }
  manifest::Entry entry;
  entry.name = name.str();
  auto describeAll = [&](TypeRange types, const char *role,
                         std::vector<manifest::Value> &values) {
    for (auto [index, type] : llvm::enumerate(types)) {
      std::string reason;
      std::optional<manifest::Value> value = describeEntryValue(type, reason);
      if (!value) {
        error = std::string(role) + " " + std::to_string(index) + " of @" +
                name.str() + " " + reason;
        return false;
      }
      values.push_back(*value);
    }
    return true;
  };
  if (!describeAll(signature.getInputs(), "argument", entry.args) ||
      !describeAll(signature.getResults(), "result", entry.results))
    return std::nullopt;
  return entry;
}

SmallVector<std::string> sqz::listEntryPoints(ModuleOp module) {
  SmallVector<std::string> names;
  for (auto function : module.getOps<LLVM::LLVMFuncOp>())
    if (function->hasAttr(kSignatureAttrName) && !function.isPrivate() &&
        !function.isExternal() &&
        module.lookupSymbol<LLVM::LLVMFuncOp>(
            ("_mlir_ciface_" + function.getName()).str()))
      names.push_back(function.getName().str());
  return names;
}
