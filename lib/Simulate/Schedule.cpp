//===- Schedule.cpp - Evaluation order of a network -------------*- C++ -*-===//
//
// Tarjan's SCC algorithm (iterative, so a 10,000-layer chain cannot overflow
// the stack), a Kahn sort of the condensation keyed on each SCC's smallest
// node id, and a DFS inside each SCC.  See Schedule.h for the rule.
//
//===----------------------------------------------------------------------===//

#include "axon/Simulate/Schedule.h"

#include <algorithm>
#include <functional>
#include <queue>

using namespace axon::sim;

namespace {
using Adjacency = std::vector<std::vector<NodeId>>;

/// Iterative Tarjan; returns the SCC id of every node (ids in discovery
/// order, which is a reverse topological order of the condensation).
std::vector<uint32_t> tarjan(const Adjacency &succ) {
  size_t n = succ.size();
  const uint32_t kUnset = ~0u;
  std::vector<uint32_t> index(n, kUnset), low(n, 0), comp(n, kUnset);
  std::vector<NodeId> stack;
  std::vector<uint8_t> onStack(n, 0);
  std::vector<std::pair<NodeId, size_t>> frames;
  uint32_t counter = 0, numComps = 0;
  for (NodeId root = 0; root < n; ++root) {
    if (index[root] != kUnset)
      continue;
    frames.push_back({root, 0});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    onStack[root] = 1;
    while (!frames.empty()) {
      auto &[v, next] = frames.back();
      if (next < succ[v].size()) {
        NodeId w = succ[v][next++];
        if (index[w] == kUnset) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          onStack[w] = 1;
          frames.push_back({w, 0});
        } else if (onStack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      NodeId done = v;
      frames.pop_back();
      if (!frames.empty())
        low[frames.back().first] =
            std::min(low[frames.back().first], low[done]);
      if (low[done] != index[done])
        continue;
      NodeId w;
      do {
        w = stack.back();
        stack.pop_back();
        onStack[w] = 0;
        comp[w] = numComps;
      } while (w != done);
      ++numComps;
    }
  }
  return comp;
}

/// Reverse postorder of the DFS from `entry` inside its SCC.
std::vector<NodeId> orderInsideScc(const Adjacency &succ,
                                   const std::vector<uint32_t> &comp,
                                   NodeId entry) {
  std::vector<NodeId> post;
  std::vector<uint8_t> seen(succ.size(), 0);
  std::vector<std::pair<NodeId, size_t>> frames{{entry, 0}};
  seen[entry] = 1;
  while (!frames.empty()) {
    auto &[v, next] = frames.back();
    if (next < succ[v].size()) {
      NodeId w = succ[v][next++];
      if (comp[w] == comp[v] && !seen[w]) {
        seen[w] = 1;
        frames.push_back({w, 0});
      }
      continue;
    }
    post.push_back(v);
    frames.pop_back();
  }
  std::reverse(post.begin(), post.end());
  return post;
}
} // namespace

bool axon::sim::isSpikeSource(NodeKind kind) {
  return isSpiking(kind) || kind == NodeKind::Input;
}

Schedule axon::sim::computeSchedule(const Network &net,
                                    unsigned minSynapticDelaySteps) {
  size_t n = net.size();
  // Edges that are delayed anyway impose no order (rule 4).
  auto ordering = [&](NodeId u) {
    return minSynapticDelaySteps == 0 || !isSpikeSource(net.node(u).kind);
  };
  Adjacency succ(n);
  for (NodeId v = 0; v < n; ++v)
    for (NodeId u : net.node(v).inputs)
      if (ordering(u))
        succ[u].push_back(v);
  for (auto &s : succ) {
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
  }
  std::vector<uint32_t> comp = tarjan(succ);
  uint32_t numComps = 0;
  for (uint32_t c : comp)
    numComps = std::max(numComps, c + 1);

  // Members (ascending ids), entry, and condensation in-degrees.
  std::vector<std::vector<NodeId>> members(numComps);
  for (NodeId v = 0; v < n; ++v)
    members[comp[v]].push_back(v);
  std::vector<NodeId> entry(numComps, ~0u);
  std::vector<uint32_t> indeg(numComps, 0);
  std::vector<std::vector<uint32_t>> compSucc(numComps);
  for (NodeId v = 0; v < n; ++v)
    for (NodeId u : net.node(v).inputs)
      if (ordering(u) && comp[u] != comp[v]) {
        entry[comp[v]] = std::min(entry[comp[v]], v);
        compSucc[comp[u]].push_back(comp[v]);
        ++indeg[comp[v]];
      }

  Schedule s;
  s.position.assign(n, 0);
  s.scc.assign(n, 0);
  using Key = std::pair<NodeId, uint32_t>; // (smallest member, comp)
  std::priority_queue<Key, std::vector<Key>, std::greater<Key>> ready;
  for (uint32_t c = 0; c < numComps; ++c)
    if (indeg[c] == 0)
      ready.push({members[c].front(), c});
  uint32_t sccIndex = 0;
  while (!ready.empty()) {
    uint32_t c = ready.top().second;
    ready.pop();
    NodeId start = entry[c] == ~0u ? members[c].front() : entry[c];
    for (NodeId v : orderInsideScc(succ, comp, start)) {
      s.position[v] = s.order.size();
      s.scc[v] = sccIndex;
      s.order.push_back(v);
    }
    ++sccIndex;
    for (uint32_t d : compSucc[c])
      if (--indeg[d] == 0)
        ready.push({members[d].front(), d});
  }

  s.backEdge.resize(n);
  s.delay.resize(n);
  for (NodeId v = 0; v < n; ++v) {
    const auto &ins = net.node(v).inputs;
    s.backEdge[v].resize(ins.size());
    s.delay[v].resize(ins.size());
    for (size_t k = 0; k < ins.size(); ++k) {
      NodeId u = ins[k];
      bool back =
          ordering(u) && comp[u] == comp[v] && s.position[v] <= s.position[u];
      s.backEdge[v][k] = back;
      s.delay[v][k] = ordering(u) ? (back ? 1 : 0) : minSynapticDelaySteps;
    }
  }
  return s;
}
