//===- NIRSerialize.cpp - load a NIR file in a child process --------------===//
//
// loadGraphIsolated runs loadGraph (all HDF5 access) in a child process
// (Sandbox.h) and rebuilds the Graph and the loader's messages from a small
// binary encoding.  The decoder checks every count, index, name and size,
// so even a confused child cannot make the parent misbehave.
//
//===----------------------------------------------------------------------===//

#include "lib/Import/NIR/NIRGraph.h"
#include "lib/Import/NIR/Sandbox.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

using namespace axon::nir;
using namespace mlir;
using llvm::StringRef;

/// A legitimate NIR file is read in well under a minute.
static constexpr unsigned kLoadTimeoutSeconds = 120;

/// Memory the child may add while reading a file of `size` bytes: the
/// parameters (at most twice the loader's per-dataset limit, see
/// loadGraph) plus 1 GiB for HDF5 and the graph.  Corrupt files can make
/// HDF5 allocate without bound (over 20 GB in two minutes for two fuzzer
/// finds).
static uint64_t memoryBudget(uint64_t size) {
  uint64_t perDataset =
      std::min<uint64_t>((uint64_t(16) << 20) + 1024 * size, uint64_t(1) << 34);
  return (uint64_t(1) << 30) + 2 * perDataset;
}
static constexpr char kMagic[] = "AXNIR\x01";

namespace {
class Encoder {
public:
  void u64(uint64_t v) { out.append(reinterpret_cast<char *>(&v), sizeof(v)); }
  void i64(int64_t v) { u64(static_cast<uint64_t>(v)); }
  void str(StringRef s) {
    u64(s.size());
    out.append(s.data(), s.size());
  }
  void ints(llvm::ArrayRef<int64_t> values) {
    u64(values.size());
    for (int64_t v : values)
      i64(v);
  }
  template <typename Range> void indices(const Range &values) {
    u64(values.size());
    for (int v : values)
      i64(v);
  }
  std::string out;
};

class Decoder {
public:
  explicit Decoder(StringRef in) : in(in) {}
  bool ok() const { return good; }
  uint64_t u64() {
    uint64_t v = 0;
    if (!take(sizeof(v)))
      return 0;
    std::memcpy(&v, in.data() + pos - sizeof(v), sizeof(v));
    return v;
  }
  int64_t i64() { return static_cast<int64_t>(u64()); }
  /// A count of items of at least `itemBytes` bytes each that must still
  /// fit in the input.
  uint64_t count(size_t itemBytes) {
    uint64_t n = u64();
    if (n > (in.size() - pos) / std::max<size_t>(itemBytes, 1))
      good = false;
    return good ? n : 0;
  }
  std::string str() {
    uint64_t n = count(1);
    if (!take(n))
      return {};
    return in.substr(pos - n, n).str();
  }
  void ints(llvm::SmallVectorImpl<int64_t> &out) {
    uint64_t n = count(8);
    for (uint64_t i = 0; i < n && good; ++i)
      out.push_back(i64());
  }

private:
  bool take(uint64_t n) {
    if (!good || n > in.size() - pos)
      return good = false;
    pos += n;
    return true;
  }
  StringRef in;
  size_t pos = 0;
  bool good = true;
};
} // namespace

static void encodeNode(Encoder &e, const Node &node) {
  e.str(node.name);
  e.str(node.schema->nirType);
  e.u64(node.passThrough);
  e.u64(node.params.size());
  for (const Param &param : node.params) {
    e.str(param.name);
    e.u64(param.isF64);
    e.ints(param.shape);
    e.str(StringRef(param.data.data(), param.data.size()));
  }
  const Geometry &g = node.geometry;
  e.ints(g.stride);
  e.ints(g.padding);
  e.ints(g.dilation);
  e.ints(g.kernel);
  e.str(g.paddingMode);
  e.i64(g.groups);
  e.i64(node.startDim);
  e.i64(node.endDim);
  e.ints(node.declaredShape);
  e.u64(node.hasDeclaredShape);
  e.indices(node.preds);
  e.indices(node.succs);
}

static std::string encode(bool loaded, const Recorder &recorder,
                          const Graph &graph) {
  Encoder e;
  e.out.append(kMagic, sizeof(kMagic) - 1);
  e.u64(loaded);
  e.u64(recorder.messages.size());
  for (const Message &message : recorder.messages) {
    e.u64(static_cast<uint64_t>(message.severity));
    e.str(message.node);
    e.str(message.text);
  }
  e.str(graph.version);
  e.str(graph.networkName);
  e.u64(graph.nodes.size());
  for (const Node &node : graph.nodes)
    encodeNode(e, node);
  return std::move(e.out);
}

