//===- NIRLoad.cpp - read a NIR HDF5 file into a flat graph ---------------===//
//
// Walks /version and /node (a NIRGraph), reads every node's fields through
// FieldReader, flattens nested graphs (node B of sub-graph G becomes "G.B";
// the sub-graph's Input/Output nodes become pass-through nodes) and resolves
// edge endpoints, including "G.B" ports and bare "G".  Every limit that
// protects against hostile files (depth, node and edge counts, data sizes)
// is enforced here.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/NIR/NIRFields.h"
#include "lib/Import/NIR/NIRGraph.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <memory>
#include <numeric>

using namespace axon::nir;
using namespace mlir;
using llvm::StringRef;

namespace {
constexpr int kMaxDepth = 32;
constexpr size_t kMaxNodes = size_t(1) << 17;
constexpr size_t kMaxEdges = size_t(1) << 20;

/// One graph level while loading: local names to nodes and sub-graphs.
struct Scope {
  std::string prefix;    // "" at top level, "G." inside sub-graph G
  std::string graphName; // "" at top level, else the sub-graph's full name
  llvm::StringMap<int> nodes;
  llvm::StringMap<std::unique_ptr<Scope>> graphs;
  SmallVector<int> inputs, outputs;
};

class Loader {
public:
  Loader(Recorder &report, Graph &graph, FileImage &image)
      : report(report), graph(graph), image(image) {}
  LogicalResult run(StringRef bytes);

private:
  LogicalResult readVersion(hid_t file);
  LogicalResult openRoot(hid_t file, H5Handle &root);
  void readNetworkName(hid_t root);
  LogicalResult loadScope(hid_t group, Scope &scope, int depth);
  LogicalResult loadMember(hid_t nodes, StringRef local, Scope &scope,
                           int depth);
  LogicalResult loadSubGraph(hid_t group, StringRef local, Node &header,
                             Scope &scope, int depth);
  LogicalResult readParams(FieldReader &fields, Node &node);
  LogicalResult checkParamShapes(Node &node);
  LogicalResult readGeometry(FieldReader &fields, Node &node);
  LogicalResult loadEdges(hid_t group, Scope &scope);
  LogicalResult addEdges(const Scope &scope, StringRef src, StringRef dst);
  std::optional<SmallVector<int>> resolve(const Scope &scope, StringRef name,
                                          bool asSource, std::string &why);
  void finish();
  Recorder::Builder graphError(const Scope &scope);

  Recorder &report;
  Graph &graph;
  FileImage &image;
  std::vector<std::pair<int, int>> edges;
  llvm::StringSet<> fullNames;
};
} // namespace

Recorder::Builder Loader::graphError(const Scope &scope) {
  if (scope.graphName.empty())
    return std::move(report.fileError() << "top-level graph: ");
  return report.nodeError(scope.graphName, "NIRGraph");
}

LogicalResult Loader::run(StringRef bytes) {
  H5Quiet quiet;
  if (!hasHDF5Signature(bytes))
    return report.fileError() << "not an HDF5 file (no HDF5 signature)";
  llvm::Expected<H5Handle> file = openImage(bytes);
  if (!file)
    return report.fileError() << "truncated or corrupt HDF5 file: "
                              << llvm::toString(file.takeError());
  if (llvm::Error err = describeImage(file->get(), image))
    return report.fileError()
           << "corrupt HDF5 file: " << llvm::toString(std::move(err));
  H5Handle root;
  if (failed(readVersion(file->get())) || failed(openRoot(file->get(), root)))
    return failure();
  readNetworkName(root.get());
  Scope top;
  if (failed(loadScope(root.get(), top, 0)))
    return failure();
  finish();
  return success();
}

LogicalResult Loader::readVersion(hid_t file) {
  llvm::Expected<std::optional<std::string>> version =
      readSingleString(file, "version", image);
  if (!version)
    return report.fileError() << llvm::toString(version.takeError());
  if (!*version)
    return report.fileError()
           << "no 'version' dataset at the root (not a NIR file?)";
  graph.version = **version;
  unsigned major = 0;
  if (!StringRef(graph.version).split('.').first.getAsInteger(10, major) &&
      major >= 2)
    report.fileWarning()
        << "version " << graph.version
        << " is newer than the 1.x layout this reader knows; reading it "
           "anyway";
  return success();
}

