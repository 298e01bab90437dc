//===- VerifySparsity.cpp - sqz-verify-sparsity ---------------------------===//

#include "sqz/Dialect/Sqz/Transforms/Passes.h"

namespace mlir::sqz {
#define GEN_PASS_DEF_SQZVERIFYSPARSITY
#include "sqz/Dialect/Sqz/Transforms/Passes.h.inc"
} // namespace mlir::sqz

using namespace mlir;

namespace {
struct SqzVerifySparsityPass
    : sqz::impl::SqzVerifySparsityBase<SqzVerifySparsityPass> {
  using Base::Base;
  void runOnOperation() override {}
};
} // namespace
