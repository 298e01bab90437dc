//===- StructuredPruning.cpp - Rows and heads of sqz-prune ----------------===//
//
// Structured pruning removes units of a layer's output -- single channels
// (`pattern=rows`) or attention heads of `dh` channels (`pattern=heads`) --
// and shrinks every tensor that carries them, up to the linear layers that
// consume them, whose weights lose the matching input rows.
//
// The tensors that carry the units form a region, grown from a layer's
// output: every op that reads or writes a tensor of the region joins it and
// says, from its indexing maps or reassociation, along which axis its other
// operands and results carry the units. Constants, `tensor.empty` and zero
// fills on the way are sliced or rebuilt for the op that uses them. A region
// that meets anything else (a function argument or result, a reduction over
// the units, an op it does not know) is left alone, and the reason is given
// to `explain`.
//
// Units are scored on the weights' magnitudes, in double:
// * rows: the sum of |w| over the reduction axis of the layer's weight,
//   for each output channel;
// * heads: the sum of |w| over the head's `dh` output columns of every
//   projection that produces the heads (Q, K, V) plus its `dh` input rows
//   of every layer that consumes them (the output projection).
// floor(sparsity * units) units with the lowest scores are removed, the one
// of lower index first among equal scores.
//
//===----------------------------------------------------------------------===//

#include "sqz/Dialect/Sqz/Transforms/LinearLayers.h"
#include "sqz/Dialect/Sqz/Transforms/Pruning.h"
#include "sqz/Dialect/Sqz/Transforms/RewriteUtils.h"
#include "sqz/Dialect/Sqz/Transforms/WeightConstants.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <numeric>

using namespace mlir;
using namespace mlir::sqz;

namespace {

/// How a tensor of a region carries the units: along `axis`, `unit`
/// consecutive elements per unit (1 for channels and for split heads, `dh`
/// for heads still merged into the channel axis).
struct Track {
  int64_t axis = 0;
  int64_t unit = 1;
  bool operator==(const Track &other) const {
    return axis == other.axis && unit == other.unit;
  }
  bool operator!=(const Track &other) const { return !(*this == other); }
};

/// A linear layer of the region, with the operand that holds its weight.
struct RegionLayer {
  LinearLayer layer;
  unsigned weightOperand = 0;
  /// Whether the weight operand is read as `[N, K]` (else `[K, N]`).
  bool operandTransposed = false;
};

/// Whether `op` is a linear layer with a constant weight.
static std::optional<LinearLayer> matchConstantLayer(Operation *op) {
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp)
    return std::nullopt;
  std::string why;
  FailureOr<LinearLayer> layer = matchLinearLayer(linalgOp, why);
  if (failed(layer) || !readConstantWeight(layer->weight, why))
    return std::nullopt;
  return *layer;
}

/// Whether `value` is rebuilt for each op that uses it rather than joining a
/// region: a constant, a `tensor.empty` or a fill of one.
static bool isLeaf(Value value) {
  Operation *def = value.getDefiningOp();
  if (!def)
    return false;
  if (isa<tensor::EmptyOp>(def))
    return true;
  if (auto fill = dyn_cast<linalg::FillOp>(def))
    return fill.hasPureTensorSemantics() &&
           fill.getOutputs()[0].getDefiningOp<tensor::EmptyOp>();
  if (isa<arith::ConstantOp, ml_program::GlobalLoadConstOp>(def)) {
    std::string why;
    return readConstantWeight(value, why).has_value();
  }
  return false;
}

/// A constant of `type` holding `values` (exactly representable in the
/// element type: they were read from a constant of that type).
static Value makeConstant(OpBuilder &builder, Location loc,
                          RankedTensorType type, ArrayRef<float> values) {
  Type elementType = type.getElementType();
  DenseElementsAttr attr;
  if (elementType.isF32()) {
    attr = DenseElementsAttr::get(type, values);
  } else {
    const llvm::fltSemantics &semantics =
        cast<FloatType>(elementType).getFloatSemantics();
    SmallVector<APFloat> converted;
    converted.reserve(values.size());
    for (float v : values) {
      APFloat value(v);
      bool lost;
      value.convert(semantics, APFloat::rmNearestTiesToEven, &lost);
      converted.push_back(value);
    }
    attr = DenseElementsAttr::get(type, converted);
  }
  return arith::ConstantOp::create(builder, loc, type, attr);
}

