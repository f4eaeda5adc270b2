//===- CoreMapProto.cpp - The protobuf core map -----------------*- C++ -*-===//
//
// Fills coremap.proto's CoreMap from a mapped spinn.machine: the one file a
// loader or a machine-level replay reads (slices, cores, keys, targets and
// both versions of every routing table).
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Export/Export.h"
#include "targets/spinnaker/coremap.pb.h"

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;
namespace pb = axon::spinnaker::coremap;

static void setCore(pb::Core *core, unsigned x, unsigned y, unsigned p) {
  core->set_x(x);
  core->set_y(y);
  core->set_p(p);
}

static void addEntries(ArrayAttr entries,
                       google::protobuf::RepeatedPtrField<pb::Entry> *out) {
  for (auto e : entries.getAsRange<spinn::EntryAttr>()) {
    pb::Entry *entry = out->Add();
    entry->set_key(e.getKey());
    entry->set_mask(e.getMask());
    entry->set_route(e.getRoute());
    entry->set_defaultable(e.getDefaultable());
  }
}

static void addVertex(pb::CoreMap &map, spinn::VertexOp v) {
  pb::Vertex *out = map.add_vertices();
  out->set_name(v.getSymName().str());
  out->set_population(v.getPopulation().str());
  out->set_lo(v.getLo());
  out->set_hi(v.getHi());
  if (spinn::CoreAttr p = v.getPlacementAttr())
    setCore(out->mutable_placement(), p.getX(), p.getY(), p.getP());
  out->set_dtcm_bytes(v.getDtcm().value_or(0));
  out->set_sdram_bytes(v.getSdram().value_or(0));
  out->set_cycles_per_tick(v.getCycles().value_or(0));
  if (spinn::KeyMaskAttr km = v.getKeyMaskAttr()) {
    out->set_key(km.getKey());
    out->set_mask(km.getMask());
  }
  if (auto targets = v.getTargets())
    for (auto ref : targets->getAsRange<FlatSymbolRefAttr>())
      out->add_targets(ref.getValue().str());
}

LogicalResult axon::spinnaker::exportCoreMapProto(spinn::MachineOp m,
                                                  raw_ostream &os) {
  pb::CoreMap map;
  map.set_machine(m.getProfile().str());
  map.set_network(m.getNetwork().str());
  map.set_width(m.getWidth());
  map.set_height(m.getHeight());
  if (auto dead = m.getDeadChips())
    for (auto c : dead->getAsRange<spinn::ChipAttr>())
      setCore(map.add_dead_chips(), c.getX(), c.getY(), 0);
  if (auto dead = m.getDeadCores())
    for (auto c : dead->getAsRange<spinn::CoreAttr>())
      setCore(map.add_dead_cores(), c.getX(), c.getY(), c.getP());
  for (Operation &op : *m.getBodyBlock()) {
    if (auto pop = dyn_cast<spinn::PopulationOp>(op)) {
      pb::Population *out = map.add_populations();
      out->set_name(pop.getSymName().str());
      out->set_kind(pop.getKind().str());
      out->set_neurons(pop.getNeurons());
      out->set_neurons_per_core(pop.getNeuronsPerCore());
    } else if (auto proj = dyn_cast<spinn::ProjectionOp>(op)) {
      pb::Projection *out = map.add_projections();
      out->set_pre(proj.getPre().str());
      out->set_post(proj.getPost().str());
      out->set_synapse(proj.getSynapse().str());
      out->set_synapses(proj.getSynapses());
      out->set_delay_ticks(proj.getDelay());
    } else if (auto v = dyn_cast<spinn::VertexOp>(op)) {
      addVertex(map, v);
    } else if (auto t = dyn_cast<spinn::TableOp>(op)) {
      pb::Table *out = map.add_tables();
      out->set_x(t.getChip().getX());
      out->set_y(t.getChip().getY());
      addEntries(t.getEntries(), out->mutable_entries());
      if (ArrayAttr c = t.getCompressedAttr())
        addEntries(c, out->mutable_compressed());
    }
  }
  std::string bytes;
  if (!map.SerializeToString(&bytes))
    return m.emitOpError() << "cannot serialize the core map";
  os << bytes;
  return success();
}
