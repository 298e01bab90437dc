//===- ExportSparseTensor.cpp - sqz-export-sparse-tensor ------------------===//

#include "sqz/Dialect/Sqz/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SparseTensor/IR/SparseTensor.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZEXPORTSPARSETENSOR
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {
struct SqzExportSparseTensorPass
    : sqz::impl::SqzExportSparseTensorBase<SqzExportSparseTensorPass> {
  using Base::Base;
  void runOnOperation() override {}
};
} // namespace