/// The elements of `data` (row-major of `shape`) whose index along `axis` is
/// in `keep`, in row-major order of the result.
static std::vector<float> sliceAlong(ArrayRef<float> data,
                                     ArrayRef<int64_t> shape, int64_t axis,
                                     ArrayRef<int64_t> keep) {
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= shape[d];
  for (int64_t d = axis + 1, e = shape.size(); d < e; ++d)
    inner *= shape[d];
  int64_t extent = shape[axis];
  std::vector<float> result;
  result.reserve(outer * keep.size() * inner);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t k : keep) {
      const float *row = data.data() + (o * extent + k) * inner;
      result.insert(result.end(), row, row + inner);
    }
  return result;
}

/// The tensors, ops and linear layers that carry one layer's units, and how
/// to shrink them.
class UnitRegion {
public:
  UnitRegion(const PruneOptions &options, int64_t numUnits, Block *block)
      : options(options), numUnits(numUnits), block(block) {}

  /// Grows the region from `producer`'s output, tracked as `track`. Sets
  /// `why` on failure.
  LogicalResult grow(Operation *producer, Track track);

  /// Removes `remove` of the units, chosen by their scores, and shrinks
  /// every tensor of the region.
  void shrink(int64_t remove);

  /// The linear layers that produce the units.
  SmallVector<Operation *> producerOps() const {
    SmallVector<Operation *> result;
    for (const RegionLayer &l : producers)
      result.push_back(l.layer.contraction);
    return result;
  }

  std::string why;

private:
  LogicalResult fail(const Twine &reason) {
    why = reason.str();
    return failure();
  }
  LogicalResult assign(Value value, Track track);
  LogicalResult trackUse(OpOperand &use, Track track);
  LogicalResult visit(Operation *op);
  LogicalResult visitLayer(Operation *op, LinearLayer layer);
  LogicalResult visitLinalg(linalg::LinalgOp op);
  LogicalResult visitSoftmax(linalg::SoftmaxOp op);
  LogicalResult visitReshape(Operation *op, Value collapsed, Value expanded,
                             ArrayRef<ReassociationIndices> groups);
  std::optional<Track> trackOf(OpOperand &use) const;
  std::vector<double> scores() const;
  SmallVector<int64_t> keptIndices(Track track) const;
  RankedTensorType shrunkType(Type type, Track track) const;

  const PruneOptions &options;
  int64_t numUnits;
  Block *block;
  /// The tensors of the region and how they carry the units.
  DenseMap<Value, Track> values;
  /// Leaves (see isLeaf) and how each use reads them.
  llvm::MapVector<OpOperand *, Track> leafUses;
  SmallVector<Value> worklist;
  llvm::SetVector<Operation *> ops;
  SmallVector<RegionLayer> producers, consumers;
  /// Whether a reshape splits or merges heads.
  bool splitsHeads = false;
  /// The units kept, ascending.
  SmallVector<int64_t> kept;
};

} // namespace

RankedTensorType UnitRegion::shrunkType(Type type, Track track) const {
  auto tensorType = cast<RankedTensorType>(type);
  SmallVector<int64_t> shape(tensorType.getShape());
  shape[track.axis] = static_cast<int64_t>(kept.size()) * track.unit;
  return tensorType.clone(shape);
}

SmallVector<int64_t> UnitRegion::keptIndices(Track track) const {
  SmallVector<int64_t> indices;
  for (int64_t u : kept)
    for (int64_t e = 0; e < track.unit; ++e)
      indices.push_back(u * track.unit + e);
  return indices;
}

LogicalResult UnitRegion::assign(Value value, Track track) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return fail("the units reach a tensor of dynamic shape");
  if (track.axis >= type.getRank() ||
      type.getDimSize(track.axis) != numUnits * track.unit)
    return fail(llvm::formatv("the units reach a tensor of type {0} whose "
                              "axis {1} does not hold {2} x {3} elements",
                              type, track.axis, numUnits, track.unit));
  if (isa<BlockArgument>(value))
    return fail("the units are combined with a function argument (a residual "
                "add?), which keeps its shape");
  auto [it, inserted] = values.try_emplace(value, track);
  if (inserted) {
    worklist.push_back(value);
    return success();
  }
  if (it->second != track)
    return fail("the units reach one tensor along two different axes");
  return success();
}

