//===- Network.cpp - Flat network: kinds, weights, builders -----*- C++ -*-===//
//
// finalize() is the simulator's verifier: everything the engine later assumes
// (shapes agree along every edge, per-neuron parameters have 1 or n values,
// time constants are positive) is checked here once, with a message naming
// the node, so the kernels can index without checks.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Network.h"
#include "Geometry.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>

using namespace axon::sim;
using llvm::Error;
using llvm::StringRef;

//===----------------------------------------------------------------------===//
// Kinds
//===----------------------------------------------------------------------===//

static constexpr const char *kKindNames[] = {
    "Input",  "Output",    "Affine",    "Linear",  "Scale",  "Conv1d",
    "Conv2d", "SumPool2d", "AvgPool2d", "Flatten", "Delay",  "Threshold",
    "I",      "IF",        "LI",        "LIF",     "CubaLI", "CubaLIF",
    "ALIF",   "ReLU",      "Clamp",     "Sign",    "ArgMax", "BatchNorm"};

StringRef axon::sim::kindName(NodeKind kind) {
  return kKindNames[static_cast<unsigned>(kind)];
}

std::optional<NodeKind> axon::sim::parseKind(StringRef name) {
  if (name == "Integrator")
    return NodeKind::Integrator;
  for (unsigned i = 0; i < std::size(kKindNames); ++i)
    if (name == kKindNames[i])
      return static_cast<NodeKind>(i);
  return std::nullopt;
}

bool axon::sim::isSpiking(NodeKind kind) {
  switch (kind) {
  case NodeKind::LIF:
  case NodeKind::IF:
  case NodeKind::CubaLIF:
  case NodeKind::ALIF:
  case NodeKind::Threshold:
    return true;
  default:
    return false;
  }
}

bool axon::sim::isNeuron(NodeKind kind) {
  switch (kind) {
  case NodeKind::LI:
  case NodeKind::LIF:
  case NodeKind::IF:
  case NodeKind::Integrator:
  case NodeKind::CubaLI:
  case NodeKind::CubaLIF:
  case NodeKind::ALIF:
    return true;
  default:
    return false;
  }
}

bool axon::sim::isSynaptic(NodeKind kind) {
  return kind == NodeKind::Affine || kind == NodeKind::Linear ||
         kind == NodeKind::Conv1d || kind == NodeKind::Conv2d;
}

int64_t axon::sim::numElements(llvm::ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

//===----------------------------------------------------------------------===//
// Node
//===----------------------------------------------------------------------===//

const Tensor *Node::param(StringRef key) const {
  auto it = params.find(key);
  return it == params.end() ? nullptr : &it->second;
}

double Node::get(StringRef key, size_t i, double dflt) const {
  const Tensor *t = param(key);
  return t && !t->data.empty() ? t->at(i) : dflt;
}

int64_t Node::numInputs() const { return numElements(inputShape); }
int64_t Node::numOutputs() const { return numElements(outputShape); }

//===----------------------------------------------------------------------===//
// SparseWeights
//===----------------------------------------------------------------------===//

SparseWeights SparseWeights::fromDense(llvm::ArrayRef<double> w,
                                       uint32_t numPost, uint32_t numPre) {
  SparseWeights s;
  s.numPre = numPre;
  s.numPost = numPost;
  s.rowStart.assign(numPre + 1, 0);
  for (uint32_t o = 0; o < numPost; ++o)
    for (uint32_t i = 0; i < numPre; ++i)
      if (w[size_t(o) * numPre + i] != 0.0)
        ++s.rowStart[i + 1];
  for (uint32_t i = 0; i < numPre; ++i)
    s.rowStart[i + 1] += s.rowStart[i];
  s.post.resize(s.rowStart[numPre]);
  s.weight.resize(s.rowStart[numPre]);
  std::vector<uint64_t> fill(s.rowStart.begin(), s.rowStart.end() - 1);
  // Posts are visited in ascending order, so each row comes out sorted.
  for (uint32_t o = 0; o < numPost; ++o)
    for (uint32_t i = 0; i < numPre; ++i) {
      double v = w[size_t(o) * numPre + i];
      if (v == 0.0)
        continue;
      s.post[fill[i]] = o;
      s.weight[fill[i]++] = v;
    }
  return s;
}

llvm::Expected<SparseWeights>
SparseWeights::fromRows(uint32_t numPost,
                        llvm::ArrayRef<std::vector<uint32_t>> posts,
                        llvm::ArrayRef<std::vector<double>> weights) {
  if (posts.size() != weights.size())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "sparse weights: %zu post rows but %zu "
                                   "weight rows",
                                   posts.size(), weights.size());
  SparseWeights s;
  s.numPre = static_cast<uint32_t>(posts.size());
  s.numPost = numPost;
  s.rowStart.push_back(0);
  for (size_t p = 0; p < posts.size(); ++p) {
    if (posts[p].size() != weights[p].size())
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "sparse weights: row %zu has %zu posts but %zu weights", p,
          posts[p].size(), weights[p].size());
    s.post.insert(s.post.end(), posts[p].begin(), posts[p].end());
    s.weight.insert(s.weight.end(), weights[p].begin(), weights[p].end());
    s.rowStart.push_back(s.post.size());
  }
  if (auto err = s.verify())
    return std::move(err);
  return s;
}

