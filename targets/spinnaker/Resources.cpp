//===- Resources.cpp - Per-core resource model ------------------*- C++ -*-===//
//
// The formulas of Resources.h; see there and docs/targets/spinnaker.md for
// where each term comes from.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/Resources.h"

#include <cmath>

using namespace axon::spinnaker;

uint64_t axon::spinnaker::delayStages(const ResourceConstants &c,
                                      uint64_t delayTicks) {
  if (delayTicks <= c.maxRowDelayTicks)
    return 0;
  return (delayTicks - 1) / c.maxRowDelayTicks;
}

uint64_t axon::spinnaker::synapticMatrixBytes(const ResourceConstants &c,
                                              const IncomingRows &rows) {
  if (rows.maxRowLength == 0)
    return 0;
  uint64_t copies = 1 + delayStages(c, rows.delayTicks);
  return copies * rows.sourceAtoms * (c.rowHeaderWords + rows.maxRowLength) * 4;
}

SliceResources
axon::spinnaker::estimateSlice(const ResourceConstants &c, const SliceShape &s,
                               llvm::ArrayRef<IncomingRows> incoming,
                               double spikeProbability) {
  SliceResources r;
  uint64_t neuronBytes = s.atoms * (s.stateWords + s.paramWords) * 4;
  r.dtcm = c.dtcmFixedBytes + neuronBytes;
  r.sdram = c.sdramFixedBytes + neuronBytes;
  if (s.isSource) {
    r.cycles = c.cyclesFixed + s.atoms * c.sourceCyclesPerAtom;
    return r;
  }
  r.dtcm +=
      c.ringBufferSlots * c.synapseTypes * c.ringBufferEntryBytes * s.atoms;
  r.cycles = c.cyclesFixed + s.atoms * (c.cyclesPerNeuron +
                                        c.cyclesPerStateWord * s.stateWords);
  double synapticCycles = 0;
  for (const IncomingRows &in : incoming) {
    if (in.maxRowLength == 0)
      continue;
    r.dtcm += c.masterPopEntryBytes + c.addressListEntryBytes;
    r.sdram += synapticMatrixBytes(c, in);
    synapticCycles +=
        spikeProbability * ((double)in.sourceAtoms * (double)c.cyclesPerRow +
                            (double)in.synapses * (double)c.cyclesPerSynapse);
  }
  r.cycles += (uint64_t)std::ceil(synapticCycles);
  return r;
}