LogicalResult UnitRegion::trackUse(OpOperand &use, Track track) {
  if (!isLeaf(use.get()))
    return assign(use.get(), track);
  auto type = cast<RankedTensorType>(use.get().getType());
  if (!type.hasStaticShape() || track.axis >= type.getRank() ||
      type.getDimSize(track.axis) != numUnits * track.unit)
    return fail(llvm::formatv("a constant or init of type {0} does not hold "
                              "the units along axis {1}",
                              type, track.axis));
  auto [it, inserted] = leafUses.insert({&use, track});
  if (!inserted && it->second != track)
    return fail("the units reach one tensor along two different axes");
  return success();
}

std::optional<Track> UnitRegion::trackOf(OpOperand &use) const {
  if (auto it = values.find(use.get()); it != values.end())
    return it->second;
  if (auto it = leafUses.find(&use); it != leafUses.end())
    return it->second;
  return std::nullopt;
}

LogicalResult UnitRegion::grow(Operation *producer, Track track) {
  if (failed(assign(producer->getResult(0), track)))
    return failure();
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    if (failed(visit(value.getDefiningOp())))
      return failure();
    for (Operation *user : value.getUsers())
      if (failed(visit(user)))
        return failure();
  }
  if (options.pattern == PrunePattern::Rows) {
    if (producers.size() != 1)
      return fail("the channels are combined with the output of another "
                  "layer");
  } else if (!splitsHeads) {
    return fail("not an attention projection: its output is not split into "
                "heads by a tensor.expand_shape");
  }
  if (consumers.empty())
    return fail("no linear layer with a constant weight consumes the output");
  return success();
}

LogicalResult UnitRegion::visit(Operation *op) {
  if (op->getBlock() != block)
    return fail(
        llvm::formatv("the units reach '{0}' in another block", op->getName()));
  ops.insert(op);
  if (isa<func::ReturnOp>(op))
    return fail("the output leaves the function (its result keeps its shape)");
  if (std::optional<LinearLayer> layer = matchConstantLayer(op))
    return visitLayer(op, *layer);
  if (auto softmax = dyn_cast<linalg::SoftmaxOp>(op))
    return visitSoftmax(softmax);
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op))
    return visitLinalg(linalgOp);
  if (auto expand = dyn_cast<tensor::ExpandShapeOp>(op))
    return visitReshape(op, expand.getSrc(), expand.getResult(),
                        expand.getReassociationIndices());
  if (auto collapse = dyn_cast<tensor::CollapseShapeOp>(op))
    return visitReshape(op, collapse.getResult(), collapse.getSrc(),
                        collapse.getReassociationIndices());
  return fail(llvm::formatv("the units reach '{0}', which the pass cannot "
                            "shrink",
                            op->getName()));
}

