//===- SpinnOps.td - spinn operations ----------------------*- tablegen -*-===//
//
// The machine graph and its mapping.  Passes fill attributes in phase order
// (partition: vertices and resources; place: placement; route: tree; keys:
// key_mask; tables: spinn.table), so the IR after each phase is a valid,
// printable checkpoint and tests can start from any phase.
//
//===----------------------------------------------------------------------===//

#ifndef AXON_DIALECTS_SPINN_SPINNOPS_TD
#define AXON_DIALECTS_SPINN_SPINNOPS_TD

include "dialects/spinn/SpinnDialect.td"
include "dialects/spinn/SpinnAttrs.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/IR/SymbolInterfaces.td"

class Spinn_Op<string mnemonic, list<Trait> traits = []> :
    Op<Spinn_Dialect, mnemonic, traits>;

def Spinn_NonNegI64 : ConfinedAttr<I64Attr, [IntMinValue<0>]>;
def Spinn_PosI64 : ConfinedAttr<I64Attr, [IntMinValue<1>]>;

//===----------------------------------------------------------------------===//
// Machine
//===----------------------------------------------------------------------===//

def Spinn_MachineOp : Spinn_Op<"machine", [
    Symbol, SymbolTable, IsolatedFromAbove, SingleBlock, NoTerminator]> {
  let summary = "one mapping of a network onto a SpiNNaker machine";
  let description = [{
    `profile` names the machine (see `Machine::fromProfile`); `width`,
    `height`, `cores_per_chip` and `monitor_cores` are copied from it so the
    IR verifies coordinates without knowing the profiles.  `dead_chips` and
    `dead_cores` list faults every phase must honour.  `network` names the
    `snn.network` whose synaptic ops hold the weights.

    ```mlir
    spinn.machine @m attributes {profile = "spinnaker1", network = "net",
        width = 8, height = 8, cores_per_chip = 18, monitor_cores = 1} {
      spinn.population @exc {neurons = 600, neurons_per_core = 256, ...}
      spinn.vertex @exc_0 {population = @exc, lo = 0, hi = 256, ...}
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$profile,
                       StrAttr:$network, Spinn_PosI64:$width,
                       Spinn_PosI64:$height, Spinn_PosI64:$cores_per_chip,
                       Spinn_NonNegI64:$monitor_cores,
                       OptionalAttr<TypedArrayAttrBase<Spinn_ChipAttr,
                           "chip list">>:$dead_chips,
                       OptionalAttr<TypedArrayAttrBase<Spinn_CoreAttr,
                           "core list">>:$dead_cores);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name attr-dict-with-keyword $body";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    ::mlir::Block *getBodyBlock() { return &getBody().front(); }
    /// True if (x, y) is on the machine.
    bool inBounds(unsigned x, unsigned y) {
      return x < (uint64_t)getWidth() && y < (uint64_t)getHeight();
    }
  }];
}

class Spinn_MachineChildOp<string mnemonic, list<Trait> traits = []> :
    Spinn_Op<mnemonic, !listconcat(traits, [HasParent<"MachineOp">])>;

//===----------------------------------------------------------------------===//
// Machine graph
//===----------------------------------------------------------------------===//

def Spinn_PopulationOp : Spinn_MachineChildOp<"population", [Symbol]> {
  let summary = "a population of the network (neurons or an input)";
  let description = [{
    `node` is the population's node name in the network (the `NameLoc` of
    its op, or `<op>_<index>` when it has none).  `kind` is the op name
    without dialect (`lif`, `cuba_lif`, `input`, ...); `state_words` and
    `param_words` are the 32-bit words of state and parameters per neuron
    the resource model charges.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, StrAttr:$node,
                       StrAttr:$kind, Spinn_PosI64:$neurons,
                       Spinn_PosI64:$neurons_per_core,
                       Spinn_NonNegI64:$state_words,
                       Spinn_NonNegI64:$param_words);
  let assemblyFormat = "$sym_name attr-dict";
}

def Spinn_ProjectionOp : Spinn_MachineChildOp<"projection", [
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "spikes of `pre` reaching `post` through a synaptic op";
  let description = [{
    `synapse` is the node name of the synaptic op in the network ("" for a
    direct one-to-one connection), `synapses` the number of non-zero weights,
    `delay` the axonal delay in ticks (>= 1).
  }];
  let arguments = (ins FlatSymbolRefAttr:$pre, FlatSymbolRefAttr:$post,
                       StrAttr:$synapse, Spinn_NonNegI64:$synapses,
                       Spinn_PosI64:$delay);
  let assemblyFormat = "$pre `->` $post attr-dict";
}

def Spinn_VertexOp : Spinn_MachineChildOp<"vertex", [
    Symbol, DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "a slice [lo, hi) of a population, run by one core";
  let description = [{
    Resources (`dtcm`, `sdram` bytes, `cycles` per tick) come from
    `--spinn-partition`, `placement` from `--spinn-place`, `tree` (5 words
    per chip: x, y, parent index, in-link or -1, route word; root first) from
    `--spinn-route`, `key_mask` from `--spinn-allocate-keys`.  `targets` are
    the vertices that hold synaptic rows for this vertex's spikes.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       FlatSymbolRefAttr:$population,
                       Spinn_NonNegI64:$lo, Spinn_PosI64:$hi,
                       OptionalAttr<Spinn_NonNegI64>:$dtcm,
                       OptionalAttr<Spinn_NonNegI64>:$sdram,
                       OptionalAttr<Spinn_NonNegI64>:$cycles,
                       OptionalAttr<FlatSymbolRefArrayAttr>:$targets,
                       OptionalAttr<Spinn_CoreAttr>:$placement,
                       OptionalAttr<DenseI32ArrayAttr>:$tree,
                       OptionalAttr<Spinn_KeyMaskAttr>:$key_mask);
  let assemblyFormat = "$sym_name attr-dict";
  let hasVerifier = 1;
}

def Spinn_TableOp : Spinn_MachineChildOp<"table"> {
  let summary = "the ordered routing table of one chip";
  let description = [{
    `entries` is the table as built (first match wins; `defaultable` marks
    pass-through entries); `compressed`, when present, is what is loaded
    into the router and routes every key `entries` routes identically.
  }];
  let arguments = (ins Spinn_ChipAttr:$chip,
                       TypedArrayAttrBase<Spinn_EntryAttr, "entries">:$entries,
                       OptionalAttr<TypedArrayAttrBase<Spinn_EntryAttr,
                           "entries">>:$compressed);
  let assemblyFormat = "$chip attr-dict";
  let hasVerifier = 1;
}

#endif // AXON_DIALECTS_SPINN_SPINNOPS_TD
