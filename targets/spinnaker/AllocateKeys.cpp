//===- AllocateKeys.cpp - Zoned multicast keys ------------------*- C++ -*-===//
//
// A spike's key says who sent it: | population | slice | atom |.  The three
// fields have the same widths for every vertex, just wide enough for the
// largest population index, slice count and slice size, so all slices of a
// population share a key prefix (their entries merge when they share a route)
// and a receiving core finds the source population with one mask.
//
//===----------------------------------------------------------------------===//

#include "targets/spinnaker/MachineIR.h"
#include "targets/spinnaker/Passes.h"

#include "mlir/IR/Builders.h"

namespace axon::spinnaker {
#define GEN_PASS_DEF_SPINNALLOCATEKEYS
#include "targets/spinnaker/Passes.h.inc"
} // namespace axon::spinnaker

using namespace mlir;
using namespace axon;
using namespace axon::spinnaker;

namespace {

struct SpinnAllocateKeysPass
    : public spinnaker::impl::SpinnAllocateKeysBase<SpinnAllocateKeysPass> {
  using SpinnAllocateKeysBase::SpinnAllocateKeysBase;
  void runOnOperation() override;
  LogicalResult allocate(spinn::MachineOp machine);
};

} // namespace

LogicalResult SpinnAllocateKeysPass::allocate(spinn::MachineOp m) {
  llvm::StringMap<unsigned> popIndex;
  for (auto pop : m.getOps<spinn::PopulationOp>())
    popIndex.try_emplace(pop.getSymName(), popIndex.size());
  SmallVector<unsigned> slices(popIndex.size(), 0);
  uint64_t maxAtoms = 1, maxSlices = 1;
  for (auto v : m.getOps<spinn::VertexOp>()) {
    unsigned &n = slices[popIndex.lookup(v.getPopulation())];
    maxSlices = std::max<uint64_t>(maxSlices, ++n);
    maxAtoms = std::max<uint64_t>(maxAtoms, v.getHi() - v.getLo());
  }
  unsigned popBits = bitsFor(popIndex.size());
  unsigned sliceBits = bitsFor(maxSlices), atomBits = bitsFor(maxAtoms);
  if (popBits + sliceBits + atomBits > 32)
    return m.emitOpError() << "needs " << popBits << " population + "
                           << sliceBits << " slice + " << atomBits
                           << " atom bits, more than a 32-bit key holds";
  uint32_t mask = atomBits >= 32 ? 0 : (0xFFFFFFFFu << atomBits);
  std::fill(slices.begin(), slices.end(), 0);
  for (auto v : m.getOps<spinn::VertexOp>()) {
    unsigned pop = popIndex.lookup(v.getPopulation());
    uint64_t key = ((uint64_t)pop << (sliceBits + atomBits)) |
                   ((uint64_t)slices[pop]++ << atomBits);
    v.setKeyMaskAttr(
        spinn::KeyMaskAttr::get(m.getContext(), (uint32_t)key, mask));
  }
  return success();
}

void SpinnAllocateKeysPass::runOnOperation() {
  for (spinn::MachineOp m : getMachines(getOperation()))
    if (failed(allocate(m)))
      return signalPassFailure();
}