LogicalResult UnitRegion::visitLayer(Operation *op, LinearLayer layer) {
  auto linalgOp = cast<linalg::LinalgOp>(op);
  OpOperand *inputUse = nullptr, *weightUse = nullptr;
  for (OpOperand *use : linalgOp.getDpsInputOperands())
    (use->get() == layer.input && !inputUse ? inputUse : weightUse) = use;
  OpOperand &init = linalgOp.getDpsInitsMutable()[0];
  Value result = op->getResult(0);
  bool produces = values.count(result) || values.count(init.get());
  bool consumes = values.count(layer.input);
  if (values.count(weightUse->get()))
    return fail(
        llvm::formatv("the units reach the weight of a '{0}'", op->getName()));
  if (produces && consumes)
    return fail(llvm::formatv("a '{0}' both reads and writes the units",
                              op->getName()));

  // The weight operand must be the 2-D [K, N] or [N, K] itself, not a
  // broadcast of it.
  RegionLayer regionLayer{layer, weightUse->getOperandNumber(), false};
  SmallVector<AffineMap> maps = linalgOp.getIndexingMapsArray();
  AffineExpr n = maps[init.getOperandNumber()].getResults().back();
  AffineExpr k = linalgOp.getMatchingIndexingMap(inputUse).getResults().back();
  AffineMap weightMap = linalgOp.getMatchingIndexingMap(weightUse);
  ArrayRef<AffineExpr> weightExprs = weightMap.getResults();
  SmallVector<AffineExpr> kn{k, n}, nk{n, k};
  if (weightExprs.size() != 2 ||
      (weightExprs != ArrayRef<AffineExpr>(kn) &&
       weightExprs != ArrayRef<AffineExpr>(nk)) ||
      cast<RankedTensorType>(layer.weight.getType()).getRank() != 2)
    return fail(llvm::formatv("a '{0}' reads its weight as other than a 2-D "
                              "[K, N] or [N, K] tensor",
                              op->getName()));
  regionLayer.operandTransposed = weightExprs[0] == n;

  if (consumes) {
    Track track = values.lookup(layer.input);
    auto inputType = cast<RankedTensorType>(layer.input.getType());
    if (track.axis != inputType.getRank() - 1)
      return fail(llvm::formatv("a '{0}' reads the units along another axis "
                                "than its reduction",
                                op->getName()));
    if (!llvm::any_of(consumers, [&](const RegionLayer &l) {
          return l.layer.contraction == layer.contraction;
        }))
      consumers.push_back(regionLayer);
    return success();
  }
  Track track =
      values.count(result) ? values.lookup(result) : values.lookup(init.get());
  auto resultType = cast<RankedTensorType>(result.getType());
  if (track.axis != resultType.getRank() - 1)
    return fail(llvm::formatv("a '{0}' writes the units along another axis "
                              "than its output channels",
                              op->getName()));
  if (failed(assign(result, track)) || failed(trackUse(init, track)))
    return failure();
  if (!llvm::any_of(producers, [&](const RegionLayer &l) {
        return l.layer.contraction == layer.contraction;
      }))
    producers.push_back(regionLayer);
  return success();
}

LogicalResult UnitRegion::visitLinalg(linalg::LinalgOp op) {
  if (!op.hasPureTensorSemantics())
    return fail(
        llvm::formatv("the units reach '{0}' on buffers", op->getName()));
  if (op.hasIndexSemantics())
    return fail(llvm::formatv("the units reach '{0}', which reads its loop "
                              "indices",
                              op->getName()));
  // The loop that runs over the units, from any operand that carries them.
  std::optional<unsigned> loop;
  int64_t unit = 1;
  auto seen = [&](OpOperand &use, Track track) -> LogicalResult {
    AffineMap map = op.getMatchingIndexingMap(&use);
    auto dim = dyn_cast<AffineDimExpr>(map.getResult(track.axis));
    if (!dim)
      return fail(llvm::formatv("'{0}' reads the units through an affine "
                                "expression",
                                op->getName()));
    if (loop && *loop != dim.getPosition())
      return fail(llvm::formatv("'{0}' reads the units along two different "
                                "loops",
                                op->getName()));
    loop = dim.getPosition();
    unit = track.unit;
    return success();
  };
  for (OpOperand &use : op->getOpOperands())
    if (std::optional<Track> track = trackOf(use))
      if (failed(seen(use, *track)))
        return failure();
  for (OpResult result : op->getResults())
    if (auto it = values.find(result); it != values.end())
      if (failed(seen(op.getDpsInitsMutable()[result.getResultNumber()],
                      it->second)))
        return failure();
  assert(loop && "visited an op that no tracked tensor touches");
  if (op.getIteratorTypesArray()[*loop] != utils::IteratorType::parallel)
    return fail(llvm::formatv("'{0}' reduces over the units", op->getName()));

  AffineExpr loopExpr = getAffineDimExpr(*loop, op.getContext());
  for (OpOperand &use : op->getOpOperands()) {
    AffineMap map = op.getMatchingIndexingMap(&use);
    std::optional<int64_t> position;
    for (auto [i, expr] : llvm::enumerate(map.getResults())) {
      if (expr == loopExpr && !position) {
        position = i;
        continue;
      }
      if (expr.isFunctionOfDim(*loop))
        return fail(llvm::formatv("'{0}' reads the units through an affine "
                                  "expression",
                                  op->getName()));
    }
    if (!position)
      continue;
    // With rows, the channels come from one layer: an op that reads them
    // from a tensor not yet known combines them with something else.
    if (options.pattern == PrunePattern::Rows && !isLeaf(use.get()) &&
        !values.count(use.get()))
      return fail(llvm::formatv("'{0}' combines the channels with another "
                                "tensor (a residual add?)",
                                op->getName()));
    if (failed(trackUse(use, {*position, unit})))
      return failure();
  }
  for (OpResult result : op->getResults()) {
    OpOperand &init = op.getDpsInitsMutable()[result.getResultNumber()];
    if (std::optional<Track> track = trackOf(init))
      if (failed(assign(result, *track)))
        return failure();
  }
  return success();
}

