//===- Network.h - Flat network for the simulator ---------------*- C++ -*-===//
//
// The reference simulator does not run MLIR: a builder translates `snn` ops
// into this flat, plain C++ graph (one Node per op, parameters under their NIR
// names, edges as per-node input lists that are summed), and the Engine runs
// it.  Keeping it MLIR-free lets back ends, tests and benchmarks construct
// networks directly and keeps the hot loops on flat vectors.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_SIMULATE_NETWORK_H
#define AXON_SIMULATE_NETWORK_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace axon::sim {

using NodeId = uint32_t;

/// Every op the simulator understands.  Names follow NIR (Integrator is NIR's
/// "I"); ALIF and the ANN kinds are Axon extensions.
enum class NodeKind : uint8_t {
  Input,
  Output,
  Affine,
  Linear,
  Scale,
  Conv1d,
  Conv2d,
  SumPool2d,
  AvgPool2d,
  Flatten,
  Delay,
  Threshold,
  Integrator,
  IF,
  LI,
  LIF,
  CubaLI,
  CubaLIF,
  ALIF,
  ReLU,
  Clamp,
  Sign,
  ArgMax,
  BatchNorm,
};

/// The NIR spelling of a kind ("I" for Integrator).
llvm::StringRef kindName(NodeKind kind);
/// Inverse of kindName; also accepts "Integrator".
std::optional<NodeKind> parseKind(llvm::StringRef name);

/// Kinds whose output is a spike train (values 0/1, with an event list).
bool isSpiking(NodeKind kind);
/// Kinds with a membrane state `v` (LI, LIF, IF, I, CubaLI, CubaLIF, ALIF).
bool isNeuron(NodeKind kind);
/// Affine, Linear, Conv1d, Conv2d: ops with a weight tensor.
bool isSynaptic(NodeKind kind);

/// A parameter: row-major values with a shape.  One value is a splat that
/// broadcasts to any shape (NIR issue #176).
struct Tensor {
  std::vector<int64_t> shape;
  std::vector<double> data;

  Tensor() = default;
  Tensor(double scalar) : data{scalar} {}
  Tensor(std::vector<double> values)
      : shape{static_cast<int64_t>(values.size())}, data(std::move(values)) {}
  Tensor(std::vector<int64_t> shape, std::vector<double> values)
      : shape(std::move(shape)), data(std::move(values)) {}

  size_t size() const { return data.size(); }
  bool isSplat() const { return data.size() == 1; }
  /// Element i, or the splat value.
  double at(size_t i) const { return data.size() == 1 ? data[0] : data[i]; }
};

/// Synaptic weights in CSR form keyed by the PRESYNAPTIC index: row p lists
/// the (post, weight) pairs reached by input element p, so a spike of p touches
/// exactly one row.  Within a row, post indices ascend (fromDense) or keep the
/// given order (fromRows).
struct SparseWeights {
  uint32_t numPre = 0;
  uint32_t numPost = 0;
  std::vector<uint64_t> rowStart; ///< numPre + 1 offsets into post/weight
  std::vector<uint32_t> post;
  std::vector<double> weight;

  /// From a dense NIR weight matrix `w[post][pre]` (row-major, numPost rows);
  /// exact zeros are skipped.
  static SparseWeights fromDense(llvm::ArrayRef<double> w, uint32_t numPost,
                                 uint32_t numPre);
  /// From per-presynaptic rows given directly (e.g. random fixed out-degree).
  static llvm::Expected<SparseWeights>
  fromRows(uint32_t numPost, llvm::ArrayRef<std::vector<uint32_t>> posts,
           llvm::ArrayRef<std::vector<double>> weights);

  size_t numSynapses() const { return post.size(); }
  /// Dense `w[post][pre]` (for small matrices and tests).
  std::vector<double> toDense() const;
  llvm::Error verify() const;
};

/// One op of the flat graph.  Parameters use NIR names: tau, r, v_leak,
/// v_threshold, v_reset, tau_syn, tau_mem, w_in, weight, bias, scale,
/// threshold, delay, stride, padding, dilation, groups, kernel_size, min, max,
/// gamma, beta, mean, var, eps, tau_adapt (ALIF), start_dim, end_dim.
struct Node {
  NodeKind kind = NodeKind::Input;
  std::string name;
  std::vector<int64_t> inputShape;  ///< filled by Network::finalize if empty
  std::vector<int64_t> outputShape; ///< filled by Network::finalize if empty
  std::map<std::string, Tensor, std::less<>> params;
  /// Optional sparse form of `weight` (Affine/Linear only).  When present and
  /// `weight` is absent, it is the only form of the weights.
  std::shared_ptr<const SparseWeights> sparse;
  /// Sources; their outputs are summed element-wise (NIR semantics).
  std::vector<NodeId> inputs;

  const Tensor *param(llvm::StringRef key) const;
  bool hasParam(llvm::StringRef key) const { return param(key) != nullptr; }
  /// Element i of a parameter, or `dflt` when the parameter is absent.
  double get(llvm::StringRef key, size_t i, double dflt) const;
  int64_t numInputs() const;
  int64_t numOutputs() const;
};

int64_t numElements(llvm::ArrayRef<int64_t> shape);

/// The flat graph.  Build with addNode/connect, then call finalize() once to
/// infer missing shapes and verify every parameter; the Engine requires a
/// finalized network.
class Network {
public:
  NodeId addNode(NodeKind kind, llvm::StringRef name,
                 std::map<std::string, Tensor, std::less<>> params = {});
  Node &node(NodeId id) { return nodes[id]; }
  const Node &node(NodeId id) const { return nodes[id]; }
  size_t size() const { return nodes.size(); }
  llvm::ArrayRef<Node> getNodes() const { return nodes; }
  std::optional<NodeId> lookup(llvm::StringRef name) const;

  /// Adds the edge src -> dst (dst sums all its inputs).
  void connect(NodeId src, NodeId dst) {
    nodes[dst].inputs.push_back(src);
    finalized = false;
  }

  /// Infers empty shapes from parameters and inputs, then verifies shapes,
  /// parameter sizes and value constraints.  Errors name the node.
  llvm::Error finalize();
  bool isFinalized() const { return finalized; }

  /// Convenience builders for hand-written networks (tests, benchmarks).
  NodeId addInput(llvm::StringRef name, std::vector<int64_t> shape);
  NodeId addOutput(llvm::StringRef name);
  NodeId addAffine(llvm::StringRef name, uint32_t numPost, uint32_t numPre,
                   std::vector<double> weight, std::vector<double> bias);
  NodeId addSparseLinear(llvm::StringRef name,
                         std::shared_ptr<const SparseWeights> weights);

private:
  std::vector<Node> nodes;
  bool finalized = false;
};

} // namespace axon::sim

#endif // AXON_SIMULATE_NETWORK_H
