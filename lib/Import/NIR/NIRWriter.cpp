//===- NIRWriter.cpp - exportNIR: one snn.network as a NIR file -----------===//
//
// Writes the NIR 1.0 layout of docs/formats/nir.md with the same node
// schema the reader uses: one group per op named after its NameLoc (unique
// names generated for unnamed ops), parameters in their own float type,
// edges from the operands.  The file is built in memory with the core
// driver and no timestamps, and every group is filled in name order, so the
// same IR always gives the same bytes.
//
//===----------------------------------------------------------------------===//

#include "axon/Import/NIR.h"
#include "dialects/snn/SNNOps.h"
#include "lib/Import/NIR/HDF5Util.h"
#include "lib/Import/NIR/NIRGraph.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>

using namespace mlir;
using namespace axon::nir;
using llvm::StringRef;

/// The NIR release whose layout (field names, v_reset, w_in, input_shape)
/// the writer follows.
static constexpr StringRef kNIRVersion = "1.0.0";

namespace {
class Writer {
public:
  LogicalResult run(axon::snn::NetworkOp network, llvm::raw_ostream &os);

private:
  void assignNames(Block &body);
  LogicalResult writeNodes(hid_t root, Block &body);
  LogicalResult writeNode(hid_t nodes, Operation *op);
  LogicalResult writeParams(hid_t group, Operation *op,
                            const NodeSchema &schema);
  LogicalResult writeFields(hid_t group, Operation *op,
                            const NodeSchema &schema);
  LogicalResult
  collectEdges(Block &body,
               std::vector<std::pair<std::string, std::string>> &edges);
  LogicalResult check(Operation *op, llvm::Error err);

  llvm::DenseMap<Operation *, std::string> names;
};
} // namespace

/// A name HDF5 accepts as a link name.
static std::string sanitize(StringRef name) {
  std::string out = name.str();
  std::replace(out.begin(), out.end(), '/', '_');
  if (out == ".")
    out = "_";
  return out;
}

void Writer::assignNames(Block &body) {
  llvm::StringSet<> used;
  SmallVector<Operation *> unnamed;
  for (Operation &op : body) {
    std::string name = sanitize(axon::snn::getNodeName(&op));
    if (!name.empty() && used.insert(name).second)
      names[&op] = name;
    else
      unnamed.push_back(&op);
  }
  for (Operation *op : unnamed) {
    std::string given = sanitize(axon::snn::getNodeName(op));
    std::string base = given;
    if (base.empty())
      base = op->getName().stripDialect().str();
    std::string candidate = base;
    for (int k = 1; !used.insert(candidate).second; ++k)
      candidate = base + "_" + std::to_string(k);
    if (!given.empty())
      emitWarning(op->getLoc())
          << "NIR node name '" << given
          << "' is already used by an earlier op; exported as '" << candidate
          << "'";
    names[op] = candidate;
  }
}

LogicalResult Writer::check(Operation *op, llvm::Error err) {
  if (!err)
    return success();
  return emitError(op->getLoc())
         << "cannot write NIR node '" << names.lookup(op)
         << "': " << llvm::toString(std::move(err));
}

LogicalResult Writer::writeParams(hid_t group, Operation *op,
                                  const NodeSchema &schema) {
  for (const ParamSpec &spec : schema.params) {
    auto attr = op->getAttrOfType<DenseElementsAttr>(spec.name);
    if (!attr)
      return emitError(op->getLoc())
             << "cannot export to NIR: missing parameter '" << spec.name << "'";
    ArrayRef<int64_t> shape = attr.getType().getShape();
    Type element = attr.getElementType();
    llvm::Error err = llvm::Error::success();
    if (element.isF32()) {
      SmallVector<float> values(attr.getValues<float>());
      err = writeFloats(group, spec.name, shape, values.data(),
                        H5T_NATIVE_FLOAT, H5T_IEEE_F32LE);
    } else if (element.isF64()) {
      SmallVector<double> values(attr.getValues<double>());
      err = writeFloats(group, spec.name, shape, values.data(),
                        H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE);
    } else {
      return emitError(op->getLoc())
             << "cannot export to NIR: parameter '" << spec.name
             << "' has element type " << element
             << "; NIR stores f32 or f64 parameters (export before "
                "quantization)";
    }
    if (failed(check(op, std::move(err))))
      return failure();
  }
  return success();
}

static ArrayRef<int64_t> shapeOf(Value value) {
  return llvm::cast<ShapedType>(value.getType()).getShape();
}

LogicalResult Writer::writeFields(hid_t group, Operation *op,
                                  const NodeSchema &schema) {
  auto ints = [&](StringRef name, ArrayRef<int64_t> values, bool scalar) {
    return check(op, writeInt64s(group, name, values, scalar));
  };
  auto array = [&](StringRef name) {
    auto attr = op->getAttrOfType<DenseI64ArrayAttr>(name);
    return attr ? ints(name, attr.asArrayRef(), false)
                : emitError(op->getLoc())
                      << "cannot export to NIR: missing '" << name << "'";
  };
  auto integer = [&](StringRef name) {
    auto attr = op->getAttrOfType<IntegerAttr>(name);
    return attr ? ints(name, {attr.getInt()}, true)
                : emitError(op->getLoc())
                      << "cannot export to NIR: missing '" << name << "'";
  };
  switch (schema.kind) {
  case NodeKind::Input:
    return ints("shape", shapeOf(op->getResult(0)), false);
  case NodeKind::Output:
    return ints("shape", shapeOf(op->getOperand(0)), false);
  case NodeKind::Conv1d:
  case NodeKind::Conv2d: {
    ArrayRef<int64_t> spatial = shapeOf(op->getOperand(0)).drop_front();
    return failure(
        failed(array("stride")) || failed(array("padding")) ||
        failed(array("dilation")) || failed(integer("groups")) ||
        failed(ints("input_shape", spatial, schema.kind == NodeKind::Conv1d)));
  }
  case NodeKind::SumPool2d:
  case NodeKind::AvgPool2d:
    return failure(failed(array("kernel_size")) || failed(array("stride")) ||
                   failed(array("padding")));
  case NodeKind::Flatten:
    return failure(
        failed(integer("start_dim")) || failed(integer("end_dim")) ||
        failed(ints("input_type", shapeOf(op->getOperand(0)), false)));
  default:
    return success();
  }
}