LogicalResult UnitRegion::visitSoftmax(linalg::SoftmaxOp op) {
  std::optional<Track> track;
  for (OpOperand &use : op->getOpOperands())
    if (!track)
      track = trackOf(use);
  if (!track)
    if (auto it = values.find(op->getResult(0)); it != values.end())
      track = it->second;
  assert(track && "visited an op that no tracked tensor touches");
  if (static_cast<int64_t>(op.getDimension()) == track->axis)
    return fail("a linalg.softmax normalises over the units");
  for (OpOperand &use : op->getOpOperands())
    if (failed(trackUse(use, *track)))
      return failure();
  return assign(op->getResult(0), *track);
}

LogicalResult UnitRegion::visitReshape(Operation *op, Value collapsed,
                                       Value expanded,
                                       ArrayRef<ReassociationIndices> groups) {
  auto expandedType = cast<RankedTensorType>(expanded.getType());
  if (!expandedType.hasStaticShape())
    return fail(llvm::formatv("'{0}' has a dynamic shape", op->getName()));
  bool heads = options.pattern == PrunePattern::Heads;
  auto nonUnitDims = [&](const ReassociationIndices &group) {
    SmallVector<int64_t> dims;
    for (int64_t d : group)
      if (expandedType.getDimSize(d) != 1)
        dims.push_back(d);
    return dims;
  };
  auto notUnderstood = [&]() {
    return fail(llvm::formatv(
        "'{0}' reshapes the units in a way the pass does not follow{1}",
        op->getName(),
        heads ? " (only a split into [num-heads, dh] and its inverse)"
              : " (pattern=rows follows unit dimensions only)"));
  };
  if (auto it = values.find(collapsed); it != values.end()) {
    Track track = it->second;
    SmallVector<int64_t> dims = nonUnitDims(groups[track.axis]);
    if (dims.size() == 1)
      return assign(expanded, {dims[0], track.unit});
    if (heads && dims.size() == 2 && dims[1] == dims[0] + 1 &&
        expandedType.getDimSize(dims[0]) == numUnits &&
        expandedType.getDimSize(dims[1]) == track.unit) {
      splitsHeads = true;
      return assign(expanded, {dims[0], 1});
    }
    return notUnderstood();
  }
  Track track = values.lookup(expanded);
  for (auto [index, group] : llvm::enumerate(groups)) {
    if (!llvm::is_contained(group, track.axis))
      continue;
    SmallVector<int64_t> dims = nonUnitDims(group);
    if (dims.size() == 1)
      return assign(collapsed, {static_cast<int64_t>(index), track.unit});
    if (heads && track.unit == 1 && dims.size() == 2 && dims[0] == track.axis &&
        dims[1] == dims[0] + 1) {
      splitsHeads = true;
      return assign(collapsed, {static_cast<int64_t>(index),
                                expandedType.getDimSize(dims[1])});
    }
    return notUnderstood();
  }
  return notUnderstood();
}

std::vector<double> UnitRegion::scores() const {
  std::vector<double> score(numUnits, 0.0);
  auto add = [&](const RegionLayer &l, bool alongOutput) {
    std::string why;
    std::optional<WeightData> data = readConstantWeight(l.layer.weight, why);
    assert(data && "a region's layer has a constant weight");
    auto type = cast<RankedTensorType>(l.layer.weight.getType());
    int64_t rows = type.getDimSize(0), cols = type.getDimSize(1);
    // Stored [K, N], or [N, K] when transposed: the axis of the units.
    bool unitsAlongRows = alongOutput == l.layer.weightTransposed;
    int64_t extent = unitsAlongRows ? rows : cols;
    int64_t unit = extent / numUnits;
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c)
        score[(unitsAlongRows ? r : c) / unit] +=
            std::fabs(static_cast<double>(data->values[r * cols + c]));
  };
  for (const RegionLayer &l : producers)
    add(l, /*alongOutput=*/true);
  if (options.pattern == PrunePattern::Heads)
    for (const RegionLayer &l : consumers)
      add(l, /*alongOutput=*/false);
  return score;
}