std::vector<double> SparseWeights::toDense() const {
  std::vector<double> w(size_t(numPost) * numPre, 0.0);
  for (uint32_t p = 0; p < numPre; ++p)
    for (uint64_t k = rowStart[p]; k < rowStart[p + 1]; ++k)
      w[size_t(post[k]) * numPre + p] += weight[k];
  return w;
}

Error SparseWeights::verify() const {
  if (rowStart.size() != size_t(numPre) + 1 || rowStart.front() != 0 ||
      rowStart.back() != post.size() || post.size() != weight.size())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "sparse weights: malformed CSR arrays");
  for (uint32_t p = 0; p < numPre; ++p)
    if (rowStart[p] > rowStart[p + 1])
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "sparse weights: row %u has a negative "
                                     "length",
                                     p);
  for (size_t k = 0; k < post.size(); ++k)
    if (post[k] >= numPost || !std::isfinite(weight[k]))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "sparse weights: synapse %zu has post %u (of %u) or a non-finite "
          "weight",
          k, post[k], numPost);
  return Error::success();
}

//===----------------------------------------------------------------------===//
// Network builders
//===----------------------------------------------------------------------===//

NodeId Network::addNode(NodeKind kind, StringRef name,
                        std::map<std::string, Tensor, std::less<>> params) {
  Node n;
  n.kind = kind;
  n.name = name.str();
  n.params = std::move(params);
  nodes.push_back(std::move(n));
  finalized = false;
  return static_cast<NodeId>(nodes.size() - 1);
}

std::optional<NodeId> Network::lookup(StringRef name) const {
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].name == name)
      return static_cast<NodeId>(i);
  return std::nullopt;
}

NodeId Network::addInput(StringRef name, std::vector<int64_t> shape) {
  NodeId id = addNode(NodeKind::Input, name);
  nodes[id].outputShape = shape;
  nodes[id].inputShape = std::move(shape);
  return id;
}

NodeId Network::addOutput(StringRef name) {
  return addNode(NodeKind::Output, name);
}

NodeId Network::addAffine(StringRef name, uint32_t numPost, uint32_t numPre,
                          std::vector<double> weight,
                          std::vector<double> bias) {
  std::map<std::string, Tensor, std::less<>> p;
  p["weight"] = Tensor({int64_t(numPost), int64_t(numPre)}, std::move(weight));
  p["bias"] = Tensor(std::move(bias));
  return addNode(NodeKind::Affine, name, std::move(p));
}

NodeId Network::addSparseLinear(StringRef name,
                                std::shared_ptr<const SparseWeights> weights) {
  NodeId id = addNode(NodeKind::Linear, name);
  nodes[id].inputShape = {int64_t(weights->numPre)};
  nodes[id].outputShape = {int64_t(weights->numPost)};
  nodes[id].sparse = std::move(weights);
  return id;
}