/// The schema of the NIR node type an op exports as, or null.
static const NodeSchema *schemaForOp(Operation *op) {
  for (int k = 0; k <= static_cast<int>(NodeKind::Graph); ++k) {
    const NodeSchema &schema = getSchema(static_cast<NodeKind>(k));
    if (!schema.opName.empty() && schema.opName == op->getName().getStringRef())
      return &schema;
  }
  return nullptr;
}

LogicalResult Writer::writeNode(hid_t nodes, Operation *op) {
  const NodeSchema *schema = schemaForOp(op);
  if (!schema)
    return emitError(op->getLoc())
           << "cannot export '" << op->getName() << "' (node '"
           << names.lookup(op) << "') to NIR: NIR has no equivalent node type";
  if ((schema->kind == NodeKind::Output && op->getNumOperands() == 0) ||
      (schema->kind != NodeKind::Output && op->getNumResults() != 1))
    return emitError(op->getLoc()) << "cannot export to NIR: malformed op";
  llvm::Expected<H5Handle> group = createGroup(nodes, names.lookup(op));
  if (!group)
    return check(op, group.takeError());
  if (failed(check(op, writeString(group->get(), "type", schema->nirType))) ||
      failed(writeParams(group->get(), op, *schema)))
    return failure();
  return writeFields(group->get(), op, *schema);
}

LogicalResult
Writer::collectEdges(Block &body,
                     std::vector<std::pair<std::string, std::string>> &edges) {
  for (Operation &op : body)
    for (Value operand : op.getOperands()) {
      Operation *def = operand.getDefiningOp();
      if (!def || !names.count(def))
        return emitError(op.getLoc()) << "cannot export to NIR: operand is not "
                                         "produced by an op of the network";
      edges.push_back({names.lookup(def), names.lookup(&op)});
    }
  llvm::sort(edges);
  return success();
}

LogicalResult Writer::run(axon::snn::NetworkOp network, llvm::raw_ostream &os) {
  H5Quiet quiet;
  Block &body = *network.getBodyBlock();
  assignNames(body);
  if (network.getDiscretizationAttr())
    emitWarning(network.getLoc())
        << "NIR is continuous-time: the network's discretization is not "
           "exported";
  std::vector<std::pair<std::string, std::string>> edges;
  if (failed(collectEdges(body, edges)))
    return failure();
  llvm::Expected<H5Handle> file = createImage();
  if (!file)
    return network.emitError() << llvm::toString(file.takeError());
  if (llvm::Error err = writeString(file->get(), "version", kNIRVersion))
    return network.emitError() << llvm::toString(std::move(err));
  llvm::Expected<H5Handle> root = createGroup(file->get(), "node");
  if (!root)
    return network.emitError() << llvm::toString(root.takeError());
  if (llvm::Error err = writeString(root->get(), "type", "NIRGraph"))
    return network.emitError() << llvm::toString(std::move(err));
  if (failed(writeNodes(root->get(), body)))
    return failure();
  if (llvm::Error err = writeStringPairs(root->get(), "edges", edges))
    return network.emitError() << llvm::toString(std::move(err));
  // The network's name survives a round trip through stdin this way.
  llvm::Expected<H5Handle> metadata = createGroup(root->get(), "metadata");
  if (!metadata)
    return network.emitError() << llvm::toString(metadata.takeError());
  if (llvm::Error err =
          writeString(metadata->get(), "name", network.getSymName()))
    return network.emitError() << llvm::toString(std::move(err));
  llvm::Expected<std::vector<char>> bytes = getImageBytes(file->get());
  if (!bytes)
    return network.emitError() << llvm::toString(bytes.takeError());
  os.write(bytes->data(), bytes->size());
  return success();
}

LogicalResult Writer::writeNodes(hid_t root, Block &body) {
  llvm::Expected<H5Handle> nodes = createGroup(root, "nodes");
  if (!nodes)
    return emitError(body.getParentOp()->getLoc())
           << llvm::toString(nodes.takeError());
  std::vector<Operation *> sorted;
  for (Operation &op : body)
    sorted.push_back(&op);
  llvm::sort(sorted, [&](Operation *a, Operation *b) {
    return names.lookup(a) < names.lookup(b);
  });
  for (Operation *op : sorted)
    if (failed(writeNode(nodes->get(), op)))
      return failure();
  return success();
}

LogicalResult axon::exportNIR(ModuleOp module, llvm::raw_ostream &os) {
  auto networks = module.getOps<snn::NetworkOp>();
  size_t count = std::distance(networks.begin(), networks.end());
  if (count != 1)
    return emitError(module.getLoc())
           << "NIR export needs exactly one snn.network in the module, found "
           << count;
  return Writer().run(*networks.begin(), os);
}