LogicalResult Loader::openRoot(hid_t file, H5Handle &root) {
  llvm::Expected<ObjectKind> kind = getMemberKind(file, "node");
  if (!kind)
    return report.fileError() << llvm::toString(kind.takeError());
  if (*kind != ObjectKind::Group)
    return report.fileError()
           << (*kind == ObjectKind::Missing
                   ? "no 'node' group at the root (not a NIR file?)"
                   : "'node' is a dataset, expected the graph's group");
  llvm::Expected<H5Handle> group = openMember(file, "node", *kind);
  if (!group)
    return report.fileError() << llvm::toString(group.takeError());
  llvm::Expected<std::optional<std::string>> type =
      readSingleString(group->get(), "type", image);
  if (!type)
    return report.fileError() << "node: " << llvm::toString(type.takeError());
  if (!*type || **type != "NIRGraph")
    return report.fileError()
           << "the top-level node must have type 'NIRGraph', got "
           << (*type ? "'" + **type + "'" : std::string("no 'type'"));
  root = std::move(*group);
  return success();
}

void Loader::readNetworkName(hid_t root) {
  // Free-form metadata: use node/metadata/name if it is a string, else
  // ignore it silently.
  llvm::Expected<ObjectKind> kind = getMemberKind(root, "metadata");
  if (!kind || *kind != ObjectKind::Group) {
    if (!kind)
      llvm::consumeError(kind.takeError());
    return;
  }
  llvm::Expected<H5Handle> meta = openMember(root, "metadata", *kind);
  if (!meta) {
    llvm::consumeError(meta.takeError());
    return;
  }
  llvm::Expected<std::optional<std::string>> name =
      readSingleString(meta->get(), "name", image);
  if (!name) {
    llvm::consumeError(name.takeError());
    (void)takeH5ErrorMessage();
    return;
  }
  if (*name)
    graph.networkName = **name;
}

LogicalResult Loader::loadScope(hid_t group, Scope &scope, int depth) {
  llvm::Expected<ObjectKind> kind = getMemberKind(group, "nodes");
  if (!kind)
    return graphError(scope) << llvm::toString(kind.takeError());
  if (*kind != ObjectKind::Group)
    return graphError(scope)
           << (*kind == ObjectKind::Missing
                   ? "has no 'nodes' group"
                   : "'nodes' is a dataset, expected a group");
  llvm::Expected<H5Handle> nodes = openMember(group, "nodes", *kind);
  if (!nodes)
    return graphError(scope) << llvm::toString(nodes.takeError());
  llvm::Expected<std::vector<std::string>> names =
      listMembers(nodes->get(), kMaxNodes);
  if (!names)
    return graphError(scope)
           << "'nodes': " << llvm::toString(names.takeError());
  for (const std::string &name : *names)
    if (failed(loadMember(nodes->get(), name, scope, depth)))
      return failure();
  return loadEdges(group, scope);
}