void UnitRegion::shrink(int64_t remove) {
  std::vector<double> score = scores();
  SmallVector<int64_t> order(numUnits);
  std::iota(order.begin(), order.end(), 0);
  // Lowest score first; among equal scores, the lower index.
  llvm::sort(order, [&](int64_t a, int64_t b) {
    return std::make_pair(score[a], a) < std::make_pair(score[b], b);
  });
  kept.assign(order.begin() + remove, order.end());
  llvm::sort(kept);

  IRRewriter rewriter(block->getParentOp()->getContext());
  SmallVector<Operation *> dead;
  std::string why;

  // Leaves: rebuilt for each use, with the units removed.
  for (auto [use, track] : leafUses) {
    Value old = use->get();
    Operation *def = old.getDefiningOp();
    rewriter.setInsertionPoint(use->getOwner());
    RankedTensorType type = shrunkType(old.getType(), track);
    Value replacement;
    if (auto fill = dyn_cast<linalg::FillOp>(def)) {
      Value empty = tensor::EmptyOp::create(
          rewriter, fill.getLoc(), type.getShape(), type.getElementType());
      replacement = linalg::FillOp::create(rewriter, fill.getLoc(),
                                           fill.getInputs()[0], empty)
                        .getResult(0);
    } else if (isa<tensor::EmptyOp>(def)) {
      replacement = tensor::EmptyOp::create(
          rewriter, def->getLoc(), type.getShape(), type.getElementType());
    } else {
      std::optional<WeightData> data = readConstantWeight(old, why);
      assert(data && "a constant leaf is readable");
      auto oldType = cast<RankedTensorType>(old.getType());
      replacement = makeConstant(rewriter, def->getLoc(), type,
                                 sliceAlong(data->values, oldType.getShape(),
                                            track.axis, keptIndices(track)));
    }
    use->set(replacement);
    dead.push_back(def);
  }

  // The layers' weights.
  auto rebuildWeight = [&](const RegionLayer &l, bool producer) {
    Operation *op = l.layer.contraction;
    std::optional<WeightData> data = readConstantWeight(l.layer.weight, why);
    assert(data && "a region's layer has a constant weight");
    auto storedType = cast<RankedTensorType>(l.layer.weight.getType());
    // Stored as [K, N] (or [N, K]); slice N (producer) or K (consumer).
    int64_t unitAxis = (producer != l.layer.weightTransposed) ? 1 : 0;
    int64_t extent = storedType.getDimSize(unitAxis);
    std::vector<float> sliced =
        sliceAlong(data->values, storedType.getShape(), unitAxis,
                   keptIndices({unitAxis, extent / numUnits}));
    SmallVector<int64_t> shape(storedType.getShape());
    shape[unitAxis] = static_cast<int64_t>(sliced.size()) /
                      storedType.getDimSize(1 - unitAxis);
    // Lay it out as the contraction reads it.
    if (l.operandTransposed != l.layer.weightTransposed) {
      std::vector<float> transposed(sliced.size());
      for (int64_t r = 0; r < shape[0]; ++r)
        for (int64_t c = 0; c < shape[1]; ++c)
          transposed[c * shape[0] + r] = sliced[r * shape[1] + c];
      sliced = std::move(transposed);
      std::swap(shape[0], shape[1]);
    }
    OpOperand &use = op->getOpOperand(l.weightOperand);
    rewriter.setInsertionPoint(op);
    dead.push_back(use.get().getDefiningOp());
    use.set(
        makeConstant(rewriter, op->getLoc(), storedType.clone(shape), sliced));
  };
  for (const RegionLayer &l : producers)
    rebuildWeight(l, /*producer=*/true);
  for (const RegionLayer &l : consumers)
    rebuildWeight(l, /*producer=*/false);

  // The types of the results, in order, so that every op sees its operands'
  // new types.
  SmallVector<Operation *> ordered(ops.begin(), ops.end());
  llvm::sort(ordered,
             [](Operation *a, Operation *b) { return a->isBeforeInBlock(b); });
  for (Operation *op : ordered) {
    if (auto dps = dyn_cast<DestinationStyleOpInterface>(op)) {
      for (OpResult result : op->getResults())
        result.setType(dps.getDpsInits()[result.getResultNumber()].getType());
      continue;
    }
    Value result;
    if (auto expand = dyn_cast<tensor::ExpandShapeOp>(op)) {
      rewriter.setInsertionPoint(op);
      result = tensor::ExpandShapeOp::create(
          rewriter, op->getLoc(),
          shrunkType(expand.getType(), values.lookup(expand.getResult())),
          expand.getSrc(), expand.getReassociationIndices());
    } else if (auto collapse = dyn_cast<tensor::CollapseShapeOp>(op)) {
      rewriter.setInsertionPoint(op);
      result = tensor::CollapseShapeOp::create(
          rewriter, op->getLoc(),
          shrunkType(collapse.getType(), values.lookup(collapse.getResult())),
          collapse.getSrc(), collapse.getReassociationIndices());
    } else {
      continue;
    }
    rewriter.replaceAllUsesWith(op->getResult(0), result);
    rewriter.eraseOp(op);
  }
  eraseDeadProducers(rewriter, std::move(dead));
}

