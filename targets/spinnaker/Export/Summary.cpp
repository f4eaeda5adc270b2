//===- Summary.cpp - Mapping summary report ---------------------*- C++ -*-===//
//
// What a user asks after mapping: how many cores and chips, how full the
// memories are, how long the tables were before and after compression, and
// where the time went.  The same numbers go out as text and as JSON (for
// scripts and benchmarks).
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Export/Export.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

struct Stats {
  uint64_t populations = 0, projections = 0, cores = 0, chips = 0;
  uint64_t sdramTotal = 0, sdramMaxChip = 0, dtcmTotal = 0, dtcmMaxCore = 0;
  uint64_t cyclesMaxCore = 0;
  uint64_t tables = 0, entriesBefore = 0, entriesAfter = 0;
  uint64_t maxBefore = 0, maxAfter = 0;
};

} // namespace

static Stats collectStats(spinn::MachineOp m) {
  Stats s;
  llvm::DenseMap<uint64_t, uint64_t> sdramPerChip;
  for (Operation &op : *m.getBodyBlock()) {
    if (isa<spinn::PopulationOp>(op)) {
      ++s.populations;
    } else if (isa<spinn::ProjectionOp>(op)) {
      ++s.projections;
    } else if (auto v = dyn_cast<spinn::VertexOp>(op)) {
      ++s.cores;
      uint64_t sdram = v.getSdram().value_or(0);
      uint64_t dtcm = v.getDtcm().value_or(0);
      s.sdramTotal += sdram;
      s.dtcmTotal += dtcm;
      s.dtcmMaxCore = std::max(s.dtcmMaxCore, dtcm);
      s.cyclesMaxCore =
          std::max<uint64_t>(s.cyclesMaxCore, v.getCycles().value_or(0));
      if (spinn::CoreAttr p = v.getPlacementAttr())
        sdramPerChip[((uint64_t)p.getX() << 32) | p.getY()] += sdram;
    } else if (auto t = dyn_cast<spinn::TableOp>(op)) {
      ++s.tables;
      uint64_t before = t.getEntries().size();
      uint64_t after =
          t.getCompressedAttr() ? t.getCompressedAttr().size() : before;
      s.entriesBefore += before;
      s.entriesAfter += after;
      s.maxBefore = std::max(s.maxBefore, before);
      s.maxAfter = std::max(s.maxAfter, after);
    }
  }
  s.chips = sdramPerChip.size();
  for (auto &kv : sdramPerChip)
    s.sdramMaxChip = std::max(s.sdramMaxChip, kv.second);
  return s;
}

void axon::spinnaker::writeSummaryText(spinn::MachineOp m,
                                       ArrayRef<PhaseTime> phases,
                                       raw_ostream &os) {
  Stats s = collectStats(m);
  os << "SpiNNaker mapping of '" << m.getNetwork() << "' on " << m.getProfile()
     << "\n";
  os << "  populations       " << s.populations << "\n";
  os << "  projections       " << s.projections << "\n";
  os << "  cores             " << s.cores << "\n";
  os << "  chips             " << s.chips << "\n";
  os << "  SDRAM total       " << s.sdramTotal << " B (max " << s.sdramMaxChip
     << " B on one chip)\n";
  os << "  DTCM total        " << s.dtcmTotal << " B (max " << s.dtcmMaxCore
     << " B on one core)\n";
  os << "  CPU max           " << s.cyclesMaxCore << " cycles/tick\n";
  os << "  routing tables    " << s.tables << "\n";
  os << "  entries           " << s.entriesBefore << " -> " << s.entriesAfter
     << " after compression (longest " << s.maxBefore << " -> " << s.maxAfter
     << ")\n";
  for (const PhaseTime &p : phases)
    os << "  time " << llvm::left_justify(p.name, 28) << " "
       << llvm::format("%.6f", p.seconds) << " s\n";
}

void axon::spinnaker::writeSummaryJSON(spinn::MachineOp m,
                                       ArrayRef<PhaseTime> phases,
                                       raw_ostream &os) {
  Stats s = collectStats(m);
  llvm::json::OStream j(os, 2);
  j.object([&] {
    j.attribute("network", m.getNetwork());
    j.attribute("machine", m.getProfile());
    j.attribute("populations", (int64_t)s.populations);
    j.attribute("projections", (int64_t)s.projections);
    j.attribute("cores", (int64_t)s.cores);
    j.attribute("chips", (int64_t)s.chips);
    j.attribute("sdram_bytes", (int64_t)s.sdramTotal);
    j.attribute("sdram_max_chip_bytes", (int64_t)s.sdramMaxChip);
    j.attribute("dtcm_bytes", (int64_t)s.dtcmTotal);
    j.attribute("dtcm_max_core_bytes", (int64_t)s.dtcmMaxCore);
    j.attribute("cycles_max_core", (int64_t)s.cyclesMaxCore);
    j.attribute("tables", (int64_t)s.tables);
    j.attribute("entries_before", (int64_t)s.entriesBefore);
    j.attribute("entries_after", (int64_t)s.entriesAfter);
    j.attribute("longest_table_before", (int64_t)s.maxBefore);
    j.attribute("longest_table_after", (int64_t)s.maxAfter);
    j.attributeArray("phases", [&] {
      for (const PhaseTime &p : phases)
        j.object([&] {
          j.attribute("name", p.name);
          j.attribute("seconds", p.seconds);
        });
    });
  });
  os << "\n";
}