LogicalResult Loader::loadMember(hid_t nodes, StringRef local, Scope &scope,
                                 int depth) {
  std::string full = scope.prefix + local.str();
  if (graph.nodes.size() >= kMaxNodes)
    return report.fileError() << "more than " << kMaxNodes << " nodes";
  llvm::Expected<ObjectKind> kind = getMemberKind(nodes, local);
  if (!kind)
    return report.nodeError(full, "") << llvm::toString(kind.takeError());
  if (*kind != ObjectKind::Group)
    return report.nodeError(full, "") << "is a dataset, expected a node group";
  llvm::Expected<H5Handle> group = openMember(nodes, local, *kind);
  if (!group)
    return report.nodeError(full, "") << llvm::toString(group.takeError());
  llvm::Expected<std::optional<std::string>> type =
      readSingleString(group->get(), "type", image);
  if (!type)
    return report.nodeError(full, "") << llvm::toString(type.takeError());
  if (!*type)
    return report.nodeError(full, "") << "missing required dataset 'type'";
  Node node;
  node.name = full;
  node.schema = lookupSchema(**type);
  if (!node.schema)
    return report.nodeError(full, "")
           << "unknown node type '" << **type
           << "' (NIR types: " << listNodeTypes() << ")";
  if (!fullNames.insert(full).second)
    return report.nodeError(node)
           << "the name is used twice (a node and a sub-graph member "
              "flatten to the same name)";
  if (node.kind() == NodeKind::Graph)
    return loadSubGraph(group->get(), local, node, scope, depth);

  node.passThrough = depth > 0 && (node.kind() == NodeKind::Input ||
                                   node.kind() == NodeKind::Output);
  FieldReader fields(group->get(), node, report, image);
  if (failed(readParams(fields, node)) || failed(readGeometry(fields, node)) ||
      failed(fields.remarkUnknownFields()))
    return failure();
  int index = graph.nodes.size();
  scope.nodes[local] = index;
  if (node.kind() == NodeKind::Input)
    scope.inputs.push_back(index);
  if (node.kind() == NodeKind::Output)
    scope.outputs.push_back(index);
  graph.nodes.push_back(std::move(node));
  return success();
}

LogicalResult Loader::loadSubGraph(hid_t group, StringRef local, Node &header,
                                   Scope &scope, int depth) {
  if (depth + 1 >= kMaxDepth)
    return report.nodeError(header)
           << "sub-graphs are nested more than " << kMaxDepth << " deep";
  FieldReader fields(group, header, report, image);
  if (failed(fields.remarkUnknownFields()))
    return failure();
  auto sub = std::make_unique<Scope>();
  sub->prefix = header.name + ".";
  sub->graphName = header.name;
  if (failed(loadScope(group, *sub, depth + 1)))
    return failure();
  scope.graphs[local] = std::move(sub);
  return success();
}

/// Default for a parameter missing in files older than NIR 1.0: zeros
/// shaped like v_threshold (as nir.read does) or a single 1.
static Param defaultParam(const Node &node, const ParamSpec &spec,
                          Recorder &report) {
  Param value;
  value.name = spec.name;
  if (spec.fallback == ParamDefault::ZerosLikeThreshold) {
    const Param &like = *node.getParam("v_threshold");
    report.nodeRemark(node)
        << "no '" << spec.name << "' dataset (NIR < 1.0); using 0";
    value.isF64 = like.isF64;
    value.shape = like.shape;
    value.data.assign(like.data.size(), 0);
    return value;
  }
  const Param &like = *node.getParam("tau_mem");
  report.nodeRemark(node) << "no '" << spec.name
                          << "' dataset (NIR < 1.0); using 1";
  value.isF64 = like.isF64;
  value.shape = {1};
  if (value.isF64) {
    double one = 1.0;
    value.data.assign(reinterpret_cast<const char *>(&one),
                      reinterpret_cast<const char *>(&one) + sizeof(one));
  } else {
    float one = 1.0f;
    value.data.assign(reinterpret_cast<const char *>(&one),
                      reinterpret_cast<const char *>(&one) + sizeof(one));
  }
  return value;
}

LogicalResult Loader::readParams(FieldReader &fields, Node &node) {
  for (const ParamSpec &spec : node.schema->params) {
    Param value;
    bool found;
    bool required = spec.fallback == ParamDefault::Required;
    if (failed(fields.readParam(spec.name, required, value, found)))
      return failure();
    value.name = spec.name;
    node.params.push_back(found ? std::move(value)
                                : defaultParam(node, spec, report));
  }
  return checkParamShapes(node);
}