/// Whether the output of `op` reaches a tensor.expand_shape before any other
/// linear layer: the projection of an attention block.
static bool reachesExpandShape(Operation *op) {
  SmallVector<Operation *> worklist{op};
  DenseSet<Operation *> seen{op};
  while (!worklist.empty()) {
    Operation *current = worklist.pop_back_val();
    for (Operation *user : current->getUsers()) {
      if (isa<tensor::ExpandShapeOp>(user))
        return true;
      if (!seen.insert(user).second || matchConstantLayer(user))
        continue;
      worklist.push_back(user);
    }
  }
  return false;
}

LogicalResult
sqz::pruneStructured(ModuleOp module, const PruneOptions &options,
                     function_ref<void(Operation *, StringRef)> explain) {
  bool heads = options.pattern == PrunePattern::Heads;
  assert((heads || options.pattern == PrunePattern::Rows) &&
         "structured pruning removes rows or heads");
  if (!(options.sparsity >= 0.0 && options.sparsity < 1.0))
    return module.emitError("sqz-prune: sparsity must be in [0, 1), got ")
           << options.sparsity;
  if (heads && options.numHeads <= 0)
    return module.emitError(
               "sqz-prune: pattern=heads needs a positive num-heads, got ")
           << options.numHeads;

  SmallVector<Operation *> layers;
  module.walk([&](linalg::LinalgOp op) {
    if (matchConstantLayer(op))
      layers.push_back(op);
  });

  DenseSet<Operation *> done;
  bool failedAny = false;
  for (Operation *op : layers) {
    if (done.contains(op))
      continue;
    auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
    int64_t channels = resultType.getDimSize(resultType.getRank() - 1);
    if (ShapedType::isDynamic(channels)) {
      explain(op, "its output has a dynamic number of channels");
      continue;
    }
    int64_t units = heads ? options.numHeads : channels;
    if (heads && channels % options.numHeads != 0) {
      if (reachesExpandShape(op)) {
        op->emitError("sqz-prune: num-heads ")
            << options.numHeads << " does not divide the " << channels
            << " output channels of the projection";
        failedAny = true;
      } else {
        explain(op, llvm::formatv("not an attention projection: num-heads {0} "
                                  "does not divide its {1} output channels",
                                  options.numHeads, channels)
                        .str());
      }
      continue;
    }
    UnitRegion region(options, units, op->getBlock());
    LogicalResult grown = region.grow(
        op, {resultType.getRank() - 1, heads ? channels / units : 1});
    if (heads)
      for (Operation *producer : region.producerOps())
        done.insert(producer);
    if (failed(grown)) {
      explain(op, region.why);
      continue;
    }
    int64_t remove = static_cast<int64_t>(std::floor(options.sparsity * units));
    if (remove > 0)
      region.shrink(remove);
  }
  return failure(failedAny);
}