/// Decodes one parameter; its name must be one of the schema's.
static bool decodeParam(Decoder &d, const NodeSchema &schema, Param &param) {
  std::string name = d.str();
  for (const ParamSpec &spec : schema.params)
    if (spec.name == name)
      param.name = spec.name;
  param.isF64 = d.u64() != 0;
  d.ints(param.shape);
  std::string data = d.str();
  uint64_t count = 1;
  for (int64_t dim : param.shape) {
    if (dim < 0 || (dim && count > (uint64_t(1) << 40) / uint64_t(dim)))
      return false;
    count *= dim;
  }
  param.data.assign(data.begin(), data.end());
  return d.ok() && !param.name.empty() &&
         count * (param.isF64 ? 8 : 4) == data.size();
}

static bool decodeNode(Decoder &d, Node &node, size_t numNodes) {
  node.name = d.str();
  node.schema = lookupSchema(d.str());
  if (!node.schema || node.kind() == NodeKind::Graph)
    return false;
  node.passThrough = d.u64() != 0;
  uint64_t numParams = d.count(8);
  node.params.resize(numParams);
  for (Param &param : node.params)
    if (!decodeParam(d, *node.schema, param))
      return false;
  Geometry &g = node.geometry;
  d.ints(g.stride);
  d.ints(g.padding);
  d.ints(g.dilation);
  d.ints(g.kernel);
  g.paddingMode = d.str();
  g.groups = d.i64();
  node.startDim = d.i64();
  node.endDim = d.i64();
  d.ints(node.declaredShape);
  node.hasDeclaredShape = d.u64() != 0;
  for (auto *list : {&node.preds, &node.succs}) {
    SmallVector<int64_t> values;
    d.ints(values);
    for (int64_t v : values) {
      if (v < 0 || uint64_t(v) >= numNodes)
        return false;
      list->push_back(static_cast<int>(v));
    }
  }
  return d.ok() && node.params.size() == node.schema->params.size();
}

static bool decode(StringRef bytes, bool &loaded,
                   std::vector<Message> &messages, Graph &graph) {
  if (!bytes.consume_front(StringRef(kMagic, sizeof(kMagic) - 1)))
    return false;
  Decoder d(bytes);
  loaded = d.u64() != 0;
  uint64_t numMessages = d.count(24);
  for (uint64_t i = 0; i < numMessages && d.ok(); ++i) {
    Message message;
    uint64_t severity = d.u64();
    message.severity = severity == 1   ? Severity::Warning
                       : severity == 2 ? Severity::Remark
                                       : Severity::Error;
    message.node = d.str();
    message.text = d.str();
    messages.push_back(std::move(message));
  }
  graph.version = d.str();
  graph.networkName = d.str();
  uint64_t numNodes = d.count(64);
  graph.nodes.resize(numNodes);
  for (Node &node : graph.nodes)
    if (!d.ok() || !decodeNode(d, node, numNodes))
      return false;
  return d.ok();
}

LogicalResult axon::nir::loadGraphIsolated(StringRef bytes,
                                           const Reporter &report,
                                           Graph &graph) {
  if (!isolationAvailable() || std::getenv("AXON_NIR_IN_PROCESS")) {
    Recorder recorder;
    LogicalResult result = loadGraph(bytes, recorder, graph);
    report.replay(recorder.messages);
    return result;
  }
  llvm::Expected<std::string> out = runIsolated(
      [&] {
        Recorder recorder;
        Graph loadedGraph;
        bool loaded = succeeded(loadGraph(bytes, recorder, loadedGraph));
        return encode(loaded, recorder, loadedGraph);
      },
      kLoadTimeoutSeconds, memoryBudget(bytes.size()));
  if (!out)
    return report.fileError()
           << "corrupt HDF5 file: the HDF5 reader (run in a child process) "
           << llvm::toString(out.takeError());
  bool loaded = false;
  std::vector<Message> messages;
  if (!decode(*out, loaded, messages, graph))
    return report.fileError() << "internal error: the file reader's result "
                                 "could not be decoded";
  report.replay(messages);
  return success(loaded);
}
