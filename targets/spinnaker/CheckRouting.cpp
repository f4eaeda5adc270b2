//===- CheckRouting.cpp - Prove the loaded tables route correctly -*- C++ -*-//
//
// Two independent checks, because a compressor bug and a table-building bug
// look the same on the machine (spikes lost or sent twice):
//
//  1. per chip, the compressed table routes every key the uncompressed one
//     routes identically (the Router library's symbolic proof);
//  2. per sending vertex, a packet carrying its first and last atom key,
//     followed hop by hop through the tables that would be loaded (first
//     match wins; unmatched packets continue straight on, as the router's
//     default routing does), reaches exactly the cores of its targets.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/Passes.h"
#include "targets/spinnaker/Router/Check.h"

#include "mlir/IR/Threading.h"
#include "llvm/ADT/DenseSet.h"

#include <optional>
#include <set>

namespace axon::spinnaker {
#define GEN_PASS_DEF_SPINNCHECKROUTING
#include "targets/spinnaker/Passes.h.inc"
} // namespace axon::spinnaker

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

using CoreSet = std::set<std::tuple<int, int, unsigned>>;

struct SpinnCheckRoutingPass
    : public spinnaker::impl::SpinnCheckRoutingBase<SpinnCheckRoutingPass> {
  using SpinnCheckRoutingBase::SpinnCheckRoutingBase;
  void runOnOperation() override;
  LogicalResult check(spinn::MachineOp machine);
};

} // namespace

/// The cores a packet with `key` sent from `source` reaches; fails (with
/// `why`) if it is dropped at its source or loops.
static LogicalResult
walkPacket(const Machine &machine,
           const llvm::DenseMap<Machine::ChipId, RoutingTable> &tables,
           ChipCoord source, uint32_t key, CoreSet &reached, std::string &why) {
  llvm::DenseSet<std::pair<Machine::ChipId, int>> seen;
  SmallVector<std::pair<Machine::ChipId, int>> work{
      {machine.chipId(source), -1}};
  while (!work.empty()) {
    auto [chip, inLink] = work.pop_back_val();
    if (!seen.insert({chip, inLink}).second) {
      why = "loops";
      return failure();
    }
    uint32_t route = 0;
    auto it = tables.find(chip);
    std::optional<size_t> hit;
    if (it != tables.end())
      hit = firstMatch(it->second.entries, key);
    if (hit) {
      route = it->second.entries[*hit].route;
    } else if (inLink < 0) {
      why = "is dropped at its source chip";
      return failure();
    } else {
      route = routeLinkBit(oppositeLink(inLink));
    }
    ChipCoord c = machine.coord(chip);
    for (unsigned core = 0; core < RouteCoreBits; ++core)
      if (route & routeCoreBit(core))
        reached.insert({c.x, c.y, core});
    for (unsigned link = 0; link < NumLinks; ++link) {
      if (!(route & routeLinkBit(link)))
        continue;
      Machine::ChipId next = machine.neighbour(chip, link);
      if (next == Machine::InvalidChip) {
        why = "is sent over dead link " + std::to_string(link) + " of (" +
              std::to_string(c.x) + ", " + std::to_string(c.y) + ")";
        return failure();
      }
      work.push_back({next, (int)oppositeLink(link)});
    }
  }
  return success();
}

static std::string describeCores(const CoreSet &cores) {
  std::string s;
  for (auto [x, y, p] : cores)
    s += (s.empty() ? "(" : ", (") + std::to_string(x) + ", " +
         std::to_string(y) + ", " + std::to_string(p) + ")";
  return "{" + s + "}";
}

/// Check 2 for one vertex: the problem as the text of an op error on `v`, or
/// nothing.  Reads the IR only, so vertices are checked in parallel.
static std::optional<std::string>
checkDelivery(spinn::VertexOp v, const SymbolTable &symbols,
              const Machine &machine,
              const llvm::DenseMap<Machine::ChipId, RoutingTable> &tables) {
  auto targets = v.getTargets();
  if (!targets || targets->empty())
    return std::nullopt;
  spinn::CoreAttr source = v.getPlacementAttr();
  spinn::KeyMaskAttr km = v.getKeyMaskAttr();
  if (!source || !km)
    return std::string("has targets but no placement or key");
  CoreSet expected;
  for (auto ref : targets->getAsRange<FlatSymbolRefAttr>())
    if (auto t =
            dyn_cast_or_null<spinn::VertexOp>(symbols.lookup(ref.getAttr())))
      if (spinn::CoreAttr p = t.getPlacementAttr())
        expected.insert({(int)p.getX(), (int)p.getY(), p.getP()});
  uint32_t last = km.getKey() | (uint32_t)(v.getHi() - v.getLo() - 1);
  for (uint32_t key : {km.getKey(), last}) {
    CoreSet reached;
    std::string why;
    if (failed(walkPacket(machine, tables,
                          {(int)source.getX(), (int)source.getY()}, key,
                          reached, why)))
      return "packet with key " + std::to_string(key) + " " + why;
    if (reached != expected)
      return "packets with key " + std::to_string(key) + " reach cores " +
             describeCores(reached) + " but its targets are on " +
             describeCores(expected);
  }
  return std::nullopt;
}

LogicalResult SpinnCheckRoutingPass::check(spinn::MachineOp m) {
  FailureOr<Machine> machine = getMachine(m);
  if (failed(machine))
    return failure();
  MLIRContext *ctx = m.getContext();
  // Check 1, per chip in parallel; diagnostics in chip order afterwards, so
  // results and messages do not depend on the thread count.
  SmallVector<spinn::TableOp> tables(m.getOps<spinn::TableOp>());
  std::vector<RoutingTable> compressed(tables.size());
  std::vector<std::string> tableErrors(tables.size());
  mlir::parallelFor(ctx, 0, tables.size(), [&](size_t i) {
    compressed[i] = tableFromOp(tables[i], /*useCompressed=*/true);
    if (!tables[i].getCompressedAttr())
      return;
    RoutingTable original = tableFromOp(tables[i], /*useCompressed=*/false);
    if (llvm::Error err = checkCompressedTable(original, compressed[i]))
      tableErrors[i] = llvm::toString(std::move(err));
  });
  llvm::DenseMap<Machine::ChipId, RoutingTable> loaded;
  bool failedAny = false;
  for (size_t i = 0, e = tables.size(); i < e; ++i) {
    if (!tableErrors[i].empty()) {
      tables[i].emitOpError() << tableErrors[i];
      failedAny = true;
    }
    loaded[machine->chipId({compressed[i].x, compressed[i].y})] =
        std::move(compressed[i]);
  }
  if (failedAny)
    return failure();
  // Check 2, per vertex in parallel, reported in vertex order.
  SymbolTable symbols(m);
  SmallVector<spinn::VertexOp> vertices(m.getOps<spinn::VertexOp>());
  std::vector<std::optional<std::string>> problems(vertices.size());
  mlir::parallelFor(ctx, 0, vertices.size(), [&](size_t i) {
    problems[i] = checkDelivery(vertices[i], symbols, *machine, loaded);
  });
  for (size_t i = 0, e = vertices.size(); i < e; ++i)
    if (problems[i]) {
      vertices[i].emitOpError() << *problems[i];
      failedAny = true;
    }
  return failure(failedAny);
}

void SpinnCheckRoutingPass::runOnOperation() {
  for (spinn::MachineOp m : getMachines(getOperation()))
    if (failed(check(m)))
      return signalPassFailure();
}
