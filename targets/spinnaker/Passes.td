//===- Passes.td - SpiNNaker mapping passes ----------------*- tablegen -*-===//
//
// PACMAN's phases as passes over a module holding an `snn.network` and the
// `spinn.machine` it is mapped to: convert, partition, place, route, allocate
// keys, build tables, compress, check.  Each phase only adds attributes or
// ops, so the IR between phases is a readable, testable checkpoint.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_TARGETS_SPINNAKER_PASSES_TD
#define AXON_TARGETS_SPINNAKER_PASSES_TD

include "mlir/Pass/PassBase.td"

def SpinnFoldScales : Pass<"spinn-fold-scales", "mlir::ModuleOp"> {
  let summary = "Fold a scale op into the affine/linear op it feeds";
  let description = [{
    SpiNNaker needs a population between two synaptic ops, but ANN->SNN
    conversion leaves `scale(lambda)` after every IF population (each spike
    carries lambda).  `affine(scale(x, s))` with one input is rewritten to
    `affine(x)` with `W' = W diag(s)` (`s` a scalar or one value per column,
    rank-1 signals, f32 weights), which is the same map; the scale op is
    erased once unused.  Other scales are left alone.
  }];
}

def ConvertSNNToSpinn : Pass<"convert-snn-to-spinn", "mlir::ModuleOp"> {
  let summary = "Create the SpiNNaker machine graph of every snn.network";
  let description = [{
    For each `snn.network @n`, appends `spinn.machine @n_spinnaker` holding one
    `spinn.population` per neuron population and per `snn.input`, and one
    `spinn.projection` per path along which a population's output reaches
    another population: directly (one-to-one), or through one synaptic op
    (affine, linear, scale, conv, pooling: the SynapticOpInterface), with any
    `flatten` and `delay` ops on the way.  A population's output is what
    travels as packets; the synaptic op becomes synaptic rows on the cores of
    the target population.  ANN ops (relu, batch_norm, ...) feeding a
    population are rejected: convert the network first.

    `spinn.neurons_per_core` (an integer attribute on a population's snn op)
    overrides `neurons-per-core` for that population.

    ```mlir
    %s = snn.lif %x {...} : (tensor<600xf32>) -> tensor<600xi1> loc("exc")
    // becomes, in spinn.machine @n_spinnaker:
    spinn.population @exc {kind = "lif", neurons = 600, neurons_per_core = 256, ...}
    ```
  }];
  let options = [
    Option<"machine", "machine", "std::string", "\"spinnaker1\"",
           "Machine profile (spinnaker1, spinnaker1-boards:N, spinnaker1-1m, "
           "spinnaker2)">,
    Option<"neuronsPerCore", "neurons-per-core", "int64_t", "256",
           "Default neurons per core">,
    ListOption<"deadChips", "dead-chips", "unsigned",
               "Dead chips as a flat x,y,x,y,... list">,
    ListOption<"deadCores", "dead-cores", "unsigned",
               "Dead cores as a flat x,y,p,... list">
  ];
  let dependentDialects = ["::axon::spinn::SpinnDialect"];
}

def SpinnPartition : Pass<"spinn-partition", "mlir::ModuleOp"> {
  let summary = "Slice populations into per-core vertices and size them";
  let description = [{
    Cuts every population into slices of `neurons_per_core` atoms (the last
    one shorter: 600 at 256 -> 256, 256, 88) and charges each slice DTCM,
    SDRAM and CPU cycles per tick with the resource model of
    `targets/spinnaker/Resources.h` (sPyNNaker's synaptic-row layout:
    3 header words + one word per synapse, rows padded to the longest row of
    each (source slice, projection), delay stages for delays over 16 ticks).
    Records on every vertex which vertices hold rows for its spikes
    (`targets`).  A slice that does not fit a core is an error on the
    population naming the resource, what is needed and what is available.
  }];
  let options = [
    Option<"timeStepUs", "time-step-us", "double", "1000.0",
           "Real-time tick in microseconds (CPU budget = clock * tick)">,
    Option<"spikeRate", "spike-rate", "double", "10.0",
           "Mean firing rate in Hz assumed for the synaptic CPU load">
  ];
}

def SpinnPlace : Pass<"spinn-place", "mlir::ModuleOp"> {
  let summary = "Place vertices on cores, keeping connected ones close";
  let description = [{
    Visits populations breadth-first along projections (from the first
    population in IR order, then any not yet reached) and fills the live
    chips in rings of increasing hexagonal distance from chip (0, 0), core
    by core, so the slices of a population and of populations connected to
    it land on the same or adjacent chips.  Dead chips and cores, per-chip
    application cores and per-chip SDRAM are honoured, and only cores a route
    word can address (18 per chip) are used.  Deterministic.
  }];
}

def SpinnRoute : Pass<"spinn-route", "mlir::ModuleOp"> {
  let summary = "Build a multicast tree from every vertex to its targets";
  let description = [{
    Neighbour Exploring Routing (the Router library) from the chip of each
    sending vertex to the cores of its `targets`; the tree is stored on the
    vertex as `tree` (x, y, parent, in-link, route per chip, root first).
  }];
}

def SpinnAllocateKeys : Pass<"spinn-allocate-keys", "mlir::ModuleOp"> {
  let summary = "Give every vertex a zoned multicast key and mask";
  let description = [{
    Keys are | population | slice | atom |, each field as wide as the largest
    value needs (global widths, so the slices of a population share a prefix
    and tables compress); the mask covers population and slice.  Neuron i of
    a vertex sends key | (i - lo).
  }];
}

def SpinnBuildTables : Pass<"spinn-build-tables", "mlir::ModuleOp"> {
  let summary = "Turn routing trees and keys into per-chip routing tables";
  let description = [{
    One `spinn.table` per chip that any tree crosses, ascending chip order,
    entries in vertex order; pass-through entries are marked `defaultable`
    (they are dropped where legal by `--spinn-compress-tables`, which keeps
    them as protected key space).
  }];
}

def SpinnCompressTables : Pass<"spinn-compress-tables", "mlir::ModuleOp"> {
  let summary = "Compress each routing table to fit its router";
  let description = [{
    Drops removable default routes, then Ordered Covering or pair merging
    until the table fits the chip's router (or `target-length`), never
    further.  Stores the result as `compressed`.  A table that cannot fit is
    an error naming the chip, the length reached and the capacity.
  }];
  let options = [
    Option<"algorithm", "algorithm", "std::string", "\"ordered-covering\"",
           "ordered-covering or pair-merge">,
    Option<"targetLength", "target-length", "unsigned", "0",
           "Entries to compress to (0: the chip's router capacity)">
  ];
}

def SpinnCheckRouting : Pass<"spinn-check-routing", "mlir::ModuleOp"> {
  let summary = "Prove compressed tables equivalent and every packet delivered";
  let description = [{
    For every chip, proves the compressed table routes every key of the
    uncompressed one identically (the Router library's symbolic checker).
    Then follows every vertex's key through the loaded tables from its chip
    (first match wins, unmatched packets continue straight on) and checks the
    set of cores reached is exactly the cores of its `targets`.
  }];
}

def SpinnReplayCheck : Pass<"spinn-replay-check", "mlir::ModuleOp"> {
  let summary = "Replay the mapped machine and compare with the reference";
  let description = [{
    Runs every `spinn.machine` as the machine would: per-core neuron updates
    in the `spinnaker` fixed-point profile (the reference simulator's own
    kernels, one per vertex), every spike sent as a multicast packet with key
    `base | atom`, looked up hop by hop in the loaded (compressed) routing
    tables (first match wins; an unmatched packet continues straight through,
    or is dropped at its source chip), delivered to cores, looked up in the
    core's master population table and added through its synaptic rows into
    a ring buffer at the row's delay.  Connectivity comes only from the spinn
    IR (projections, vertex slices, placements, keys, tables); the snn network
    supplies weights and neuron parameters.

    The same seeded Poisson input spikes (`rate` Hz per input neuron) drive
    the reference simulation of the unmapped network (profile `spinnaker`,
    minimum synaptic delay 1).  Spike trains (and the membrane of non-spiking
    populations) are compared step by step: the first divergence (step,
    population, neuron) or routing fault (packet dropped, looping, delivered
    to a core without a vertex or without a row for its key, or missing a
    core that holds its row) is an error.  On success a remark
    `replay: N steps, K spikes, P packets, identical` is emitted on the
    machine.  See docs/targets/spinnaker-replay.md.
  }];
  let options = [
    Option<"steps", "steps", "uint64_t", "100", "Time steps to replay">,
    Option<"seed", "seed", "uint64_t", "1",
           "Seed of the Poisson input spikes">,
    Option<"rate", "rate", "double", "100.0",
           "Mean firing rate of every input neuron in Hz">,
    Option<"hopLimit", "hop-limit", "unsigned", "0",
           "Router hops after which a packet counts as looping (0: the "
           "number of chips)">,
    Option<"timing", "timing", "bool", "false",
           "Also remark the CPU time of the machine side and of the "
           "reference (not deterministic: for measurements, not tests)">
  ];
}

#endif // AXON_TARGETS_SPINNAKER_PASSES_TD