LogicalResult Loader::checkParamShapes(Node &node) {
  NodeKind kind = node.kind();
  if (const Param *weight = node.getParam("weight")) {
    size_t rank = kind == NodeKind::Conv1d   ? 3
                  : kind == NodeKind::Conv2d ? 4
                                             : 2;
    StringRef layout = rank == 2   ? "[out, in]"
                       : rank == 3 ? "[C_out, C_in/groups, K]"
                                   : "[C_out, C_in/groups, K_h, K_w]";
    if (weight->shape.size() != rank)
      return report.nodeError(node)
             << "dataset 'weight' has rank " << weight->shape.size()
             << " (shape " << formatShape(weight->shape) << "); expected rank "
             << rank << " " << layout;
  }
  if (!node.schema->elementwise)
    return success();
  // Every parameter is one value per neuron (all the same shape) or one
  // value for the whole population.
  const Param *first = nullptr;
  for (const Param &param : node.params) {
    if (param.numElements() == 1)
      continue;
    if (!first) {
      first = &param;
      continue;
    }
    if (first->shape != param.shape)
      return report.nodeError(node)
             << "parameters '" << first->name << "' "
             << formatShape(first->shape) << " and '" << param.name << "' "
             << formatShape(param.shape)
             << " have different shapes; each must be one value per neuron "
                "or a single value";
  }
  return success();
}

LogicalResult Loader::readGeometry(FieldReader &fields, Node &node) {
  Geometry &g = node.geometry;
  bool found;
  switch (node.kind()) {
  case NodeKind::Input:
  case NodeKind::Output:
    if (failed(fields.readShape("shape", true, node.declaredShape, found)))
      return failure();
    node.hasDeclaredShape = true;
    return success();
  case NodeKind::Conv1d:
  case NodeKind::Conv2d: {
    size_t nd = node.kind() == NodeKind::Conv1d ? 1 : 2;
    if (failed(fields.readInts("stride", true, nd, g.stride, found)) ||
        failed(fields.readPadding(nd, g)) ||
        failed(fields.readInts("dilation", true, nd, g.dilation, found)) ||
        failed(fields.readInt("groups", g.groups)) ||
        failed(fields.readShape("input_shape", false, node.declaredShape,
                                node.hasDeclaredShape)))
      return failure();
    if (g.groups < 1 || g.groups > (int64_t(1) << 24))
      return report.nodeError(node)
             << "'groups' must be between 1 and " << (int64_t(1) << 24)
             << ", got " << g.groups;
    return success();
  }
  case NodeKind::SumPool2d:
  case NodeKind::AvgPool2d:
    if (failed(fields.readInts("kernel_size", true, 2, g.kernel, found)) ||
        failed(fields.readInts("stride", true, 2, g.stride, found)) ||
        failed(fields.readPadding(2, g)))
      return failure();
    return success();
  case NodeKind::Flatten:
    if (failed(fields.readInt("start_dim", node.startDim)) ||
        failed(fields.readInt("end_dim", node.endDim)) ||
        failed(fields.readShape("input_type", false, node.declaredShape,
                                node.hasDeclaredShape)))
      return failure();
    return success();
  default:
    return success();
  }
}

LogicalResult Loader::loadEdges(hid_t group, Scope &scope) {
  llvm::Expected<ObjectKind> kind = getMemberKind(group, "edges");
  if (!kind)
    return graphError(scope) << llvm::toString(kind.takeError());
  if (*kind != ObjectKind::Dataset)
    return graphError(scope) << (*kind == ObjectKind::Missing
                                     ? "has no 'edges' dataset"
                                     : "'edges' is a group, expected an (N, 2) "
                                       "string dataset");
  llvm::Expected<H5Handle> dataset = openMember(group, "edges", *kind);
  if (!dataset)
    return graphError(scope) << llvm::toString(dataset.takeError());
  llvm::Expected<DatasetInfo> info = describeDataset(dataset->get(), image);
  if (!info)
    return graphError(scope) << "'edges' " << llvm::toString(info.takeError());
  if (info->typeClass != H5T_STRING)
    return graphError(scope) << "'edges' must be an (N, 2) array of strings, "
                                "got "
                             << describeClass(*info) << " dataset";
  if (info->numElements != 0 && (info->dims.size() != 2 || info->dims[1] != 2))
    return graphError(scope)
           << "'edges' must have shape (N, 2), got " << formatShape(info->dims);
  if (size_t(info->numElements / 2) > kMaxEdges)
    return graphError(scope) << "more than " << kMaxEdges << " edges";
  llvm::Expected<std::vector<std::string>> cells =
      readStrings(dataset->get(), *info, image);
  if (!cells)
    return graphError(scope) << "'edges' " << llvm::toString(cells.takeError());
  for (size_t i = 0; i + 1 < cells->size(); i += 2)
    if (failed(addEdges(scope, (*cells)[i], (*cells)[i + 1])))
      return failure();
  return success();
}

