//===- Resources.h - Per-core resource model --------------------*- C++ -*-===//
//
// How much DTCM, SDRAM and CPU time one slice of a population needs on a
// SpiNNaker core.  The model follows sPyNNaker's data layout so that what
// fits here fits on the machine, without PACMAN's habit of over-estimating
// SDRAM:
//
//  * DTCM: a fixed runtime share, neuron state + parameters (one 32-bit word
//    each per neuron), the input ring buffers (16 delay slots x 2 synapse
//    types x 16-bit per neuron) and the master population table (12 bytes +
//    a 4-byte address-list entry per incoming source vertex).
//  * SDRAM: a fixed region share, the neuron image (state + parameters) and
//    the synaptic matrix: per incoming (projection, source vertex), one row
//    per source atom, each row 3 header words + one word per synapse, padded
//    to the longest row (rows are fixed-size so a spike's row is found by
//    multiplication); delays over 16 ticks (the row's delay field) add one
//    delayed copy of the matrix per further 16-tick stage (delay extension).
//  * CPU cycles per tick: fixed + per-neuron update + the expected synaptic
//    work (each source atom spikes with probability rate * tick; a spike
//    costs a row fetch plus a per-synapse cost).
//
// The constants are data (ResourceConstants), documented in
// docs/targets/spinnaker.md.  Plain C++: the benchmark uses it without MLIR.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_RESOURCES_H
#define AXON_TARGETS_SPINNAKER_RESOURCES_H

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>

namespace axon::spinnaker {

struct ResourceConstants {
  uint64_t dtcmFixedBytes = 8192;    ///< stack, heap, spike/DMA queues
  uint64_t ringBufferSlots = 16;     ///< delay slots of the input buffers
  uint64_t synapseTypes = 2;         ///< excitatory + inhibitory buffers
  uint64_t ringBufferEntryBytes = 2; ///< 16-bit saturating accumulators
  uint64_t masterPopEntryBytes = 12; ///< key, mask, address/row length
  uint64_t addressListEntryBytes = 4;
  uint64_t sdramFixedBytes = 8192; ///< system, provenance, recording header
  uint64_t rowHeaderWords = 3;     ///< plastic, fixed-plastic, fixed sizes
  uint64_t maxRowDelayTicks = 16;  ///< delays a row's 4-bit field holds
  uint64_t cyclesFixed = 2000;     ///< timer callback, DMA setup, recording
  uint64_t cyclesPerNeuron = 60;
  uint64_t cyclesPerStateWord = 20;
  uint64_t cyclesPerRow = 100; ///< spike lookup + DMA of one row
  uint64_t cyclesPerSynapse = 16;
  uint64_t sourceCyclesPerAtom = 10; ///< spike sources: send if due
};

/// The synaptic rows one incoming (projection, source vertex) pair puts on a
/// target slice.
struct IncomingRows {
  uint64_t sourceAtoms = 0;  ///< rows: one per atom of the source vertex
  uint64_t maxRowLength = 0; ///< synapses of the longest row
  uint64_t synapses = 0;     ///< non-zero weights in the block
  uint64_t delayTicks = 1;
};

struct SliceShape {
  uint64_t atoms = 0;
  uint64_t stateWords = 0;
  uint64_t paramWords = 0;
  bool isSource = false; ///< a network input: no state, no synapses
};

struct SliceResources {
  uint64_t dtcm = 0;
  uint64_t sdram = 0;
  uint64_t cycles = 0;
};

/// Number of extra delayed copies of a matrix for `delayTicks`.
uint64_t delayStages(const ResourceConstants &c, uint64_t delayTicks);

/// SDRAM bytes of one incoming block's synaptic matrix.
uint64_t synapticMatrixBytes(const ResourceConstants &c,
                             const IncomingRows &rows);

/// Resources of one slice.  `spikeProbability` is the chance a source atom
/// spikes in one tick (rate * tick).
SliceResources estimateSlice(const ResourceConstants &c, const SliceShape &s,
                             llvm::ArrayRef<IncomingRows> incoming,
                             double spikeProbability);

} // namespace axon::spinnaker

#endif // AXON_TARGETS_SPINNAKER_RESOURCES_H