std::optional<SmallVector<int>> Loader::resolve(const Scope &scope,
                                                StringRef name, bool asSource,
                                                std::string &why) {
  auto node = scope.nodes.find(name);
  if (node != scope.nodes.end())
    return SmallVector<int>{node->second};
  auto sub = scope.graphs.find(name);
  if (sub != scope.graphs.end()) {
    const SmallVector<int> &ports =
        asSource ? sub->second->outputs : sub->second->inputs;
    if (ports.empty()) {
      why = "sub-graph '" + scope.prefix + name.str() + "' has no " +
            (asSource ? "Output" : "Input") + " node";
      return std::nullopt;
    }
    return ports;
  }
  // "G.B" addresses node B of sub-graph G (B may itself be "H.C").
  for (size_t dot = name.find('.'); dot != StringRef::npos;
       dot = name.find('.', dot + 1)) {
    auto inner = scope.graphs.find(name.take_front(dot));
    if (inner != scope.graphs.end())
      return resolve(*inner->second, name.drop_front(dot + 1), asSource, why);
  }
  why = "no node named '" + scope.prefix + name.str() + "'";
  return std::nullopt;
}

LogicalResult Loader::addEdges(const Scope &scope, StringRef src,
                               StringRef dst) {
  std::string why;
  std::optional<SmallVector<int>> sources = resolve(scope, src, true, why);
  std::optional<SmallVector<int>> targets =
      sources ? resolve(scope, dst, false, why) : std::nullopt;
  auto edgeError = [&]() {
    return std::move(graphError(scope)
                     << "edge '" << scope.prefix << src << "' -> '"
                     << scope.prefix << dst << "': ");
  };
  if (!targets)
    return edgeError() << why;
  for (int s : *sources) {
    const Node &from = graph.nodes[s];
    if (from.kind() == NodeKind::Output && !from.passThrough)
      return edgeError() << "an Output node cannot be the source of an edge";
    for (int t : *targets) {
      const Node &to = graph.nodes[t];
      if (to.kind() == NodeKind::Input && !to.passThrough)
        return edgeError() << "an Input node cannot be the target of an edge";
      if (edges.size() >= kMaxEdges)
        return edgeError() << "more than " << kMaxEdges << " edges";
      edges.push_back({s, t});
    }
  }
  return success();
}

void Loader::finish() {
  // Index order becomes name order, which every later step relies on for
  // determinism.
  size_t n = graph.nodes.size();
  std::vector<int> byName(n);
  std::iota(byName.begin(), byName.end(), 0);
  std::sort(byName.begin(), byName.end(), [&](int a, int b) {
    return graph.nodes[a].name < graph.nodes[b].name;
  });
  std::vector<int> newIndex(n);
  std::vector<Node> sorted;
  sorted.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    newIndex[byName[i]] = i;
    sorted.push_back(std::move(graph.nodes[byName[i]]));
  }
  for (auto [s, t] : edges) {
    sorted[newIndex[s]].succs.push_back(newIndex[t]);
    sorted[newIndex[t]].preds.push_back(newIndex[s]);
  }
  for (Node &node : sorted) {
    llvm::sort(node.preds);
    llvm::sort(node.succs);
  }
  graph.nodes = std::move(sorted);
}

LogicalResult axon::nir::loadGraph(StringRef bytes, Recorder &report,
                                   Graph &graph) {
  // Decompressed data may exceed the file; allow a generous factor but
  // refuse what only a hostile file would declare.
  FileImage image;
  image.bytes = bytes;
  image.maxBytes = std::min<uint64_t>(
      (uint64_t(16) << 20) + uint64_t(1024) * bytes.size(), uint64_t(1) << 34);
  return Loader(report, graph, image).run(bytes);
}
